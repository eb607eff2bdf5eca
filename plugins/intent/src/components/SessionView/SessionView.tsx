// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  Checkbox,
  Flex,
  Text,
  TextField,
} from '@backstage/ui';
import { isFinalStatus } from '@intent-sandboxes/backstage-plugin-intent-common';
import { FormEvent, useState } from 'react';
import { useParams } from 'react-router-dom';
import { intentApiRef } from '../../api';
import { useSession } from '../../hooks/useSession';
import { ApprovalPanel } from './ApprovalPanel';
import { History } from './History';
import { OperationLog } from './OperationLog';
import { PlanSummary } from '../PlanSummary';
import { ResourcesTable } from './ResourcesTable';

/** One session: the latest plan and its verdict, Apply, follow-ups, what runs, history. */
export function SessionView() {
  const { id = '' } = useParams();
  const api = useApi(intentApiRef);
  const { details, setDetails, error, reload } = useSession(id);
  const [actionError, setActionError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmDestroy, setConfirmDestroy] = useState(false);
  const [followUp, setFollowUp] = useState('');

  if (error) {
    return <Alert status="danger" title={error.message} />;
  }
  if (!details) {
    return <Text>Loading session…</Text>;
  }

  const { session, revisions, resources, lock } = details;
  const revision = revisions[revisions.length - 1];
  const destructive = revision.diff.destructive;
  const canApply =
    ['planned', 'failed'].includes(session.status) &&
    revision.status !== 'applied' &&
    revision.status !== 'rejected' &&
    revision.policy.verdict !== 'deny' &&
    (revision.plan.resources.length > 0 || resources.length > 0);
  const final = isFinalStatus(session.status);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      setConfirmed(false);
      setConfirmDestroy(false);
    } catch (e) {
      setActionError((e as Error).message);
    } finally {
      setBusy(false);
      await reload();
    }
  };

  const apply = () =>
    run(async () => {
      const started = await api.applySession({
        id,
        planHash: revision.planHash,
        confirm: destructive ? confirmed : undefined,
      });
      setDetails(started.details);
    });

  const submitFollowUp = (event: FormEvent) => {
    event.preventDefault();
    run(async () => {
      setDetails(await api.followUp({ id, intent: followUp }));
      setFollowUp('');
    });
  };

  return (
    <Flex direction="column" gap="4">
      <Flex align="center" gap="3">
        <Text as="h2" variant="title-small">
          {session.title}
        </Text>
        <Badge aria-label="Session status">{session.status}</Badge>
        {session.provider === 'simulated' && (
          <Badge>Simulated cloud: nothing real is created</Badge>
        )}
      </Flex>
      <Text color="secondary">
        Owner {session.owner}
        {session.team ? ` (${session.team})` : ''} · region {session.region} ·
        revision {revision.seq} by {revision.planner} planner · plan{' '}
        {revision.planHash.slice(0, 12)}
        {session.expiresAt && !final
          ? ` · expires ${new Date(session.expiresAt).toLocaleString()}`
          : ''}
      </Text>
      {lock && (
        <Alert
          status="info"
          title={`Locked by ${lock.holder} (operation ${lock.operationId.slice(
            0,
            8,
          )}) until ${new Date(lock.expiresAt).toLocaleTimeString()}`}
        />
      )}
      {actionError && <Alert status="danger" title={actionError} />}

      <Card>
        <CardHeader>
          <Text as="h3" variant="title-x-small">
            Revision {revision.seq}: {revision.status}
          </Text>
        </CardHeader>
        <CardBody>
          <Flex direction="column" gap="3">
            <Text>“{revision.intent}”</Text>
            {revision.modification && (
              <Text>Understood: {revision.modification}</Text>
            )}
            <PlanSummary plan={revision} />
            {revision.policy.verdict === 'require-approval' && !final && (
              <ApprovalPanel
                details={details}
                revision={revision}
                busy={busy}
                onDecide={(decision, comment) =>
                  run(async () =>
                    setDetails(
                      await api.decide({
                        id,
                        seq: revision.seq,
                        planHash: revision.planHash,
                        decision,
                        comment,
                      }),
                    ),
                  )
                }
              />
            )}
            {canApply && destructive && (
              <Checkbox isSelected={confirmed} onChange={setConfirmed}>
                I understand this deletes or replaces resources
              </Checkbox>
            )}
            <Flex gap="2">
              <Button
                variant="primary"
                isDisabled={!canApply || (destructive && !confirmed)}
                isPending={busy}
                onPress={apply}
              >
                Apply
              </Button>
              {!final && (
                <Button
                  variant="secondary"
                  isDisabled={
                    busy ||
                    session.status === 'applying' ||
                    session.status === 'destroying'
                  }
                  onPress={() => run(() => api.extendSession({ id, hours: 4 }))}
                >
                  Extend by 4 hours
                </Button>
              )}
            </Flex>
          </Flex>
        </CardBody>
      </Card>

      {!final && (
        <form onSubmit={submitFollowUp} aria-label="Follow-up">
          <Flex align="end" gap="2">
            <TextField
              label="Change something"
              placeholder="make it a t3.large, open 443 to the world, add a 100 GB gp3 volume"
              value={followUp}
              onChange={setFollowUp}
            />
            <Button type="submit" variant="secondary" isPending={busy}>
              Plan change
            </Button>
          </Flex>
        </form>
      )}

      {resources.length > 0 && (
        <Card>
          <CardHeader>
            <Text as="h3" variant="title-x-small">
              Resources
            </Text>
          </CardHeader>
          <CardBody>
            <Flex direction="column" gap="3">
              <ResourcesTable resources={resources} />
              {!final && (
                <Flex gap="2" align="center">
                  {confirmDestroy ? (
                    <>
                      <Text>Destroy all {resources.length} resources?</Text>
                      <Button
                        destructive
                        isPending={busy}
                        onPress={() =>
                          run(() => api.destroySession({ id, confirm: true }))
                        }
                      >
                        Yes, destroy
                      </Button>
                      <Button
                        variant="tertiary"
                        onPress={() => setConfirmDestroy(false)}
                      >
                        Cancel
                      </Button>
                    </>
                  ) : (
                    <Button
                      destructive
                      variant="secondary"
                      isDisabled={busy}
                      onPress={() => setConfirmDestroy(true)}
                    >
                      Destroy…
                    </Button>
                  )}
                </Flex>
              )}
            </Flex>
          </CardBody>
        </Card>
      )}

      {details.operations.length > 0 && (
        <Card>
          <CardHeader>
            <Text as="h3" variant="title-x-small">
              Latest operation
            </Text>
          </CardHeader>
          <CardBody>
            <OperationLog details={details} />
          </CardBody>
        </Card>
      )}

      <Card>
        <CardHeader>
          <Text as="h3" variant="title-x-small">
            History
          </Text>
        </CardHeader>
        <CardBody>
          <History details={details} />
        </CardBody>
      </Card>
    </Flex>
  );
}
