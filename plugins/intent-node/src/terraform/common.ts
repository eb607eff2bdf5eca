// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  hclAttributes,
  hclBlock,
  HclBlock,
  HclBodyItem,
  HclValue,
} from './hcl';
import { tfRef } from './references';
import type {
  ResourceTerraform,
  TerraformExportContext,
  TerraformOutput,
} from './types';

/** A {@link ResourceTerraform} with the parts not given left empty. @public */
export function resourceTerraform(
  parts: Partial<ResourceTerraform>,
): ResourceTerraform {
  return {
    blocks: parts.blocks ?? [],
    imports: parts.imports ?? [],
    outputs: parts.outputs ?? [],
    variables: parts.variables ?? [],
    importNotes: parts.importNotes ?? [],
  };
}

/**
 * `resource "<type>" "<name>" { region?, ...attributes, ...nested }`, with
 * the AWS provider's per-resource `region` when the resource has its own.
 */
export function resourceBlock(
  context: TerraformExportContext,
  type: string,
  name: string,
  attributes: Record<string, HclValue | undefined>,
  nested: HclBodyItem[] = [],
  comments?: string[],
): HclBlock {
  const address = `${type}.${name}`;
  return hclBlock(
    'resource',
    [type, name],
    [
      ...hclAttributes({ region: context.region(address), ...attributes }),
      ...nested,
    ],
    comments,
  );
}

/** A nested block of attributes, e.g. `metadata_options { ... }`. */
export function nestedBlock(
  type: string,
  attributes: Record<string, HclValue | undefined>,
): HclBlock {
  return hclBlock(type, [], hclAttributes(attributes));
}

/**
 * An output per attribute: `<type without aws_>_<name>_<attribute>`.
 */
export function outputsFor(
  address: string,
  attributes: Array<[attribute: string, description: string]>,
): TerraformOutput[] {
  const [type, name] = address.split('.');
  return attributes.map(([attribute, description]) => ({
    name: `${type.replace(/^aws_/, '')}_${name}_${attribute}`,
    value: tfRef(address, attribute),
    description,
  }));
}

/** A string attribute of a live resource, or undefined. */
export function stringAttribute(
  actual: Record<string, unknown>,
  key: string,
): string | undefined {
  const value = actual[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
