// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  InstanceImage,
  PlanResource,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  CloudApplyOptions,
  CloudCallOptions,
  CloudCheckPlanOptions,
  CloudDescribeOptions,
  CloudError,
  CloudExistingResource,
  CloudFindExistingOptions,
  CloudInstanceActionOptions,
  CloudPlanCheck,
  CloudProvider,
  CloudResourceState,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import type { ClientFactory } from './clients';
import type { AwsProviderSettings } from './config';
import { checkPlan } from './checks';
import {
  AwsCallContext,
  ChangeContext,
  changeTags,
  WaitSettings,
} from './context';
import { describeByTags, describeMany } from './describe';
import { findExisting } from './existing';
import { resolveImage } from './images';
import { createBucket, deleteBucket, updateBucket } from './resources/bucket';
import { createEip, deleteEip, updateEip } from './resources/eip';
import {
  createInstance,
  deleteInstance,
  instanceAction,
  updateInstance,
} from './resources/instance';
import {
  createKeyPair,
  deleteKeyPair,
  updateKeyPair,
} from './resources/keyPair';
import { describeOne, tagResource } from './resources/ec2Calls';
import {
  createInternetGateway,
  createRouteTable,
  createRouteTableAssociation,
  deleteInternetGateway,
  deleteRouteTable,
  deleteRouteTableAssociation,
  updateRouteTable,
} from './resources/gatewayAndRouteTables';
import {
  createSecurityGroup,
  deleteSecurityGroup,
  updateSecurityGroup,
} from './resources/securityGroup';
import {
  createSubnet,
  createVpc,
  deleteSubnet,
  deleteVpc,
  updateSubnet,
} from './resources/vpcAndSubnet';
import {
  createAttachment,
  createVolume,
  deleteAttachment,
  deleteVolume,
  updateVolume,
} from './resources/volume';

/**
 * Real EC2 and S3 sandboxes through the AWS SDK v3 (`intent.provider: aws`).
 *
 * - Idempotent creates: `ClientToken` for RunInstances, CreateVolume and
 *   CreateRouteTable; elsewhere a resource with the change's
 *   `intent:creation-token` tag is looked up before creating. Tags go on at
 *   create (`TagSpecifications`).
 * - Few calls: describes by id in batches of ≤ 1000 ids, by tag with
 *   paginators; waiters with backoff instead of polling loops.
 * - Safe defaults: IMDSv2 required, EBS encrypted, S3 public access block
 *   and bucket-owner-enforced ownership, no public IP unless the plan asks.
 * - Errors are {@link CloudError}s whose messages say what to do.
 *
 * @public
 */
export class AwsCloudProvider implements CloudProvider {
  readonly id = 'aws';
  readonly simulated = false;

  constructor(
    private readonly options: {
      clients: ClientFactory;
      settings: Pick<AwsProviderSettings, 'images' | 'maxWaitSeconds'>;
      /** Waiter delays in seconds; tests shorten them. */
      wait?: Partial<WaitSettings>;
    },
  ) {}

  private async context(
    options: CloudCallOptions & {
      onProgress?: AwsCallContext['onProgress'];
    },
  ): Promise<AwsCallContext> {
    options.signal?.throwIfAborted();
    let clients;
    try {
      clients = await this.options.clients({
        region: options.region,
        account: options.account,
      });
    } catch (error) {
      throw new CloudError({
        kind: 'auth',
        code: 'CredentialsProviderError',
        cause: error,
        message: `No AWS credentials for account ${
          options.account ?? '(default)'
        }: ${
          error instanceof Error ? error.message : String(error)
        }. Configure aws.mainAccount or aws.accounts and intent.aws.accountId`,
      });
    }
    return {
      ...clients,
      region: options.region,
      signal: options.signal,
      onProgress: options.onProgress,
      wait: {
        minDelay: this.options.wait?.minDelay ?? 2,
        maxDelay: this.options.wait?.maxDelay ?? 30,
        maxWaitTime:
          this.options.wait?.maxWaitTime ??
          this.options.settings.maxWaitSeconds,
      },
    };
  }

  async resolveImage(
    options: CloudCallOptions & { image: InstanceImage },
  ): Promise<{ imageId: string } | undefined> {
    const ctx = await this.context(options);
    return resolveImage(
      ctx,
      options.image,
      this.options.settings.images[options.image.os],
    );
  }

  async apply(
    options: CloudApplyOptions,
  ): Promise<CloudResourceState | undefined> {
    const base = await this.context(options);
    const { change } = options;
    if (change.action === 'delete') {
      await remove(base, change.type, change.cloudId);
      return undefined;
    }
    const resource = change.resource;
    const address = resourceAddress(resource);
    const ctx: ChangeContext = {
      ...base,
      address,
      resolve: target => {
        const id = options.resolved[target];
        if (!id) {
          throw new CloudError({
            kind: 'invalid',
            code: 'MissingParameter',
            message: `${address} refers to ${target}, but no cloud id was given for it`,
          });
        }
        return id;
      },
    };
    const tags = changeTags(
      resource as { tags?: Record<string, string> },
      change.tags,
    );
    if (change.action === 'create') {
      return create(ctx, resource, change.clientToken, tags);
    }
    return update(ctx, resource, change.cloudId, tags, change.changedFields);
  }

