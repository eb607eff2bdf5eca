// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { EC2Client } from '@aws-sdk/client-ec2';
import { S3Client } from '@aws-sdk/client-s3';
import { SSMClient } from '@aws-sdk/client-ssm';
import type { AwsCredentialProvider } from '@backstage/integration-aws-node';

type AwsCredentialIdentityProvider =
  AwsCredentialProvider['sdkCredentialProvider'];

/** The SDK clients of one (account, region). */
export interface AwsClients {
  ec2: EC2Client;
  s3: S3Client;
  ssm: SSMClient;
}

/** Gives the clients of an account and region. */
export type ClientFactory = (options: {
  region: string;
  account?: string;
}) => Promise<AwsClients>;

/**
 * Makes clients lazily and keeps them per (account, region): credentials are
 * resolved on the first call that needs them, never at startup, so the
 * module installs where no AWS account is configured.
 */
export function cachingClientFactory(options: {
  /** The account used when a call names none. */
  defaultAccount?: string;
  credentials: (
    account: string | undefined,
  ) => Promise<AwsCredentialIdentityProvider>;
  endpoint: (account: string | undefined) => string | undefined;
}): ClientFactory {
  const cache = new Map<string, Promise<AwsClients>>();
  return ({ region, account }) => {
    const accountId = account ?? options.defaultAccount;
    const key = `${accountId ?? ''}/${region}`;
    let clients = cache.get(key);
    if (!clients) {
      clients = (async () => {
        const credentials = await options.credentials(accountId);
        const endpoint = options.endpoint(accountId);
        const common = {
          region,
          credentials,
          retryMode: 'adaptive',
          maxAttempts: 5,
          ...(endpoint ? { endpoint } : {}),
        };
        return {
          ec2: new EC2Client(common),
          // Emulators and private endpoints do not serve bucket subdomains.
          s3: new S3Client({ ...common, forcePathStyle: !!endpoint }),
          ssm: new SSMClient(common),
        };
      })();
      // A failed credential lookup is not cached: the next call tries again.
      clients.catch(() => cache.delete(key));
      cache.set(key, clients);
    }
    return clients;
  };
}
