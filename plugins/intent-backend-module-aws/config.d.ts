// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export interface Config {
  intent?: {
    /**
     * The AWS cloud provider (`intent.provider: aws`). Credentials come from
     * the `aws` section of Backstage's AWS integration (`aws.mainAccount`,
     * `aws.accounts`); the region is each session's.
     */
    aws?: {
      /**
       * The AWS account to act in (one of `aws.accounts`); the main account
       * when omitted.
       */
      accountId?: string;
      /**
       * An endpoint for every account instead of AWS's (an EC2/S3-compatible
       * emulator or a private endpoint), such as `http://127.0.0.1:4566`.
       * S3 is then addressed path-style.
       */
      endpoint?: string;
      /** Endpoints per account, winning over `endpoint`. */
      accounts?: Array<{
        accountId: string;
        endpoint?: string;
      }>;
      /**
       * Where each OS's images come from, over the defaults (SSM public
       * parameters, else DescribeImages by owner and name pattern, newest
       * first). `{version}`, `{arch}` (x86_64, arm64) and `{debArch}`
       * (amd64, arm64) are filled in. Keys: ubuntu, amazon-linux, debian,
       * rhel, windows-server.
       */
      images?: {
        [os: string]: {
          /** An SSM parameter whose value is an AMI id. */
          ssmParameter?: string;
          /** The image owner (account id or `amazon`), for DescribeImages. */
          owner?: string;
          /** A DescribeImages name pattern, such as `my-golden-{version}-*-{arch}`. */
          namePattern?: string;
        };
      };
      /**
       * Longest wait for a resource to become usable (an instance to run, a
       * volume to be available), in seconds.
       * @default 900
       */
      maxWaitSeconds?: number;
    };
  };
}
