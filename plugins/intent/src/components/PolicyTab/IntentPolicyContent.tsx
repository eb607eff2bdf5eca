// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { stringifyEntityRef } from '@backstage/catalog-model';
import { EntityProcessingErrorsPanel } from '@backstage/plugin-catalog';
import { useEntity } from '@backstage/plugin-catalog-react';
import { Alert, Card, CardBody, CardHeader, Flex, Text } from '@backstage/ui';
import { parseIntentPolicyEntity } from '@intent-sandboxes/backstage-plugin-intent-common';
import { useMemo } from 'react';
import { describeAppliesTo } from './policyScope';
import { policyToYaml } from './policyYaml';
import { PolicyWhatIf } from './PolicyWhatIf';
import { RulesTable } from './RulesTable';

/**
 * The entity content (tab) of an IntentPolicy: who it applies to, its
 * rules and baseline tightenings, the catalog's processing errors, and a
 * what-if over the live sessions.
 */
export function IntentPolicyContent() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const parsed = useMemo(() => parseIntentPolicyEntity(entity), [entity]);
  const initialYaml = useMemo(() => policyToYaml(entity), [entity]);

  return (
    <Flex direction="column" gap="4">
      <EntityProcessingErrorsPanel />
      {parsed.ok ? (
        <Card aria-label="Policy rules and scope">
          <CardHeader>
            <Text as="h2" variant="title-small">
              Rules
            </Text>
          </CardHeader>
          <CardBody>
            <Flex direction="column" gap="3">
              <Text>
                Applies to: {describeAppliesTo(parsed.entity.spec.appliesTo)}
              </Text>
              {parsed.entity.spec.baseline && (
                <Text>
                  Tightens the baseline:{' '}
                  <code>{JSON.stringify(parsed.entity.spec.baseline)}</code>
                </Text>
              )}
              <RulesTable rules={parsed.entity.spec.rules ?? []} />
            </Flex>
          </CardBody>
        </Card>
      ) : (
        <Alert
          status="danger"
          title="This IntentPolicy is not valid, so it cannot be used"
          description={parsed.problems.join('; ')}
        />
      )}
      <Card aria-label="What if">
        <CardHeader>
          <Text as="h2" variant="title-small">
            What if
          </Text>
        </CardHeader>
        <CardBody>
          <PolicyWhatIf entityRef={entityRef} initialYaml={initialYaml} />
        </CardBody>
      </Card>
    </Flex>
  );
}
