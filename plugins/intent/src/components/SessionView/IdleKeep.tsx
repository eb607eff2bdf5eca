// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import { Button, Text } from '@backstage/ui';
import type {
  SessionDetails,
  SessionExpiryState,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { useEffect, useState } from 'react';
import { intentApiRef } from '../../api';

/**
 * The idle rule on the session page: once the owner was warned that the
 * session is idle, when it will be destroyed and a Keep button (next to
 * Extend). Nothing while the rule is off or has not warned.
 */
export function IdleKeep(props: {
  details: SessionDetails;
  busy: boolean;
  /** Runs the keep like the page's other actions (errors shown, session reloaded). */
  run: (action: () => Promise<unknown>) => void;
}) {
  const { details, busy, run } = props;
  const { id, status } = details.session;
  const api = useApi(intentApiRef);
  const [state, setState] = useState<SessionExpiryState>();

  // Read again whenever the session changes: any change restarts the clock.
  useEffect(() => {
    let current = true;
    // A failed read never breaks the page: no idle warning is shown.
    (async () => api.getExpiryState({ id }))()
      .then(loaded => current && setState(loaded))
      .catch(() => current && setState(undefined));
    return () => {
      current = false;
    };
  }, [api, id, details]);

  const idle = state?.idle;
  if (!idle?.warnedAt || status !== 'active') {
    return null;
  }
  return (
    <>
      <Button
        variant="secondary"
        isDisabled={busy}
        onPress={() => run(async () => setState(await api.keepSession({ id })))}
      >
        Keep
      </Button>
      <Text aria-label="Idle warning">
        Idle since {new Date(idle.lastActivityAt).toLocaleString()}: destroyed
        at {new Date(idle.destroyAt).toLocaleString()} unless kept or changed.
      </Text>
    </>
  );
}
