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

/** A one-line summary of a resource, for the diff's details column. */
export function describeResource(resource: PlanResource | null): string {
  if (!resource) {
    return '';
  }
  switch (resource.type) {
    case 'aws_instance':
      return `${resource.instanceType}, ${resource.image.os} ${resource.image.version} (${resource.image.architecture}), ${resource.rootVolume.sizeGb} GB ${resource.rootVolume.volumeType}`;
    case 'aws_security_group':
      return resource.ingress
        .map(
          rule =>
            `${rule.protocol} ${
              rule.fromPort === rule.toPort
                ? rule.fromPort
                : `${rule.fromPort}-${rule.toPort}`
            } from ${[...rule.cidrBlocks, ...rule.ipv6CidrBlocks].join(', ')}`,
        )
        .join('; ');
    case 'aws_ebs_volume':
      return `${resource.sizeGb} GB ${resource.volumeType}${
        resource.encrypted ? ', encrypted' : ''
      }`;
    case 'aws_volume_attachment':
      return `${resource.volume} → ${resource.instance} at ${resource.deviceName}`;
    case 'aws_eip':
      return resource.instance ? `for ${resource.instance}` : 'unattached';
    case 'aws_s3_bucket':
      return `${resource.bucketName ?? '(generated name)'}${
        resource.versioning ? ', versioned' : ''
      }${resource.publicRead ? ', public' : ''}`;
    case 'aws_vpc':
    case 'aws_subnet':
      return resource.cidrBlock;
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
