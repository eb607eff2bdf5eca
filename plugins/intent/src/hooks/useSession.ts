// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import type { SessionDetails } from '@intent-sandboxes/backstage-plugin-intent-common';
import { useCallback, useEffect, useState } from 'react';
import { intentApiRef } from '../api';

/** While a session is in one of these states, the page follows it. */
const BUSY = new Set(['applying', 'destroying']);

/**
 * Loads a session and follows it: on every Backstage signal of the session's
 * channel, and by polling while the cloud is busy (slowly when signals work,
 * every `pollMillis` when they do not).
 */
export function useSession(id: string, pollMillis = 1000) {
  const api = useApi(intentApiRef);
  const [details, setDetails] = useState<SessionDetails>();
  const [error, setError] = useState<Error>();

  const load = useCallback(async () => {
    try {
      setDetails(await api.getSession({ id }));
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    }
  }, [api, id]);

  useEffect(() => {
    load();
  }, [load]);

  // The backend signals every step of an operation; without signals, poll.
  const { lastSignal, isSignalsAvailable } = useSignal(`intent:session:${id}`);
  useEffect(() => {
    if (lastSignal) {
      load();
    }
  }, [lastSignal, load]);

  const busy = details !== undefined && BUSY.has(details.session.status);
  useEffect(() => {
    if (!busy) {
      return undefined;
    }
    const timer = setInterval(
      load,
      isSignalsAvailable ? pollMillis * 5 : pollMillis,
    );
    return () => clearInterval(timer);
  }, [busy, load, pollMillis, isSignalsAvailable]);

  return { details, setDetails, error, reload: load };
}
