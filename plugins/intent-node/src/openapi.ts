// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * A JSON response whose shape is the TypeScript type named in its
 * description, for the OpenAPI documents of the intent plugin and of modules
 * that add routes to it (their components include {@link intentOpenApiSchemas}).
 *
 * @public
 */
export function jsonObjectResponse<const D extends string>(description: D) {
  return {
    description,
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Object' },
      },
    },
  } as const;
}

/**
 * The schemas every intent API document shares: `Object` (what
 * {@link jsonObjectResponse} refers to) and `Error`, the body of every error.
 *
 * @public
 */
export const intentOpenApiSchemas = {
  Object: {
    description:
      'A JSON object; its shape is the TypeScript type named in the operation',
  },
  Error: {
    type: 'object',
    properties: {
      error: {
        type: 'object',
        properties: {
          name: { type: 'string' },
          message: { type: 'string' },
        },
        required: ['name', 'message'],
      },
    },
    required: ['error'],
  },
} as const;

/**
 * The `Error` response every operation of an intent API document answers
 * with by default.
 *
 * @public
 */
export const intentOpenApiResponses = {
  Error: {
    description: 'An error with a message a person can act on',
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
      },
    },
  },
} as const;
