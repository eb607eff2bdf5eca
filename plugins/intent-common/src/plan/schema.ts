// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { z } from 'zod';

/**
 * Version of the plan document format. Stored with every revision so that a
 * later format can read (or migrate) the plans written by this one.
 *
 * @public
 */
export const PLAN_FORMAT_VERSION = 1;

/** @public */
export const operatingSystems = [
  'ubuntu',
  'amazon-linux',
  'debian',
  'rhel',
  'windows-server',
] as const;

/** @public */
export const architectures = ['x86_64', 'arm64'] as const;

const resourceName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    'Use 1-63 lowercase letters, digits or underscores, starting with a letter',
  );

/** AWS region code such as `eu-west-1`. @public */
export const regionSchema = z
  .string()
  .regex(
    /^[a-z]{2}(-gov)?-[a-z]+-\d$/,
    'Expected an AWS region code such as eu-west-1',
  );

/** EC2 instance type such as `t3.micro` or `m7g.large`. @public */
export const instanceTypeSchema = z
  .string()
  .regex(
    /^[a-z]+\d[a-z0-9-]*\.(nano|micro|small|medium|large|metal|\d*xlarge)$/,
    'Expected an EC2 instance type such as t3.micro',
  );

/** @public */
export const imageSchema = z.object({
  os: z.enum(operatingSystems),
  version: z.string().min(1).max(32),
  architecture: z.enum(architectures),
});

/** @public */
export const awsInstanceSchema = z.object({
  type: z.literal('aws_instance'),
  name: resourceName,
  instanceType: instanceTypeSchema,
  image: imageSchema,
});

/**
 * One resource of a plan. A discriminated union on `type`; the resource
 * families of a sandbox are added here as they are supported.
 *
 * @public
 */
export const planResourceSchema = z.discriminatedUnion('type', [
  awsInstanceSchema,
]);

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
    resources: z.array(planResourceSchema).max(200),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.resources.forEach((resource, index) => {
      const address = `${resource.type}.${resource.name}`;
      if (seen.has(address)) {
        ctx.addIssue({
          code: 'custom',
          path: ['resources', index, 'name'],
          message: `Duplicate resource address ${address}: give each resource a unique name`,
        });
      }
      seen.add(address);
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
export type PlanResource = z.infer<typeof planResourceSchema>;
/** @public */
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
 * Validates an untrusted plan. Returns the typed plan or a list of readable
 * problems (`resources.0.instanceType: Expected an EC2 instance type ...`).
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
