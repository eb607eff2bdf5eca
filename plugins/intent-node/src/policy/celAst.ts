// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/** The parts of cel-js's syntax tree the policy checks read. */

export const IDENTITY_FIELDS = new Set(['type', 'name', 'address']);

export interface AstNode {
  op: string;
  args: unknown;
}

export const isAstNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && 'op' in value;

/** The field of `resource` a `resource.x` or `resource["x"]` node reads. */
export function fieldRead(node: AstNode): string | undefined {
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
export function resourceFields(ast: unknown): string[] {
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
export const COMPREHENSION_MACROS = new Set([
  'all',
  'exists',
  'exists_one',
  'map',
  'filter',
]);

/** A node of the library's AST, as far as this module reads and changes it. */
export interface MutableAstNode {
  op: string;
  args: unknown;
  start?: number;
  meta?: { alternate?: unknown; macro?: unknown };
  evaluate(...args: unknown[]): unknown;
}

export function isMacroCall(node: AstNode): node is AstNode & {
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
export function comprehensionNesting(ast: unknown): {
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
export function matchesCalls(
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
