// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Environment } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';

/**
 * Most nested comprehension macros (`all`, `exists`, `exists_one`, `map`,
 * `filter`) in one expression. Each level multiplies the work by the length
 * of the list it iterates (up to 200 for a literal), so two levels cost at
 * most 40,000 predicate runs and three 8,000,000. Checked when a policy is
 * compiled, so the catalog refuses a policy that nests deeper.
 *
 * @public
 */
export const CEL_MAX_COMPREHENSION_NESTING = 2;

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

/** The largest compiled RE2 program a `matches()` pattern may have. */
const MAX_REGEX_PROGRAM_SIZE = 2000;

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

/**
 * Where and why a CEL expression failed to compile or to evaluate. `line`
 * and `column` count from 1 within the expression.
 *
 * @public
 */
export interface CelProblem {
  message: string;
  line?: number;
  column?: number;
}

/**
 * The variables a policy rule's expression sees: `resource` is one resource
 * of the plan with its `address`, `session` the session it belongs to.
 *
 * @public
 */
export interface CelRuleVariables {
  resource: Record<string, unknown>;
  session: Record<string, unknown>;
}

/**
 * A compiled policy expression, or the problem that stopped it compiling.
 *
 * @public
 */
export type CompiledCelExpression =
  | {
      ok: true;
      /**
       * Evaluates the expression within a budget (by default
       * {@link CEL_MAX_STEPS} steps and {@link CEL_MAX_EVALUATION_MS} ms);
       * throws when it cannot be evaluated, and a
       * {@link CelBudgetExceededError} when it runs out of budget.
       */
      evaluate(
        variables: CelRuleVariables,
        budget?: CelEvaluationBudget,
      ): unknown;
      /** The `resource` fields the expression reads, apart from type, name and address. */
      fields: string[];
    }
  | { ok: false; problem: CelProblem };

let environment: Environment | undefined;

/** The name `matches` calls are renamed to, so that they run on RE2. */
const RE2_MATCHES = 'matchesRe2';

const regexCache = new Map<string, RE2JS>();

