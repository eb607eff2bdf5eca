// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  intentOpenApiResponses,
  intentOpenApiSchemas,
  jsonObjectResponse,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { resourceTypes } from '@intent-sandboxes/backstage-plugin-intent-common';

/**
 * The simulated cloud's admin routes (OpenAPI 3.1), mounted under
 * `/api/intent` by the intent plugin. The router validates every request
 * against this document.
 */
const RESOURCE_TYPES = [...resourceTypes];

export const spec = {
  openapi: '3.1.0',
  info: {
    title: 'intent-simulated-cloud',
    version: '1',
    description:
      'Intent sandboxes, simulated cloud: cause drift and failures on purpose.',
    license: {
      name: 'Apache-2.0',
      url: 'http://www.apache.org/licenses/LICENSE-2.0.html',
    },
  },
  servers: [{ url: '/' }],
  components: {
    schemas: {
      ...intentOpenApiSchemas,
    },
    responses: {
      ...intentOpenApiResponses,
    },
  },
  paths: {
    '/v1/simulated/drift': {
      post: {
        operationId: 'CauseSimulatedDrift',
        description:
          "Admins only, simulated cloud only: changes a live resource behind the plugin's back, as a click in the console would, so that drift detection sees it.",
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  cloudId: { type: 'string', minLength: 1, maxLength: 255 },
                  type: { type: 'string', enum: RESOURCE_TYPES },
                  attributes: {
                    type: 'object',
                    description:
                      'Attributes to set in the plan\'s field names, e.g. `{ "instanceType": "t3.large" }`; null removes one',
                  },
                  tags: {
                    type: 'object',
                    maxProperties: 50,
                    propertyNames: { minLength: 1, maxLength: 128 },
                    additionalProperties: {
                      anyOf: [
                        { type: 'string', maxLength: 256 },
                        { type: 'null' },
                      ],
                    },
                  },
                },
                required: ['cloudId'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '200': jsonObjectResponse(
            'The resource as the cloud now describes it',
          ),
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/simulated/failures': {
      post: {
        operationId: 'InjectSimulatedFailure',
        description:
          'Admins only, simulated cloud only: the next `times` matching cloud calls fail with the given EC2 error code.',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  action: {
                    type: 'string',
                    enum: ['create', 'update', 'delete'],
                  },
                  type: { type: 'string', enum: RESOURCE_TYPES },
                  address: { type: 'string', minLength: 1, maxLength: 255 },
                  times: { type: 'integer', minimum: 1, maximum: 1000 },
                  code: { type: 'string', minLength: 1, maxLength: 128 },
                  message: { type: 'string', minLength: 1, maxLength: 1000 },
                  when: { type: 'string', enum: ['before', 'after'] },
                },
                required: ['code', 'message'],
                additionalProperties: false,
              },
            },
          },
        },
        responses: {
          '201': jsonObjectResponse('`{ id }` of the injected failure'),
          default: { $ref: '#/components/responses/Error' },
        },
      },
      delete: {
        operationId: 'ClearSimulatedFailures',
        description:
          'Admins only, simulated cloud only: forgets every injected failure not yet used up.',
        responses: {
          '200': jsonObjectResponse('`{ cleared }`: how many there were'),
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
    '/v1/simulated/counts': {
      get: {
        operationId: 'GetSimulatedCounts',
        description:
          'Admins only, simulated cloud only: per resource type, how many exist now and how many were ever created.',
        responses: {
          '200': jsonObjectResponse('`{ [type]: { existing, created } }`'),
          default: { $ref: '#/components/responses/Error' },
        },
      },
    },
  },
} as const;