  async describe(options: CloudDescribeOptions): Promise<CloudResourceState[]> {
    const ctx = await this.context(options);
    if (options.cloudIds) {
      return options.cloudIds.length === 0
        ? []
        : describeMany(ctx, options.cloudIds);
    }
    return describeByTags(ctx, options.tags, options.tagKeys);
  }

  async findExisting(
    options: CloudFindExistingOptions,
  ): Promise<CloudExistingResource | undefined> {
    return findExisting(await this.context(options), options.existing);
  }

  async checkPlan(options: CloudCheckPlanOptions): Promise<CloudPlanCheck[]> {
    return checkPlan(await this.context(options), options.plan, options.live);
  }

  async instanceAction(
    options: CloudInstanceActionOptions,
  ): Promise<CloudResourceState> {
    const ctx = await this.context(options);
    return instanceAction(ctx, options.cloudId, options.action);
  }
}

function create(
  ctx: ChangeContext,
  resource: PlanResource,
  clientToken: string,
  tags: Record<string, string>,
): Promise<CloudResourceState> {
  switch (resource.type) {
    case 'aws_instance':
      return createInstance(ctx, resource, clientToken, tags);
    case 'aws_security_group':
      return createSecurityGroup(ctx, resource, tags);
    case 'aws_key_pair':
      return createKeyPair(ctx, resource, tags);
    case 'aws_ebs_volume':
      return createVolume(ctx, resource, clientToken, tags);
    case 'aws_volume_attachment':
      return createAttachment(ctx, resource);
    case 'aws_eip':
      return createEip(ctx, resource, tags);
    case 'aws_vpc':
      return createVpc(ctx, resource, tags);
    case 'aws_subnet':
      return createSubnet(ctx, resource, tags);
    case 'aws_internet_gateway':
      return createInternetGateway(ctx, resource, tags);
    case 'aws_route_table':
      return createRouteTable(ctx, resource, clientToken, tags);
    case 'aws_route_table_association':
      return createRouteTableAssociation(ctx, resource);
    case 'aws_s3_bucket':
      return createBucket(ctx, resource, clientToken, tags);
    default:
      throw unsupported((resource as PlanResource).type);
  }
}

async function update(
  ctx: ChangeContext,
  resource: PlanResource,
  cloudId: string,
  tags: Record<string, string>,
  changed: string[],
): Promise<CloudResourceState> {
  switch (resource.type) {
    case 'aws_instance':
      return updateInstance(ctx, resource, cloudId, tags, changed);
    case 'aws_security_group':
      return updateSecurityGroup(ctx, resource, cloudId, tags, changed);
    case 'aws_key_pair':
      return updateKeyPair(ctx, cloudId, tags);
    case 'aws_ebs_volume':
      return updateVolume(ctx, resource, cloudId, tags, changed);
    case 'aws_eip':
      return updateEip(ctx, resource, cloudId, tags, changed);
    case 'aws_subnet':
      return updateSubnet(ctx, resource, cloudId, tags, changed);
    case 'aws_route_table':
      return updateRouteTable(ctx, resource, cloudId, tags, changed);
    case 'aws_vpc':
    case 'aws_internet_gateway':
      if (changed.includes('tags')) await tagResource(ctx, cloudId, tags);
      return describeOne(ctx, resource.type, cloudId);
    case 'aws_volume_attachment':
    case 'aws_route_table_association':
      // Every field of these is a replacement: nothing to change in place.
      return describeOne(ctx, resource.type, cloudId);
    case 'aws_s3_bucket':
      return updateBucket(ctx, resource, cloudId, tags, changed);
    default:
      throw unsupported((resource as PlanResource).type);
  }
}

function remove(
  ctx: AwsCallContext,
  type: PlanResource['type'],
  cloudId: string,
): Promise<void> {
  switch (type) {
    case 'aws_instance':
      return deleteInstance(ctx, cloudId);
    case 'aws_security_group':
      return deleteSecurityGroup(ctx, cloudId);
    case 'aws_key_pair':
      return deleteKeyPair(ctx, cloudId);
    case 'aws_ebs_volume':
      return deleteVolume(ctx, cloudId);
    case 'aws_volume_attachment':
      return deleteAttachment(ctx, cloudId);
    case 'aws_eip':
      return deleteEip(ctx, cloudId);
    case 'aws_vpc':
      return deleteVpc(ctx, cloudId);
    case 'aws_subnet':
      return deleteSubnet(ctx, cloudId);
    case 'aws_internet_gateway':
      return deleteInternetGateway(ctx, cloudId);
    case 'aws_route_table':
      return deleteRouteTable(ctx, cloudId);
    case 'aws_route_table_association':
      return deleteRouteTableAssociation(ctx, cloudId);
    case 'aws_s3_bucket':
      return deleteBucket(ctx, cloudId);
    default:
      throw unsupported(type);
  }
}

function unsupported(type: string) {
  return new CloudError({
    kind: 'invalid',
    code: 'UnsupportedResourceType',
    message: `The aws provider cannot manage resources of type ${type}`,
  });
}
