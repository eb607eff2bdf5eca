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
import { FormEvent, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { intentApiRef } from '../../api';
import { useSession } from '../../hooks/useSession';
import { ApprovalPanel } from './ApprovalPanel';
import { History } from './History';
import { OperationLog } from './OperationLog';
import { PlanSummary } from '../PlanSummary';
import { ResourcesTable } from './ResourcesTable';
import { ErrorNotice } from './ErrorNotice';
import { PromotedTo } from '../EntitySessionTab/PromotedTo';
import { applyBlocker } from './applyBlocker';
import { accruedCost, CostChart } from '../CostChart';
import { InstancePanel } from '../InstancePanel';
import { DriftPanel } from '../DriftPanel';
import { IdleKeep } from './IdleKeep';

/** One session: the latest plan and its verdict, Apply, follow-ups, what runs, history. */
export function SessionView() {
  const { id = '' } = useParams();
  const api = useApi(intentApiRef);
  const { details, setDetails, error, reload } = useSession(id);
  const [actionError, setActionError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const [confirmed, setConfirmed] = useState(false);
  const [confirmDestroy, setConfirmDestroy] = useState(false);
  const [followUp, setFollowUp] = useState('');
  const destroyButton = useRef<HTMLButtonElement>(null);
  const cancelDestroyButton = useRef<HTMLButtonElement>(null);
  const askedToDestroy = useRef(false);

  // Focus follows the destroy question: onto Cancel when it opens, back to
  // Destroy… when it closes without destroying.
  useEffect(() => {
    if (confirmDestroy) {
      askedToDestroy.current = true;
      cancelDestroyButton.current?.focus();
    } else if (askedToDestroy.current) {
      askedToDestroy.current = false;
      destroyButton.current?.focus();
    }
  }, [confirmDestroy]);

  if (error) {
    return <ErrorNotice error={error} context="Could not load the sandbox" />;
  }
  if (!details) {
    return <Text>Loading session…</Text>;
  }

  const { session, revisions, resources, lock } = details;
  const revision = revisions[revisions.length - 1];
  const destructive = revision.diff.destructive;
  const blocker = applyBlocker(details);
  const canApply = blocker === undefined;
  const final = isFinalStatus(session.status);
  const applied = revisions.filter(r => r.status === 'applied').pop();
  const costShown = applied ?? revision;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await action();
      setConfirmed(false);
      setConfirmDestroy(false);
    } catch (e) {
      setActionError(e as Error);
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
      {session.promotedTo && <PromotedTo entityRef={session.promotedTo} />}
      {lock && (
        <Alert
          status="info"
          title={`Locked by ${lock.holder} (operation ${lock.operationId.slice(
            0,
            8,
          )}) until ${new Date(lock.expiresAt).toLocaleTimeString()}`}
        />
      )}
      {actionError && <ErrorNotice error={actionError} />}

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
            <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
              <Button
                variant="primary"
                isDisabled={!canApply || (destructive && !confirmed)}
                isPending={busy}
                onPress={apply}
                aria-describedby={blocker ? 'apply-blocked-reason' : undefined}
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
              <IdleKeep details={details} busy={busy} run={run} />
            </Flex>
            {blocker && !final && (
              <Text
                id="apply-blocked-reason"
                aria-label="Why Apply is disabled"
              >
                {blocker}
              </Text>
            )}
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
                        ref={cancelDestroyButton}
                        variant="tertiary"
                        onPress={() => setConfirmDestroy(false)}
                      >
                        Cancel
                      </Button>
                    </>
                  ) : (
                    <Button
                      ref={destroyButton}
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

      <InstancePanel details={details} onChange={setDetails} />
      <DriftPanel details={details} onChange={setDetails} />

      {costShown.cost.perResource.length > 0 && (
        <Card>
          <CardHeader>
            <Text as="h3" variant="title-x-small">
              Cost{applied ? '' : ' (planned, not applied yet)'}
            </Text>
          </CardHeader>
          <CardBody>
            <CostChart
              cost={costShown.cost}
              accrued={accruedCost(details, Date.now())}
            />
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
