#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 The Intent Sandboxes Authors
#
# The install test: do what an adopter does, outside this monorepo.
#
#   1. build every publishable package under plugins/ and pack it (yarn pack: the tarball the
#      registry would serve, with workspace: ranges replaced by versions);
#   2. create a minimal Backstage app (backend + frontend) in a folder of its own, on this
#      repository's release line: its versions are the ones installed here (its yarn install
#      needs no tarball, so it runs while step 1 builds);
#   3. install the tarballs with the commands of the README ("Adding the plugins to an existing
#      Backstage app"); root resolutions stand in for the registry, so the packages' dependencies
#      on each other resolve to the tarballs too;
#   4. start its backend and call the intent API (health, then a plan preview as the guest);
#   5. type-check its frontend: the plugin in createApp (new frontend system) and IntentPage as a
#      route (legacy frontend system).
#
# Caches: Yarn's global cache (shared with this repository's install) and, under
# INTENT_INSTALL_TEST_CACHE (default .cache/install-test, git-ignored), the app's last yarn.lock,
# so a warm run downloads and resolves nothing it already had. The app itself is created anew on every run in INTENT_INSTALL_TEST_APP
# (default: a folder under $TMPDIR). Needs no network but the npm registry.
# INTENT_INSTALL_TEST_REUSE_TARBALLS=1 skips the build and pack when tarballs exist (for work on
# the app part of this script).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh

ROOT="$PWD"
CACHE="${INTENT_INSTALL_TEST_CACHE:-$ROOT/.cache/install-test}"
APP="${INTENT_INSTALL_TEST_APP:-${TMPDIR:-/tmp}/intent-install-test-app}"
PORT="${INTENT_INSTALL_TEST_PORT:-7017}"
TARBALLS="$CACHE/tarballs"
mkdir -p "$CACHE" "$TARBALLS"
# Yarn's global cache is the one this repository's own install filled, so the app downloads
# only what the repository does not use.
export YARN_ENABLE_GLOBAL_CACHE=true
export YARN_ENABLE_TELEMETRY=false
# Yarn 4.13 crashes when it retries a request ("The `onCancel` handler was attached after the
# promise settled"), seen on this machine under load: fail on the first error instead.
export YARN_HTTP_RETRY=0
# The app is new: its lockfile is written by these installs, also where CI=true would make
# Yarn refuse to change a lockfile.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false

started=$SECONDS
phase() { echo "--- install-test: $* ($((SECONDS - started)) s)"; }

# Every publishable package: plugins/* without "private": true.
mapfile -t PLUGIN_DIRS < <(for d in plugins/*/; do
  d="${d%/}"
  [ -f "$d/package.json" ] &&
    node -e 'process.exit(require(process.argv[1]).private ? 1 : 0)' "$ROOT/$d/package.json" &&
    echo "$d"
done)

phase "create the app in $APP"
rm -rf "$APP"
mkdir -p "$APP/packages/backend/src" "$APP/packages/app/src" "$APP/.yarn/releases"
cp "$ROOT"/.yarn/releases/yarn-*.cjs "$APP/.yarn/releases/"
cp "$ROOT/backstage.json" "$APP/backstage.json"
# The app's last lockfile, else this repository's: Yarn keeps the resolutions that still match,
# so a cold run resolves only the packages the repository does not have.
if [ -f "$CACHE/yarn.lock" ]; then cp "$CACHE/yarn.lock" "$APP/yarn.lock"; else cp "$ROOT/yarn.lock" "$APP/yarn.lock"; fi
# package.json files from this repository's installed versions (its release line), and root
# resolutions that stand in for the registry for our own packages.
node - "$ROOT" "$APP" "$TARBALLS" "${PLUGIN_DIRS[@]}" <<'EOF'
const fs = require('fs');
const path = require('path');
const [root, app, tarballs, ...pluginDirs] = process.argv.slice(2);
const installed = name =>
  `^${require(path.join(root, 'node_modules', name, 'package.json')).version}`;
const deps = names => Object.fromEntries(names.map(n => [n, installed(n)]));
const rootPkg = require(path.join(root, 'package.json'));
const write = (file, json) =>
  fs.writeFileSync(path.join(app, file), `${JSON.stringify(json, null, 2)}\n`);
const resolutions = { ...rootPkg.resolutions };
for (const dir of pluginDirs) {
  const { name } = require(path.join(root, dir, 'package.json'));
  resolutions[name] = `file:${path.join(tarballs, `${path.basename(dir)}.tgz`)}`;
}
write('package.json', {
  name: 'intent-install-test-app',
  version: '1.0.0',
  private: true,
  engines: { node: '22 || 24' },
  workspaces: ['packages/*'],
  scripts: { tsc: 'tsc' },
  devDependencies: {
    ...deps(['@backstage/cli', '@types/jest', '@types/node']),
    typescript: rootPkg.devDependencies.typescript,
  },
  resolutions,
  packageManager: rootPkg.packageManager,
});
write('packages/backend/package.json', {
  name: 'backend',
  version: '0.0.0',
  private: true,
  main: 'src/index.ts',
  backstage: { role: 'backend' },
  scripts: { start: 'backstage-cli package start' },
  devDependencies: deps(['@backstage/cli']),
  dependencies: deps([
    '@backstage/backend-defaults',
    '@backstage/plugin-auth-backend',
    '@backstage/plugin-auth-backend-module-guest-provider',
    '@backstage/plugin-catalog-backend',
    '@backstage/plugin-scaffolder-backend',
    'better-sqlite3',
  ]),
});
write('packages/app/package.json', {
  name: 'app',
  version: '0.0.0',
  private: true,
  backstage: { role: 'frontend' },
  dependencies: deps([
    '@backstage/cli',
    '@backstage/core-app-api',
    '@backstage/frontend-defaults',
    'react',
    'react-dom',
    'react-router',
    'react-router-dom',
  ]),
  devDependencies: deps(['@types/react', '@types/react-dom']),
});
EOF
# This repository's Yarn settings (node-modules linker, the age gate of create-app's template).
grep -v '^yarnPath' "$ROOT/.yarnrc.yml" >"$APP/.yarnrc.yml"
echo "yarnPath: .yarn/releases/$(basename "$ROOT"/.yarn/releases/yarn-*.cjs)" >>"$APP/.yarnrc.yml"
cat >"$APP/tsconfig.json" <<'EOF'
{
  "extends": "@backstage/cli/config/tsconfig.json",
  "include": ["packages/*/src"],
  "exclude": ["node_modules"],
  "compilerOptions": { "outDir": "dist-types", "rootDir": ".", "jsx": "react-jsx" }
}
EOF
cat >"$APP/app-config.yaml" <<EOF
app:
  baseUrl: http://localhost:3000
