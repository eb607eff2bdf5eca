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
  Flex,
  Text,
} from '@backstage/ui';
import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { intentApiRef } from '../../api';
import { useSession } from '../../hooks/useSession';
import { PlanTable } from './PlanTable';
import { ResourcesTable } from './ResourcesTable';

/** One session: its plan, what the planner assumed, Apply, and what runs. */
export function SessionView() {
  const { id = '' } = useParams();
  const api = useApi(intentApiRef);
  const { details, setDetails, error } = useSession(id);
  const [applyError, setApplyError] = useState<string>();
  const [applying, setApplying] = useState(false);

  if (error) {
    return <Alert status="danger" title={error.message} />;
  }
  if (!details) {
    return <Text>Loading session…</Text>;
  }

  const { session, revisions, resources } = details;
  const revision = revisions[revisions.length - 1];
  const canApply =
    session.status === 'planned' && revision.plan.resources.length > 0;

  const apply = async () => {
    setApplying(true);
    setApplyError(undefined);
    try {
      setDetails(await api.applySession({ id, planHash: revision.planHash }));
    } catch (e) {
      setApplyError((e as Error).message);
    } finally {
      setApplying(false);
    }
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
        Owner {session.owner} · revision {revision.seq} by {revision.planner}{' '}
        planner · plan {revision.planHash.slice(0, 12)}
      </Text>

      <Card>
        <CardHeader>
          <Text as="h3" variant="title-x-small">
            Plan
          </Text>
        </CardHeader>
        <CardBody>
          <Flex direction="column" gap="3">
            {revision.plan.resources.length > 0 ? (
              <PlanTable plan={revision.plan} />
            ) : (
              <Text>The plan has no resources yet.</Text>
            )}
            {revision.assumptions.length > 0 && (
              <div>
                <Text weight="bold">Assumed</Text>
                <ul aria-label="Assumptions">
                  {revision.assumptions.map(a => (
                    <li key={a.field}>
                      <Text>
                        {a.field} = {a.value}: {a.reason}
                      </Text>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {revision.questions.map(q => (
              <Alert key={q} status="warning" title={q} />
            ))}
            {revision.outOfScope.map(o => (
              <Alert key={o} status="info" title={`Not done: ${o}`} />
            ))}
            {applyError && <Alert status="danger" title={applyError} />}
            <Flex>
              <Button
                variant="primary"
                isDisabled={!canApply}
                isPending={applying}
                onPress={apply}
              >
                Apply
              </Button>
            </Flex>
          </Flex>
        </CardBody>
      </Card>

      {resources.length > 0 && (
        <Card>
          <CardHeader>
            <Text as="h3" variant="title-x-small">
              Resources
            </Text>
          </CardHeader>
          <CardBody>
            <ResourcesTable resources={resources} />
          </CardBody>
        </Card>
      )}
    </Flex>
  );
}
