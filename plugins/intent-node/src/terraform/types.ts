// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Plan,
  PlanResource,
  ResourceType,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import type { HclBlock, HclExpression } from './hcl';

/**
 * The session facts the export needs.
 *
 * @public
 */
export interface TerraformExportSession {
  id: string;
  title: string;
  /** Entity ref of the owner, e.g. `user:default/ada`. */
  owner: string;
  region: string;
}

/**
 * What {@link exportTerraform} turns into Terraform files: a session's
 * applied plan and its live resources.
 *
 * @public
 */
export interface TerraformExportInput {
  session: TerraformExportSession;
  plan: Plan;
  /** The session's resources as last seen; those with a cloud id get import blocks. */
  resources: SessionResource[];
}

/**
 * One generated file, its path relative to the repository root.
 *
 * @public
 */
export interface TerraformFile {
  path: string;
  content: string;
}

/**
 * An `import` block: adopt the live object `id` as the resource `to`.
 *
 * @public
 */
export interface TerraformImport {
  /** A resource address, e.g. `aws_instance.web`. */
  to: string;
  /** The cloud id in the AWS provider's import format for the type. */
  id: string;
  /** Why the id has this form, written above the block. */
  comment?: string;
}

/** @public */
export interface TerraformOutput {
  name: string;
  value: HclExpression;
  description: string;
}

/**
 * What one plan resource becomes: resource (or data) blocks for `main.tf`,
 * import blocks, outputs, input variables, and notes for a reader of
 * `imports.tf` (e.g. a rule whose id is unknown).
 *
 * @public
 */
export interface ResourceTerraform {
  blocks: HclBlock[];
  imports: TerraformImport[];
  outputs: TerraformOutput[];
  variables: HclBlock[];
  importNotes: string[];
}

/**
 * What a resource exporter may look at, besides its resource.
 *
 * @public
 */
export interface TerraformExportContext {
  session: TerraformExportSession;
  plan: Plan;
  /**
   * The live resource at a plan address: recorded with a cloud id and not
   * deleted. Undefined for a resource that was never created.
   */
  live(address: string): SessionResource | undefined;
  /** The live resource's actual attributes, `{}` when there are none. */
  actual(address: string): Record<string, unknown>;
  /**
   * A Terraform reference to an attribute of another resource of the plan,
   * e.g. `aws_security_group.ssh.id`, or `data.aws_key_pair.ops.key_name`
   * for an address that starts with `data.`.
   */
  ref(address: string, attribute?: string): HclExpression;
  /** Tags for one resource: its own plus the ones the backend added per resource. */
  tags(address: string, own: Record<string, string>): Record<string, string>;
  /**
   * The `region` argument (AWS provider 6) for a resource that lives outside
   * the session's region, else undefined.
   */
  region(address: string): string | undefined;
  /** An import id with the `@region` suffix when the resource has its own region. */
  importId(address: string, id: string): string;
}

/**
 * Turns one plan resource of a type into Terraform. Adding a resource type
 * to the export means adding one such function to {@link TERRAFORM_EXPORTERS}.
 *
 * @public
 */
export type ResourceExporter<T extends PlanResource = PlanResource> = (
  resource: T,
  context: TerraformExportContext,
) => ResourceTerraform;

/** @public */
export type ResourceExporters = {
  [K in ResourceType]: ResourceExporter<Extract<PlanResource, { type: K }>>;
};
