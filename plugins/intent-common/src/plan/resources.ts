// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { z } from 'zod';
import { softwareIds } from '../software';
import {
  architectures,
  availabilityZone,
  cidrV4,
  cidrV6,
  instanceTypeSchema,
  operatingSystems,
  ref,
  resourceName,
  tagsSchema,
  volumeTypes,
} from './fields';

/* The schema of each resource type a plan can hold. */

/** @public */
export const imageSchema = z.object({
  os: z.enum(operatingSystems),
  version: z.string().min(1).max(32),
  architecture: z.enum(architectures),
  /**
   * The image id (an AMI such as `ami-0123456789abcdef0`) for os, version and
   * architecture in the plan's region: resolved by the cloud at plan time;
   * pinned so apply and export are reproducible. Planners leave it out.
   */
  id: z
    .string()
    .regex(
      /^ami-[0-9a-f]{8}([0-9a-f]{9})?$/,
      'Expected an AMI id such as ami-0123456789abcdef0',
    )
    .optional()
    .describe(
      'Resolved by the cloud at plan time; pinned so apply and export are reproducible',
    ),
});

/** @public */
export const rootVolumeSchema = z.object({
  sizeGb: z.number().int().min(1).max(16384),
  volumeType: z.enum(volumeTypes),
  encrypted: z.boolean(),
});

/**
 * An EC2 instance. Its cloud name is its `Name` tag (`tags.Name`), kept
 * exactly as the requester gave it; the plan address is derived from it.
 *
 * @public
 */
export const awsInstanceSchema = z.object({
  type: z.literal('aws_instance'),
  name: resourceName,
  instanceType: instanceTypeSchema,
  image: imageSchema,
  /** Omitted: the default subnet of the region's default VPC. */
  subnet: ref('aws_subnet').optional(),
  securityGroups: z.array(ref('aws_security_group')).max(5).default([]),
  keyPair: ref('aws_key_pair').optional(),
  /**
   * Omitted means "unset": the subnet decides (default subnets assign public
   * IPs). Policy treats unset conservatively.
   */
  associatePublicIp: z.boolean().optional(),
  availabilityZone: availabilityZone.optional(),
  rootVolume: rootVolumeSchema.default({
    sizeGb: 8,
    volumeType: 'gp3',
    encrypted: true,
  }),
  /** IMDSv2 when `required`. */
  metadataHttpTokens: z.enum(['required', 'optional']).default('required'),
  /**
   * Software to install at first boot: ids of the vetted software catalogue
   * (`softwareIds`: nginx, docker, ...), installed from the image's own
   * package repositories. A change replaces the instance.
   */
  software: z
    .array(z.string().min(1).max(64))
    .max(20)
    .default([])
    .describe(
      `Software to install at first boot, ids from the vetted catalogue: ${softwareIds.join(
        ', ',
      )}. Not for Windows.`,
    ),
  /**
   * Cloud-init user data: derived from `software` by `userDataFor` (the
   * backend fills it in); planners leave it out.
   */
  userData: z
    .string()
    .max(16384)
    .optional()
    .describe('Derived from software by the backend; planners leave it out'),
  /** The instance's cloud name is its `Name` tag (`tags.Name`). */
  tags: tagsSchema.default({}),
});

/** @public */
export const securityGroupRuleSchema = z
  .object({
    protocol: z.enum(['tcp', 'udp', 'icmp', 'all']),
    fromPort: z.number().int().min(-1).max(65535),
    toPort: z.number().int().min(-1).max(65535),
    cidrBlocks: z.array(cidrV4).max(50).default([]),
    ipv6CidrBlocks: z.array(cidrV6).max(50).default([]),
    description: z.string().max(255).optional(),
  })
  .refine(rule => rule.fromPort <= rule.toPort, {
    message: 'fromPort must not be greater than toPort',
    path: ['toPort'],
  })
  .refine(rule => rule.cidrBlocks.length + rule.ipv6CidrBlocks.length > 0, {
    message: 'Name at least one source or destination CIDR block',
    path: ['cidrBlocks'],
  });

/**
 * A security group. Its cloud name (EC2 `GroupName`, Terraform `name`) is its
 * `Name` tag (`tags.Name`) when given, else generated from the session.
 *
 * @public
 */
export const awsSecurityGroupSchema = z.object({
  type: z.literal('aws_security_group'),
  name: resourceName,
  description: z.string().max(255).default('Managed by intent sandboxes'),
  vpc: ref('aws_vpc').optional(),
  ingress: z.array(securityGroupRuleSchema).max(60).default([]),
  egress: z
    .array(securityGroupRuleSchema)
    .max(60)
    .default([
      {
        protocol: 'all',
        fromPort: 0,
        toPort: 0,
        cidrBlocks: ['0.0.0.0/0'],
        ipv6CidrBlocks: [],
      },
    ]),
  tags: tagsSchema.default({}),
});

