// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

export * from './compute';
export * from './existing';
export * from './exportTerraform';
export { AWS_PROVIDER_CONSTRAINT, REQUIRED_TERRAFORM_VERSION } from './files';
export * from './format';
export * from './hcl';
export { exportSecurityGroup, exportSubnet, exportVpc } from './network';
export type { LiveSecurityGroupRule } from './network';
export * from './references';
export * from './s3';
export * from './storage';
export * from './types';
