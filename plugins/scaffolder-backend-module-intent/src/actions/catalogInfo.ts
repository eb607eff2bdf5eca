// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { Session } from '@intent-sandboxes/backstage-plugin-intent-common';

/** The annotation that links a catalog entity to the session it came from. */
export const SESSION_ANNOTATION = 'intent.backstage.io/session';

/** Catalog names: at most 63 characters of `[a-z0-9-]`, no dash at either end. */
const MAX_NAME_LENGTH = 63;

/**
 * A catalog name for the component of a session: its title as a slug, with
 * the start of the session id so that two sessions with one title differ.
 */
export function componentNameFor(session: Pick<Session, 'id' | 'title'>) {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '') // accents off: ü → u
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const suffix = slug(session.id).slice(0, 8).replace(/-+$/, '');
  const title =
    slug(session.title).slice(0, MAX_NAME_LENGTH - suffix.length - 1) ||
    'sandbox';
  return `${title.replace(/-+$/, '')}-${suffix}`.replace(/^-+|-+$/g, '');
}

/**
 * The `catalog-info.yaml` entity of a promoted session: a Terraform
 * component owned by the session's owner, annotated with the session id.
 */
export function catalogInfoFor(options: {
  session: Pick<Session, 'id' | 'title' | 'owner'>;
  name: string;
  description?: string;
}): Entity {
  const { session, name } = options;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      title: session.title,
      description:
        options.description ??
        `Terraform for the resources of intent sandbox session ${session.id}`,
      annotations: { [SESSION_ANNOTATION]: session.id },
      tags: ['terraform', 'intent-sandbox'],
    },
    spec: {
      type: 'terraform',
      lifecycle: 'experimental',
      owner: session.owner,
    },
  };
}

/** `component:default/<name>` for an entity without a namespace. */
export function entityRefOf(entity: Entity) {
  return stringifyEntityRef(entity);
}
