// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  Badge,
  Card,
  CardBody,
  CardHeader,
  Container,
  Flex,
  Skeleton,
  Text,
} from '@backstage/ui';
import {
  INTENT_POLICY_KIND,
  IntentPolicySpec,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import useAsync from 'react-use/esm/useAsync';
import { intentApiRef } from '../../api';
import { ErrorNotice } from '../SessionView/ErrorNotice';
import {
  describeAppliesTo,
  describeCoverage,
  viewerCoverage,
} from '../PolicyTab/policyScope';
import styles from '../tables.module.css';
import { BaselineTable } from './BaselineTable';

function Section({
  title,
  label,
  children,
}: {
  title: string;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <Card aria-label={label}>
      <CardHeader>
        <Text as="h2" variant="title-small">
          {title}
        </Text>
      </CardHeader>
      <CardBody>{children}</CardBody>
    </Card>
  );
}

function PoliciesTable({
  policies,
  viewer,
}: {
  policies: Entity[];
  viewer: { userEntityRef: string; ownershipEntityRefs: string[] };
}) {
  if (policies.length === 0) {
    return (
      <Text>
        No IntentPolicy is in the catalog yet: only the baseline applies. A
        platform team adds one as a catalog entity (
        <code>kind: IntentPolicy</code>, see examples/intent-policies.yaml).
      </Text>
    );
  }
  return (
    <table className={styles.table} aria-label="Intent policies">
      <thead>
        <tr>
          <th scope="col">Policy</th>
          <th scope="col">Scope</th>
          <th scope="col">Rules</th>
          <th scope="col">For you</th>
        </tr>
      </thead>
      <tbody>
        {policies.map(policy => {
          const spec = (policy.spec ?? {}) as Partial<IntentPolicySpec>;
          const coverage = viewerCoverage(
            spec.appliesTo,
            policy.metadata.namespace ?? 'default',
            viewer,
          );
          return (
            <tr
              key={stringifyEntityRef(policy)}
              data-applies={coverage === 'none' ? 'no' : 'yes'}
            >
              <td>
                <EntityRefLink entityRef={policy} />
                {policy.metadata.description && (
                  <Text as="p">{policy.metadata.description}</Text>
                )}
              </td>
              <td>{describeAppliesTo(spec.appliesTo)}</td>
              <td>
                {(spec.rules ?? []).length} rule
                {(spec.rules ?? []).length === 1 ? '' : 's'}
                {spec.baseline ? ', tightens the baseline' : ''}
              </td>
              <td>
                <Badge>{coverage === 'none' ? 'No' : 'Yes'}</Badge>{' '}
                {describeCoverage(coverage, spec.appliesTo)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/**
 * The guardrails in one place: the built-in baseline settings and every
 * IntentPolicy of the catalog, with those that apply to the signed-in user
 * marked.
 */
export function PoliciesPage() {
  const api = useApi(intentApiRef);
  const catalogApi = useApi(catalogApiRef);
  const identityApi = useApi(identityApiRef);
  const baseline = useAsync(() => api.getPolicyBaseline(), [api]);
  const policies = useAsync(async () => {
    const [identity, { items }] = await Promise.all([
      identityApi.getBackstageIdentity(),
      catalogApi.getEntities({ filter: { kind: INTENT_POLICY_KIND } }),
    ]);
    return {
      viewer: {
        userEntityRef: identity.userEntityRef,
        ownershipEntityRefs: identity.ownershipEntityRefs,
      },
      items: [...items].sort((a, b) =>
        stringifyEntityRef(a).localeCompare(stringifyEntityRef(b)),
      ),
    };
  }, [catalogApi, identityApi]);

  return (
    <Container>
      <Flex direction="column" gap="4">
        <Text as="p">
          Every plan is checked against the built-in baseline and the
          IntentPolicies that cover its session; a policy only adds findings, it
          never switches a baseline rule off.
        </Text>
        <Section title="IntentPolicies" label="Intent policies">
          {policies.loading && <Skeleton aria-label="Loading policies" />}
          {policies.error && (
            <ErrorNotice
              error={policies.error}
              context="Could not read the policies from the catalog"
            />
          )}
          {policies.value && (
            <PoliciesTable
              policies={policies.value.items}
              viewer={policies.value.viewer}
            />
          )}
        </Section>
        <Section title="Baseline" label="Baseline">
          {baseline.loading && <Skeleton aria-label="Loading the baseline" />}
          {baseline.error && (
            <ErrorNotice
              error={baseline.error}
              context="Could not read the baseline"
            />
          )}
          {baseline.value && <BaselineTable baseline={baseline.value} />}
        </Section>
      </Flex>
    </Container>
  );
}
