// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { z } from 'zod';
import {
  existingAddress,
  existingResourceSchema,
  isDataAddress,
} from './existing';
import {
  architectures,
  existingResourceTypes,
  instanceTypeSchema,
  operatingSystems,
  PLAN_FORMAT_VERSION,
  regionSchema,
  ResourceType,
  resourceTypes,
  tagsSchema,
  volumeTypes,
} from './fields';

export {
  architectures,
  existingResourceTypes,
  instanceTypeSchema,
  operatingSystems,
  PLAN_FORMAT_VERSION,
  regionSchema,
  resourceTypes,
  volumeTypes,
};
export type { ExistingResourceType, ResourceType } from './fields';
export * from './existing';
export * from './resources';
import {
  awsEbsVolumeSchema,
  awsEipSchema,
  awsInstanceSchema,
  awsInternetGatewaySchema,
  awsKeyPairSchema,
  awsRouteTableAssociationSchema,
  awsRouteTableSchema,
  awsS3BucketSchema,
  awsSecurityGroupSchema,
  awsSubnetSchema,
  awsVolumeAttachmentSchema,
  awsVpcSchema,
  imageSchema,
  securityGroupRuleSchema,
} from './resources';
import { softwareProblems } from '../software';

/**
 * One resource of a plan: a discriminated union on `type`.
 *
 * @public
 */
export const planResourceSchema = z.discriminatedUnion('type', [
  awsVpcSchema,
  awsSubnetSchema,
  awsInternetGatewaySchema,
  awsRouteTableSchema,
  awsRouteTableAssociationSchema,
  awsSecurityGroupSchema,
  awsKeyPairSchema,
  awsInstanceSchema,
  awsEbsVolumeSchema,
  awsVolumeAttachmentSchema,
  awsEipSchema,
  awsS3BucketSchema,
]);

/** Longest a sandbox may be asked to live, in hours (policy sets the real maximum). @public */
export const MAX_TTL_HOURS = 24 * 90;

/**
 * Every reference field of every resource type: what `references` follows.
 */
const REFERENCE_FIELDS: Record<ResourceType, string[]> = {
  aws_vpc: [],
  aws_subnet: ['vpc'],
  aws_internet_gateway: ['vpc'],
  aws_route_table: ['vpc', 'routes.gateway'],
  aws_route_table_association: ['subnet', 'routeTable'],
  aws_security_group: ['vpc'],
  aws_key_pair: [],
  aws_instance: ['subnet', 'securityGroups', 'keyPair'],
  aws_ebs_volume: [],
  aws_volume_attachment: ['volume', 'instance'],
  aws_eip: ['instance'],
  aws_s3_bucket: [],
};

function referencedAddresses(resource: PlanResource): string[] {
  const record = resource as unknown as Record<string, unknown>;
  return REFERENCE_FIELDS[resource.type].flatMap(field => {
    const [head, nested] = field.split('.');
    const value = record[head];
    const values = Array.isArray(value) ? value : [value];
    return values.flatMap(item => {
      const target =
        nested && item !== null && typeof item === 'object'
          ? (item as Record<string, unknown>)[nested]
          : item;
      return typeof target === 'string' ? [target] : [];
    });
  });
}

/**
 * The addresses of plan resources a resource refers to (its dependencies in
 * the apply order). References to `existing` entries (`data.*`) are left
 * out, as nothing creates them: see {@link dataReferences}.
 *
 * @public
 */
export function references(resource: PlanResource): string[] {
  return referencedAddresses(resource).filter(a => !isDataAddress(a));
}

/**
 * The `existing` entries (`data.<type>.<name>`) a resource refers to.
 *
 * @public
 */
export function dataReferences(resource: PlanResource): string[] {
  return referencedAddresses(resource).filter(isDataAddress);
}

/**
 * A plan: the complete desired state of a sandbox session. Plain data, so that
 * diffing, policy, cost and Terraform export are pure functions of it.
 *
 * @public
 */
