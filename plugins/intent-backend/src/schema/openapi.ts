// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  intentOpenApiResponses,
  intentOpenApiSchemas,
  jsonObjectResponse,
} from '@intent-sandboxes/backstage-plugin-intent-node';

/**
 * The intent plugin's REST API (OpenAPI 3.1). The router is typed from this
 * document and validates every request against it; it is also served at
 * `/api/intent/openapi.json`. Responses are described in
 * `@intent-sandboxes/backstage-plugin-intent-common` (SessionDetails, ...).
 *
 * Every route, beyond this document: a JSON body is at most 64 kB (413
 * above); GET and DELETE routes and operations without a `requestBody`
 * refuse a body (400); no text of the path, the query or the body may hold
 * a control character other than tab, line feed and carriage return, or a
 * lone surrogate (400 naming the field); a database error answers 500 with
 * a generic message, its detail logged. Every integer parameter is bounded.
 */

/** The `{id}` path parameter of every session route. */
const sessionIdParameter = {
  $ref: '#/components/parameters/sessionId',
} as const;

/**
 * What every operation answers when it fails (400, 403, 404, 409, 428 ...):
 * the `Error` body with a message a person can act on.
 */
const errorResponse = { $ref: '#/components/responses/Error' } as const;

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'intent',
    version: '1',
    description:
      'Intent sandboxes: plan, apply and destroy short-lived cloud sandboxes.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [{ url: '/' }],
  components: {
    parameters: {
      sessionId: {
        name: 'id',
        in: 'path',
        required: true,
        description: 'Session id',
        schema: { type: 'string', minLength: 1, maxLength: 64 },
      },
      limit: {
        name: 'limit',
        in: 'query',
        required: false,
        description: 'Page size, 1 to 100',
        schema: { type: 'integer', minimum: 1, maximum: 100 },
      },
      before: {
        name: 'before',
        in: 'query',
        required: false,
        description:
          'Only audit events with a smaller id (the next page); at most 2^53 - 1, the largest integer a JSON client holds exactly',
        schema: { type: 'integer', minimum: 1, maximum: 9007199254740991 },
      },
      offset: {
        name: 'offset',
        in: 'query',
        required: false,
        description:
          'How many items to skip, 0 to 100000; narrow the query (owner, status) to go further',
        schema: { type: 'integer', minimum: 0, maximum: 100000 },
      },
    },
    schemas: {
      Intent: {
        type: 'string',
        description:
          'What the sandbox should be, in plain language (at most 2000 characters)',
      },
      ...intentOpenApiSchemas,
    },
    responses: {
      ...intentOpenApiResponses,
      Session: jsonObjectResponse(
        'The session with its revisions, resources, operations and lock',
      ),
      Operation: jsonObjectResponse(
        'The operation that was started, and the session',
      ),
    },
  },
  paths: {
    '/health': {
      get: {
        operationId: 'Health',
        description: 'Liveness; needs no credentials.',
        responses: {
          '200': jsonObjectResponse('`{ status: "ok" }`'),
        },
      },
    },
    '/v1/plans/preview': {
      post: {
        operationId: 'PreviewPlan',
        description:
          'Plans an intent and evaluates it (diff, policy, cost) without storing anything.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  intent: { $ref: '#/components/schemas/Intent' },
                  base: { $ref: '#/components/schemas/Object' },
                  sessionId: { type: 'string', maxLength: 64 },
                },
                required: ['intent'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': jsonObjectResponse('The plan preview'),
          default: errorResponse,
        },
      },
    },
    '/v1/sessions': {
      get: {
        operationId: 'ListSessions',
        description:
          "Sessions the caller may see, newest first, each with the cost of what it runs (`hourlyCostUsd`, `monthlyCostUsd`) and whether it drifted; for a user, `runRate` sums the monthly cost of their live sessions and their teams'.",
        parameters: [
          {
            name: 'scope',
            in: 'query',
            required: false,
            description:
              "Whose sessions: `mine` (the caller's), `team` (those of the caller's groups), `all` (everything the caller may read; the default)",
            schema: { type: 'string', enum: ['mine', 'team', 'all'] },
          },
          {
            name: 'q',
            in: 'query',
            required: false,
            description:
              'Case-insensitive text in the title, id, owner, team or intent',
            schema: { type: 'string', maxLength: 200 },
          },
          {
            name: 'owner',
            in: 'query',
            required: false,
            schema: { type: 'string', maxLength: 255 },
          },
          {
            name: 'status',
            in: 'query',
            required: false,
            description:
              'One status, or `live` for every status that has not ended',
            schema: {
              type: 'string',
              enum: [
                'live',
                'draft',
                'planned',
                'applying',
                'active',
                'failed',
                'destroying',
                'destroyed',
                'expired',
                'promoted',
              ],
            },
          },
          { $ref: '#/components/parameters/limit' },
          { $ref: '#/components/parameters/offset' },
        ],
        responses: {
          '200': jsonObjectResponse('`{ items, totalCount, runRate? }`'),
          default: errorResponse,
        },
      },
      post: {
        operationId: 'CreateSession',
        description:
          'Creates a session from an intent, with its first (proposed) revision.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  intent: { $ref: '#/components/schemas/Intent' },
                  team: { type: 'string', maxLength: 255 },
                },
                required: ['intent'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '201': { $ref: '#/components/responses/Session' },
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}': {
      get: {
        operationId: 'GetSession',
        parameters: [sessionIdParameter],
        responses: {
          '200': { $ref: '#/components/responses/Session' },
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/revisions': {
      post: {
        operationId: 'CreateRevision',
        description:
          'A follow-up intent: plans the next revision against the latest one.',
        parameters: [sessionIdParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { intent: { $ref: '#/components/schemas/Intent' } },
                required: ['intent'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '201': { $ref: '#/components/responses/Session' },
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/revisions/{seq}/decision': {
      post: {
        operationId: 'DecideRevision',
        description:
          'An approver approves or rejects a revision that policy sent for approval. Requesters cannot approve their own; approvers must be members of the group the policy names; the decision binds to the plan hash and expires.',
        parameters: [
          sessionIdParameter,
          {
            name: 'seq',
            in: 'path',
            required: true,
            description:
              'Revision number, at most 2^31 - 1 (the column is a 32-bit integer)',
            schema: { type: 'integer', minimum: 1, maximum: 2147483647 },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  decision: { type: 'string', enum: ['approve', 'reject'] },
                  planHash: { type: 'string', minLength: 1, maxLength: 64 },
                  comment: { type: 'string', maxLength: 2000 },
                },
                required: ['decision', 'planHash'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': { $ref: '#/components/responses/Session' },
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/apply': {
      post: {
        operationId: 'ApplySession',
        description:
          'Applies the latest revision. `planHash` must be the one the caller reviewed (409 otherwise); deletes and replaces need `confirm: true` (428 otherwise).',
        parameters: [sessionIdParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  planHash: { type: 'string', minLength: 1, maxLength: 64 },
                  confirm: { type: 'boolean' },
                },
                required: ['planHash'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '202': { $ref: '#/components/responses/Operation' },
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/destroy': {
      post: {
        operationId: 'DestroySession',
        description:
          'Destroys every resource of the session, in reverse dependency order. Needs `confirm: true` (428 otherwise).',
        parameters: [sessionIdParameter],
        requestBody: {
          required: false,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { confirm: { type: 'boolean' } },
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '202': { $ref: '#/components/responses/Operation' },
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/extend': {
      post: {
        operationId: 'ExtendSession',
        description: 'Moves the expiry later, within the maximum lifetime.',
        parameters: [sessionIdParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  hours: {
                    type: 'number',
                    exclusiveMinimum: 0,
                    maximum: 8760,
                    description:
                      'Hours to add, at most 8760 (a year); the configured maximum lifetime usually allows less',
                  },
                },
                required: ['hours'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': { $ref: '#/components/responses/Session' },
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/instances/{address}/actions': {
      post: {
        operationId: 'InstanceAction',
        description:
          "Stops, starts or reboots an instance of an applied (active) session, holding the session's lock (409 naming the holder while an operation runs), and answers once the instance reached the state the action leads to. 501 when the session's cloud has no instance actions.",
        parameters: [
          sessionIdParameter,
          {
            name: 'address',
            in: 'path',
            required: true,
            description:
              'Plan address of the instance, e.g. `aws_instance.web`',
            schema: { type: 'string', minLength: 1, maxLength: 200 },
          },
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  action: { type: 'string', enum: ['stop', 'start', 'reboot'] },
                },
                required: ['action'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': { $ref: '#/components/responses/Session' },
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/promote': {
      post: {
        operationId: 'PromoteSession',
        description:
          'Marks an applied session as promoted to a catalog component (owner or admin): final, no expiry.',
        parameters: [sessionIdParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  repositoryUrl: {
                    type: 'string',
                    minLength: 1,
                    maxLength: 2000,
                    description: 'Where the Terraform repository was published',
                  },
                  entityRef: {
                    type: 'string',
                    pattern: '^[A-Za-z][A-Za-z0-9-]*:[^:/]+/[^:/]+$',
                    maxLength: 255,
                    description:
                      'Full ref of the registered entity, e.g. component:default/web-sandbox',
                  },
                },
                required: ['repositoryUrl', 'entityRef'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': { $ref: '#/components/responses/Session' },
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/drift-check': {
      post: {
        operationId: 'CheckSessionDrift',
        description:
          "Describes the session's resources now and compares them with what was last applied, field by field; stores and returns the drift report (owner notified once per new drift).",
        parameters: [sessionIdParameter],
        responses: {
          '200': jsonObjectResponse('The DriftReport'),
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/drift': {
      get: {
        operationId: 'GetSessionDrift',
        parameters: [sessionIdParameter],
        responses: {
          '200': jsonObjectResponse(
            '`{ report }`: the latest DriftReport, null before the first check',
          ),
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/drift/revert': {
      post: {
        operationId: 'RevertSessionDrift',
        description:
          'Applies the last applied revision again (an apply operation under the session lock): recreates resources deleted outside the portal and sets changed fields back; unmanaged resources are left alone. Answers `{ operationId, changes, leftAlone }`. 409 when the session is not active, is locked, has no changed or missing resource, or the drift report is older than its resources.',
        parameters: [sessionIdParameter],
        responses: {
          '202': jsonObjectResponse('`{ operationId }`'),
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/drift/accept': {
      post: {
        operationId: 'AcceptSessionDrift',
        description:
          'A new revision adopting the observed values (a deleted resource leaves the plan), checked by policy: 409 when policy denies it (nothing stored), when a resource still in the cloud refers to a deleted one, or when every resource was deleted; stored as proposed when it needs approval (`operationId` null); else applied at once.',
        parameters: [sessionIdParameter],
        responses: {
          '202': jsonObjectResponse('`{ details, operationId }`'),
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/expiry': {
      get: {
        operationId: 'GetExpiryState',
        description:
          'The expiry state of the session: exemption, expiry destroy attempts and, when the policy has an idle rule, its idle state (`idle`: last activity, warning, destroy time).',
        parameters: [sessionIdParameter],
        responses: {
          '200': jsonObjectResponse('`SessionExpiryState`'),
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/keep': {
      post: {
        operationId: 'KeepSession',
        description:
          'Says an active session is still needed: starts its idle clock again (audited `idle-keep`). Same permission as extend; 409 naming the status when the session is not active.',
        parameters: [sessionIdParameter],
        responses: {
          '200': jsonObjectResponse('`SessionExpiryState`'),
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/expiry-exemption': {
      post: {
        operationId: 'SetExpiryExemption',
        description:
          'Admins only: exempts the session from expiry (`exempt: true`) or ends the exemption.',
        parameters: [sessionIdParameter],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { exempt: { type: 'boolean' } },
                required: ['exempt'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': jsonObjectResponse('The expiry state'),
          default: errorResponse,
        },
      },
    },
    '/v1/orphans': {
      get: {
        operationId: 'ListOrphans',
        description:
          'Admins only: cloud resources tagged `intent:session` whose session is missing, destroyed or expired, with their hourly cost.',
        responses: {
          '200': jsonObjectResponse('`{ items }`'),
          default: errorResponse,
        },
      },
    },
    '/v1/orphans/destroy': {
      post: {
        operationId: 'DestroyOrphan',
        description:
          'Admins only: deletes one orphan after checking it still is one (409 when its session is alive, 404 when it is gone).',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  provider: { type: 'string', minLength: 1, maxLength: 64 },
                  region: { type: 'string', minLength: 1, maxLength: 32 },
                  type: { type: 'string', minLength: 1, maxLength: 64 },
                  cloudId: { type: 'string', minLength: 1, maxLength: 255 },
                },
                required: ['provider', 'region', 'type', 'cloudId'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': jsonObjectResponse('The orphan that was deleted'),
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/audit': {
      get: {
        operationId: 'GetSessionAudit',
        parameters: [
          sessionIdParameter,
          { $ref: '#/components/parameters/limit' },
          { $ref: '#/components/parameters/before' },
        ],
        responses: {
          '200': jsonObjectResponse('`{ items }`, newest first'),
          default: errorResponse,
        },
      },
    },
    '/v1/sessions/{id}/lock/release': {
      post: {
        operationId: 'ForceReleaseLock',
        description:
          'Admins only: drops the session lock whoever holds it (audited).',
        parameters: [sessionIdParameter],
        responses: {
          '200': jsonObjectResponse(
            '`{ released, abortedOperationId }`: the lock that was dropped (null when nothing was held) and the operation it stopped',
          ),
          default: errorResponse,
        },
      },
    },
    '/v1/operations/{id}': {
      get: {
        operationId: 'GetOperation',
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            schema: { type: 'string', minLength: 1, maxLength: 64 },
          },
        ],
        responses: {
          '200': jsonObjectResponse('The operation with its step log'),
          default: errorResponse,
        },
      },
    },

    '/v1/policies/baseline': {
      get: {
        operationId: 'GetPolicyBaseline',
        description:
          'The built-in guardrails in force: the baseline (app-config `intent.policy.baseline` over the defaults) and the idle rule (`intent.policy.idle`, null when off).',
        responses: {
          '200': jsonObjectResponse(
            '`PolicyBaseline`: rule levels and limits, and `idle`',
          ),
          default: errorResponse,
        },
      },
    },
    '/v1/policies/what-if': {
      post: {
        operationId: 'PolicyWhatIf',
        description:
          'Which live sessions the caller may read an IntentPolicy would deny, send to approval or warn about now, judged on their latest pending (else applied) revision. Send a whole entity (validated as the catalog does: 400 with every problem) or the ref of one in the catalog. Changes nothing.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  entity: { $ref: '#/components/schemas/Object' },
                  entityRef: { type: 'string', minLength: 1, maxLength: 255 },
                },
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': jsonObjectResponse(
            '`{ policy, evaluatedAt, sessions, counts, truncated }`: per session the verdict of this policy and its findings',
          ),
          default: errorResponse,
        },
      },
    },
    '/v1/audit': {
      get: {
        operationId: 'GetAuditLog',
        description:
          'Admins only: the global audit log, every session and the session-less events (simulated cloud changes), newest first.',
        parameters: [
          { $ref: '#/components/parameters/limit' },
          { $ref: '#/components/parameters/before' },
        ],
        responses: {
          '200': jsonObjectResponse('`{ items }`, newest first'),
          default: errorResponse,
        },
      },
    },
  },
} as const;
