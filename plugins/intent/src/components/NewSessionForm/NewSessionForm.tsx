// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import {
  Alert,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
  TextAreaField,
} from '@backstage/ui';
import {
  MAX_INTENT_LENGTH,
  validateIntentText,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { intentApiRef } from '../../api';
import { usePlanPreview } from '../../hooks/usePlanPreview';
import { PlanSummary } from '../PlanSummary';
import { blockingReason } from '../PlanSummary/blockingReason';

/** The intent form: say what you need, see the plan while typing, get a planned session. */
export function NewSessionForm() {
  const api = useApi(intentApiRef);
  const navigate = useNavigate();
  const [intent, setIntent] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const preview = usePlanPreview(intent);
  // Only the preview of the text as it stands blocks: not a stale one.
  const blocker =
    preview.preview && !preview.loading
      ? blockingReason(preview.preview)
      : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = validateIntentText(intent);
    if (problem) {
      setError(problem);
      return;
    }
    setPending(true);
    setError(undefined);
    try {
      const details = await api.createSession({ intent });
      navigate(`sessions/${details.session.id}`);
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  };

  return (
    <Flex direction="column" gap="4">
      <form onSubmit={submit} aria-label="New sandbox">
        <Flex direction="column" gap="3">
          <TextAreaField
            label="What do you need?"
            description={`Plain language, up to ${MAX_INTENT_LENGTH} characters: type, OS, region, who may connect, for how long.`}
            placeholder="a t3.micro with Ubuntu 24.04 in eu-west-1, ssh from 203.0.113.4, for 4 hours"
            value={intent}
            onChange={setIntent}
            rows={3}
          />
          {error && <Alert status="danger" title={error} />}
          <Flex direction="column" gap="2">
            <div>
              <Button
                type="submit"
                variant="primary"
                isPending={pending}
                isDisabled={blocker !== undefined}
                aria-describedby={blocker ? 'plan-blocked-reason' : undefined}
              >
                Plan it
              </Button>
            </div>
            {blocker && (
              <Text
                id="plan-blocked-reason"
                aria-label="Why Plan it is disabled"
              >
                {blocker}
              </Text>
            )}
          </Flex>
        </Flex>
      </form>
      {(preview.preview || preview.error) && (
        <Card aria-label="Plan preview">
          <CardHeader>
            <Text as="h3" variant="title-x-small">
              Preview{preview.loading ? ' (updating…)' : ''}
            </Text>
          </CardHeader>
          <CardBody>
            <Flex direction="column" gap="3">
              {preview.error ? (
                <Alert
                  status="warning"
                  title={`No preview: ${preview.error.message}`}
                />
              ) : (
                <PlanSummary plan={preview.preview!} />
              )}
            </Flex>
          </CardBody>
        </Card>
      )}
    </Flex>
  );
}