backend:
  baseUrl: http://localhost:$PORT
  listen:
    port: $PORT
  database:
    client: better-sqlite3
    connection: ':memory:'
auth:
  providers:
    guest: {}
catalog:
  rules:
    - allow: [Component, System, API, Resource, Location, User, Group, IntentPolicy]
EOF
# The backend and the frontend as the README shows them.
cat >"$APP/packages/backend/src/index.ts" <<'EOF'
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend'));

backend.add(import('@intent-sandboxes/backstage-plugin-intent-backend'));
backend.add(
  import(
    '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner'
  ),
);
backend.add(
  import(
    '@intent-sandboxes/backstage-plugin-intent-backend-module-simulated-cloud'
  ),
);
backend.add(
  import('@intent-sandboxes/backstage-plugin-intent-backend-module-anthropic'),
);
backend.add(
  import('@intent-sandboxes/backstage-plugin-catalog-backend-module-intent'),
);
backend.add(
  import('@intent-sandboxes/backstage-plugin-scaffolder-backend-module-intent'),
);
backend.add(
  import('@intent-sandboxes/backstage-plugin-intent-backend-module-aws'),
);
backend.start();
EOF
cat >"$APP/packages/app/src/App.tsx" <<'EOF'
import { createApp } from '@backstage/frontend-defaults';
import intentPlugin from '@intent-sandboxes/backstage-plugin-intent';

export default createApp({
  features: [intentPlugin],
});
EOF
# The legacy frontend system: the page as a route of an app on @backstage/core-app-api.
cat >"$APP/packages/app/src/LegacyRoutes.tsx" <<'EOF'
import { FlatRoutes } from '@backstage/core-app-api';
import { Route } from 'react-router-dom';
import { IntentPage } from '@intent-sandboxes/backstage-plugin-intent';

export const routes = (
  <FlatRoutes>
    <Route path="/intent" element={<IntentPage />} />
  </FlatRoutes>
);
EOF
cat >"$APP/packages/app/src/index.tsx" <<'EOF'
import ReactDOM from 'react-dom/client';
import App from './App';

ReactDOM.createRoot(document.getElementById('root')!).render(App.createRoot());
EOF

# The app's own install needs none of the tarballs (only the add below does): it runs while
# the packages build and pack, its disk and network time beside their CPU time.
phase "yarn install (the app as created), in the background"
(cd "$APP" && exec yarn install) >"$APP/install.log" 2>&1 &
INSTALL_PID=$!
trap 'kill "$INSTALL_PID" 2>/dev/null || true' EXIT

