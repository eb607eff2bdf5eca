// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import {
  PlanPreview,
  validateIntentText,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { useEffect, useState } from 'react';
import { intentApiRef } from '../api';

/**
 * The plan an intent would get, refreshed while the person types: after a
 * pause of `delayMillis`, only for text the backend would accept, and only
 * the answer to the latest text is kept (earlier requests are aborted).
 */
export function usePlanPreview(intent: string, delayMillis = 400) {
  const api = useApi(intentApiRef);
  const [preview, setPreview] = useState<PlanPreview>();
  const [error, setError] = useState<Error>();
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    if (validateIntentText(intent)) {
      setPreview(undefined);
      setError(undefined);
      setLoading(false);
      return undefined;
    }
    const controller = new AbortController();
    setLoading(true);
    const timer = setTimeout(() => {
      api
        .previewPlan({ intent }, { signal: controller.signal })
        .then(result => {
          setPreview(result);
          setError(undefined);
        })
        .catch(e => {
          if (!controller.signal.aborted) {
            setError(e as Error);
          }
        })
        .finally(() => {
          if (!controller.signal.aborted) {
            setLoading(false);
          }
        });
    }, delayMillis);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [api, intent, delayMillis]);

  return { preview, error, loading };
}
