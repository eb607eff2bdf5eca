// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The AWS cloud provider for the intent backend: real EC2 and S3 sandboxes
 * through the AWS SDK v3.
 *
 * @packageDocumentation
 */

export { intentModuleAws as default } from './module';
export { AwsCloudProvider } from './AwsCloudProvider';
export { cachingClientFactory } from './clients';
export type { AwsClients, ClientFactory } from './clients';
export { readAwsSettings } from './config';
export type { AwsProviderSettings, ImageSource } from './config';
export type { WaitSettings } from './context';
