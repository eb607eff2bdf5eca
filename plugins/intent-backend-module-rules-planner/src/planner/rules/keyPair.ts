// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { toResourceName } from '../text';

const NONE =
  /\bno (?:ssh )?key(?: ?pair)?s?\b|\bwithout (?:an? )?(?:ssh )?key(?: ?pair)?\b|\bno keypair\b|\bskip the key ?pair\b/;
const WANTS =
  /\bkey ?pairs?\b|\bssh[- ]?keys?\b|\bmy (?:public )?key\b|\bpublic key\b/;
const NAMED =
  /\bkey ?pair\s*[:=]?\s*(?:named|called)?\s*["']?([a-z][a-z0-9_-]{0,62})\b|\b(?:named|called)\s+["']?([a-z][a-z0-9_-]{0,62})["']?\s+key ?pair\b/;
const NOT_A_NAME =
  /^(?:named|called|for|with|and|on|in|to|from|the|a|an|please|that|which|i|we|you|my|our|your|it|this|so|as|is|was|file|already|existing|yesterday)$/;
const PUBLIC_KEY =
  /\b((?:ssh-(?:rsa|ed25519)|ecdsa-sha2-nistp\d+) [A-Za-z0-9+/=]+)(?: [^\s,;]+)?/;

/** @internal */
export interface KeyPairMatch {
  /** `none`: asked for no key pair; `wanted`: asked for one; `unsaid`. */
  wish: 'none' | 'wanted' | 'unsaid';
  name?: string;
  /** The key pair's own name in the cloud, as written ("ci-deploy-key"). */
  keyName?: string;
  publicKey?: string;
}

/**
 * Whether the request wants a key pair. The public key is read from the
 * original text, as keys are case-sensitive.
 *
 * @internal
 */
export function matchKeyPair(text: string, original: string): KeyPairMatch {
  if (NONE.test(text)) {
    return { wish: 'none' };
  }
  const publicKey = original.match(PUBLIC_KEY)?.[1];
  if (!WANTS.test(text) && !publicKey) {
    return { wish: 'unsaid' };
  }
  const named = text.match(NAMED);
  const raw = named?.[1] ?? named?.[2];
  const given = raw?.replace(/[-_]+$/, '');
  const name =
    given && !NOT_A_NAME.test(given) ? toResourceName(given) : undefined;
  return {
    wish: 'wanted',
    name,
    ...(name ? { keyName: given } : {}),
    ...(publicKey ? { publicKey } : {}),
  };
}
