// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  PlanResource,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { exportEip, exportInstance, exportKeyPair } from './compute';
import { exportExisting, ExistingResource } from './existing';
import {
  gitignoreFile,
  importsFile,
  outputsFile,
  providersFile,
  readmeFile,
  variablesFile,
  versionsFile,
} from './files';
import { formatHcl } from './format';
import { renderHclFile } from './hcl';
import {
  exportInternetGateway,
  exportRouteTable,
  exportRouteTableAssociation,
  exportSecurityGroup,
  exportSubnet,
  exportVpc,
} from './network';
import { tfRef } from './references';
import { exportS3Bucket } from './s3';
import { exportEbsVolume, exportVolumeAttachment } from './storage';
import type {
  ResourceExporter,
  ResourceExporters,
  ResourceTerraform,
  TerraformExportContext,
  TerraformExportInput,
  TerraformFile,
} from './types';

/**
 * The exporter of every plan resource type. The mapped type makes a new
 * type in the plan schema a compile error here until it has one.
 *
 * @public
 */
export const TERRAFORM_EXPORTERS: ResourceExporters = {
  aws_vpc: exportVpc,
  aws_subnet: exportSubnet,
  aws_internet_gateway: exportInternetGateway,
  aws_route_table: exportRouteTable,
  aws_route_table_association: exportRouteTableAssociation,
  aws_security_group: exportSecurityGroup,
  aws_key_pair: exportKeyPair,
  aws_instance: exportInstance,
  aws_ebs_volume: exportEbsVolume,
  aws_volume_attachment: exportVolumeAttachment,
  aws_eip: exportEip,
  aws_s3_bucket: exportS3Bucket,
};

/** Cloud states of a resource that is gone: nothing to import. */
const GONE = new Set(['deleted', 'terminated', 'destroyed', 'shutting-down']);

/** @internal */
export function createExportContext(
  input: TerraformExportInput,
): TerraformExportContext {
  const { session, plan } = input;
  const live = new Map<string, SessionResource>();
  for (const resource of input.resources) {
    if (resource.cloudId && !GONE.has(resource.status)) {
      live.set(resource.address, resource);
    }
  }
  const ownRegion = (address: string) => {
    const region = live.get(address)?.region;
    return region && region !== session.region ? region : undefined;
  };
  return {
    session,
    plan,
    live: address => live.get(address),
    actual: address => live.get(address)?.actual ?? {},
    ref: (address, attribute) => tfRef(address, attribute),
    tags: (address, own) => ({ ...own, 'intent:address': address }),
    region: ownRegion,
    importId: (address, id) => {
      const region = ownRegion(address);
      return region ? `${id}@${region}` : id;
    },
  };
}

function exportResource(
  resource: PlanResource,
  context: TerraformExportContext,
): ResourceTerraform {
  const exporter = TERRAFORM_EXPORTERS[resource.type] as ResourceExporter;
  return exporter(resource, context);
}

/**
 * The Terraform files for a session, unformatted: a pure function of the
 * plan, the live resources and the session.
 *
 * @public
 */
export function renderTerraform(input: TerraformExportInput): TerraformFile[] {
  const { session, plan } = input;
  const context = createExportContext(input);
  const parts = plan.resources.map(resource =>
    exportResource(resource, context),
  );
  // Existing resources, looked up as data sources.
  const existing: ExistingResource[] = plan.existing ?? [];
  const blocks = [
    ...existing.map(exportExisting),
    ...parts.flatMap(p => p.blocks),
  ];
  const imports = parts.flatMap(p => p.imports);
  const notes = parts.flatMap(p => p.importNotes);
  const variables = parts.flatMap(p => p.variables);
  const requiredVariables = variables
    .filter(
      v => !v.body.some(i => i.kind === 'attribute' && i.name === 'default'),
    )
    .map(v => v.labels[0]);
  const title = [
    `Exported from intent sandbox session ${session.id}: ${session.title}`,
  ];
  return [
    { path: 'versions.tf', content: versionsFile(session) },
    { path: 'providers.tf', content: providersFile(session, plan.tags) },
    { path: 'variables.tf', content: variablesFile(session, variables) },
    { path: 'main.tf', content: renderHclFile(blocks, title) },
    {
      path: 'outputs.tf',
      content: outputsFile(
        session,
        parts.flatMap(p => p.outputs),
      ),
    },
    { path: 'imports.tf', content: importsFile(session, imports, notes) },
    {
      path: 'README.md',
      content: readmeFile(
        session,
        {
          resources: blocks.filter(b => b.type === 'resource').length,
          imports: imports.length,
        },
        requiredVariables,
        notes,
      ),
    },
    { path: '.gitignore', content: gitignoreFile() },
  ];
}

/**
 * Exports a session's applied plan as a Terraform repository: `versions.tf`,
 * `providers.tf`, `variables.tf`, `main.tf`, `outputs.tf`, `imports.tf`,
 * `README.md` and `.gitignore`, every `.tf` file formatted canonically.
 * Pure apart from the formatter (WASM, loaded once).
 *
 * @public
 */
export async function exportTerraform(
  input: TerraformExportInput,
): Promise<TerraformFile[]> {
  const files = renderTerraform(input);
  return Promise.all(
    files.map(async file =>
      file.path.endsWith('.tf')
        ? { path: file.path, content: await formatHcl(file.content) }
        : file,
    ),
  );
}
