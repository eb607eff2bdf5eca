// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { catalogInfoFor, componentNameFor, entityRefOf } from './catalogInfo';

const ENTITY_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe('componentNameFor', () => {
  it.each([
    ['Web sandbox', '3f2c9a4e-5b1d', 'web-sandbox-3f2c9a4e'],
    ['  Ünïcode & "quotes" ${x}  ', 'ABCDEF12', 'unicode-quotes-x-abcdef12'],
    ['!!!', '3f2c9a4e', 'sandbox-3f2c9a4e'],
    ['a'.repeat(100), '3f2c-9a4e', `${'a'.repeat(54)}-3f2c-9a4`],
  ])('%j (id %s) → %s', (title, id, expected) => {
    const name = componentNameFor({ title, id });
    expect(name).toBe(expected);
    expect(name).toMatch(ENTITY_NAME);
    expect(name.length).toBeLessThanOrEqual(63);
  });
});

describe('catalogInfoFor', () => {
  it('is a Terraform component owned by the session owner, annotated with the session', () => {
    const entity = catalogInfoFor({
      session: { id: 's-1', title: 'Web', owner: 'user:default/ada' },
      name: 'web',
    });
    expect(entity.spec).toEqual({
      type: 'terraform',
      lifecycle: 'experimental',
      owner: 'user:default/ada',
    });
    expect(entity.metadata.annotations).toEqual({
      'intent.backstage.io/session': 's-1',
    });
    expect(entityRefOf(entity)).toBe('component:default/web');
  });
});
