// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockServices } from '@backstage/backend-test-utils';
import { RulesPlanner } from '@intent-sandboxes/backstage-plugin-intent-backend-module-rules-planner';
import type { IntentPlanner } from '@intent-sandboxes/backstage-plugin-intent-node';
import { plannerWithFallback } from './plannerWithFallback';

const failing: IntentPlanner = {
  id: 'anthropic',
  plan: async () => {
    throw new Error('no answer within 150 ms');
  },
};

describe('plannerWithFallback', () => {
  it('plans with the fallback when the planner fails, and says so', async () => {
    const logger = mockServices.logger.mock();
    const planner = plannerWithFallback({
      primary: failing,
      fallback: new RulesPlanner(),
      logger,
    });
    const result = await planner.plan({
      intent: 'a t3.small in eu-west-1, ssh from my IP, until friday',
      context: {
        clientIp: '203.0.113.4',
        now: new Date('2026-11-25T10:00:00Z'),
      },
    });

    expect(result.planner).toBe(
      'rules (fallback from anthropic: no answer within 150 ms)',
    );
    expect(result.assumptions[0]).toEqual({
      field: 'planner',
      value: 'rules',
      reason:
        'The anthropic planner failed (no answer within 150 ms); the rules planner planned this instead',
    });
    // The context reaches the fallback: "my IP" and "until friday" are planned.
    expect(result.plan.ttlHours).toBe(56);
    expect(result.plan.resources).toContainEqual(
      expect.objectContaining({
        type: 'aws_security_group',
        ingress: [expect.objectContaining({ cidrBlocks: ['203.0.113.4/32'] })],
      }),
    );
    expect(logger.warn).toHaveBeenCalledWith(
      'The anthropic planner failed (no answer within 150 ms); planning with rules instead',
    );
  });

  it('lets the failure through without a fallback', async () => {
    const planner = plannerWithFallback({
      primary: failing,
      logger: mockServices.logger.mock(),
    });
    await expect(planner.plan({ intent: 'a t3.micro' })).rejects.toThrow(
      'no answer within 150 ms',
    );
  });

  it('is the planner itself when it is its own fallback', () => {
    const rules = new RulesPlanner();
    expect(
      plannerWithFallback({
        primary: rules,
        fallback: rules,
        logger: mockServices.logger.mock(),
      }),
    ).toBe(rules);
  });
});