export const planSchema = z
  .object({
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    region: regionSchema,
    /** How long the sandbox should live; omitted means the policy default. */
    ttlHours: z.number().positive().max(MAX_TTL_HOURS).optional(),
    /** Tags for every resource of the plan. */
    tags: tagsSchema.default({}),
    resources: z.array(planResourceSchema).max(200),
    /**
     * Resources that already exist in the cloud and that resources of the
     * plan refer to as `data.<type>.<name>`; never created or deleted.
     */
    existing: z.array(existingResourceSchema).max(20).default([]),
  })
  .superRefine((plan, ctx) => {
    const types = new Map<string, string>();
    plan.resources.forEach((resource, index) => {
      const address = resourceAddress(resource);
      if (types.has(address)) {
        ctx.addIssue({
          code: 'custom',
          path: ['resources', index, 'name'],
          message: `Duplicate resource address ${address}: give each resource a unique name`,
        });
      }
      types.set(address, resource.type);
    });
    const existing = new Set<string>();
    plan.existing.forEach((entry, index) => {
      const address = existingAddress(entry);
      if (existing.has(address)) {
        ctx.addIssue({
          code: 'custom',
          path: ['existing', index, 'name'],
          message: `Duplicate existing resource ${address}: give each a unique name`,
        });
      }
      existing.add(address);
    });
    plan.resources.forEach((resource, index) => {
      if (resource.type === 'aws_instance') {
        for (const problem of softwareProblems(
          resource.image,
          resource.software,
        )) {
          ctx.addIssue({
            code: 'custom',
            path: ['resources', index, 'software'],
            message: problem,
          });
        }
      }
      for (const target of dataReferences(resource)) {
        if (!existing.has(target)) {
          ctx.addIssue({
            code: 'custom',
            path: ['resources', index],
            message: `${resourceAddress(
              resource,
            )} refers to ${target}, which is not in existing`,
          });
        }
      }
      for (const target of references(resource)) {
        if (!types.has(target)) {
          ctx.addIssue({
            code: 'custom',
            path: ['resources', index],
            message: `${resourceAddress(
              resource,
            )} refers to ${target}, which is not in the plan`,
          });
        }
      }
    });
  });

/** @public */
export type OperatingSystem = (typeof operatingSystems)[number];
/** @public */
export type Architecture = (typeof architectures)[number];
/** @public */
export type InstanceImage = z.infer<typeof imageSchema>;
/** @public */
export type AwsInstance = z.infer<typeof awsInstanceSchema>;
/** @public */
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSchema>;
/** @public */
export type AwsSecurityGroup = z.infer<typeof awsSecurityGroupSchema>;
/** @public */
export type AwsEbsVolume = z.infer<typeof awsEbsVolumeSchema>;
/** @public */
export type AwsVolumeAttachment = z.infer<typeof awsVolumeAttachmentSchema>;
/** @public */
export type AwsEip = z.infer<typeof awsEipSchema>;
/** @public */
export type AwsKeyPair = z.infer<typeof awsKeyPairSchema>;
/** @public */
export type AwsVpc = z.infer<typeof awsVpcSchema>;
/** @public */
export type AwsSubnet = z.infer<typeof awsSubnetSchema>;
/** @public */
export type AwsS3Bucket = z.infer<typeof awsS3BucketSchema>;
/** @public */
export type AwsInternetGateway = z.infer<typeof awsInternetGatewaySchema>;
/** @public */
export type AwsRouteTable = z.infer<typeof awsRouteTableSchema>;
/** @public */
export type AwsRouteTableAssociation = z.infer<
  typeof awsRouteTableAssociationSchema
>;
/** @public */
export type PlanResource = z.infer<typeof planResourceSchema>;
/** A resource as planners may write it: fields with defaults may be left out. @public */
export type PlanResourceInput = z.input<typeof planResourceSchema>;
/** A plan as planners may write it: fields with defaults may be left out. @public */
export type PlanInput = z.input<typeof planSchema>;
/** A validated plan, every default filled in. @public */
export type Plan = z.infer<typeof planSchema>;

/**
 * The address of a resource in a plan, as Terraform writes it: `aws_instance.web`.
 *
 * @public
 */
export function resourceAddress(resource: Pick<PlanResource, 'type' | 'name'>) {
  return `${resource.type}.${resource.name}`;
}

/**
 * Validates an untrusted plan. Returns the typed plan (defaults filled in) or
 * a list of readable problems (`resources.0.instanceType: Expected ...`).
 *
 * @public
 */
export function parsePlan(
  input: unknown,
): { ok: true; plan: Plan } | { ok: false; problems: string[] } {
  const result = planSchema.safeParse(input);
  if (result.success) {
    return { ok: true, plan: result.data };
  }
  return {
    ok: false,
    problems: result.error.issues.map(
      issue => `${issue.path.join('.') || '(plan)'}: ${issue.message}`,
    ),
  };
}
