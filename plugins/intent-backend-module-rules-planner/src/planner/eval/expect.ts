// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/** Shorthands for writing the evaluation set's expectations. */

/** The address of an unnamed machine. @internal */
export const SANDBOX = 'aws_instance.sandbox';

/** Expected fields of one resource, keyed by `<address>.<field>`. @internal */
export function at(address: string, fields: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [`${address}.${key}`, value]),
  );
}

/** An expected machine image. @internal */
export const img = (os: string, version: string, architecture = 'x86_64') => ({
  os,
  version,
  architecture,
});
