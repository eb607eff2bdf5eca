// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Config } from '@backstage/config';
import {
  operatingSystems,
  type OperatingSystem,
} from '@intent-sandboxes/backstage-plugin-intent-common';

/** Where an OS's images come from: an SSM public parameter, else DescribeImages. */
export interface ImageSource {
  /** SSM parameter name; `{version}`, `{arch}` (x86_64/arm64) and `{debArch}` (amd64/arm64) are filled in. */
  ssmParameter?: string;
  /** The image owner's account id (or alias such as `amazon`) for DescribeImages. */
  owner?: string;
  /** DescribeImages name pattern, placeholders as above; the newest match wins. */
  namePattern?: string;
}

/** The settings of the AWS provider (`intent.aws`). */
export interface AwsProviderSettings {
  /** The account to act in; the main account of `aws.*` when omitted. */
  accountId?: string;
  /** An endpoint for every account (an EC2/S3-compatible emulator, a private endpoint). */
  endpoint?: string;
  /** Endpoints per account id, winning over `endpoint`. */
  accountEndpoints: Record<string, string>;
  /** Image sources per OS, over the defaults. */
  images: Partial<Record<OperatingSystem, ImageSource>>;
  /** Longest wait for a resource to become usable, in seconds. */
  maxWaitSeconds: number;
}

/** Reads `intent.aws` (all optional). Throws on values that cannot work. */
export function readAwsSettings(config: Config): AwsProviderSettings {
  const aws = config.getOptionalConfig('intent.aws');
  const accountEndpoints: Record<string, string> = {};
  for (const account of aws?.getOptionalConfigArray('accounts') ?? []) {
    const endpoint = account.getOptionalString('endpoint');
    if (endpoint) {
      accountEndpoints[account.getString('accountId')] = checkUrl(
        endpoint,
        'intent.aws.accounts[].endpoint',
      );
    }
  }
  const images: AwsProviderSettings['images'] = {};
  const imagesConfig = aws?.getOptionalConfig('images');
  for (const os of imagesConfig?.keys() ?? []) {
    if (!(operatingSystems as readonly string[]).includes(os)) {
      throw new Error(
        `Unknown OS '${os}' in intent.aws.images: use one of ${operatingSystems.join(
          ', ',
        )}`,
      );
    }
    const entry = imagesConfig!.getConfig(os);
    images[os as OperatingSystem] = {
      ssmParameter: entry.getOptionalString('ssmParameter'),
      owner: entry.getOptionalString('owner'),
      namePattern: entry.getOptionalString('namePattern'),
    };
  }
  const endpoint = aws?.getOptionalString('endpoint');
  return {
    accountId: aws?.getOptionalString('accountId'),
    endpoint: endpoint && checkUrl(endpoint, 'intent.aws.endpoint'),
    accountEndpoints,
    images,
    maxWaitSeconds: aws?.getOptionalNumber('maxWaitSeconds') ?? 900,
  };
}

function checkUrl(value: string, key: string): string {
  try {
    return new URL(value).toString().replace(/\/$/, '');
  } catch {
    throw new Error(
      `Invalid URL in config at '${key}': ${value} (use e.g. http://127.0.0.1:4566)`,
    );
  }
}
