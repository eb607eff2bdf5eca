// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Alert } from '@backstage/ui';

/** What went wrong, in the backend's words, and what a person can do about it. */
export interface ExplainedError {
  cause: string;
  whatToDo: string;
}

function statusOf(error: Error): number | undefined {
  const status = (error as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Turns an error of the intent API (a `ResponseError`, whose `cause` is the
 * backend's own error) into its cause and a next step.
 */
export function explainError(error: Error): ExplainedError {
  const cause =
    error.cause instanceof Error && error.cause.message
      ? error.cause.message
      : error.message;
  switch (statusOf(error)) {
    case 400:
      return { cause, whatToDo: 'Change what you sent as the message says.' };
    case 401:
      return { cause, whatToDo: 'Sign in again, then retry.' };
    case 403:
      return {
        cause,
        whatToDo:
          'You may not do this here: ask the owner of the sandbox or a platform admin.',
      };
    case 404:
      return {
        cause,
        whatToDo: 'It no longer exists: go back to the sandboxes list.',
      };
    case 409:
      return {
        cause,
        whatToDo:
          'The sandbox changed meanwhile (another operation or a new plan): look at the page again, then retry.',
      };
    default:
      return {
        cause,
        whatToDo:
          'The backend failed: retry in a moment; if it persists, the backend log has the details.',
      };
  }
}

/** An error as an alert: the cause as its title, what to do below. */
export function ErrorNotice({
  error,
  context,
}: {
  error: Error;
  /** What was attempted, e.g. "Could not apply". */
  context?: string;
}) {
  const { cause, whatToDo } = explainError(error);
  return (
    <Alert
      status="danger"
      title={context ? `${context}: ${cause}` : cause}
      description={whatToDo}
    />
  );
}
