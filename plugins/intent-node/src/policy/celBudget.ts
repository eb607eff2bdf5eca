// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { AstNode, isMacroCall, MutableAstNode } from './celAst';

/**
 * Most evaluation steps (expression nodes evaluated, counting every run of a
 * macro's predicate) of one expression against one resource. Rules of a
 * realistic policy take tens of steps; 100,000 take about 10 ms.
 *
 * @public
 */
export const CEL_MAX_STEPS = 100_000;

/**
 * The wall-clock budget of one expression evaluation, in milliseconds, for
 * steps the step count does not capture (long strings and lists from the
 * plan). Checked every 1,024 steps.
 *
 * @public
 */
export const CEL_MAX_EVALUATION_MS = 50;

/**
 * The budget of one evaluation: at most `maxSteps` steps, and no step after
 * `deadline` (a `performance.now()` time).
 *
 * @public
 */
export interface CelEvaluationBudget {
  maxSteps: number;
  deadline: number;
}

/**
 * Thrown when an evaluation runs out of its budget. Fail closed: the caller
 * must treat the rule as failed (a deny), whatever the expression returned.
 *
 * @public
 */
export class CelBudgetExceededError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelBudgetExceededError';
  }
}

interface Meter extends CelEvaluationBudget {
  steps: number;
  exhausted?: CelBudgetExceededError;
}

/** The budget of the evaluation running now (evaluation is synchronous). */
let meter: Meter | undefined;

/** Counts one step of the running evaluation; throws once its budget is spent. */
function step(): void {
  const current = meter;
  if (!current) {
    return;
  }
  if (current.exhausted) {
    throw current.exhausted;
  }
  current.steps += 1;
  if (current.steps > current.maxSteps) {
    current.exhausted = new CelBudgetExceededError(
      `the expression ran out of its evaluation budget of ${current.maxSteps} steps`,
    );
    throw current.exhausted;
  }
  if (current.steps % 1024 === 1 && performance.now() > current.deadline) {
    current.exhausted = new CelBudgetExceededError(
      `the expression ran out of its evaluation time budget after ${current.steps} steps`,
    );
    throw current.exhausted;
  }
}

/**
 * Makes every node inside a macro expansion count a step each time it is
 * evaluated (so every run of a predicate counts). Nodes outside macros run at
 * most once per evaluation, bounded by the expression's length, so they are
 * left as they are: an expression without macros pays nothing. The library
 * sets a node's `evaluate` on first use; the accessor keeps what it sets and
 * wraps it.
 */
export function instrument(ast: unknown): void {
  const seen = new Set<unknown>();
  const nodeClass = (ast as object).constructor;
  const visit = (value: unknown, inMacro: boolean): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) {
      return;
    }
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach(item => visit(item, inMacro));
      return;
    }
    if (!(value instanceof nodeClass)) {
      if (Object.getPrototypeOf(value) === Object.prototype) {
        Object.values(value).forEach(item => visit(item, inMacro));
      }
      return;
    }
    const node = value as MutableAstNode;
    if (!inMacro && !isMacroCall(node as unknown as AstNode)) {
      visit(node.args, false);
      visit(node.meta?.alternate, false);
      visit(node.meta?.macro, false);
      return;
    }
    let inner = node.evaluate;
    const counted = function countedEvaluate(
      this: unknown,
      ...args: unknown[]
    ): unknown {
      step();
      return inner.apply(this, args);
    };
    Object.defineProperty(node, 'evaluate', {
      configurable: true,
      enumerable: false,
      get: () => counted,
      set: (fn: MutableAstNode['evaluate']) => {
        inner = fn;
      },
    });
    visit(node.args, true);
    visit(node.meta?.alternate, true);
    visit(node.meta?.macro, true);
  };
  visit(ast, false);
}

/**
 * Runs an instrumented expression within a budget (by default
 * {@link CEL_MAX_STEPS} steps and {@link CEL_MAX_EVALUATION_MS} ms); throws
 * {@link CelBudgetExceededError} when it runs out.
 */
export function runWithinBudget<T>(
  run: () => T,
  budget?: CelEvaluationBudget,
): T {
  const current: Meter = {
    steps: 0,
    maxSteps: budget?.maxSteps ?? CEL_MAX_STEPS,
    deadline: budget?.deadline ?? performance.now() + CEL_MAX_EVALUATION_MS,
  };
  const previous = meter;
  meter = current;
  let value: T;
  try {
    value = run();
  } catch (error) {
    throw current.exhausted ?? error;
  } finally {
    meter = previous;
  }
  if (current.exhausted) {
    // An error-absorbing operator (`||`, `&&`, a quantifier) may have
    // swallowed the budget error: fail closed all the same.
    throw current.exhausted;
  }
  return value;
}
