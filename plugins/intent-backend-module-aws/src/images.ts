// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { DescribeImagesCommand } from '@aws-sdk/client-ec2';
import { GetParameterCommand } from '@aws-sdk/client-ssm';
import type { InstanceImage } from '@intent-sandboxes/backstage-plugin-intent-common';
import type { AwsCallContext } from './context';
import type { ImageSource } from './config';
import { call, errorCode, toCloudError } from './errors';

/** Canonical, Debian, Red Hat: the vendors' image owner ids. */
const OWNERS = {
  amazon: 'amazon',
  canonical: '099720109477',
  debian: '136693071363',
  redhat: '309956199498',
};

/**
 * Where each OS's images come from by default: the vendor's SSM public
 * parameter where it publishes one, else its owner id and a name pattern.
 */
export function defaultImageSource(
  image: InstanceImage,
): ImageSource | undefined {
  const { os, version } = image;
  switch (os) {
    case 'amazon-linux':
      if (version === '2023') {
        return {
          ssmParameter:
            '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-{arch}',
        };
      }
      if (version === '2') {
        return {
          ssmParameter:
            '/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-{arch}-gp2',
        };
      }
      return {
        owner: OWNERS.amazon,
        namePattern: 'al{version}-ami-{version}.*-{arch}',
      };
    case 'ubuntu':
      return {
        ssmParameter: `/aws/service/canonical/ubuntu/server/{version}/stable/current/{debArch}/hvm/${
          Number(version) >= 23.04 ? 'ebs-gp3' : 'ebs-gp2'
        }/ami-id`,
        owner: OWNERS.canonical,
        namePattern:
          'ubuntu/images/hvm-ssd*/ubuntu-*-{version}-{debArch}-server-*',
      };
    case 'debian':
      return {
        ssmParameter: '/aws/service/debian/release/{version}/latest/{debArch}',
        owner: OWNERS.debian,
        namePattern: 'debian-{version}-{debArch}-*',
      };
    case 'windows-server':
      return image.architecture === 'x86_64'
        ? {
            ssmParameter:
              '/aws/service/ami-windows-latest/Windows_Server-{version}-English-Full-Base',
          }
        : undefined;
    case 'rhel':
      return {
        owner: OWNERS.redhat,
        namePattern: 'RHEL-{version}*_HVM-*-{arch}-*',
      };
    default:
      return undefined;
  }
}

/** Fills `{version}`, `{arch}` and `{debArch}` in. */
export function fillTemplate(template: string, image: InstanceImage): string {
  return template
    .replace(/\{version\}/g, image.version)
    .replace(/\{arch\}/g, image.architecture)
    .replace(
      /\{debArch\}/g,
      image.architecture === 'x86_64' ? 'amd64' : 'arm64',
    );
}

/**
 * Resolves OS/version/architecture to an AMI id in the region: the SSM
 * public parameter (one GetParameter call), else DescribeImages by owner and
 * name pattern, newest first. Undefined when there is none.
 */
export async function resolveImage(
  ctx: AwsCallContext,
  image: InstanceImage,
  override: ImageSource | undefined,
): Promise<{ imageId: string } | undefined> {
  const source = override ?? defaultImageSource(image);
  if (!source) return undefined;
  if (source.ssmParameter) {
    const name = fillTemplate(source.ssmParameter, image);
    try {
      const out = await ctx.ssm.send(new GetParameterCommand({ Name: name }), {
        abortSignal: ctx.signal,
      });
      const value = out.Parameter?.Value;
      if (value?.startsWith('ami-')) return { imageId: value };
    } catch (error) {
      if (errorCode(error) !== 'ParameterNotFound') {
        throw toCloudError(error, {
          action: 'ssm:GetParameter',
          subject: name,
        });
      }
    }
  }
  if (!source.owner || !source.namePattern) return undefined;
  const out = await call({ action: 'ec2:DescribeImages' }, () =>
    ctx.ec2.send(
      new DescribeImagesCommand({
        Owners: [source.owner!],
        Filters: [
          { Name: 'name', Values: [fillTemplate(source.namePattern!, image)] },
          { Name: 'architecture', Values: [image.architecture] },
          { Name: 'state', Values: ['available'] },
        ],
      }),
      { abortSignal: ctx.signal },
    ),
  );
  const newest = [...(out.Images ?? [])]
    .filter(i => i.ImageId)
    .sort((a, b) =>
      (b.CreationDate ?? '').localeCompare(a.CreationDate ?? ''),
    )[0];
  return newest ? { imageId: newest.ImageId! } : undefined;
}
