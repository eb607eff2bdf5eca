// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { resourceAddress } from '@intent-sandboxes/backstage-plugin-intent-common';
import { instanceTypeAllowed } from '../matching';
import { resourcesOfType } from './resources';
import { BaselineRule, BaselineViolation } from './types';

/** Instances require IMDSv2 session tokens. @internal */
export const imdsv2Required: BaselineRule = {
  id: 'imdsv2-required',
  title: 'EC2 instances require IMDSv2',
  checkIds: ['CKV_AWS_79', 'AVD-AWS-0028'],
  check({ plan }) {
    return resourcesOfType(plan, 'aws_instance')
      .filter(instance => instance.metadataHttpTokens !== 'required')
      .map(instance => ({
        address: resourceAddress(instance),
        field: 'metadataHttpTokens',
        message: `${resourceAddress(
          instance,
        )} allows IMDSv1: metadataHttpTokens is ${instance.metadataHttpTokens}`,
        fix: 'Set metadataHttpTokens: required',
      }));
  },
};

/** Root volumes and EBS volumes are encrypted. @internal */
export const encryptedVolumes: BaselineRule = {
  id: 'encrypted-volumes',
  title: 'Root and EBS volumes are encrypted',
  checkIds: ['CKV_AWS_8', 'AVD-AWS-0131', 'CKV_AWS_3', 'AVD-AWS-0026'],
  check({ plan }) {
    const roots = resourcesOfType(plan, 'aws_instance')
      .filter(instance => !instance.rootVolume.encrypted)
      .map(
        (instance): BaselineViolation => ({
          address: resourceAddress(instance),
          field: 'rootVolume.encrypted',
          message: `The root volume of ${resourceAddress(
            instance,
          )} is not encrypted`,
          fix: 'Set rootVolume.encrypted: true',
          checkIds: ['CKV_AWS_8', 'AVD-AWS-0131'],
        }),
      );
    const volumes = resourcesOfType(plan, 'aws_ebs_volume')
      .filter(volume => !volume.encrypted)
      .map(
        (volume): BaselineViolation => ({
          address: resourceAddress(volume),
          field: 'encrypted',
          message: `${resourceAddress(volume)} is not encrypted`,
          fix: 'Set encrypted: true',
          checkIds: ['CKV_AWS_3', 'AVD-AWS-0026'],
        }),
      );
    return [...roots, ...volumes];
  },
};

/** Instances use an allowed type or family. @internal */
export const allowedInstanceTypes: BaselineRule = {
  id: 'allowed-instance-types',
  title: 'EC2 instances use an allowed instance type',
  checkIds: [],
  limit: 'allowedInstanceTypes',
  check({ plan, limits }) {
    return resourcesOfType(plan, 'aws_instance')
      .filter(
        instance =>
          !instanceTypeAllowed(
            instance.instanceType,
            limits.allowedInstanceTypes,
          ),
      )
      .map(instance => ({
        address: resourceAddress(instance),
        field: 'instanceType',
        message: `${resourceAddress(instance)} uses ${
          instance.instanceType
        }, which is not an allowed instance type`,
        fix: `Use one of ${
          limits.allowedInstanceTypes.join(', ') || '(none allowed)'
        }`,
      }));
  },
};

/** A session holds at most so many instances. @internal */
export const maxInstances: BaselineRule = {
  id: 'max-instances',
  title: 'At most so many instances per session',
  checkIds: [],
  limit: 'maxInstances',
  check({ plan, limits }) {
    const count = resourcesOfType(plan, 'aws_instance').length;
    return count > limits.maxInstances
      ? [
          {
            field: 'resources',
            message: `The plan has ${count} instances; a session may have at most ${limits.maxInstances}`,
            fix: `Remove ${
              count - limits.maxInstances
            } instance(s) or split the work into more sessions`,
          },
        ]
      : [];
  },
};
