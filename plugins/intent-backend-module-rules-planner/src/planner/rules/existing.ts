// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  existingAddress,
  ExistingResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, combine, Notes, NO_NOTES } from '../notes';
import { matchAll, toResourceName } from '../text';

const DEFAULT_VPC = /\b(?:the |my |our )?default vpc\b/;
const VPC_ID = /\bvpc-[0-9a-f]{8}(?:[0-9a-f]{9})?\b/;
const SUBNET_ID = /\bsubnet-[0-9a-f]{8}(?:[0-9a-f]{9})?\b/;
const SG_ID = /\bsg-[0-9a-f]{8}(?:[0-9a-f]{9})?\b/;
/** Words that make a key pair one that exists: "use my key pair dev-laptop". */
const EXISTING_KEY =
  /\b(?:use|using|reuse|with|attach)\s+(?:my|our|the)\s+(?:existing\s+|own\s+|current\s+)?(?:ssh\s+)?key(?:\s*pair)?\b|\b(?:my|our|an?|the)\s+existing\s+(?:ssh\s+)?key(?:\s*pair)?\b|\bkey(?:\s*pair)?\b[^,;.]{0,40}\b(?:already exists|i (?:already )?(?:have|made|created|uploaded)|we (?:already )?(?:have|made|created))\b/;
const KEY_NAME_AFTER =
  /\bkey(?:\s*pair)?\s+(?:named\s+|called\s+)?[`"'\u2018\u201c]?([a-z0-9][a-z0-9_.@-]{0,62})/;
const KEY_NAME_BEFORE =
  /[`"'\u2018\u201c]?([a-z0-9][a-z0-9_.@-]{0,62})[`"'\u2019\u201d]?\s+(?:ssh\s+)?key(?:\s*pair)?\b/;
/** Words that stand where a name would, and are not one. */
export const FILLER =
  /^(?:that|which|who|i|we|you|it|this|the|a|an|my|our|your|their|from|for|with|and|to|in|on|named|called|pair|existing|already|yesterday|earlier|before|last|please|ssh|key|file|public|private|so|as|is|was|of)$/;

/** @internal */
export interface ExistingMatch {
  entries: ExistingResource[];
  /** Address of an existing key pair the instances use. */
  keyPair?: string;
  /** An existing key pair was meant but not named. */
  keyPairUnnamed?: boolean;
  vpc?: string;
  subnet?: string;
  securityGroups: string[];
  /** The text without the ids, for the matchers that create networks. */
  rest: string;
  notes: Notes;
}

function entry(
  type: ExistingResource['type'],
  label: string,
  lookup: ExistingResource['lookup'],
): ExistingResource {
  return { type, name: toResourceName(label) ?? 'existing', lookup };
}

/**
 * Resources a request uses that already exist: "use my key pair
 * dev-laptop", "in the default VPC", "in subnet subnet-0f1e2d3c", "attach
 * sg-0a1b2c3d". The cloud resolves them at plan time; an existing key pair
 * meant but not named is a question.
 *
 * @internal
 */
export function matchExisting(text: string): ExistingMatch {
  const entries: ExistingResource[] = [];
  const notes: Notes[] = [];
  let rest = text;
  const result: ExistingMatch = {
    entries,
    securityGroups: [],
    rest,
    notes: NO_NOTES,
  };
  const add = (e: ExistingResource) => {
    if (!entries.some(x => x.type === e.type && x.name === e.name)) {
      entries.push(e);
    }
    return existingAddress(e);
  };

  const keyPhrase = text.match(EXISTING_KEY);
  if (keyPhrase) {
    const from = keyPhrase.index!;
    const after = text.slice(from).match(KEY_NAME_AFTER)?.[1];
    const before = text
      .slice(from, from + keyPhrase[0].length + 40)
      .match(KEY_NAME_BEFORE)?.[1];
    const name = [after, before]
      .map(n => n?.replace(/[.-]+$/, ''))
      .find(n => n && !FILLER.test(n));
    if (name) {
      result.keyPair = add(entry('aws_key_pair', name, { name }));
    } else {
      result.keyPairUnnamed = true;
      notes.push(
        ask(
          'Which existing key pair should the machine use? Name it, e.g. "use my key pair dev-laptop"',
        ),
      );
    }
  }

  const vpcId = text.match(VPC_ID)?.[0];
  if (vpcId) {
    result.vpc = add(entry('aws_vpc', vpcId, { id: vpcId }));
  } else if (DEFAULT_VPC.test(text)) {
    result.vpc = add(entry('aws_vpc', 'default', { default: true }));
  }
  const subnetId = text.match(SUBNET_ID)?.[0];
  if (subnetId) {
    result.subnet = add(entry('aws_subnet', subnetId, { id: subnetId }));
  }
  for (const match of matchAll(text, SG_ID)) {
    result.securityGroups.push(
      add(entry('aws_security_group', match[0], { id: match[0] })),
    );
  }
  rest = rest
    .replace(
      /\b(?:in(?:to)?|on|inside)?\s*(?:the |my |our |an? )?(?:existing )?(?:subnet|vpc|security group|sg)?\s*(?:subnet|vpc|sg)-[0-9a-f]{8}(?:[0-9a-f]{9})?\b/g,
      ' ',
    )
    .replace(/\s+/g, ' ');
  return { ...result, rest, notes: combine(...notes) };
}
