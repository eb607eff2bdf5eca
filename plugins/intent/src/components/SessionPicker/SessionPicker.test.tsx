// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { mockApis, renderInTestApp } from '@backstage/frontend-test-utils';
import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';
import { fireEvent, screen } from '@testing-library/react';
import { IntentApi, intentApiRef } from '../../api';
import { promotableOptions } from './promotable';
import { SessionPicker } from './SessionPicker';

jest.setTimeout(60_000);

// The list loads after the first render; a busy machine needs more than 1 s.
const slow = { timeout: 15_000 };

const ME = 'user:default/dana';

function session(overrides: Partial<Session>): Session {
  return {
    id: 's-1',
    title: 'Web sandbox',
    owner: ME,
    team: null,
    provider: 'simulated',
    region: 'eu-west-1',
    status: 'active',
    expiresAt: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    promotedTo: null,
    ...overrides,
  };
}

describe('promotableOptions', () => {
  it('keeps my applied sessions, newest first', () => {
    expect(
      promotableOptions(
        [
          session({ id: 'old', createdAt: '2026-01-01T00:00:00Z' }),
          session({ id: 'new', createdAt: '2026-02-01T00:00:00Z' }),
          session({ id: 'planned', status: 'planned' }),
          session({ id: 'theirs', owner: 'user:default/ada' }),
          session({ id: 'done', status: 'promoted' }),
        ],
        ME,
      ).map(o => o.id),
    ).toEqual(['new', 'old']);
  });
});

describe('SessionPicker', () => {
  function render(listSessions: IntentApi['listSessions']) {
    const onChange = jest.fn();
    const props = {
      formData: undefined,
      onChange,
      required: true,
      rawErrors: [],
      schema: { title: 'Session', type: 'string' },
      idSchema: { $id: 'root_sessionId' },
      uiSchema: {},
    } as any;
    return {
      onChange,
      done: renderInTestApp(<SessionPicker {...props} />, {
        apis: [
          [intentApiRef, { listSessions } as unknown as IntentApi],
          mockApis.identity({ userEntityRef: ME }),
        ],
      }),
    };
  }

  it('lists my applied sessions and sets the picked id', async () => {
    const listSessions = jest.fn().mockResolvedValue({
      items: [session({ id: 's-1', title: 'Web sandbox' })],
      totalCount: 1,
    });
    const { onChange, done } = render(listSessions);
    await done;

    fireEvent.click(
      await screen.findByRole('button', { name: /Session/ }, slow),
    );
    fireEvent.click(
      await screen.findByRole('option', { name: /Web sandbox/ }, slow),
    );
    expect(onChange).toHaveBeenCalledWith('s-1');
    expect(listSessions).toHaveBeenCalledWith({
      owner: ME,
      status: 'active',
      limit: 100,
    });
  });

  it('says what to do when there is nothing to promote', async () => {
    const { done } = render(
      jest.fn().mockResolvedValue({ items: [], totalCount: 0 }),
    );
    await done;
    expect(
      await screen.findByText(
        'You have no applied sandbox to promote; apply one on the Sandboxes page first',
        {},
        slow,
      ),
    ).toBeInTheDocument();
  });

  it('shows why the list failed', async () => {
    const { done } = render(
      jest.fn().mockRejectedValue(new Error('The intent backend is down')),
    );
    await done;
    expect(
      await screen.findByText(
        'Could not list your sandboxes: The intent backend is down',
        {},
        slow,
      ),
    ).toBeInTheDocument();
  });
});