/** Compiles a pattern with RE2 (cached); throws a readable error when RE2 cannot. */
function re2(pattern: string): RE2JS {
  const cached = regexCache.get(pattern);
  if (cached) {
    return cached;
  }
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern);
  } catch (error) {
    throw new Error(
      `The regular expression ${JSON.stringify(
        pattern,
      )} is not supported by RE2, the linear-time engine matches() uses: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
  }
  if (compiled.programSize() > MAX_REGEX_PROGRAM_SIZE) {
    throw new Error(
      `The regular expression ${JSON.stringify(
        pattern,
      )} is too large: its RE2 program has ${compiled.programSize()} instructions, the limit is ${MAX_REGEX_PROGRAM_SIZE}`,
    );
  }
  if (regexCache.size >= 500) {
    regexCache.delete(regexCache.keys().next().value as string);
  }
  regexCache.set(pattern, compiled);
  return compiled;
}

/**
 * One environment for every policy expression, built on first use (building
 * one is the expensive part). Numbers of the plan are doubles in CEL.
 */
function celEnvironment(): Environment {
  environment ??= new Environment({
    limits: {
      maxAstNodes: 2000,
      maxDepth: 50,
      maxListElements: 200,
      maxMapEntries: 200,
      maxCallArguments: 16,
    },
  })
    .registerVariable('resource', 'map', {
      description:
        'One resource of the plan, with its address (e.g. aws_instance.web)',
    })
    .registerVariable('session', 'map', {
      description: 'The session: owner, team (optional), region, ttlHours',
    })
    .registerFunction(
      `string.${RE2_MATCHES}(string): bool`,
      (value: string, pattern: string) => re2(pattern).test(value),
      {
        description:
          "matches() on RE2: the library's matches() uses a backtracking engine",
      },
    );
  return environment;
}

function position(expression: string, offset: number) {
  const before = expression.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Turns any error thrown by the CEL library (or by evaluation) into a
 * problem with the position inside the expression when the library knows it.
 *
 * @public
 */
export function celProblem(expression: string, error: unknown): CelProblem {
  if (!(error instanceof Error)) {
    return { message: String(error) };
  }
  const { summary, range } = error as Error & {
    summary?: string;
    range?: { start: number };
  };
  const message = summary ?? error.message;
  return typeof range?.start === 'number'
    ? { message, ...position(expression, range.start) }
    : { message };
}

/**
 * Formats a problem for people: `line 1, column 18: Unexpected token: EOF`.
 *
 * @public
 */
export function formatCelProblem(problem: CelProblem): string {
  return problem.line === undefined
    ? problem.message
    : `line ${problem.line}, column ${problem.column}: ${problem.message}`;
}

const IDENTITY_FIELDS = new Set(['type', 'name', 'address']);

interface AstNode {
  op: string;
  args: unknown;
}

const isAstNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && 'op' in value;

/** The field of `resource` a `resource.x` or `resource["x"]` node reads. */
function fieldRead(node: AstNode): string | undefined {
  if ((node.op !== '.' && node.op !== '[]') || !Array.isArray(node.args)) {
    return undefined;
  }
  const [target, key] = node.args;
  if (!isAstNode(target) || target.op !== 'id' || target.args !== 'resource') {
    return undefined;
  }
  if (typeof key === 'string') {
    return key;
  }
  return isAstNode(key) && key.op === 'value' && typeof key.args === 'string'
    ? key.args
    : undefined;
}

/** The fields of `resource` an expression reads, apart from type, name and address when it reads others. */
function resourceFields(ast: unknown): string[] {
  const fields = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isAstNode(value)) {
      const field = fieldRead(value);
      if (field) {
        fields.add(field);
      }
      visit(value.args);
    }
  };
  visit(ast);
  const specific = [...fields].filter(field => !IDENTITY_FIELDS.has(field));
  return specific.length > 0 ? specific : [...fields];
}

/** The macros that iterate: each nesting level multiplies the work. */
const COMPREHENSION_MACROS = new Set([
  'all',
  'exists',
  'exists_one',
  'map',
  'filter',
]);

/** A node of the library's AST, as far as this module reads and changes it. */
interface MutableAstNode {
  op: string;
  args: unknown;
  start?: number;
  meta?: { alternate?: unknown; macro?: unknown };
  evaluate(...args: unknown[]): unknown;
}

function isMacroCall(node: AstNode): node is AstNode & {
  args: [string, unknown, unknown[]];
} {
  return (
    node.op === 'rcall' &&
    Array.isArray(node.args) &&
    COMPREHENSION_MACROS.has(node.args[0] as string) &&
    Array.isArray(node.args[2])
  );
}

/**
 * The deepest nesting of comprehension macros and where it is: a macro in
 * another's predicate or transform counts one level more; macros chained one
 * after the other (`.map(...).exists(...)`) do not add up.
 */
function comprehensionNesting(ast: unknown): {
  depth: number;
  node?: AstNode;
} {
  let deepest: { depth: number; node?: AstNode } = { depth: 0 };
  const visit = (value: unknown, level: number): void => {
    if (Array.isArray(value)) {
      value.forEach(item => visit(item, level));
      return;
    }
    if (!isAstNode(value)) {
      return;
    }
    if (isMacroCall(value)) {
      const depth = level + 1;
      if (depth > deepest.depth) {
        deepest = { depth, node: value };
      }
      visit(value.args[1], level);
      value.args[2].forEach(arg => visit(arg, depth));
      return;
    }
    visit(value.args, level);
  };
  visit(ast, 0);
  return deepest;
}

/** `matches` calls of the AST, with the pattern when it is a literal. */
function matchesCalls(
  ast: unknown,
): Array<{ node: AstNode; pattern?: AstNode }> {
  const calls: Array<{ node: AstNode; pattern?: AstNode }> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isAstNode(value)) {
      if (
        value.op === 'rcall' &&
        Array.isArray(value.args) &&
        value.args[0] === 'matches' &&
        Array.isArray(value.args[2])
      ) {
        const [pattern] = value.args[2] as unknown[];
        calls.push({
          node: value,
          pattern: isAstNode(pattern) ? pattern : undefined,
        });
      }
      visit(value.args);
    }
  };
  visit(ast);
  return calls;
}

/** The problem of a pattern literal RE2 cannot run, if any. */
function regexProblem(
  expression: string,
  calls: Array<{ node: AstNode; pattern?: AstNode }>,
): CelProblem | undefined {
  for (const { pattern } of calls) {
    if (pattern?.op === 'value' && typeof pattern.args === 'string') {
      try {
        re2(pattern.args);
      } catch (error) {
        const start = (pattern as MutableAstNode).start;
        return {
          message: (error as Error).message,
          ...(typeof start === 'number' ? position(expression, start) : {}),
        };
      }
    }
  }
  return undefined;
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
function instrument(ast: unknown): void {
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

/** Points every `matches` call at the RE2 implementation. */
function useRe2(calls: Array<{ node: AstNode }>): void {
  for (const { node } of calls) {
    (node.args as unknown[])[0] = RE2_MATCHES;
  }
}

/**
 * Compiles a policy expression: parses it, type-checks it against the
 * `resource` and `session` variables and requires a boolean (or dynamic)
 * result. Refuses expressions too costly to evaluate: more than
 * {@link CEL_MAX_COMPREHENSION_NESTING} nested comprehension macros, and
 * `matches()` patterns RE2 cannot run. The compiled expression runs
 * `matches()` on RE2 (linear time) and counts its steps against a budget.
 * Never throws; a problem carries the line and column.
 *
 * @public
 */
export function compileCelExpression(
  expression: string,
): CompiledCelExpression {
  try {
    const env = celEnvironment();
    const checked = env.check(expression);
    if (!checked.valid) {
      return { ok: false, problem: celProblem(expression, checked.error) };
    }
    if (checked.type !== 'bool' && checked.type !== 'dyn') {
      return {
        ok: false,
        problem: {
          message: `The expression must be true or false, but it is of type ${checked.type}`,
          line: 1,
          column: 1,
        },
      };
    }
    const parsed = env.parse(expression);
    const nesting = comprehensionNesting(parsed.ast);
    if (nesting.depth > CEL_MAX_COMPREHENSION_NESTING) {
      const start = (nesting.node as MutableAstNode | undefined)?.start;
      return {
        ok: false,
        problem: {
          message: `The expression nests ${
            nesting.depth
          } comprehension macros (${[...COMPREHENSION_MACROS].join(
            ', ',
          )}); the limit is ${CEL_MAX_COMPREHENSION_NESTING}, because each level multiplies the work by the length of its list`,
          ...(typeof start === 'number' ? position(expression, start) : {}),
        },
      };
    }
    const calls = matchesCalls(parsed.ast);
    const regex = regexProblem(expression, calls);
    if (regex) {
      return { ok: false, problem: regex };
    }
    const fields = resourceFields(parsed.ast);
    useRe2(calls);
    instrument(parsed.ast);
    return {
      ok: true,
      evaluate: (variables, budget) => {
        const current: Meter = {
          steps: 0,
          maxSteps: budget?.maxSteps ?? CEL_MAX_STEPS,
          deadline:
            budget?.deadline ?? performance.now() + CEL_MAX_EVALUATION_MS,
        };
        const previous = meter;
        meter = current;
        let value: unknown;
        try {
          value = parsed(variables);
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
      },
      fields,
    };
  } catch (error) {
    return { ok: false, problem: celProblem(expression, error) };
  }
}
