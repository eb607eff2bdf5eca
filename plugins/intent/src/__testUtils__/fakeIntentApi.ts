// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { IntentApi } from '../api';

/**
 * An IntentApi whose every method is a jest mock: reads answer with nothing
 * (no drift, no orphans, no sessions), the rest with undefined unless
 * overridden. Complete by type, so a method added to IntentApi is added here.
 */
export function fakeIntentApi(
  overrides: Partial<IntentApi> = {},
): jest.Mocked<IntentApi> {
  const mocks = {
    previewPlan: jest.fn(),
    createSession: jest.fn(),
    getSession: jest.fn(),
    listSessions: jest.fn().mockResolvedValue({ items: [], totalCount: 0 }),
    followUp: jest.fn(),
    applySession: jest.fn(),
    destroySession: jest.fn(),
    extendSession: jest.fn(),
    getExpiryState: jest.fn().mockResolvedValue({
      exempt: false,
      exemptedBy: null,
      destroyAttempts: 0,
      nextAttemptAt: null,
      lastError: null,
      idle: null,
    }),
    keepSession: jest.fn(),
    instanceAction: jest.fn(),
    getOperation: jest.fn(),
    decide: jest.fn(),
    whatIfPolicy: jest.fn(),
    getPolicyBaseline: jest.fn(),
    getDrift: jest.fn().mockResolvedValue({ report: null }),
    checkDrift: jest.fn(),
    revertDrift: jest.fn(),
    acceptDrift: jest.fn(),
    listOrphans: jest.fn().mockResolvedValue({ items: [] }),
    destroyOrphan: jest.fn(),
  } satisfies Record<keyof IntentApi, jest.Mock>;
  return { ...mocks, ...overrides } as jest.Mocked<IntentApi>;
}
