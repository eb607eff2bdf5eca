// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { AwsS3Bucket } from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, combine, Notes, NO_NOTES } from '../notes';
import { toResourceName } from '../text';

const BUCKET_NAME =
  /\b(?:named|called|name(?:d)? it|name\s*[:=]?)\s*["']?([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\b|\bs3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\b|\bbucket\s+["']([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])["']/;
/** "a logs bucket", "an artifacts bucket": the purpose names the resource. */
const ROLE =
  /\b(?:an?|\d+)\s+(?:s3\s+)?([a-z][a-z0-9-]{1,30})\s+(?:s3\s+)?buckets?\b/;
const NOT_A_ROLE =
  /^(?:s3|new|private|public|versioned|encrypted|simple|small|big|large|empty|static|website|kms|storage|second|another|extra|separate|unversioned)$/;
const NO_VERSIONING =
  /\bno versioning\b|\bwithout versioning\b|\bunversioned\b|\bversioning off\b/;
const VERSIONING = /\bversion(?:ed|ing)\b/;
const KMS = /\bkms\b|\bcustomer[- ]managed key\b|\bcmk\b/;
const WEBSITE =
  /\bstatic (?:web ?)?site\b|\bwebsite\b|\bs3 (?:static )?(?:web ?site|site|hosting)\b|\bhost(?:s|ing)? (?:a |my |our |the )?(?:static )?(?:[\w']+ )?(?:site|web ?site|html|docs|blog|landing page|pages)\b|\bserve (?:a |my |our |the )?(?:static )?(?:[\w']+ )?(?:site|web ?site|html|blog)\b/;
const PUBLIC =
  /\bpublic(?:ly)?(?:[- ](?:read(?:able)?|access(?:ible)?|bucket))?\b|\bmake (?:it|the bucket) public\b|\banyone can read\b/;
const PRIVATE = /\bprivate\b|\bnot public\b|\bblock public access\b/;

/** @internal */
export interface BucketMatch {
  name?: string;
  bucket: Omit<AwsS3Bucket, 'name' | 'type'>;
  notes: Notes;
}

/**
 * The settings of one bucket from the words describing it: name,
 * versioning, KMS encryption, website hosting, public read.
 *
 * @internal
 */
export function matchBucket(text: string): BucketMatch {
  const named = text.match(BUCKET_NAME);
  const bucketName = named?.[1] ?? named?.[2] ?? named?.[3];
  const role = text.match(ROLE)?.[1];
  const website = WEBSITE.test(text);
  const isPublic = !PRIVATE.test(text) && PUBLIC.test(text);
  const notes: Notes[] = [];
  if (website && !isPublic) {
    notes.push(
      ask(
        'A static website bucket is only reachable when it is public: say "public" if it should be (policy decides whether that is allowed)',
      ),
    );
  }
  const purpose = role && !NOT_A_ROLE.test(role) ? role : undefined;
  const label = bucketName ?? purpose;
  const name = label ? toResourceName(label) : undefined;
  return {
    name,
    bucket: {
      ...(bucketName && /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/.test(bucketName)
        ? { bucketName }
        : {}),
      versioning: !NO_VERSIONING.test(text) && VERSIONING.test(text),
      encryption: KMS.test(text) ? 'aws:kms' : 'AES256',
      website,
      blockPublicAccess: !isPublic,
      publicRead: isPublic,
      tags: {},
    },
    notes: notes.length ? combine(...notes) : NO_NOTES,
  };
}
