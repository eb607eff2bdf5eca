// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { DefaultAwsCredentialsManager } from '@backstage/integration-aws-node';
import { intentCloudProvidersExtensionPoint } from '@intent-sandboxes/backstage-plugin-intent-node';
import { AwsCloudProvider } from './AwsCloudProvider';
import { cachingClientFactory } from './clients';
import { readAwsSettings } from './config';

/**
 * Adds the `aws` cloud provider to the intent backend (selected with
 * `intent.provider: aws`). Nothing is called at startup: credentials are
 * resolved on the first cloud call, so the module can be installed where no
 * AWS account is configured.
 *
 * @public
 */
export const intentModuleAws = createBackendModule({
  pluginId: 'intent',
  moduleId: 'aws',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: intentCloudProvidersExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ providers, config }) {
        const settings = readAwsSettings(config);
        let manager: DefaultAwsCredentialsManager | undefined;
        const clients = cachingClientFactory({
          defaultAccount: settings.accountId,
          credentials: async accountId => {
            manager ??= DefaultAwsCredentialsManager.fromConfig(config);
            const provider = await manager.getCredentialProvider(
              accountId ? { accountId } : {},
            );
            return provider.sdkCredentialProvider;
          },
          endpoint: accountId =>
            (accountId && settings.accountEndpoints[accountId]) ||
            settings.endpoint,
        });
        providers.addCloudProvider(new AwsCloudProvider({ clients, settings }));
      },
    });
  },
});