if [ -n "${INTENT_INSTALL_TEST_REUSE_TARBALLS:-}" ] && ls "$TARBALLS"/*.tgz >/dev/null 2>&1; then
  phase "reusing the tarballs of the last run (INTENT_INSTALL_TEST_REUSE_TARBALLS)"
else
  phase "type declarations (yarn tsc)"
  # The builds of backend packages read the declarations tsc emits into dist-types. Type errors
  # are the type check's business (./portal test runs it first); tsc emits in spite of them.
  yarn tsc >"$CACHE/tsc.log" 2>&1 || echo "install-test: yarn tsc reported errors (see $CACHE/tsc.log); going on with what it emitted"

  phase "build ${#PLUGIN_DIRS[@]} packages"
  printf '%s\n' "${PLUGIN_DIRS[@]}" |
    xargs -P 2 -I{} sh -c 'cd {} && yarn backstage-cli package build >/dev/null'

  phase "pack"
  rm -f "$TARBALLS"/*.tgz
  # yarn pack runs the packages' prepack (backstage-cli package prepack: main, types and exports
  # pointed at dist) and writes the workspace: ranges as versions.
  printf '%s\n' "${PLUGIN_DIRS[@]}" |
    TARBALLS="$TARBALLS" xargs -P 2 -I{} sh -c \
      'cd {} && yarn pack --out "$TARBALLS/$(basename {}).tgz" >/dev/null'
fi
ls -l "$TARBALLS"/*.tgz | awk '{ printf "  %8.1f kB  %s\n", $5 / 1024, $9 }'

cd "$APP"
phase "waiting for the yarn install of the app"
wait "$INSTALL_PID" || { tail -n 40 "$APP/install.log"; exit 1; }
cp yarn.lock "$CACHE/yarn.lock"

phase "add the plugins (README: Adding the plugins to an existing Backstage app)"
tgz() { echo "$TARBALLS/$1.tgz"; }
yarn --cwd packages/backend add \
  "$(tgz intent-backend)" \
  "$(tgz intent-backend-module-rules-planner)" \
  "$(tgz intent-backend-module-simulated-cloud)" \
  "$(tgz catalog-backend-module-intent)" \
  "$(tgz scaffolder-backend-module-intent)" \
  "$(tgz intent-backend-module-anthropic)" \
  "$(tgz intent-backend-module-aws)" >"$APP/add-backend.log" 2>&1 ||
  { tail -n 40 "$APP/add-backend.log"; exit 1; }
yarn --cwd packages/app add "$(tgz intent)" >"$APP/add-app.log" 2>&1 ||
  { tail -n 40 "$APP/add-app.log"; exit 1; }
cp yarn.lock "$CACHE/yarn.lock"

phase "frontend type check (tsc): the Sandboxes page in createApp, IntentPage as a legacy route"
yarn tsc

phase "backend boots and answers the intent API"
setsid bash -c 'cd packages/backend && exec yarn start' >"$APP/backend.log" 2>&1 &
BACKEND_PID=$!
trap 'kill -- -"$BACKEND_PID" 2>/dev/null || true' EXIT
base="http://localhost:$PORT"
for _ in $(seq 1 120); do
  curl -sf "$base/api/intent/health" >/dev/null && break
  if ! kill -0 "$BACKEND_PID" 2>/dev/null; then
    echo "install-test: the backend exited; its log:" >&2
    tail -n 60 "$APP/backend.log" >&2
    exit 1
  fi
  sleep 1
done
health="$(curl -sf "$base/api/intent/health")" || {
  echo "install-test: no answer from $base/api/intent/health within 120 s; backend log:" >&2
  tail -n 60 "$APP/backend.log" >&2
  exit 1
}
echo "  GET /api/intent/health -> $health"
token="$(curl -sf "$base/api/auth/guest/refresh" |
  node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).backstageIdentity.token))')"
preview="$(curl -sS -w '\n%{http_code}' -X POST "$base/api/intent/v1/plans/preview" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"intent":"a t3.micro with Ubuntu 24.04 in eu-west-1 for 4 hours"}')"
status="${preview##*$'\n'}"
body="${preview%$'\n'*}"
if [ "$status" != 200 ]; then
  echo "install-test: plan preview answered $status: $body" >&2
  exit 1
fi
node -e '
  const p = JSON.parse(process.argv[1]);
  const resources = p.plan?.resources ?? [];
  const instance = resources.find(r => r.type === "aws_instance");
  if (!instance || instance.instanceType !== "t3.micro") {
    console.error("install-test: the preview has no t3.micro instance:", process.argv[1].slice(0, 2000));
    process.exit(1);
  }
  console.log(`  POST /api/intent/v1/plans/preview -> 200, ${resources.length} resource(s), planner ${p.planner}, policy verdict ${p.policy.verdict}`);
' "$body"

phase "done"
