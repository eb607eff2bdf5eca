// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { CustomErrorBase, InputError } from '@backstage/errors';
import express, { NextFunction, Request, Response } from 'express';

/** The largest JSON body any route accepts. */
export const BODY_LIMIT_BYTES = 64 * 1024;

const kB = (bytes: number) => Math.ceil(bytes / 1024);

/**
 * 413: the request body is larger than the routes accept.
 *
 * @internal
 */
export class PayloadTooLargeError extends CustomErrorBase {
  readonly statusCode = 413;
  constructor(message: string) {
    super(message);
    this.name = 'PayloadTooLargeError';
  }
}

/**
 * 415: a body the JSON parser cannot read (a charset or content encoding
 * other than UTF-8 JSON, plain or compressed).
 *
 * @internal
 */
export class UnsupportedMediaTypeError extends CustomErrorBase {
  readonly statusCode = 415;
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedMediaTypeError';
  }
}

/**
 * Parses JSON bodies up to `limitBytes`, answering 413 above it.
 *
 * It must run before `createValidatedOpenApiRouter`'s router: that router
 * parses every body itself first (`express.json()`, body-parser's default
 * 100 kB limit) and turns every error of its middleware into an
 * `InputError`, so a parser added inside it with `router.use` never parses
 * anything (the body is already read) and a too-large body answers 400.
 * Mounted in front, this parser reads the body and the validated router's
 * parser skips it. Its errors are rewritten so that a response never echoes
 * the raw body (body-parser attaches it to parse errors).
 *
 * @internal
 */
export function jsonBody(options: { limitBytes: number }) {
  const limit = options.limitBytes;
  const parse = express.json({ limit });
  return (req: Request, res: Response, next: NextFunction) => {
    const length = Number(req.headers['content-length']);
    if (Number.isFinite(length) && length > limit) {
      next(tooLarge(`${kB(length)} kB`, limit));
      return;
    }
    parse(req, res, error => {
      next(error ? parserError(error, limit) : undefined);
    });
  };
}

function tooLarge(size: string, limit: number) {
  return new PayloadTooLargeError(
    `The request body is ${size}; the limit is ${kB(limit)} kB`,
  );
}

function parserError(error: any, limit: number): Error {
  switch (error?.type) {
    case 'entity.too.large':
      // A chunked body has no length up front: it is known to be too long only.
      return tooLarge(
        typeof error.length === 'number'
          ? `${kB(error.length)} kB`
          : `over ${kB(limit)} kB`,
        limit,
      );
    case 'entity.parse.failed':
      return new InputError(
        `The request body is not valid JSON: ${error.message}`,
      );
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError(
        `${error.message}; send UTF-8 JSON (Content-Type: application/json)`,
      );
    default:
      return new InputError(
        `The request body could not be read: ${error?.message}`,
      );
  }
}

/** An OpenAPI document's paths, as far as this module needs them. */
type SpecPaths = Record<string, Record<string, unknown>>;

/**
 * Refuses, with 400, a body sent to a route that takes none: every GET,
 * HEAD, DELETE and OPTIONS, and the operations of `spec` without a
 * `requestBody`. 400 rather than 415: the body is not of the wrong type,
 * there should be none, and no other Content-Type would be accepted.
 * Requests to paths the spec does not describe (routes added by modules)
 * are judged by their method only.
 *
 * @internal
 */
export function refuseUnexpectedBody(spec: { paths: SpecPaths }) {
  const withoutBody = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(
        ([method, operation]) =>
          ['post', 'put', 'patch'].includes(method) &&
          !(operation as { requestBody?: unknown }).requestBody,
      )
      .map(([method]) => ({
        method: method.toUpperCase(),
        pattern: new RegExp(
          `^${path
            .split(/\{[^}]+\}/)
            .map(part => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
            .join('[^/]+')}/?$`,
        ),
      })),
  );
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!hasBody(req)) {
      next();
      return;
    }
    const takesNone =
      ['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(req.method) ||
      withoutBody.some(
        ({ method, pattern }) =>
          method === req.method && pattern.test(req.path),
      );
    next(
      takesNone
        ? new InputError(
            `${req.method} ${req.path} takes no request body; send none`,
          )
        : undefined,
    );
  };
}

/** A body is coming: a positive Content-Length, or a chunked one. */
function hasBody(req: Request) {
  const length = req.headers['content-length'];
  if (length !== undefined) {
    return Number(length) > 0;
  }
  return req.headers['transfer-encoding'] !== undefined;
}
