// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import {
  startReplayServer,
  toolUseMessage,
} from './__testUtils__/replayServer';
import { createAnthropicPlannerFromConfig } from './createAnthropicPlannerFromConfig';

const logger = mockServices.logger.mock();

describe('createAnthropicPlannerFromConfig', () => {
  it('is off without an API key', () => {
    expect(
      createAnthropicPlannerFromConfig(mockServices.rootConfig(), logger),
    ).toBeUndefined();
    expect(
      createAnthropicPlannerFromConfig(
        mockServices.rootConfig({
          data: { intent: { planner: { anthropic: { model: 'x' } } } },
        }),
        logger,
      ),
    ).toBeUndefined();
  });

  it('plans with the configured model, endpoint and key', async () => {
    const server = await startReplayServer([
      {
        body: toolUseMessage({
          plan: { formatVersion: 1, region: 'eu-west-1', resources: [] },
          assumptions: [],
          questions: ['What should the sandbox contain?'],
          outOfScope: [],
        }),
      },
    ]);
    try {
      const planner = createAnthropicPlannerFromConfig(
        mockServices.rootConfig({
          data: {
            intent: {
              planner: {
                anthropic: {
                  apiKey: 'sk-config',
                  model: 'claude-haiku-4-5',
                  baseUrl: server.baseUrl,
                },
              },
            },
          },
        }),
        logger,
      );
      expect(planner?.id).toBe('anthropic');
      const result = await planner!.plan({
        intent: 'hello',
        context: { guardrails: '- configured policies' },
      });
      expect(result.planner).toBe('anthropic (claude-haiku-4-5)');
      expect(server.requests[0].model).toBe('claude-haiku-4-5');
      expect(server.requests[0].system).toContain('- configured policies');
      expect(server.authorizations).toEqual(['Bearer sk-config']);
    } finally {
      await server.close();
    }
  });

  it('refuses impossible retry and timeout settings', () => {
    const config = (anthropic: object) =>
      mockServices.rootConfig({
        data: {
          intent: { planner: { anthropic: { apiKey: 'k', ...anthropic } } },
        },
      });
    expect(() =>
      createAnthropicPlannerFromConfig(config({ maxRetries: -1 }), logger),
    ).toThrow('maxRetries');
    expect(() =>
      createAnthropicPlannerFromConfig(config({ timeoutMillis: 0 }), logger),
    ).toThrow('timeoutMillis');
  });
});
