// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { INTENT_TAGS } from '../cloud';
import {
  hclAttributes,
  hclBlock,
  HclBlock,
  hclComment,
  hclExpression,
  renderHclFile,
} from './hcl';
import type {
  TerraformExportSession,
  TerraformImport,
  TerraformOutput,
} from './types';

/**
 * The AWS provider's major version the export is written for (6.x: split
 * S3 bucket resources, `aws_eip.domain`, per-resource `region`).
 *
 * @public
 */
export const AWS_PROVIDER_CONSTRAINT = '~> 6.0';

/**
 * Import blocks need Terraform 1.5 and OpenTofu 1.6; an import id that
 * is an expression needs 1.6 in both.
 *
 * @public
 */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.6.0';

function header(session: TerraformExportSession): string[] {
  return [
    `Exported from intent sandbox session ${session.id}: ${session.title}`,
  ];
}

/** `versions.tf`: the Terraform version and the pinned AWS provider. */
export function versionsFile(session: TerraformExportSession): string {
  return renderHclFile(
    [
      hclBlock(
        'terraform',
        [],
        [
          ...hclAttributes({ required_version: REQUIRED_TERRAFORM_VERSION }),
          hclBlock(
            'required_providers',
            [],
            hclAttributes({
              aws: {
                source: 'hashicorp/aws',
                version: AWS_PROVIDER_CONSTRAINT,
              },
            }),
          ),
        ],
      ),
    ],
    header(session),
  );
}

/**
 * `providers.tf`: the region and the tags every resource had in the sandbox
 * (the plan's, the session and its owner) as `default_tags`; the create
 * token tag only mattered to the sandbox's retries and is ignored.
 */
export function providersFile(
  session: TerraformExportSession,
  planTags: Record<string, string>,
): string {
  return renderHclFile(
    [
      hclBlock(
        'provider',
        ['aws'],
        [
          ...hclAttributes({ region: hclExpression('var.region') }),
          hclBlock(
            'default_tags',
            [],
            hclAttributes({
              tags: {
                ...planTags,
                [INTENT_TAGS.session]: session.id,
                [INTENT_TAGS.owner]: session.owner,
              },
            }),
          ),
          hclBlock(
            'ignore_tags',
            [],
            hclAttributes({ keys: [INTENT_TAGS.creationToken] }),
          ),
        ],
      ),
    ],
    header(session),
  );
}

/** `variables.tf`: the region and what the export could not know. */
export function variablesFile(
  session: TerraformExportSession,
  variables: HclBlock[],
): string {
  return renderHclFile(
    [
      hclBlock(
        'variable',
        ['region'],
        hclAttributes({
          type: hclExpression('string'),
          description:
            'AWS region of the resources; the imported ones live in the default.',
          default: session.region,
        }),
      ),
      ...variables,
    ],
    header(session),
  );
}

/** `outputs.tf`. */
export function outputsFile(
  session: TerraformExportSession,
  outputs: TerraformOutput[],
): string {
  return renderHclFile(
    outputs.map(output =>
      hclBlock(
        'output',
        [output.name],
        hclAttributes({
          description: output.description,
          value: output.value,
        }),
      ),
    ),
    header(session),
  );
}

/**
 * `imports.tf`: one `import` block per live object, so the first plan adopts
 * them instead of creating new ones.
 */
export function importsFile(
  session: TerraformExportSession,
  imports: TerraformImport[],
  notes: string[],
): string {
  return renderHclFile(
    imports.map(entry =>
      hclBlock(
        'import',
        [],
        hclAttributes({ to: hclExpression(entry.to), id: entry.id }),
        entry.comment ? [entry.comment] : undefined,
      ),
    ),
    [
      ...header(session),
      '',
      'Adopts the sandbox resources into Terraform state on the first apply.',
      'Once applied, this file can be deleted.',
      ...notes.flatMap(note => ['', `NOTE: ${note}`]),
    ],
  );
}

function markdownText(text: string): string {
  return hclComment(text).replace(/[\\`*_[\]<>#|!{}]/g, c => `\\${c}`);
}

/** `README.md`: what the repository is and how to adopt the resources. */
export function readmeFile(
  session: TerraformExportSession,
  counts: { resources: number; imports: number },
  requiredVariables: string[],
  notes: string[],
): string {
  const vars = requiredVariables.map(v => ` -var '${v}=...'`).join('');
  return [
    `# ${markdownText(session.title)}`,
    '',
    `Terraform for the intent sandbox session \`${markdownText(
      session.id,
    )}\` of ${markdownText(session.owner)} in \`${markdownText(
      session.region,
    )}\`: ${counts.resources} resources, ${
      counts.imports
    } of them imported from the running sandbox.`,
    '',
    '## Adopt the sandbox',
    '',
    'With AWS credentials for the account the sandbox runs in:',
    '',
    '```sh',
    'terraform init',
    `terraform plan${vars}`,
    '```',
    '',
    `The plan should show ${counts.imports} resources to import and no replacements; then \`terraform apply${vars}\` adopts them. Commit \`.terraform.lock.hcl\`; once applied, \`imports.tf\` can be deleted.`,
    '',
    'The same files work with [OpenTofu](https://opentofu.org) 1.6 or later (`tofu init && tofu plan`), which reads `import` blocks too.',
    ...(requiredVariables.length > 0
      ? [
          '',
          `Variables without a default: ${requiredVariables
            .map(v => `\`${v}\``)
            .join(', ')} (see \`variables.tf\`).`,
        ]
      : []),
    ...(notes.length > 0
      ? ['', '## Before the first apply', '', ...notes.map(n => `- ${n}`)]
      : []),
    '',
    '## Files',
    '',
    '- `versions.tf`: Terraform and the AWS provider version',
    '- `providers.tf`: region and the tags every resource gets',
    '- `variables.tf`: inputs',
    '- `main.tf`: the resources, referring to each other',
    '- `imports.tf`: the live ids to adopt',
    '- `outputs.tf`: ids and addresses',
    '',
  ].join('\n');
}

/** `.gitignore` for a Terraform repository (the lock file is committed). */
export function gitignoreFile(): string {
  return [
    '# Local .terraform directories',
    '.terraform/',
    '',
    '# State and plans: they hold resource attributes, keep them in a backend',
    '*.tfstate',
    '*.tfstate.*',
    '*.tfplan',
    '',
    '# Crash logs',
    'crash.log',
    'crash.*.log',
    '',
    '# Local overrides and variable files (may hold secrets)',
    'override.tf',
    'override.tf.json',
    '*_override.tf',
    '*_override.tf.json',
    '*.tfvars',
    '*.tfvars.json',
    '',
    '# CLI configuration',
    '.terraformrc',
    'terraform.rc',
    '',
  ].join('\n');
}
