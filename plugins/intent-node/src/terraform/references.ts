// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { hclExpression, HclExpression } from './hcl';

const ADDRESS = /^(data\.)?[a-z][a-z0-9_]*\.[a-z_][a-z0-9_-]*$/;
const ATTRIBUTE = /^[a-z_][a-z0-9_]*$/;

/**
 * A Terraform reference to an attribute of the resource at a plan address:
 * `aws_security_group.ssh` + `id` → `aws_security_group.ssh.id`; an
 * existing resource addressed `data.aws_key_pair.ops` + `key_name` →
 * `data.aws_key_pair.ops.key_name`. Throws for anything that is not an
 * address, so that no user string is ever written as an expression.
 *
 * @public
 */
export function tfRef(address: string, attribute = 'id'): HclExpression {
  if (!ADDRESS.test(address)) {
    throw new TypeError(`Not a Terraform resource address: ${address}`);
  }
  if (!ATTRIBUTE.test(attribute)) {
    throw new TypeError(`Not a Terraform attribute name: ${attribute}`);
  }
  return hclExpression(`${address}.${attribute}`);
}

/**
 * The address split into its parts.
 *
 * @public
 */
export function parseAddress(address: string): {
  mode: 'managed' | 'data';
  type: string;
  name: string;
} {
  if (!ADDRESS.test(address)) {
    throw new TypeError(`Not a Terraform resource address: ${address}`);
  }
  const parts = address.split('.');
  return parts[0] === 'data'
    ? { mode: 'data', type: parts[1], name: parts[2] }
    : { mode: 'managed', type: parts[0], name: parts[1] };
}
