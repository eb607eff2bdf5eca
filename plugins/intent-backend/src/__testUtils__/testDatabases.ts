// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases every storage test runs on. The test command points them at
 * the machine's servers (see scripts/test-env.sh); an engine without a
 * connection string is skipped, never faked.
 */
export function createTestDatabases() {
  return TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'] });
}
