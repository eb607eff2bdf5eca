// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DiscoveryService } from '@backstage/backend-plugin-api';
import {
  createMockDirectory,
  mockCredentials,
  mockServices,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConflictError, InputError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  SessionDetails,
  SessionStatus,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import express from 'express';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { formatHcl } from '@intent-sandboxes/backstage-plugin-intent-node';
import {
  backstageError,
  IntentApiServer,
  startIntentApi,
} from '../__testUtils__/intentApiServer';
import {
  testRevision,
  testSessionDetails,
  webInstancePlan,
  webInstanceResource,
} from '../__testUtils__/sessionFixtures';
import { createExportSessionAction } from './exportSession';
import { createPromoteSessionAction } from './promoteSession';
import { createPublishLocalGitAction } from './publishLocalGit';
import { createRegisterFileAction } from './registerFile';

const SESSION_ID = '3f2c9a4e-5b1d-4c8e-9f0a-7d6e5c4b3a21';
const OWNER = 'user:default/guest';

const plan = webInstancePlan('t3.micro');

function details(id: string, status: SessionStatus): SessionDetails {
  return testSessionDetails({
    id,
    title: 'Web "sandbox" ${x}',
    status,
    revisions: [
      testRevision({
        sessionId: id,
        seq: 1,
        plan,
        status: status === 'planned' ? 'proposed' : 'applied',
        creates: 1,
      }),
    ],
    resources:
      status === 'planned'
        ? []
        : [
            webInstanceResource(
              { instanceType: 't3.micro' },
              { instanceType: 't3.micro', imageId: 'ami-0abc' },
            ),
          ],
  });
}

/**
 * Plays the intent plugin's session API: `SESSION_ID` is applied,
 * `planned-1` is not, `theirs` belongs to someone else (403), anything else
 * is unknown (404). Promotes like the backend: only from `active`.
 */
function createIntentApi(promotions: unknown[]) {
  const statuses: Record<string, SessionStatus> = {
    [SESSION_ID]: 'active',
    'planned-1': 'planned',
  };
  const app = express();
  app.use(express.json());
  const known = (req: express.Request, res: express.Response) => {
    const id = req.params.id;
    if (id === 'theirs') {
      res
        .status(403)
        .json(
          backstageError(
            403,
            'NotAllowedError',
            `You are not allowed to intent.session.read on session ${id}`,
          ),
        );
      return undefined;
    }
    if (!statuses[id]) {
      res
        .status(404)
        .json(backstageError(404, 'NotFoundError', `No session with id ${id}`));
      return undefined;
    }
    return id;
  };
  app.get('/api/intent/v1/sessions/:id', (req, res) => {
    const id = known(req, res);
    if (id) res.json(details(id, statuses[id]));
  });
  app.post('/api/intent/v1/sessions/:id/promote', (req, res) => {
    const id = known(req, res);
    if (!id) return;
    if (statuses[id] !== 'active') {
      res
        .status(409)
        .json(
          backstageError(
            409,
            'ConflictError',
            `Session ${id} is ${statuses[id]}; only an applied (active) session can be promoted`,
          ),
        );
      return;
    }
    promotions.push({ id, body: req.body, auth: req.headers.authorization });
    statuses[id] = 'promoted';
    const promoted = details(id, 'promoted');
    promoted.session.promotedTo = req.body.entityRef;
    promoted.session.expiresAt = null;
    res.json(promoted);
  });
  return app;
}

describe('promotion actions', () => {
  const promotions: any[] = [];
  let server: IntentApiServer;
  let discovery: DiscoveryService;
  const auth = mockServices.auth({ pluginId: 'scaffolder' });
  const mockDir = createMockDirectory();

  beforeAll(async () => {
    // The HCL formatter (WASM) loads once, which takes seconds on a busy
    // machine: load it before the tests time the export.
    await formatHcl('');
    server = await startIntentApi(createIntentApi(promotions));
    discovery = server.discovery;
  }, 120_000);

  afterAll(async () => {
    await server.close();
  });

  beforeEach(() => {
    promotions.length = 0;
    mockDir.clear();
    mockDir.setContent({ workspace: {}, published: {} });
  });

  const workspacePath = () => mockDir.resolve('workspace');
  const publishRoot = () => mockDir.resolve('published');
  const config = () =>
    mockServices.rootConfig({
      data: { intent: { promotion: { localGitDirectory: publishRoot() } } },
    });

  /**
   * A catalog that, like the real one, knows the entities of the file
   * locations added to it only after a few reads (processing takes a while).
   */
  function createCatalog(entities: Entity[] = []) {
    const locations: string[] = [];
    let reads = 0;
    const catalog = catalogServiceMock.mock({
      addLocation: jest.fn(async location => {
        locations.push(location.target);
        return {
          location: {
            id: 'loc-1',
            type: 'file',
            target: location.target,
            entityRef: 'location:default/generated-1',
          },
          entities: [],
        };
      }),
      getEntityByRef: jest.fn(async ref => {
        reads += 1;
        const processed =
          reads > 2
            ? locations.map(
                target => parse(fs.readFileSync(target, 'utf8')) as Entity,
              )
            : [];
        return [...entities, ...processed].find(
          e =>
            `${e.kind}:${e.metadata.namespace ?? 'default'}/${
              e.metadata.name
            }`.toLowerCase() === String(ref).toLowerCase(),
        );
      }),
    });
    return { catalog, locations };
  }

  describe('intent:session:export', () => {
    const action = () => createExportSessionAction({ discovery, auth });

    it('writes the Terraform files and a catalog-info.yaml of the session', async () => {
      const ctx = createMockActionContext({
        input: { sessionId: SESSION_ID },
        workspacePath: workspacePath(),
      });
      await action().handler(ctx);

      const written = fs.readdirSync(workspacePath()).sort();
      expect(written).toEqual(
        [
          '.gitignore',
          'README.md',
          'catalog-info.yaml',
          'imports.tf',
          'main.tf',
          'outputs.tf',
          'providers.tf',
          'variables.tf',
          'versions.tf',
        ].sort(),
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'files',
        expect.arrayContaining(['main.tf', 'imports.tf', 'catalog-info.yaml']),
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'componentName',
        'web-sandbox-x-3f2c9a4e',
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        'component:default/web-sandbox-x-3f2c9a4e',
      );
      expect(ctx.output).toHaveBeenCalledWith('owner', OWNER);

      const entity = parse(
        fs.readFileSync(
          path.join(workspacePath(), 'catalog-info.yaml'),
          'utf8',
        ),
      );
      expect(entity).toEqual({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'web-sandbox-x-3f2c9a4e',
          title: 'Web "sandbox" ${x}',
          description: `Terraform for the resources of intent sandbox session ${SESSION_ID}`,
          annotations: { 'intent.backstage.io/session': SESSION_ID },
          tags: ['terraform', 'intent-sandbox'],
        },
        spec: { type: 'terraform', lifecycle: 'experimental', owner: OWNER },
      });
      const imports = fs.readFileSync(
        path.join(workspacePath(), 'imports.tf'),
        'utf8',
      );
      expect(imports).toContain('to = aws_instance.web');
      expect(imports).toContain('id = "i-0123456789abcdef0"');
    });

    it('writes into targetPath under the name given', async () => {
      const ctx = createMockActionContext({
        input: { sessionId: SESSION_ID, name: 'web', targetPath: 'infra' },
        workspacePath: workspacePath(),
      });
      await action().handler(ctx);

      expect(
        fs.existsSync(path.join(workspacePath(), 'infra', 'main.tf')),
      ).toBe(true);
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        'component:default/web',
      );
    });

    it('refuses a targetPath outside the workspace', async () => {
      const ctx = createMockActionContext({
        input: { sessionId: SESSION_ID, targetPath: '../published' },
        workspacePath: workspacePath(),
      });
      await expect(action().handler(ctx)).rejects.toThrow(
        /Relative path is not allowed to refer to a directory outside its parent/,
      );
      expect(fs.readdirSync(publishRoot())).toEqual([]);
    });

    it('refuses a session that is not applied, writing nothing', async () => {
      const ctx = createMockActionContext({
        input: { sessionId: 'planned-1' },
        workspacePath: workspacePath(),
      });
      const done = action().handler(ctx);
      await expect(done).rejects.toThrow(InputError);
      await expect(done).rejects.toThrow(
        'Intent session planned-1 is planned; only an applied (active) session can be exported',
      );
      expect(fs.readdirSync(workspacePath())).toEqual([]);
      expect(ctx.output).not.toHaveBeenCalled();
    });

    it('refuses a session the user may not read (403)', async () => {
      const ctx = createMockActionContext({
        input: { sessionId: 'theirs' },
        workspacePath: workspacePath(),
      });
      const done = action().handler(ctx);
      await expect(done).rejects.toThrow(InputError);
      await expect(done).rejects.toThrow(
        'You may not read intent session theirs: You are not allowed to intent.session.read on session theirs',
      );
      expect(fs.readdirSync(workspacePath())).toEqual([]);
    });

    it('refuses an unknown session (404)', async () => {
      const ctx = createMockActionContext({
        input: { sessionId: 'nope' },
        workspacePath: workspacePath(),
      });
      await expect(action().handler(ctx)).rejects.toThrow(
        'No intent session nope was found; check the session id on its session page',
      );
    });
  });

  describe('intent:publish:local-git', () => {
    const action = () => createPublishLocalGitAction({ config: config() });

    function workspaceWithCatalogInfo() {
      mockDir.addContent({
        'workspace/main.tf': 'resource "aws_instance" "web" {}\n',
        'workspace/catalog-info.yaml': 'kind: Component\n',
      });
    }

    it('pushes the workspace to a bare repository with a working copy', async () => {
      workspaceWithCatalogInfo();
      const ctx = createMockActionContext({
        input: {
          repoName: 'web-sandbox',
          defaultBranch: 'main',
          commitMessage: 'Initial commit',
        },
        workspacePath: workspacePath(),
      });
      await action().handler(ctx);

      const bare = path.join(publishRoot(), 'web-sandbox.git');
      const files = execFileSync('git', ['ls-tree', '--name-only', 'main'], {
        cwd: bare,
        encoding: 'utf8',
      });
      expect(files.trim().split('\n')).toEqual([
        'catalog-info.yaml',
        'main.tf',
      ]);
      const author = execFileSync(
        'git',
        ['log', '-1', '--format=%an|%s', 'main'],
        {
          cwd: bare,
          encoding: 'utf8',
        },
      );
      expect(author.trim()).toBe(
        `${mockCredentials.user().principal.userEntityRef}|Initial commit`,
      );
      expect(ctx.output).toHaveBeenCalledWith('remoteUrl', `file://${bare}`);
      expect(ctx.output).toHaveBeenCalledWith(
        'catalogInfoPath',
        path.join(publishRoot(), 'web-sandbox', 'catalog-info.yaml'),
      );
      expect(ctx.output).toHaveBeenCalledWith(
        'commitHash',
        expect.stringMatching(/^[0-9a-f]{40}$/),
      );
    });

    it('refuses a name that was already published', async () => {
      workspaceWithCatalogInfo();
      mockDir.addContent({ 'published/web-sandbox.git/HEAD': 'x' });
      const ctx = createMockActionContext({
        input: {
          repoName: 'web-sandbox',
          defaultBranch: 'main',
          commitMessage: 'c',
        },
        workspacePath: workspacePath(),
      });
      const done = action().handler(ctx);
      await expect(done).rejects.toThrow(ConflictError);
      await expect(done).rejects.toThrow(
        `A repository named web-sandbox was already published in ${publishRoot()}; choose another name`,
      );
      expect(fs.existsSync(path.join(publishRoot(), 'web-sandbox'))).toBe(
        false,
      );
    });

    it('writes nothing in a dry run', async () => {
      workspaceWithCatalogInfo();
      // createMockActionContext drops isDryRun, so it is set afterwards.
      const ctx = {
        ...createMockActionContext({
          input: {
            repoName: 'web-sandbox',
            defaultBranch: 'main',
            commitMessage: 'c',
          },
          workspacePath: workspacePath(),
        }),
        isDryRun: true,
      };
      await action().handler(ctx);
      expect(fs.readdirSync(publishRoot())).toEqual([]);
      expect(ctx.output).toHaveBeenCalledWith(
        'localPath',
        path.join(publishRoot(), 'web-sandbox'),
      );
    });

    it('names the config key when local publishing is not configured', async () => {
      const ctx = createMockActionContext({
        input: {
          repoName: 'web-sandbox',
          defaultBranch: 'main',
          commitMessage: 'c',
        },
        workspacePath: workspacePath(),
      });
      await expect(
        createPublishLocalGitAction({
          config: mockServices.rootConfig(),
        }).handler(ctx),
      ).rejects.toThrow(
        'Local publishing is off: set intent.promotion.localGitDirectory in the app-config (e.g. ../../data/promoted) to publish without a git host',
      );
    });
  });

  describe('intent:catalog:register-file', () => {
    function published() {
      mockDir.addContent({
        'published/web/catalog-info.yaml': [
          'apiVersion: backstage.io/v1alpha1',
          'kind: Component',
          'metadata:',
          '  name: web',
          '  annotations:',
          `    intent.backstage.io/session: ${SESSION_ID}`,
          'spec: { type: terraform, lifecycle: experimental, owner: guest }',
          '',
        ].join('\n'),
      });
      return path.join(publishRoot(), 'web', 'catalog-info.yaml');
    }

    it('registers the file location and waits for its entity', async () => {
      const target = published();
      const { catalog, locations } = createCatalog();
      const ctx = createMockActionContext({
        input: { catalogInfoPath: target, waitSeconds: 5 },
      });
      await createRegisterFileAction({
        config: config(),
        catalog,
        pollIntervalMs: 10,
      }).handler(ctx);

      expect(locations).toEqual([target]);
      expect(catalog.addLocation).toHaveBeenCalledWith(
        { type: 'file', target },
        { credentials: mockCredentials.user() },
      );
      expect(catalog.getEntityByRef).toHaveBeenCalledTimes(3);
      expect(ctx.output).toHaveBeenCalledWith(
        'entityRef',
        'component:default/web',
      );
    });

    it('refuses a file outside the publishing folder', async () => {
      const { catalog } = createCatalog();
      const ctx = createMockActionContext({
        input: { catalogInfoPath: '/etc/passwd', waitSeconds: 5 },
      });
      await expect(
        createRegisterFileAction({ config: config(), catalog }).handler(ctx),
      ).rejects.toThrow(
        `Only catalog files under ${publishRoot()} can be registered, not /etc/passwd`,
      );
      expect(catalog.addLocation).not.toHaveBeenCalled();
    });

    it('refuses to register before publishing', async () => {
      const { catalog } = createCatalog();
      const target = path.join(publishRoot(), 'web', 'catalog-info.yaml');
      const ctx = createMockActionContext({
        input: { catalogInfoPath: target, waitSeconds: 5 },
      });
      await expect(
        createRegisterFileAction({ config: config(), catalog }).handler(ctx),
      ).rejects.toThrow(
        `There is no catalog file at ${target}; publish the repository (intent:publish:local-git) before registering it`,
      );
      expect(catalog.addLocation).not.toHaveBeenCalled();
    });

    it('fails when the entity does not appear in time', async () => {
      const target = published();
      const catalog = catalogServiceMock.mock({
        addLocation: jest.fn(async location => ({
          location: {
            id: 'loc-1',
            type: 'file',
            target: location.target,
            entityRef: 'location:default/generated-1',
          },
          entities: [],
        })),
        getEntityByRef: jest.fn(async () => undefined),
      });
      const ctx = createMockActionContext({
        input: { catalogInfoPath: target, waitSeconds: 0 },
      });
      await expect(
        createRegisterFileAction({ config: config(), catalog }).handler(ctx),
      ).rejects.toThrow(
        `${target} was registered, but component:default/web did not appear in the catalog within 0 s; check the location's processing errors in the catalog`,
      );
    });
  });

  describe('intent:session:promote', () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'web',
        annotations: { 'intent.backstage.io/session': SESSION_ID },
      },
      spec: {},
    };
    const input = {
      sessionId: SESSION_ID,
      repositoryUrl: 'file:///data/promoted/web.git',
      entityRef: 'component:default/web',
    };

    it('marks the session promoted, on behalf of the user', async () => {
      const { catalog } = createCatalog([component]);
      const ctx = createMockActionContext({ input });
      await createPromoteSessionAction({ discovery, auth, catalog }).handler(
        ctx,
      );

      expect(promotions).toEqual([
        {
          id: SESSION_ID,
          body: {
            repositoryUrl: 'file:///data/promoted/web.git',
            entityRef: 'component:default/web',
          },
          auth: `Bearer ${mockCredentials.service.token({
            onBehalfOf: mockCredentials.user(),
            targetPluginId: 'intent',
          })}`,
        },
      ]);
      expect(ctx.output).toHaveBeenCalledWith('status', 'promoted');
      expect(ctx.output).toHaveBeenCalledWith(
        'promotedTo',
        'component:default/web',
      );
    });

    it('refuses to promote before the component is published and registered', async () => {
      const { catalog } = createCatalog();
      const ctx = createMockActionContext({ input });
      const done = createPromoteSessionAction({
        discovery,
        auth,
        catalog,
      }).handler(ctx);
      await expect(done).rejects.toThrow(InputError);
      await expect(done).rejects.toThrow(
        `component:default/web is not in the catalog; publish the repository and register its catalog-info.yaml before promoting intent session ${SESSION_ID}`,
      );
      expect(promotions).toEqual([]);
    });

    it('refuses a component that came from another session', async () => {
      const { catalog } = createCatalog([component]);
      const ctx = createMockActionContext({
        input: { ...input, sessionId: 'planned-1' },
      });
      await expect(
        createPromoteSessionAction({ discovery, auth, catalog }).handler(ctx),
      ).rejects.toThrow(
        `component:default/web is annotated intent.backstage.io/session: ${SESSION_ID}, not planned-1; promote the session its component came from`,
      );
      expect(promotions).toEqual([]);
    });

    it('reports the API refusing a session that is not applied (409)', async () => {
      const { catalog } = createCatalog([
        {
          ...component,
          metadata: {
            name: 'web',
            annotations: { 'intent.backstage.io/session': 'planned-1' },
          },
        },
      ]);
      const ctx = createMockActionContext({
        input: { ...input, sessionId: 'planned-1' },
      });
      await expect(
        createPromoteSessionAction({ discovery, auth, catalog }).handler(ctx),
      ).rejects.toThrow(
        'Could not promote intent session planned-1: Session planned-1 is planned; only an applied (active) session can be promoted',
      );
      expect(promotions).toEqual([]);
    });

    it('reports a session the user may not promote (403)', async () => {
      const { catalog } = createCatalog([
        {
          ...component,
          metadata: {
            name: 'web',
            annotations: { 'intent.backstage.io/session': 'theirs' },
          },
        },
      ]);
      const ctx = createMockActionContext({
        input: { ...input, sessionId: 'theirs' },
      });
      const done = createPromoteSessionAction({
        discovery,
        auth,
        catalog,
      }).handler(ctx);
      await expect(done).rejects.toThrow(InputError);
      await expect(done).rejects.toThrow(
        'You may not promote intent session theirs: You are not allowed to intent.session.read on session theirs',
      );
    });

    it('changes nothing in a dry run', async () => {
      const { catalog } = createCatalog();
      const ctx = { ...createMockActionContext({ input }), isDryRun: true };
      await createPromoteSessionAction({ discovery, auth, catalog }).handler(
        ctx,
      );
      expect(promotions).toEqual([]);
      expect(catalog.getEntityByRef).not.toHaveBeenCalled();
      expect(ctx.output).toHaveBeenCalledWith(
        'promotedTo',
        'component:default/web',
      );
    });
  });
});
