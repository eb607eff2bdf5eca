// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsInstance,
  instancePublicIp,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { instance, makePlan } from './__testUtils__/fixtures';

describe('instancePublicIp', () => {
  it('counts a subnet that is not in the plan as auto-assigning', () => {
    const web = makePlan([instance('web', { associatePublicIp: undefined })])
      .resources[0] as AwsInstance;
    expect(
      instancePublicIp(
        { ...web, subnet: 'aws_subnet.gone' },
        { resources: [] },
      ),
    ).toEqual({
      public: true,
      reason:
        'associatePublicIp is unset and subnet aws_subnet.gone is not in the plan, so it may assign public IPs',
    });
  });

  it('lets an explicit setting win', () => {
    const web = makePlan([instance('web', { associatePublicIp: false })])
      .resources[0] as AwsInstance;
    expect(instancePublicIp(web, { resources: [] })).toEqual({
      public: false,
      reason: 'associatePublicIp is false',
    });
  });
});
