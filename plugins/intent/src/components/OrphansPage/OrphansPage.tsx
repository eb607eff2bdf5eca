// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import { Button, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import type { OrphanResource } from '@intent-sandboxes/backstage-plugin-intent-common';
import { useCallback, useEffect, useState } from 'react';
import { intentApiRef } from '../../api';
import { ErrorNotice } from '../SessionView/ErrorNotice';

/**
 * Admins: cloud resources tagged with a session that is gone or destroyed,
 * with what they cost per hour, and a button that deletes each.
 */
export function OrphansPage() {
  const api = useApi(intentApiRef);
  const [items, setItems] = useState<OrphanResource[]>();
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback(async () => {
    try {
      setItems((await api.listOrphans()).items);
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    }
  }, [api]);
  useEffect(() => {
    load();
  }, [load]);

  const destroy = async (orphan: OrphanResource) => {
    setBusy(orphan.cloudId);
    try {
      await api.destroyOrphan({
        provider: orphan.provider,
        region: orphan.region,
        type: orphan.type,
        cloudId: orphan.cloudId,
      });
      await load();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(undefined);
    }
  };

  const total = (items ?? []).reduce((sum, o) => sum + o.hourlyUsd, 0);
  return (
    <Flex direction="column" gap="3" p="4">
      <Text as="h1" variant="title-medium">
        Orphaned resources
      </Text>
      {error && <ErrorNotice error={error} context="Orphans" />}
      {!items && !error && <Text>Looking for orphaned resources…</Text>}
      {items && items.length === 0 && (
        <Text>
          No orphans: every tagged resource belongs to a live session.
        </Text>
      )}
      {items && items.length > 0 && (
        <Card>
          <CardHeader>
            <Text>
              {items.length} resources, ${total.toFixed(4)} per hour
            </Text>
          </CardHeader>
          <CardBody>
            <table aria-label="Orphaned resources">
              <thead>
                <tr>
                  <th>Resource</th>
                  <th>Where</th>
                  <th>Session</th>
                  <th>$/h</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {items.map(o => (
                  <tr key={o.cloudId}>
                    <td>
                      {o.type} {o.cloudId}
                    </td>
                    <td>
                      {o.provider} {o.region}
                    </td>
                    <td>
                      {o.sessionId} ({o.sessionStatus ?? 'unknown'})
                    </td>
                    <td>{o.hourlyUsd.toFixed(4)}</td>
                    <td>
                      <Button
                        size="small"
                        variant="secondary"
                        aria-label={`Destroy ${o.type} ${o.cloudId}`}
                        onPress={() => destroy(o)}
                        isDisabled={busy !== undefined}
                      >
                        {busy === o.cloudId ? 'Destroying…' : 'Destroy'}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardBody>
        </Card>
      )}
    </Flex>
  );
}
