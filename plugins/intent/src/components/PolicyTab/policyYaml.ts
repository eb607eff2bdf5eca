// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Entity } from '@backstage/catalog-model';
import { parse, stringify } from 'yaml';

/**
 * The policy as its author would write it: the catalog's own fields
 * (uid, etag, relations, status, annotations) left out, so that an edited
 * copy reads like the file in the repository.
 */
export function policyToYaml(entity: Entity): string {
  const { name, namespace, title, description } = entity.metadata;
  return stringify({
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: Object.fromEntries(
      Object.entries({ name, namespace, title, description }).filter(
        ([, value]) => value !== undefined,
      ),
    ),
    spec: entity.spec,
  });
}

/** Reads one pasted YAML document into an object, or says why it cannot. */
export function parsePolicyYaml(
  text: string,
): { ok: true; entity: object } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: `This is not valid YAML: ${(error as Error).message}`,
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      problem:
        'Paste one IntentPolicy entity (a YAML mapping with apiVersion, kind, metadata and spec)',
    };
  }
  return { ok: true, entity: value };
}
