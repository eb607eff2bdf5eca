// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Environment } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';
import {
  AstNode,
  COMPREHENSION_MACROS,
  comprehensionNesting,
  matchesCalls,
  MutableAstNode,
  resourceFields,
} from './celAst';
import { CelEvaluationBudget, instrument, runWithinBudget } from './celBudget';

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

/** The largest compiled RE2 program a `matches()` pattern may have. */
const MAX_REGEX_PROGRAM_SIZE = 2000;

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
      evaluate: (variables, budget) =>
        runWithinBudget(() => parsed(variables), budget),
      fields,
    };
  } catch (error) {
    return { ok: false, problem: celProblem(expression, error) };
  }
}

export {
  CEL_MAX_EVALUATION_MS,
  CEL_MAX_STEPS,
  CelBudgetExceededError,
} from './celBudget';
export type { CelEvaluationBudget } from './celBudget';
