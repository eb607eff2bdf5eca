// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { CustomErrorBase, isError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';

/**
 * 500 for a failed database call, without its detail: the drivers' messages
 * hold the SQL and its values (SQLite, MySQL), and Backstage's error handler
 * puts the message, and the stack in development, into the response body.
 * The detail stays in `stack`, which that handler logs for every 500 and
 * shows only in development.
 *
 * @internal
 */
export class DatabaseRequestError extends CustomErrorBase {
  readonly statusCode = 500;
  constructor(original: Error) {
    super('The database could not complete the request; the error is logged');
    this.name = 'DatabaseRequestError';
    // The original's message first: a driver's stack can be empty.
    this.stack = `${this.name}: ${this.message}\nCaused by: ${original.name}: ${
      original.message
    }\n${original.stack ?? ''}`;
  }
}

/** A driver's or knex's own error, by its marks on each engine. */
function isDriverError(error: Error): boolean {
  const e = error as Error & Record<string, unknown>;
  const name = e.constructor?.name ?? e.name;
  return (
    ['DatabaseError', 'SqliteError', 'KnexTimeoutError'].includes(name) ||
    ['DatabaseError', 'SqliteError', 'KnexTimeoutError'].includes(e.name) ||
    typeof e.sqlMessage === 'string' || // mysql2
    typeof e.sqlState === 'string' ||
    (typeof e.severity === 'string' && typeof e.routine === 'string') || // pg
    (typeof e.code === 'string' && /^(SQLITE_|ER_)/.test(e.code))
  );
}

/** The error, or one of its causes, came from the database. */
export function isDatabaseError(error: unknown): error is Error {
  const seen = new Set<unknown>();
  for (let e = error; isError(e) && !seen.has(e); e = (e as Error).cause) {
    seen.add(e);
    if (isDriverError(e)) {
      return true;
    }
  }
  return false;
}

/**
 * The last error middleware of the router: a database error that no route
 * translated becomes a {@link DatabaseRequestError}; every other error
 * passes unchanged (a NotFoundError stays a 404 even if a database
 * error caused it).
 *
 * @internal
 */
export function hideDatabaseErrors() {
  return (
    error: unknown,
    _req: Request,
    _res: Response,
    next: NextFunction,
  ) => {
    next(
      !isClientError(error) && isDatabaseError(error)
        ? new DatabaseRequestError(error)
        : error,
    );
  };
}

/** The names Backstage's error handler answers with a 3xx or 4xx. */
const CLIENT_ERROR_NAMES = [
  'NotModifiedError',
  'InputError',
  'AuthenticationError',
  'NotAllowedError',
  'NotFoundError',
  'ConflictError',
];

/** What Backstage's error handler would answer below 500. */
function isClientError(error: unknown): boolean {
  if (!isError(error)) {
    return false;
  }
  const { statusCode, status } = error as {
    statusCode?: unknown;
    status?: unknown;
  };
  const code = typeof statusCode === 'number' ? statusCode : status;
  if (typeof code === 'number') {
    return code < 500;
  }
  return CLIENT_ERROR_NAMES.includes(error.name);
}
