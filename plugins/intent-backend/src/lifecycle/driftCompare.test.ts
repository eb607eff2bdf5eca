// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { Plan } from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  driftHash,
  isAdoptable,
  observedPlan,
  resourceDrift,
  unmanagedResources,
} from './driftCompare';

const sg = {
  address: 'aws_security_group.ssh',
  type: 'aws_security_group',
  cloudId: 'sg-1',
  replacedCloudId: null,
  desired: {
    type: 'aws_security_group',
    name: 'ssh',
    vpc: 'data.aws_vpc.default',
    ingress: [{ port: 22, cidrBlocks: ['203.0.113.7/32'] }],
  },
  actual: {
    vpc: 'vpc-1',
    ingress: [{ port: 22, cidrBlocks: ['203.0.113.7/32'] }],
    arn: 'arn:sg-1',
  },
};
const state = (attributes: Record<string, unknown>, status = 'available') => ({
  type: 'aws_security_group' as const,
  cloudId: 'sg-1',
  status,
  attributes,
  tags: {},
});

describe('drift comparison', () => {
  it('compares the plan fields with what was applied, not cloud-only facts', () => {
    expect(
      resourceDrift(sg, state({ ...sg.actual, arn: 'arn:other', extra: 1 })),
    ).toBeUndefined();
    const opened = [{ port: 22, cidrBlocks: ['0.0.0.0/0'] }];
    expect(resourceDrift(sg, state({ ...sg.actual, ingress: opened }))).toEqual(
      {
        address: sg.address,
        type: sg.type,
        cloudId: 'sg-1',
        kind: 'changed',
        fields: [
          { path: 'ingress', expected: sg.actual.ingress, observed: opened },
        ],
      },
    );
  });

  it('reports nested fields by dotted path and deleted resources as missing', () => {
    const volume = {
      ...sg,
      desired: { type: 'aws_instance', name: 'web', rootVolume: { sizeGb: 8 } },
      actual: { rootVolume: { sizeGb: 8, type: 'gp3' } },
    };
    expect(
      resourceDrift(volume, state({ rootVolume: { sizeGb: 20, type: 'gp3' } }))
        ?.fields,
    ).toEqual([{ path: 'rootVolume.sizeGb', expected: 8, observed: 20 }]);
    expect(resourceDrift(sg, undefined)?.kind).toBe('missing');
    expect(resourceDrift(sg, state(sg.actual, 'terminated'))?.kind).toBe(
      'missing',
    );
    expect(resourceDrift({ ...sg, cloudId: null }, undefined)).toBeUndefined();
  });

  it('finds tagged resources that are not the session’s', () => {
    const tagged = [
      { ...state({}), cloudId: 'sg-1' },
      { ...state({}), cloudId: 'i-9', type: 'aws_instance' as const },
      { ...state({}, 'terminated'), cloudId: 'i-8' },
    ];
    expect(unmanagedResources([sg], tagged, 'eu-west-1')).toEqual([
      { type: 'aws_instance', cloudId: 'i-9', region: 'eu-west-1', tags: {} },
    ]);
  });

  it('hashes a drift by what changed, and nothing as null', () => {
    const drift = resourceDrift(sg, state({ ...sg.actual, ingress: [] }))!;
    expect(driftHash([], [])).toBeNull();
    expect(driftHash([drift], [])).toBe(driftHash([drift], []));
    const other = resourceDrift(sg, state({ ...sg.actual, ingress: [1] }))!;
    expect(driftHash([other], [])).not.toBe(driftHash([drift], []));
  });

  it('adopts observed values into the plan, except references held as ids', () => {
    const drift = resourceDrift(
      sg,
      state({ ...sg.actual, vpc: 'vpc-2', ingress: [] }),
    )!;
    const [vpcField, ingressField] = [
      drift.fields.find(f => f.path === 'vpc')!,
      drift.fields.find(f => f.path === 'ingress')!,
    ];
    expect(isAdoptable(sg, vpcField)).toBe(false);
    expect(isAdoptable(sg, ingressField)).toBe(true);
    const plan = {
      formatVersion: 1,
      region: 'eu-west-1',
      tags: {},
      existing: [],
      resources: [sg.desired],
    } as unknown as Plan;
    expect(observedPlan(plan, [drift], [sg]).resources).toEqual([
      { ...sg.desired, ingress: [] },
    ]);
    expect(
      observedPlan(plan, [{ ...drift, kind: 'missing' }], [sg]).resources,
    ).toEqual([]);
  });
});
