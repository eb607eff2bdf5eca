// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  ChangeAction,
  PlanDiff,
  PlanResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import styles from '../tables.module.css';

const SYMBOLS: Record<ChangeAction, string> = {
  create: '+ create',
  update: '~ update',
  replace: '± replace',
  delete: '- delete',
  noop: '  no change',
};

/** `Name=web-1` when a resource carries a cloud name tag. */
function named(tags: Record<string, string> | undefined): string[] {
  return tags?.Name ? [`Name=${tags.Name}`] : [];
}

/** A one-line summary of a resource, for the diff's details column. */
export function describeResource(resource: PlanResource | null): string {
  if (!resource) {
    return '';
  }
  switch (resource.type) {
    case 'aws_instance':
      return [
        ...named(resource.tags),
        `${resource.instanceType}, ${resource.image.os} ${resource.image.version} (${resource.image.architecture}), ${resource.rootVolume.sizeGb} GB ${resource.rootVolume.volumeType}`,
        ...(resource.image.id ? [`image ${resource.image.id}`] : []),
        ...(resource.keyPair ? [`key pair ${resource.keyPair}`] : []),
        ...(resource.software.length > 0
          ? [`software: ${resource.software.join(', ')}`]
          : []),
      ].join(', ');
    case 'aws_security_group':
      return [
        ...named(resource.tags),
        ...resource.ingress.map(
          rule =>
            `${rule.protocol} ${
              rule.fromPort === rule.toPort
                ? rule.fromPort
                : `${rule.fromPort}-${rule.toPort}`
            } from ${[...rule.cidrBlocks, ...rule.ipv6CidrBlocks].join(', ')}`,
        ),
      ].join('; ');
    case 'aws_ebs_volume':
      return [
        ...named(resource.tags),
        `${resource.sizeGb} GB ${resource.volumeType}${
          resource.encrypted ? ', encrypted' : ''
        }`,
      ].join(', ');
    case 'aws_volume_attachment':
      return `${resource.volume} → ${resource.instance} at ${resource.deviceName}`;
    case 'aws_eip':
      return resource.instance ? `for ${resource.instance}` : 'unattached';
    case 'aws_key_pair':
      return resource.keyName ?? '(generated name)';
    case 'aws_s3_bucket':
      return `${resource.bucketName ?? '(generated name)'}${
        resource.versioning ? ', versioned' : ''
      }${resource.website ? ', website' : ''}${
        resource.publicRead ? ', public' : ''
      }`;
    case 'aws_vpc':
    case 'aws_subnet':
      return resource.cidrBlock;
    case 'aws_internet_gateway':
      return `for ${resource.vpc}`;
    case 'aws_route_table':
      return resource.routes
        .map(route => `${route.cidrBlock} → ${route.gateway}`)
        .join('; ');
    case 'aws_route_table_association':
      return `${resource.subnet} → ${resource.routeTable}`;
    default:
      return '';
  }
}

function format(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What a revision changes, resource by resource, field by field. */
export function DiffTable({ diff }: { diff: PlanDiff }) {
  return (
    <table className={styles.table} aria-label="Planned changes">
      <thead>
        <tr>
          <th>Action</th>
          <th>Address</th>
          <th>Details</th>
        </tr>
      </thead>
      <tbody>
        {diff.changes.map(change => (
          <tr key={change.address} data-action={change.action}>
            <td className={styles.mono}>{SYMBOLS[change.action]}</td>
            <td className={styles.mono}>{change.address}</td>
            <td>
              {describeResource(change.after ?? change.before)}
              {change.fields.length > 0 && (
                <ul className={styles.fields}>
                  {change.fields.map(field => (
                    <li key={field.path}>
                      {field.path}: {format(field.before)} →{' '}
                      {format(field.after)}
                      {field.forcesReplacement ? ' (forces replacement)' : ''}
                    </li>
                  ))}
                </ul>
              )}
              {change.reason && <div>{change.reason}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