/**
 * An EBS volume. Its cloud name is its `Name` tag (`tags.Name`).
 *
 * @public
 */
export const awsEbsVolumeSchema = z.object({
  type: z.literal('aws_ebs_volume'),
  name: resourceName,
  sizeGb: z.number().int().min(1).max(65536),
  volumeType: z.enum(volumeTypes).default('gp3'),
  encrypted: z.boolean().default(true),
  iops: z.number().int().min(100).max(256000).optional(),
  /** Omitted: the availability zone of the instance it is attached to. */
  availabilityZone: availabilityZone.optional(),
  tags: tagsSchema.default({}),
});

/** @public */
export const awsVolumeAttachmentSchema = z.object({
  type: z.literal('aws_volume_attachment'),
  name: resourceName,
  volume: ref('aws_ebs_volume'),
  instance: ref('aws_instance'),
  deviceName: z
    .string()
    .regex(
      /^\/dev\/(sd|xvd)[f-p]$/,
      'Expected a device name from /dev/sdf to /dev/sdp',
    ),
});

/** @public */
export const awsEipSchema = z.object({
  type: z.literal('aws_eip'),
  name: resourceName,
  instance: ref('aws_instance').optional(),
  tags: tagsSchema.default({}),
});

/** @public */
export const awsKeyPairSchema = z.object({
  type: z.literal('aws_key_pair'),
  name: resourceName,
  /** An OpenSSH public key; omitted means the cloud generates the pair. */
  publicKey: z
    .string()
    .regex(
      /^(ssh-(rsa|ed25519)|ecdsa-sha2-nistp\d+) [A-Za-z0-9+/=]+( .*)?$/,
      'Expected an OpenSSH public key',
    )
    .optional(),
  /**
   * The key pair's name in the cloud (what EC2 calls `KeyName`); omitted:
   * generated from the session and address.
   */
  keyName: z
    .string()
    .regex(
      /^[\x20-\x7e]{1,255}$/,
      'Expected a key pair name of 1-255 printable ASCII characters',
    )
    .optional()
    .describe("The key pair's own name in the cloud, exactly as given"),
  tags: tagsSchema.default({}),
});

/** @public */
export const awsVpcSchema = z.object({
  type: z.literal('aws_vpc'),
  name: resourceName,
  cidrBlock: cidrV4,
  tags: tagsSchema.default({}),
});

/** @public */
export const awsSubnetSchema = z.object({
  type: z.literal('aws_subnet'),
  name: resourceName,
  vpc: ref('aws_vpc'),
  cidrBlock: cidrV4,
  availabilityZone: availabilityZone.optional(),
  mapPublicIpOnLaunch: z.boolean().default(false),
  tags: tagsSchema.default({}),
});

/**
 * An internet gateway attached to a VPC: what makes a subnet whose route
 * table routes to it public.
 *
 * @public
 */
export const awsInternetGatewaySchema = z.object({
  type: z.literal('aws_internet_gateway'),
  name: resourceName,
  vpc: ref('aws_vpc'),
  tags: tagsSchema.default({}),
});

/** @public */
export const routeSchema = z.object({
  /** Destination, e.g. `0.0.0.0/0`. */
  cidrBlock: cidrV4,
  gateway: ref('aws_internet_gateway'),
});

/** @public */
export const awsRouteTableSchema = z.object({
  type: z.literal('aws_route_table'),
  name: resourceName,
  vpc: ref('aws_vpc'),
  routes: z.array(routeSchema).max(50).default([]),
  tags: tagsSchema.default({}),
});

/** Associates a subnet with a route table. @public */
export const awsRouteTableAssociationSchema = z.object({
  type: z.literal('aws_route_table_association'),
  name: resourceName,
  subnet: ref('aws_subnet'),
  routeTable: ref('aws_route_table'),
});

/** @public */
export const awsS3BucketSchema = z.object({
  type: z.literal('aws_s3_bucket'),
  name: resourceName,
  /** Omitted: generated from the session, as bucket names are global. */
  bucketName: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'Expected a bucket name of 3-63 lowercase letters, digits, dots or hyphens',
    )
    .optional(),
  versioning: z.boolean().default(false),
  encryption: z.enum(['AES256', 'aws:kms']).default('AES256'),
  website: z.boolean().default(false),
  /** All four S3 public access block settings on. */
  blockPublicAccess: z.boolean().default(true),
  /** A public-read bucket policy. */
  publicRead: z.boolean().default(false),
  tags: tagsSchema.default({}),
});
