// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * A raw HCL expression (a reference, a function call): written as is, never
 * quoted. Build references with `tfRef`, never from user strings.
 *
 * @public
 */
export interface HclExpression {
  kind: 'expression';
  text: string;
}

/**
 * A value an HCL attribute can hold. Strings are always written as escaped
 * literals; `undefined` attributes are left out.
 *
 * @public
 */
export type HclValue =
  | string
  | number
  | boolean
  | null
  | HclExpression
  | HclValue[]
  | { [key: string]: HclValue | undefined };

/** @public */
export interface HclAttribute {
  kind: 'attribute';
  name: string;
  value: HclValue;
}

/** A block such as `resource "aws_vpc" "main" { ... }`. @public */
export interface HclBlock {
  kind: 'block';
  type: string;
  labels: string[];
  body: HclBodyItem[];
  /** Lines written as `#` comments above the block. */
  comments?: string[];
}

/** @public */
export type HclBodyItem = HclAttribute | HclBlock;

/** @public */
export function hclExpression(text: string): HclExpression {
  return { kind: 'expression', text };
}

function isExpression(value: unknown): value is HclExpression {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as HclExpression).kind === 'expression' &&
    typeof (value as HclExpression).text === 'string'
  );
}

/**
 * Attributes from a record, in its key order; `undefined` values are left
 * out, so optional plan fields can be passed as they are.
 *
 * @public
 */
export function hclAttributes(
  attributes: Record<string, HclValue | undefined>,
): HclAttribute[] {
  return Object.entries(attributes).flatMap(([name, value]) =>
    value === undefined ? [] : [{ kind: 'attribute' as const, name, value }],
  );
}

/** @public */
export function hclBlock(
  type: string,
  labels: string[],
  body: HclBodyItem[],
  comments?: string[],
): HclBlock {
  return { kind: 'block', type, labels, body, comments };
}

/**
 * Escapes a string for the inside of an HCL quoted template: backslashes,
 * quotes, newlines and other control characters, and the template sequences
 * `${` and `%{` (written `$${` and `%%{`, which HCL reads back as literal
 * text).
 *
 * @public
 */
export function escapeHclString(value: string): string {
  let out = '';
  for (const char of value) {
    switch (char) {
      case '\\':
        out += '\\\\';
        break;
      case '"':
        out += '\\"';
        break;
      case '\n':
        out += '\\n';
        break;
      case '\r':
        out += '\\r';
        break;
      case '\t':
        out += '\\t';
        break;
      default: {
        const code = char.codePointAt(0)!;
        out +=
          code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029
            ? `\\u${code.toString(16).padStart(4, '0')}`
            : char;
      }
    }
  }
  return out.replace(/([$%])\{/g, '$1$1{');
}

/**
 * A quoted, escaped HCL string literal.
 *
 * @public
 */
export function hclString(value: string): string {
  return `"${escapeHclString(value)}"`;
}

/**
 * Text for a `#` comment: one line, control characters replaced by spaces,
 * so a user string cannot end the comment and start configuration.
 *
 * @public
 */
export function hclComment(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

function renderKey(key: string): string {
  return IDENTIFIER.test(key) ? key : hclString(key);
}

/**
 * Writes a value as HCL. Objects and lists are written on several lines;
 * the formatter aligns and indents them.
 *
 * @public
 */
export function renderHclValue(value: HclValue): string {
  if (value === null) {
    return 'null';
  }
  if (typeof value === 'string') {
    return hclString(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`Cannot write ${value} as an HCL number`);
    }
    return String(value);
  }
  if (typeof value === 'boolean') {
    return value ? 'true' : 'false';
  }
  if (isExpression(value)) {
    return value.text;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return '[]';
    }
    return `[\n${value.map(v => `${renderHclValue(v)},\n`).join('')}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) {
    return '{}';
  }
  return `{\n${entries
    .map(([k, v]) => `${renderKey(k)} = ${renderHclValue(v as HclValue)}\n`)
    .join('')}}`;
}

/**
 * Writes a block (and its nested blocks) as HCL, unformatted.
 *
 * @public
 */
export function renderHclBlock(block: HclBlock): string {
  const comments = (block.comments ?? [])
    .map(line => `# ${hclComment(line)}\n`.replace(/ \n$/, '\n'))
    .join('');
  const head = [block.type, ...block.labels.map(hclString)].join(' ');
  const body = block.body
    .map(item =>
      item.kind === 'attribute'
        ? `${item.name} = ${renderHclValue(item.value)}\n`
        : renderHclBlock(item),
    )
    .join('');
  return `${comments}${head} {\n${body}}\n`;
}

/**
 * Writes the blocks of one file, separated by blank lines, with an optional
 * header comment.
 *
 * @public
 */
export function renderHclFile(
  blocks: HclBlock[],
  header: string[] = [],
): string {
  const top = header.map(line => `# ${hclComment(line)}`.trimEnd());
  const parts = blocks.map(renderHclBlock);
  return [top.length ? `${top.join('\n')}\n` : '', ...parts]
    .filter(Boolean)
    .join('\n');
}
