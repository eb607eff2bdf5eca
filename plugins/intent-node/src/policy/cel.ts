// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Environment } from '@marcbachmann/cel-js';

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
      /** Evaluates the expression; throws when it cannot be evaluated. */
      evaluate(variables: CelRuleVariables): unknown;
      /** The `resource` fields the expression reads, apart from type, name and address. */
      fields: string[];
    }
  | { ok: false; problem: CelProblem };

let environment: Environment | undefined;

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
    });
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

/**
 * Compiles a policy expression: parses it, type-checks it against the
 * `resource` and `session` variables and requires a boolean (or dynamic)
 * result. Never throws; a problem carries the line and column.
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
    return {
      ok: true,
      evaluate: variables => parsed(variables),
      fields: resourceFields(parsed.ast),
    };
  } catch (error) {
    return { ok: false, problem: celProblem(expression, error) };
  }
}
