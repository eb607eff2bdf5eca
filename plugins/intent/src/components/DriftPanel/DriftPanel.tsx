// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import {
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import type {
  DriftReport,
  SessionDetails,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { useEffect, useState } from 'react';
import { intentApiRef } from '../../api';
import { ErrorNotice } from '../SessionView/ErrorNotice';

const show = (value: unknown) =>
  value === undefined ? '(none)' : JSON.stringify(value);

/**
 * Changes made to a session's resources outside the portal: each drifted
 * field with its applied and observed value, resources deleted (missing) or
 * added with the session's tag (unmanaged), policy findings on what runs
 * now; "Check now", and "Revert" (recreates missing resources, sets changed
 * ones back) / "Accept" while the session is active and has changed or
 * missing resources. Unmanaged resources are left alone by both.
 */
export function DriftPanel(props: {
  details: SessionDetails;
  onChange: (details: SessionDetails) => void;
}) {
  const { details, onChange } = props;
  const api = useApi(intentApiRef);
  const [report, setReport] = useState<DriftReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const id = details.session.id;
  const current = report;
  useEffect(() => {
    let live = true;
    api
      .getDrift({ id })
      .then(r => live && setReport(r.report))
      .catch(e => live && setError(e as Error));
    return () => {
      live = false;
    };
  }, [api, id]);
  // Changed resources are set back, missing ones recreated; unmanaged ones
  // are left alone, so they alone give nothing to act on.
  const canAct =
    details.session.status === 'active' &&
    !details.lock &&
    (current?.drifted.length ?? 0) > 0;

  if (details.resources.length === 0 && !current) {
    return null;
  }

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const checkNow = () =>
    run(async () => setReport(await api.checkDrift({ id })));
  const revert = () =>
    run(async () => {
      await api.revertDrift({ id });
      onChange(await api.getSession({ id }));
    });
  const accept = () =>
    run(async () => {
      const accepted = await api.acceptDrift({ id });
      onChange(accepted.details);
    });

  return (
    <Card>
      <CardHeader>
        <Flex justify="between" align="center">
          <Text as="h3" variant="title-x-small">
            Drift
          </Text>
          <Flex gap="2">
            <Button
              size="small"
              variant="secondary"
              onPress={checkNow}
              isDisabled={busy}
            >
              Check now
            </Button>
            <Button
              size="small"
              variant="secondary"
              onPress={revert}
              isDisabled={busy || !canAct}
            >
              Revert
            </Button>
            <Button
              size="small"
              variant="secondary"
              onPress={accept}
              isDisabled={busy || !canAct}
            >
              Accept
            </Button>
          </Flex>
        </Flex>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="2">
          {error && <ErrorNotice error={error} context="Drift" />}
          {!current && <Text>Not checked yet.</Text>}
          {current &&
            current.drifted.length === 0 &&
            current.unmanaged.length === 0 && (
              <Text>
                No drift: the cloud holds what was applied (checked{' '}
                {new Date(current.checkedAt).toLocaleString()}).
              </Text>
            )}
          {current?.drifted.map(d => (
            <Flex key={d.address} direction="column" gap="1">
              <Flex gap="2" align="center">
                <Text weight="bold">{d.address}</Text>
                <Badge>{d.kind}</Badge>
              </Flex>
              {d.kind === 'missing' && (
                <Text variant="body-small">
                  Deleted outside the portal. Revert recreates it; Accept
                  removes it from the plan.
                </Text>
              )}
              {d.fields.map(f => (
                <Text key={f.path} variant="body-small">
                  {f.path}: applied {show(f.expected)}, now {show(f.observed)}
                </Text>
              ))}
            </Flex>
          ))}
          {current?.unmanaged.map(u => (
            <Flex key={u.cloudId} direction="column" gap="1">
              <Flex gap="2" align="center">
                <Text>
                  {u.type} {u.cloudId}
                </Text>
                <Badge>unmanaged</Badge>
              </Flex>
              <Text variant="body-small">
                Created outside the portal with this session's tag. Revert and
                Accept leave it alone.
              </Text>
            </Flex>
          ))}
          {current?.findings.map(f => (
            <Text key={`${f.ruleId}:${f.address ?? ''}`} color="danger">
              Policy ({f.outcome}): {f.message}
            </Text>
          ))}
        </Flex>
      </CardBody>
    </Card>
  );
}
