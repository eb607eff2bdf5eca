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
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/sessions': {
      get: {
        operationId: 'ListSessions',
        description: 'Sessions the caller may see, newest first.',
        parameters: [
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
            schema: {
              type: 'string',
              enum: [
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
          '200': jsonObjectResponse('`{ items, totalCount }`'),
          default: { $ref: '#/components/responses/Error' },
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
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/sessions/{id}': {
      get: {
        operationId: 'GetSession',
        parameters: [{ $ref: '#/components/parameters/sessionId' }],
        responses: {
          '200': { $ref: '#/components/responses/Session' },
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/sessions/{id}/revisions': {
      post: {
        operationId: 'CreateRevision',
        description:
          'A follow-up intent: plans the next revision against the latest one.',
        parameters: [{ $ref: '#/components/parameters/sessionId' }],
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
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/sessions/{id}/revisions/{seq}/decision': {
      post: {
        operationId: 'DecideRevision',
        description:
          'An approver approves or rejects a revision that policy sent for approval. Requesters cannot approve their own; approvers must be members of the group the policy names; the decision binds to the plan hash and expires.',
        parameters: [
          { $ref: '#/components/parameters/sessionId' },
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
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/sessions/{id}/apply': {
      post: {
        operationId: 'ApplySession',
        description:
          'Applies the latest revision. `planHash` must be the one the caller reviewed (409 otherwise); deletes and replaces need `confirm: true` (428 otherwise).',
        parameters: [{ $ref: '#/components/parameters/sessionId' }],
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
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/sessions/{id}/destroy': {
      post: {
        operationId: 'DestroySession',
        description:
          'Destroys every resource of the session, in reverse dependency order. Needs `confirm: true` (428 otherwise).',
        parameters: [{ $ref: '#/components/parameters/sessionId' }],
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
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/sessions/{id}/extend': {
      post: {
        operationId: 'ExtendSession',
        description: 'Moves the expiry later, within the maximum lifetime.',
        parameters: [{ $ref: '#/components/parameters/sessionId' }],
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
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/sessions/{id}/audit': {
      get: {
        operationId: 'GetSessionAudit',
        parameters: [
          { $ref: '#/components/parameters/sessionId' },
          { $ref: '#/components/parameters/limit' },
          { $ref: '#/components/parameters/before' },
        ],
        responses: {
          '200': jsonObjectResponse('`{ items }`, newest first'),
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/sessions/{id}/lock/release': {
      post: {
        operationId: 'ForceReleaseLock',
        description:
          'Admins only: drops the session lock whoever holds it (audited).',
        parameters: [{ $ref: '#/components/parameters/sessionId' }],
        responses: {
          '200': jsonObjectResponse(
            '`{ released, abortedOperationId }`: the lock that was dropped (null when nothing was held) and the operation it stopped',
          ),
          default: { $ref: '#/components/responses/Error' },
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
          default: { $ref: '#/components/responses/Error' },
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
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
  },
} as const;
