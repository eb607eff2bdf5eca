// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { InputError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';

/**
 * What no text of a request may hold: control characters other than tab,
 * line feed and carriage return (C0, DEL and C1; a NUL is refused by
 * PostgreSQL and stored as is elsewhere) and lone UTF-16 surrogates (not
 * encodable as UTF-8). Returns a message naming the field and the position
 * (counted in UTF-16 code units from 0, as JavaScript's `indexOf` does), or
 * undefined when the text is clean.
 *
 * @internal
 */
export function badCharacterIn(
  field: string,
  text: string,
): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      (code >= 0x7f && code <= 0x9f)
    ) {
      return `${field} contains a control character (${unicode(
        code,
      )}) at position ${i}; remove it`;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a valid pair
        continue;
      }
      return `${field} contains a lone surrogate (${unicode(
        code,
      )}) at position ${i}; remove it`;
    }
  }
  return undefined;
}

function unicode(code: number) {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first bad text in a parsed JSON value or query object, keys included,
 * walked without recursion so that a deeply nested body cannot overflow the
 * stack. Fields are named by their path (`base.resources[0].name`).
 *
 * @internal
 */
export function findBadText(
  root: unknown,
  rootName: string,
): string | undefined {
  const pending: Array<[string, unknown]> = [[rootName, root]];
  while (pending.length > 0) {
    const [field, value] = pending.pop()!;
    if (typeof value === 'string') {
      const problem = badCharacterIn(field, value);
      if (problem) {
        return problem;
      }
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        pending.push([`${field}[${i}]`, value[i]]);
      }
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i];
        const keyProblem = badCharacterIn(
          field ? `a key of ${field}` : 'a key',
          key,
        );
        if (keyProblem) {
          return keyProblem;
        }
        pending.push([field ? `${field}.${key}` : key, child]);
      }
    }
  }
  return undefined;
}

/**
 * Refuses, with 400 naming the field, a request whose path, query or JSON
 * body holds a control character or a lone surrogate (see
 * {@link badCharacterIn}). Runs on every request after the body is parsed,
 * before any route, so no such text reaches a database.
 *
 * @internal
 */
export function checkTextInput() {
  return (req: Request, _res: Response, next: NextFunction) => {
    let path: string;
    try {
      path = decodeURIComponent(req.path);
    } catch {
      next(
        new InputError(
          `The path ${req.path} is not valid percent-encoded UTF-8`,
        ),
      );
      return;
    }
    const problem =
      badCharacterIn('the path', path) ??
      findBadText(req.query, '') ??
      (req.body !== undefined ? findBadText(req.body, '') : undefined);
    next(problem ? new InputError(capitalized(problem)) : undefined);
  };
}

/** Field names start lower case; only the generic ones need a capital. */
function capitalized(message: string) {
  return message.startsWith('the path') || message.startsWith('a key')
    ? message.charAt(0).toUpperCase() + message.slice(1)
    : message;
}
