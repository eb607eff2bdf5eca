// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  classifyEc2Error,
  CloudError,
} from '@intent-sandboxes/backstage-plugin-intent-node';

/** What the failed call was: the IAM action and the resource, for the message. */
export interface CallContext {
  /** The IAM action of the call, e.g. `ec2:RunInstances`. */
  action: string;
  /** The plan address or cloud id the call was about. */
  subject?: string;
}

type SdkError = Error & {
  Code?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number };
  $fault?: 'client' | 'server';
};

const NETWORK_CODES =
  /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|TimeoutError|RequestTimeout)$/;

/** The AWS error code of an SDK error (S3 HEAD errors carry only a status). */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) {
    return undefined;
  }
  const e = error as SdkError;
  const code = e.Code ?? (e.name !== 'Error' ? e.name : undefined) ?? e.code;
  if (code === 'UnknownError' || code === 'Unknown' || code === undefined) {
    const status = e.$metadata?.httpStatusCode;
    if (status === 404) return 'NotFound';
    if (status === 403) return 'AccessDenied';
    if (status === 301 || status === 400) return 'InvalidRequest';
    return e.code;
  }
  return code;
}

/** The IAM action named in an UnauthorizedOperation/AccessDenied message, if any. */
export function missingIamAction(message: string): string | undefined {
  return /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(
    message,
  )?.[1];
}

/**
 * Turns what the SDK threw into a {@link CloudError} whose message says what
 * to do. Already mapped errors and aborts pass through unchanged.
 */
export function toCloudError(error: unknown, context: CallContext): Error {
  if (CloudError.isCloudError(error)) {
    return error;
  }
  if (!(error instanceof Error)) {
    return new CloudError({
      kind: 'unknown',
      message: `${context.action} failed: ${String(error)}`,
    });
  }
  if (error.name === 'AbortError') {
    return error;
  }
  const code = errorCode(error) ?? 'Unknown';
  const about = context.subject ? ` (${context.subject})` : '';
  const said = error.message;
  if (NETWORK_CODES.test(code)) {
    return new CloudError({
      kind: 'transient',
      code,
      cause: error,
      message: `AWS could not be reached for ${context.action}${about}: ${said}. Check the network path to the endpoint (and intent.aws.endpoint), then retry.`,
    });
  }
  if (error.name === 'CredentialsProviderError') {
    return new CloudError({
      kind: 'auth',
      code: 'CredentialsProviderError',
      cause: error,
      message: `No AWS credentials for ${context.action}: ${said}. Configure aws.mainAccount or aws.accounts (and intent.aws.accountId).`,
    });
  }
  const { kind, retryable } = classifyEc2Error(code);
  return new CloudError({
    kind,
    retryable,
    code,
    cause: error,
    message: `${advice(code, said, context)}${about}`,
  });
}

function advice(code: string, said: string, context: CallContext): string {
  if (code === 'UnauthorizedOperation' || code === 'AccessDenied') {
    const action = missingIamAction(said) ?? context.action;
    return `The AWS credentials may not call ${action}: add "${action}" to the IAM policy of the provider's role (see the module README for the minimal policy)`;
  }
  if (code === 'InsufficientInstanceCapacity') {
    return `AWS has no capacity for this instance type in the chosen availability zone right now: pick another instance type or zone, or retry in a few minutes (${said})`;
  }
  if (code === 'VcpuLimitExceeded') {
    return `The account's vCPU quota for this instance family is used up: stop or destroy other instances, pick a smaller type, or request a quota increase in Service Quotas (${said})`;
  }
  if (code.startsWith('InvalidAMIID.')) {
    return `The pinned image is not usable in this region or account (${code}): plan the session again so the image is resolved anew (${said})`;
  }
  if (code === 'BucketAlreadyExists') {
    return `The bucket name is taken by another AWS account (bucket names are global): choose another bucketName`;
  }
  if (code === 'BucketAlreadyOwnedByYou') {
    return `A bucket with this name already exists in this account and is not this session's: choose another bucketName or delete that bucket`;
  }
  if (
    /^(RequestLimitExceeded|Throttling|ThrottlingException|SlowDown)$/.test(
      code,
    )
  ) {
    return `AWS throttled ${context.action}: it will be retried with backoff`;
  }
  return `AWS refused ${context.action}: ${code}: ${said}`;
}

/** Runs an SDK call, mapping what it throws. */
export async function call<T>(
  context: CallContext,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toCloudError(error, context);
  }
}
