// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resourceAddress } from '@intent-sandboxes/backstage-plugin-intent-common';
import { matchesPattern } from '../matching';
import { BaselineRule } from './types';

const usd = (value: number) => `$${value.toFixed(2)}/h`;

/** The session runs in an allowed region. @internal */
export const allowedRegions: BaselineRule = {
  id: 'allowed-regions',
  title: 'Sandboxes run in allowed regions',
  checkIds: [],
  limit: 'allowedRegions',
  check({ plan, session, limits }) {
    const regions = [...new Set([plan.region, session.region])];
    return regions
      .filter(
        region =>
          !limits.allowedRegions.some(pattern =>
            matchesPattern(region, pattern),
          ),
      )
      .map(region => ({
        field: 'region',
        message: `${region} is not an allowed region`,
        fix: `Use a region that matches ${
          limits.allowedRegions.join(', ') || '(none allowed)'
        }`,
      }));
  },
};

/** The estimated hourly cost stays under the limit, and can be estimated at all. @internal */
export const maxHourlyCost: BaselineRule = {
  id: 'max-hourly-cost',
  title: 'Estimated hourly cost per session stays under the limit',
  checkIds: [],
  limit: 'maxHourlyUsd',
  check({ cost, limits }) {
    if (cost.unknown.length > 0) {
      return [
        {
          field: 'instanceType',
          message: `The hourly cost cannot be checked against the ${usd(
            limits.maxHourlyUsd,
          )} limit: the price table has no price for ${cost.unknown.join(
            ', ',
          )}`,
          fix: 'Use an instance type with a known price, or ask the platform team to add its price',
        },
      ];
    }
    return cost.hourlyUsd <= limits.maxHourlyUsd
      ? []
      : [
          {
            field: 'resources',
            message: `The plan is estimated at ${usd(
              cost.hourlyUsd,
            )}, more than the ${usd(limits.maxHourlyUsd)} allowed per session`,
            fix: 'Use smaller or fewer instances and volumes',
          },
        ];
  },
};

/** The session's time to live stays under the limit. @internal */
export const maxTtl: BaselineRule = {
  id: 'max-ttl',
  title: 'Sessions expire within the maximum time to live',
  checkIds: [],
  limit: 'maxTtlHours',
  check({ session, limits }) {
    return session.ttlHours <= limits.maxTtlHours
      ? []
      : [
          {
            field: 'ttlHours',
            message: `The session would live ${session.ttlHours} hours; at most ${limits.maxTtlHours} are allowed`,
            fix: `Ask for ${limits.maxTtlHours} hours or less, and extend the session later if you need to`,
          },
        ];
  },
};

/** Every taggable resource carries the required tags (plan-wide tags count). @internal */
export const requiredTags: BaselineRule = {
  id: 'required-tags',
  title: 'Resources carry the required tags',
  checkIds: [],
  limit: 'requiredTags',
  check({ plan, limits }) {
    if (limits.requiredTags.length === 0) {
      return [];
    }
    return plan.resources.flatMap(resource => {
      if (!('tags' in resource)) {
        return [];
      }
      const tags = { ...plan.tags, ...resource.tags };
      const missing = limits.requiredTags.filter(key => !tags[key]?.trim());
      return missing.length === 0
        ? []
        : [
            {
              address: resourceAddress(resource),
              field: `tags.${missing[0]}`,
              message: `${resourceAddress(resource)} lacks the tag${
                missing.length > 1 ? 's' : ''
              } ${missing.join(', ')}`,
              fix: `Add ${missing
                .map(key => `${key}: <value>`)
                .join(', ')} to the plan's tags or to the resource's tags`,
            },
          ];
    });
  },
};
