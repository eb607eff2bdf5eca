// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import { Alert, Button, Flex, TextAreaField } from '@backstage/ui';
import {
  MAX_INTENT_LENGTH,
  validateIntentText,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { intentApiRef } from '../../api';

/** The intent form: say what you need, get a planned session. */
export function NewSessionForm() {
  const api = useApi(intentApiRef);
  const navigate = useNavigate();
  const [intent, setIntent] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

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
        <Flex>
          <Button type="submit" variant="primary" isPending={pending}>
            Plan it
          </Button>
        </Flex>
      </Flex>
    </form>
  );
}
