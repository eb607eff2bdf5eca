// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsS3Bucket,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask } from '../notes';
import { Edit, record, updateResource, withNotes } from './edit';
import { mentions } from './targets';

const SETTINGS: Array<{
  pattern: RegExp;
  /** Settings of one group exclude each other; the first that matches wins. */
  group: string;
  label: string;
  apply: (bucket: AwsS3Bucket) => Partial<AwsS3Bucket>;
}> = [
  {
    pattern:
      /\b(?:disable|turn off|no|without|stop|remove) versioning\b|\bunversioned\b/,
    group: 'versioning',
    label: 'versioning off',
    apply: () => ({ versioning: false }),
  },
  {
    pattern: /\bversion(?:ed|ing)\b/,
    group: 'versioning',
    label: 'versioning on',
    apply: () => ({ versioning: true }),
  },
  {
    pattern: /\bkms\b|\bcustomer[- ]managed key\b/,
    group: 'encryption',
    label: 'encryption aws:kms',
    apply: () => ({ encryption: 'aws:kms' }),
  },
  {
    pattern: /\bsse-s3\b|\baes ?256\b/,
    group: 'encryption',
    label: 'encryption AES256',
    apply: () => ({ encryption: 'AES256' }),
  },
  {
    pattern:
      /\b(?:disable|turn off|no|stop|remove) (?:the )?(?:static )?website(?: hosting)?\b/,
    group: 'website',
    label: 'website off',
    apply: () => ({ website: false }),
  },
  {
    pattern: /\bwebsite\b|\bstatic site\b/,
    group: 'website',
    label: 'website on',
    apply: () => ({ website: true }),
  },
  {
    pattern: /\bprivate\b|\bnot public\b|\bblock public access\b/,
    group: 'access',
    label: 'private',
    apply: () => ({ publicRead: false, blockPublicAccess: true }),
  },
  {
    pattern: /\bpublic(?:ly)?(?:[- ]read(?:able)?)?\b/,
    group: 'access',
    label: 'public read',
    apply: () => ({ publicRead: true, blockPublicAccess: false }),
  },
];

/**
 * "enable versioning on the bucket", "make the logs bucket public", "use
 * KMS": changes the buckets the clause names (or the only one).
 *
 * @internal
 */
export const buckets: Edit = (state, clause) => {
  const all = state.plan.resources.filter(
    (r): r is AwsS3Bucket => r.type === 'aws_s3_bucket',
  );
  const onlyBuckets = !state.plan.resources.some(
    r => r.type === 'aws_instance',
  );
  if (
    all.length === 0 ||
    !(
      /\bbuckets?\b/.test(clause) ||
      onlyBuckets ||
      all.some(b => mentions(clause, b))
    )
  ) {
    return state;
  }
  const settings: typeof SETTINGS = [];
  for (const setting of SETTINGS) {
    if (
      setting.pattern.test(clause) &&
      !settings.some(s => s.group === setting.group)
    ) {
      settings.push(setting);
    }
  }
  if (settings.length === 0) {
    return state;
  }
  const named = all.filter(b => mentions(clause, b));
  const previous = all.filter(b =>
    state.lastTargets?.includes(resourceAddress(b)),
  );
  const everyBucket = all.length === 1 || /\b(?:all|both|every)\b/.test(clause);
  let targets = previous;
  if (named.length) {
    targets = named;
  } else if (everyBucket) {
    targets = all;
  }
  if (targets.length === 0) {
    return withNotes(
      state,
      ask(`Which bucket: ${all.map(b => b.name).join(', ')}?`),
    );
  }
  let plan = state.plan;
  const changes: string[] = [];
  for (const bucket of targets) {
    const address = resourceAddress(bucket);
    const update = Object.assign(
      {},
      ...settings.map(s => s.apply(bucket)),
    ) as Partial<AwsS3Bucket>;
    const changed = settings.filter(s =>
      Object.entries(s.apply(bucket)).some(
        ([key, value]) => bucket[key as keyof AwsS3Bucket] !== value,
      ),
    );
    if (changed.length === 0) {
      continue;
    }
    plan = updateResource<AwsS3Bucket>(plan, address, b => ({
      ...b,
      ...update,
    }));
    changes.push(`${address}: ${changed.map(s => s.label).join(', ')}`);
  }
  return {
    ...record(state, plan, changes),
    lastTargets: targets.map(resourceAddress),
  };
};
