// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * What went wrong in a cloud call, in terms the caller can act on without
 * knowing the cloud's error codes:
 *
 * - `throttled`: too many requests (EC2 `RequestLimitExceeded`, S3
 *   `SlowDown`); retry later.
 * - `transient`: the cloud could not do it now but may soon (no capacity,
 *   an internal error, a resource still changing state); retry later.
 * - `not-found`: an id that does not exist (EC2 `*.NotFound`, S3 `NoSuchBucket`).
 * - `invalid`: the request is wrong (EC2 `InvalidParameterValue`, ...).
 * - `conflict`: the request clashes with what exists (a name taken, a
 *   resource in use, a reused client token with other arguments).
 * - `quota`: an account limit is reached (EC2 `*LimitExceeded`).
 * - `auth`: the credentials may not do this (EC2 `UnauthorizedOperation`).
 * - `unknown`: anything else.
 *
 * @public
 */
export type CloudErrorKind =
  | 'throttled'
  | 'transient'
  | 'not-found'
  | 'invalid'
  | 'conflict'
  | 'quota'
  | 'auth'
  | 'unknown';

/**
 * An error of a cloud call. Every {@link CloudProvider} throws these (or
 * subclasses) for what the cloud refused, so that the intent backend retries
 * what can succeed later (`retryable`) and reports the rest, without
 * matching error codes or messages of a particular cloud.
 *
 * @public
 */
export class CloudError extends Error {
  /** What went wrong, independent of the cloud. */
  readonly kind: CloudErrorKind;
  /** True when the same call may succeed if made again later. */
  readonly retryable: boolean;
  /** The cloud's own error code, e.g. `InvalidParameterValue`. */
  readonly code?: string;

  constructor(options: {
    kind: CloudErrorKind;
    message: string;
    code?: string;
    /** Defaults to true for `throttled` and `transient`, else false. */
    retryable?: boolean;
    cause?: unknown;
  }) {
    super(options.message, { cause: options.cause });
    this.name = 'CloudError';
    this.kind = options.kind;
    this.code = options.code;
    this.retryable =
      options.retryable ??
      (options.kind === 'throttled' || options.kind === 'transient');
  }

  /**
   * True for a {@link CloudError}, also one from another copy of this
   * package (so not `instanceof` this class).
   */
  static isCloudError(error: unknown): error is CloudError {
    if (error instanceof CloudError) {
      return true;
    }
    if (!(error instanceof Error)) {
      return false;
    }
    const e = error as Error & { kind?: unknown; retryable?: unknown };
    return typeof e.kind === 'string' && typeof e.retryable === 'boolean';
  }
}

const EC2_KINDS: Array<[RegExp, CloudErrorKind]> = [
  [
    /^(RequestLimitExceeded|Throttling|ThrottlingException|SlowDown)$/,
    'throttled',
  ],
  [
    /^(InsufficientInstanceCapacity|InsufficientAddressCapacity|InsufficientCapacity|InsufficientHostCapacity|InternalError|InternalFailure|ServiceUnavailable|Unavailable|RequestTimeout|IncorrectState|IncorrectInstanceState|OperationAborted)$/,
    'transient',
  ],
  [/\.NotFound$|^NoSuchBucket$|^NotFound$/, 'not-found'],
  [/^(UnauthorizedOperation|AuthFailure|AccessDenied|Blocked)$/, 'auth'],
  [/LimitExceeded$|^TooManyBuckets$/, 'quota'],
  [
    /\.Duplicate$|^(BucketAlreadyExists|BucketAlreadyOwnedByYou|IdempotentParameterMismatch|DependencyViolation|VolumeInUse|InvalidVolume\.ZoneMismatch)$|\.Conflict$/,
    'conflict',
  ],
  [
    /^(Invalid|Missing|Unsupported|Malformed)|\.Malformed$|\.Range$|\.Format$/,
    'invalid',
  ],
];

/** Transient, but for minutes: the user retries later or picks another type or zone. */
const NOT_RETRIED = /^Insufficient\w*Capacity$/;

/**
 * How an EC2 or S3 error code is classified, e.g. `RequestLimitExceeded` →
 * `throttled` (retryable), `InsufficientInstanceCapacity` → `transient` (not
 * retried), `InvalidInstanceID.NotFound` → `not-found`,
 * `InvalidParameterValue` → `invalid`. For clouds that speak EC2's language
 * (the simulated one, AWS). Capacity shortages are not retryable: they last
 * minutes rather than the seconds a few retries wait (the AWS SDKs do not
 * retry them either).
 *
 * @public
 */
export function classifyEc2Error(code: string): {
  kind: CloudErrorKind;
  retryable: boolean;
} {
  for (const [pattern, kind] of EC2_KINDS) {
    if (pattern.test(code)) {
      return {
        kind,
        retryable:
          (kind === 'throttled' || kind === 'transient') &&
          !NOT_RETRIED.test(code),
      };
    }
  }
  return { kind: 'unknown', retryable: false };
}
