// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  AwsEip,
  AwsInstance,
  AwsKeyPair,
  resourceAddress,
  userDataFor,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  nestedBlock,
  outputsFor,
  resourceBlock,
  resourceTerraform,
  stringAttribute,
} from './common';
import { hclAttributes, hclBlock, hclExpression, HclValue } from './hcl';
import { importByCloudId } from './network';
import type { ResourceExporter } from './types';

/**
 * `aws_key_pair`, imported by its key name (not its `key-…` id). With the
 * plan's public key it is written as given. A pair the cloud generated has
 * no public key in the plan and its private key cannot be imported: the key
 * is read from a variable (defaulting to the live public key when the cloud
 * reported it) and `lifecycle { ignore_changes = [public_key] }` keeps
 * Terraform from replacing the pair over it.
 *
 * @public
 */
export const exportKeyPair: ResourceExporter<AwsKeyPair> = (pair, context) => {
  const address = resourceAddress(pair);
  const actual = context.actual(address);
  const live = context.live(address);
  // The plan's own name when given; else the name the cloud generated.
  const keyName = pair.keyName ?? stringAttribute(actual, 'keyName');
  const outputs = outputsFor(address, [
    ['key_name', `Name of the key pair ${pair.name}`],
  ]);
  const imports =
    live?.cloudId && (keyName ?? live.cloudId)
      ? [
          {
            to: address,
            id: context.importId(address, keyName ?? live.cloudId),
          },
        ]
      : [];
  if (pair.publicKey) {
    return resourceTerraform({
      blocks: [
        resourceBlock(context, pair.type, pair.name, {
          key_name: keyName,
          public_key: pair.publicKey,
          tags: context.tags(address, pair.tags),
        }),
      ],
      imports,
      outputs,
    });
  }
  const variable = `${pair.name}_public_key`;
  const livePublicKey = stringAttribute(actual, 'publicKey');
  return resourceTerraform({
    blocks: [
      resourceBlock(
        context,
        pair.type,
        pair.name,
        {
          key_name: keyName,
          public_key: hclExpression(`var.${variable}`),
          tags: context.tags(address, pair.tags),
        },
        [
          hclBlock(
            'lifecycle',
            [],
            [
              ...hclAttributes({
                ignore_changes: [hclExpression('public_key')],
              }),
            ],
          ),
        ],
        [
          'The cloud generated this key pair: its private key was handed out once',
          'and cannot be imported. public_key only matters when Terraform creates',
          'the pair; changes to it are ignored so the imported pair is never replaced.',
        ],
      ),
    ],
    imports,
    outputs,
    variables: [
      hclBlock(
        'variable',
        [variable],
        [
          ...hclAttributes({
            type: hclExpression('string'),
            description: `OpenSSH public key of the key pair ${pair.name} (ssh-keygen -y -f <private key file> prints it). Only used if Terraform creates the pair.`,
            default: livePublicKey,
          }),
        ],
      ),
    ],
  });
};

/**
 * User data as an HCL heredoc (`<<EOT` … `EOT`), written verbatim apart from
 * the template sequences `${` and `%{` (escaped `$${`, `%%{`). Text a
 * heredoc cannot hold exactly (no final newline, carriage returns or other
 * control characters) is written as an escaped quoted string instead.
 *
 * @public
 */
export function userDataValue(text: string): HclValue {
  // eslint-disable-next-line no-control-regex
  if (!text.endsWith('\n') || /[\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) {
    return text;
  }
  const lines = new Set(
    text
      .slice(0, -1)
      .split('\n')
      .map(l => l.trim()),
  );
  let marker = 'EOT';
  while (lines.has(marker)) {
    marker = `${marker}_`;
  }
  const body = text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
  return hclExpression(`<<${marker}\n${body}${marker}`);
}

/**
 * `aws_instance`, imported by `i-…`. The AMI is the id the cloud resolved
 * (actual `imageId`), not a lookup that could drift to a newer image and
 * replace the instance. Arguments the plan left unset (subnet, security
 * groups, public IP) are left out: the provider reads them on import.
 *
 * @public
 */
export const exportInstance: ResourceExporter<AwsInstance> = (
  instance,
  context,
) => {
  const address = resourceAddress(instance);
  const imageId = stringAttribute(context.actual(address), 'imageId');
  const userData =
    instance.userData ??
    stringAttribute(context.actual(address), 'userData') ??
    userDataFor(instance.image, instance.software ?? []);
  const amiVariable = `${instance.name}_ami`;
  return resourceTerraform({
    blocks: [
      resourceBlock(
        context,
        instance.type,
        instance.name,
        {
          ami: imageId ?? hclExpression(`var.${amiVariable}`),
          instance_type: instance.instanceType,
          subnet_id: instance.subnet ? context.ref(instance.subnet) : undefined,
          availability_zone: instance.availabilityZone,
          vpc_security_group_ids:
            instance.securityGroups.length > 0
              ? instance.securityGroups.map(group => context.ref(group))
              : undefined,
          key_name: instance.keyPair
            ? context.ref(instance.keyPair, 'key_name')
            : undefined,
          associate_public_ip_address: instance.associatePublicIp,
          // The software of the plan, installed at first boot: a change
          // replaces the instance, as the plan's diff says.
          user_data: userData ? userDataValue(userData) : undefined,
          user_data_replace_on_change: userData ? true : undefined,
          tags: context.tags(address, instance.tags),
        },
        [
          nestedBlock('root_block_device', {
            volume_size: instance.rootVolume.sizeGb,
            volume_type: instance.rootVolume.volumeType,
            encrypted: instance.rootVolume.encrypted,
          }),
          nestedBlock('metadata_options', {
            http_tokens: instance.metadataHttpTokens,
          }),
        ],
      ),
    ],
    imports: importByCloudId(context, address),
    outputs: outputsFor(address, [
      ['id', `ID of the instance ${instance.name}`],
      ['private_ip', `Private IP address of the instance ${instance.name}`],
      [
        'public_ip',
        `Public IP address of the instance ${instance.name}, if any`,
      ],
      [
        'public_dns',
        `Public DNS name of the instance ${instance.name}, if any`,
      ],
    ]),
    variables: imageId
      ? []
      : [
          hclBlock(
            'variable',
            [amiVariable],
            [
              ...hclAttributes({
                type: hclExpression('string'),
                description: `AMI id for the instance ${instance.name} (${instance.image.os} ${instance.image.version}, ${instance.image.architecture}); the session never resolved one.`,
              }),
            ],
          ),
        ],
  });
};

/**
 * `aws_eip` in the VPC domain, associated with its instance; imported by
 * its allocation id `eipalloc-…`.
 *
 * @public
 */
export const exportEip: ResourceExporter<AwsEip> = (eip, context) => {
  const address = resourceAddress(eip);
  return resourceTerraform({
    blocks: [
      resourceBlock(context, eip.type, eip.name, {
        domain: 'vpc',
        instance: eip.instance ? context.ref(eip.instance) : undefined,
        tags: context.tags(address, eip.tags),
      }),
    ],
    imports: importByCloudId(context, address),
    outputs: outputsFor(address, [
      ['allocation_id', `Allocation ID of the Elastic IP ${eip.name}`],
      ['public_ip', `The Elastic IP address ${eip.name}`],
      ['public_dns', `Public DNS name of the Elastic IP ${eip.name}`],
    ]),
  });
};
