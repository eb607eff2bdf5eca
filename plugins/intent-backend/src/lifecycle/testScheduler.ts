// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createServiceFactory,
  SchedulerService,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';

/**
 * A scheduler for tests that runs nothing by itself: a test runs a job with
 * `trigger(id)` and waits for it, so that what a period does is asserted
 * without waiting for the period.
 */
export function manualScheduler() {
  const tasks = new Map<string, SchedulerServiceTaskInvocationDefinition>();
  const scheduler: SchedulerService = {
    async scheduleTask(task) {
      tasks.set(task.id, task);
    },
    createScheduledTaskRunner: () => ({
      run: async task => {
        tasks.set(task.id, task);
      },
    }),
    async triggerTask(id) {
      await tasks.get(id)?.fn(new AbortController().signal as any);
    },
    async cancelTask() {},
    async getScheduledTasks() {
      return [...tasks.keys()].map(id => ({
        id,
        scope: 'global' as const,
        settings: { version: 1 },
      }));
    },
  };
  return {
    factory: createServiceFactory({
      service: coreServices.scheduler,
      deps: {},
      factory: () => scheduler,
    }),
    /** Runs the job once and resolves when it is done. */
    async trigger(id: string) {
      const task = tasks.get(id);
      if (!task) {
        throw new Error(`No task ${id}; scheduled: ${[...tasks.keys()]}`);
      }
      await task.fn(new AbortController().signal as any);
    },
  };
}
