// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { z } from 'zod';
import { softwareIds, softwareProblems } from '../software';

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

/** @public */
export const volumeTypes = [
  'gp2',
  'gp3',
  'io1',
  'io2',
  'st1',
  'sc1',
  'standard',
] as const;

/**
 * Every resource type a plan can hold, in the order a new plan creates them
 * (what others depend on first).
 *
 * @public
 */
export const resourceTypes = [
  'aws_vpc',
  'aws_subnet',
  'aws_internet_gateway',
  'aws_route_table',
  'aws_route_table_association',
  'aws_security_group',
  'aws_key_pair',
  'aws_instance',
  'aws_ebs_volume',
  'aws_volume_attachment',
  'aws_eip',
  'aws_s3_bucket',
] as const;

/** @public */
export type ResourceType = (typeof resourceTypes)[number];

const resourceName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,62}$/,
    'Use 1-63 lowercase letters, digits or underscores, starting with a letter',
  );

/**
 * The resource types an `existing` entry may name: resources a plan can use
 * but not create, looked up in the cloud by name, id or (VPC, subnet) as the
 * region's default.
 *
 * @public
 */
export const existingResourceTypes = [
  'aws_key_pair',
  'aws_vpc',
  'aws_subnet',
  'aws_security_group',
] as const;

/** @public */
export type ExistingResourceType = (typeof existingResourceTypes)[number];

const NAME_PATTERN = '[a-z][a-z0-9_]{0,62}';

/**
 * A reference to another resource of the plan: the address of one of its
 * resources of the right type (`aws_security_group.ssh`) or, for the types
 * an `existing` entry may name, the data address of such an entry
 * (`data.aws_key_pair.laptop`). That the target is in the plan (or in
 * `existing`) is checked by the plan's own validation.
 */
function ref<T extends ResourceType>(type: T) {
  const existing = (existingResourceTypes as readonly string[]).includes(type);
  const pattern = existing
    ? `^(data\\.)?${type}\\.${NAME_PATTERN}$`
    : `^${type}\\.${NAME_PATTERN}$`;
  return z
    .string()
    .regex(
      new RegExp(pattern),
      existing
        ? `Expected the address of an ${type} in this plan, e.g. ${type}.main, or of an existing one, e.g. data.${type}.main`
        : `Expected the address of an ${type} in this plan, e.g. ${type}.main`,
    );
}

const tagsSchema = z
  .record(z.string().min(1).max(128), z.string().max(256))
  .describe('Resource tags; the intent:* tags are added by the backend');

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

const availabilityZone = z
  .string()
  .regex(
    /^[a-z]{2}(-gov)?-[a-z]+-\d[a-z]$/,
    'Expected an availability zone such as eu-west-1a',
  );

const cidrV4 = z
  .string()
  .regex(
    /^(\d{1,3}\.){3}\d{1,3}\/\d{1,2}$/,
    'Expected an IPv4 CIDR block such as 203.0.113.4/32',
  );
const cidrV6 = z
  .string()
  .regex(/^[0-9a-f:]+\/\d{1,3}$/i, 'Expected an IPv6 CIDR block such as ::/0');

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

/** The prefix of the address of an `existing` entry: `data.`. @public */
export const DATA_ADDRESS_PREFIX = 'data.';

/**
 * Whether an address names an `existing` entry (`data.aws_vpc.default`)
 * rather than a resource of the plan.
 *
 * @public
 */
export function isDataAddress(address: string): boolean {
  return address.startsWith(DATA_ADDRESS_PREFIX);
}

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
 * How an existing resource is found in the cloud: exactly one of its name
 * (a key pair's name, the `Name` tag of a VPC or subnet, a security group's
 * name), its cloud id (`vpc-…`, `subnet-…`, `sg-…`, `key-…`), or, for a VPC
 * or subnet, `default: true` (the region's default VPC; a default subnet).
 *
 * @public
 */
export const existingLookupSchema = z
  .object({
    name: z.string().min(1).max(255).optional(),
    id: z
      .string()
      .regex(
        /^(vpc|subnet|sg|key)-[0-9a-f]{8}([0-9a-f]{9})?$/,
        'Expected a cloud id such as vpc-0a1b2c3d, subnet-0a1b2c3d, sg-0a1b2c3d or key-0a1b2c3d',
      )
      .optional(),
    default: z.literal(true).optional(),
  })
  .refine(
    lookup =>
      [lookup.name, lookup.id, lookup.default].filter(v => v !== undefined)
        .length === 1,
    { message: 'Give exactly one of name, id or default' },
  );

const ID_PREFIX: Record<ExistingResourceType, string> = {
  aws_key_pair: 'key-',
  aws_vpc: 'vpc-',
  aws_subnet: 'subnet-',
  aws_security_group: 'sg-',
};

/**
 * A resource that already exists in the cloud and that the plan uses but
 * does not create or delete, e.g. "my key pair dev-laptop", "the default
 * VPC", "subnet-0f1e2d3c". Its address is `data.<type>.<name>`; the cloud
 * resolves it at plan time (missing: a question) and Terraform writes it as
 * a data source.
 *
 * @public
 */
export const existingResourceSchema = z
  .object({
    type: z.enum(existingResourceTypes),
    name: resourceName,
    lookup: existingLookupSchema,
  })
  .superRefine((entry, ctx) => {
    if (
      entry.lookup.default &&
      entry.type !== 'aws_vpc' &&
      entry.type !== 'aws_subnet'
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['lookup', 'default'],
        message: `Only an aws_vpc or aws_subnet can be looked up as the default, not an ${entry.type}`,
      });
    }
    if (entry.lookup.id && !entry.lookup.id.startsWith(ID_PREFIX[entry.type])) {
      ctx.addIssue({
        code: 'custom',
        path: ['lookup', 'id'],
        message: `An ${entry.type} id starts with ${ID_PREFIX[entry.type]}`,
      });
    }
  });

/**
 * The address of an `existing` entry: `data.aws_key_pair.laptop`.
 *
 * @public
 */
export function existingAddress(
  entry: Pick<ExistingResource, 'type' | 'name'>,
): string {
  return `${DATA_ADDRESS_PREFIX}${entry.type}.${entry.name}`;
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
export type ExistingResource = z.infer<typeof existingResourceSchema>;
/** @public */
export type ExistingLookup = z.infer<typeof existingLookupSchema>;
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
