// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * Every AWS region a sandbox can be planned in (the commercial and GovCloud
 * regions of December 2026). The plan schema accepts any region-shaped code;
 * planners turn a code that is not in this list into a question instead of
 * planning in it or falling back to another region.
 *
 * @public
 */
export const awsRegionCodes: readonly string[] = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-1',
  'ap-south-2',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-gov-east-1',
  'us-gov-west-1',
];

const KNOWN = new Set(awsRegionCodes);

/** Whether `code` is one of {@link awsRegionCodes}. @public */
export function isKnownAwsRegion(code: string): boolean {
  return KNOWN.has(code);
}
