// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

const NONE =
  /\bno (?:elastic|static) ips?\b|\bwithout (?:an? )?(?:elastic|static) ip\b|\bno eips?\b/;
const WANTS =
  /\belastic ips?\b|\beips?\b|\bstatic (?:public )?ips?\b|\bfixed (?:public )?ips?\b|\bpermanent (?:public )?ip\b/;

/**
 * Whether the instance should get an elastic IP.
 *
 * @internal
 */
export function matchElasticIp(text: string): boolean {
  return !NONE.test(text) && WANTS.test(text);
}
