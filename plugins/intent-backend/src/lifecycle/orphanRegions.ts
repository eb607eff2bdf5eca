// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { RootConfigService } from '@backstage/backend-plugin-api';
import {
  awsRegionCodes,
  readBaselineConfig,
  regionSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { matchesPattern } from '@intent-sandboxes/backstage-plugin-intent-node';

/** One describe-by-tag-key of the orphan scan. @internal */
export interface OrphanScanTarget {
  provider: string;
  region: string;
  /** Whether a session used the region (else it is allowed or configured only). */
  used: boolean;
}

/**
 * The regions a list of region patterns (`eu-*`, `us-east-1`) allows: the
 * known region codes that match one, and any pattern without a wildcard as
 * it is (a region newer than the list), each once, in the list's order.
 */
export function regionsAllowedBy(
  patterns: readonly string[],
  known: readonly string[] = awsRegionCodes,
): string[] {
  const matched = known.filter(code =>
    patterns.some(pattern => matchesPattern(code, pattern)),
  );
  const literal = patterns.filter(
    p => !p.includes('*') && regionSchema.safeParse(p).success,
  );
  return [...new Set([...matched, ...literal])];
}

/**
 * Where to look for orphans: on every installed cloud a session used, each
 * region a session used on it and each of `extraRegions`, once per cloud
 * and region. A cloud no session used is left out (an installed cloud with
 * no account configured would fail every call), and so is one that is not
 * installed: nothing can describe it.
 */
export function orphanScanTargets(input: {
  used: ReadonlyArray<{ provider: string; region: string }>;
  installed: readonly string[];
  extraRegions: readonly string[];
}): OrphanScanTarget[] {
  const installed = new Set(input.installed);
  const targets = new Map<string, OrphanScanTarget>();
  for (const { provider, region } of input.used) {
    if (installed.has(provider)) {
      targets.set(`${provider}/${region}`, { provider, region, used: true });
    }
  }
  const clouds = new Set([...targets.values()].map(t => t.provider));
  for (const provider of clouds) {
    for (const region of input.extraRegions) {
      const key = `${provider}/${region}`;
      if (!targets.has(key)) {
        targets.set(key, { provider, region, used: false });
      }
    }
  }
  return [...targets.values()];
}

/**
 * The regions scanned for orphans beside those sessions used: every region
 * the baseline allows (`intent.policy.baseline.allowedRegions`) and those
 * listed in `intent.lifecycle.orphans.regions`. Throws on a listed entry
 * that is not a region code, so that a typo does not hide orphans.
 */
export function readOrphanRegions(config: RootConfigService): string[] {
  const key = 'intent.lifecycle.orphans.regions';
  const listed = config.getOptionalStringArray(key) ?? [];
  listed.forEach((region, index) => {
    if (!regionSchema.safeParse(region).success) {
      throw new Error(
        `Invalid region in config at '${key}[${index}]': ${JSON.stringify(
          region,
        )} is not a region code such as eu-west-1`,
      );
    }
  });
  const baseline = readBaselineConfig(
    config.getOptional('intent.policy.baseline') ?? {},
  );
  return [
    ...new Set([...regionsAllowedBy(baseline.allowedRegions), ...listed]),
  ];
}
