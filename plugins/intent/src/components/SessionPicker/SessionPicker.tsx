// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { Alert, Select } from '@backstage/ui';
import useAsync from 'react-use/esm/useAsync';
import { intentApiRef } from '../../api';
import { promotableOptions } from './promotable';

/**
 * A scaffolder form field (`ui:field: IntentSessionPicker`) that picks one of
 * the signed-in user's sessions that can be promoted: applied (`active`)
 * ones. Its value is the session id.
 */
export function SessionPicker(props: FieldExtensionComponentProps<string>) {
  const { formData, onChange, required, rawErrors, schema, idSchema } = props;
  const api = useApi(intentApiRef);
  const identityApi = useApi(identityApiRef);

  const { value, loading, error } = useAsync(async () => {
    const { userEntityRef } = await identityApi.getBackstageIdentity();
    const { items } = await api.listSessions({
      owner: userEntityRef,
      status: 'active',
      limit: 100,
    });
    return promotableOptions(items, userEntityRef);
  }, [api, identityApi]);

  if (error) {
    return (
      <Alert
        status="danger"
        title={`Could not list your sandboxes: ${error.message}`}
      />
    );
  }
  const options = value ?? [];
  return (
    <Select
      id={idSchema?.$id}
      label={schema.title ?? 'Session'}
      description={
        !loading && options.length === 0
          ? 'You have no applied sandbox to promote; apply one on the Sandboxes page first'
          : schema.description
      }
      placeholder={loading ? 'Loading your sandboxes…' : 'Pick a sandbox'}
      isRequired={required}
      isInvalid={!!rawErrors?.length}
      options={options}
      selectedKey={formData ?? null}
      onSelectionChange={key =>
        onChange(key === null ? undefined : String(key))
      }
    />
  );
}
