// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Ec2Filter, Tags } from './fakeAwsProtocol';

/* What the fake AWS holds: its resources, its fixed world and the calls made. */

export interface FakeInstance {
  id: string;
  imageId: string;
  type: string;
  state: string;
  subnetId: string;
  vpcId: string;
  groups: string[];
  keyName?: string;
  publicIp?: string;
  privateIp: string;
  httpTokens: string;
  rootVolumeId: string;
  userData?: string;
  tags: Tags;
  clientToken?: string;
  /** Describes left before a pending instance runs (or a stopping one stops). */
  pendingPolls: number;
}

export interface FakeRule {
  protocol: string;
  from?: number;
  to?: number;
  cidrs: Array<{ cidr: string; description?: string }>;
}

export interface FakeGroup {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  ingress: FakeRule[];
  egress: FakeRule[];
  tags: Tags;
}

export interface FakeBucket {
  name: string;
  tags: Tags;
  publicAccessBlock?: Record<string, boolean>;
  encryption?: string;
  versioning?: string;
  ownership?: string;
}

export interface FakeKey {
  id: string;
  name: string;
  fingerprint: string;
  tags: Tags;
}

/** The fake's state, shared by its EC2, S3 and SSM handlers. */
export class FakeAwsState {
  readonly calls: string[] = [];
  readonly instances = new Map<string, FakeInstance>();
  readonly groups = new Map<string, FakeGroup>();
  readonly keys = new Map<string, FakeKey>();
  readonly buckets = new Map<string, FakeBucket>();
  readonly region = 'eu-west-1';
  readonly defaultVpc = 'vpc-0a1b2c3d';
  readonly defaultSubnets = [
    { id: 'subnet-0a0a0a0a', zone: 'eu-west-1a', cidr: '172.31.0.0/20' },
    { id: 'subnet-0b0b0b0b', zone: 'eu-west-1b', cidr: '172.31.16.0/20' },
  ];
  readonly images = new Map([
    ['ami-0123456789abcdef0', { arch: 'x86_64', root: '/dev/xvda' }],
    ['ami-0fedcba9876543210', { arch: 'arm64', root: '/dev/xvda' }],
  ]);
  readonly ssm = new Map([
    [
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      'ami-0123456789abcdef0',
    ],
  ]);
  /** Error codes to answer with instead, per action, used once each. */
  readonly failNext = new Map<
    string,
    { code: string; message: string; status?: number }
  >();
  private counter = 0x1000;

  newId(prefix: string) {
    this.counter += 1;
    return `${prefix}-0${this.counter.toString(16).padStart(16, '0')}`;
  }

  count(action?: string) {
    return action
      ? this.calls.filter(c => c === action).length
      : this.calls.length;
  }
}

/** Answers one kind of EC2 call with the XML inside its response; undefined when `action` is not of its kind. */
export type Ec2CallHandler = (
  aws: FakeAwsState,
  action: string,
  p: URLSearchParams,
  filters: Ec2Filter[],
) => string | undefined;
