// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { ResponseError } from '@backstage/errors';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ErrorNotice, explainError } from './ErrorNotice';

// Rendering the test app is slow on a busy machine.
jest.setTimeout(30_000);

async function responseError(status: number, name: string, message: string) {
  return ResponseError.fromResponse(
    // The body the Backstage error handler sends.
    new Response(
      JSON.stringify({
        error: { name, message },
        request: { method: 'POST', url: '/api/intent/v1/sessions/s1/apply' },
        response: { statusCode: status },
      }),
      {
        status,
        statusText: 'x',
        headers: { 'content-type': 'application/json' },
      },
    ),
  );
}

describe('ErrorNotice', () => {
  it("shows the backend's cause and what to do for a denied request", async () => {
    const error = await responseError(
      403,
      'NotAllowedError',
      'Only the owner may apply this sandbox',
    );
    await renderInTestApp(
      <ErrorNotice error={error} context="Could not apply" />,
    );
    expect(
      screen.getByText(
        'Could not apply: Only the owner may apply this sandbox',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        'You may not do this here: ask the owner of the sandbox or a platform admin.',
      ),
    ).toBeInTheDocument();
  });

  it.each([
    [400, /^Change what you sent/],
    [404, /^It no longer exists/],
    [409, /^The sandbox changed meanwhile/],
    [500, /^The backend failed/],
  ])('tells what to do after a %p', async (status, whatToDo) => {
    const error = await responseError(status, 'Error', 'the cause');
    expect(explainError(error)).toEqual({
      cause: 'the cause',
      whatToDo: expect.stringMatching(whatToDo),
    });
  });

  it('keeps the message of an error that is not a response', () => {
    expect(explainError(new Error('offline')).cause).toBe('offline');
  });
});
