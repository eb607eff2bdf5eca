// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/** A unit of work and the ids of the ones that must finish before it. */
export interface DagNode {
  id: string;
  dependsOn: string[];
}

/**
 * Runs every node once its dependencies have finished, at most `concurrency`
 * at a time. Stops starting new nodes at the first failure, waits for the
 * running ones, and rethrows that failure. Dependencies on ids that are not in
 * the graph count as done.
 */
export async function runDag<T extends DagNode>(
  nodes: T[],
  concurrency: number,
  run: (node: T) => Promise<void>,
): Promise<void> {
  const ids = new Set(nodes.map(node => node.id));
  const done = new Set<string>();
  const pending = new Map(nodes.map(node => [node.id, node]));
  const running = new Set<Promise<void>>();
  const outcome: { failure?: { error: unknown } } = {};

  const ready = () =>
    [...pending.values()].filter(node =>
      node.dependsOn.every(dep => done.has(dep) || !ids.has(dep)),
    );

  while (pending.size > 0 || running.size > 0) {
    if (!outcome.failure) {
      for (const node of ready()) {
        if (running.size >= concurrency) {
          break;
        }
        pending.delete(node.id);
        const task: Promise<void> = run(node)
          .then(() => {
            done.add(node.id);
          })
          .catch(error => {
            outcome.failure ??= { error };
          })
          .finally(() => running.delete(task));
        running.add(task);
      }
    }
    if (running.size === 0) {
      if (outcome.failure) {
        break;
      }
      throw new Error(
        `Steps ${[...pending.keys()].join(
          ', ',
        )} wait on each other: the plan has a dependency cycle`,
      );
    }
    await Promise.race(running);
  }
  if (outcome.failure) {
    throw outcome.failure.error;
  }
}
