// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  CloudProvider,
  intentCloudProvidersExtensionPoint,
} from '@intent-sandboxes/backstage-plugin-intent-node';
import { intentModuleAws } from './module';
import { FakeAws } from './tests/fakeAwsServer';

/** Stands in for the intent backend: collects the providers modules add. */
function intentPlugin(added: CloudProvider[]) {
  return createBackendPlugin({
    pluginId: 'intent',
    register(env) {
      env.registerExtensionPoint(intentCloudProvidersExtensionPoint, {
        addCloudProvider: provider => {
          added.push(provider);
        },
      });
      env.registerInit({ deps: {}, async init() {} });
    },
  });
}

describe('intentModuleAws', () => {
  it('installs with no AWS configuration and calls nothing at startup', async () => {
    const added: CloudProvider[] = [];
    const backend = await startTestBackend({
      features: [
        intentPlugin(added),
        intentModuleAws,
        mockServices.rootConfig.factory({
          data: { intent: { provider: 'simulated' } },
        }),
      ],
    });
    expect(added.map(p => [p.id, p.simulated])).toEqual([['aws', false]]);
    await backend.stop();
  });

  it('uses the aws.* credentials and the endpoint override on the first call', async () => {
    const fake = new FakeAws();
    const endpoint = await fake.start();
    const added: CloudProvider[] = [];
    const backend = await startTestBackend({
      features: [
        intentPlugin(added),
        intentModuleAws,
        mockServices.rootConfig.factory({
          data: {
            aws: {
              mainAccount: {
                accessKeyId: 'AKIDEXAMPLE',
                secretAccessKey: 'secret',
              },
            },
            intent: { provider: 'aws', aws: { endpoint } },
          },
        }),
      ],
    });
    expect(fake.count()).toBe(0);
    const found = await added[0].findExisting!({
      region: 'eu-west-1',
      existing: {
        type: 'aws_subnet',
        name: 'default',
        lookup: { default: true },
      },
    });
    expect(found).toEqual({
      cloudId: 'subnet-0a0a0a0a',
      attributes: expect.objectContaining({
        vpc: 'vpc-0a1b2c3d',
        availabilityZone: 'eu-west-1a',
      }),
    });
    expect(fake.calls).toEqual(['DescribeSubnets']);
    await backend.stop();
    await fake.stop();
  });

  it('refuses an endpoint that is not a URL, naming the key', async () => {
    await expect(
      startTestBackend({
        features: [
          intentPlugin([]),
          intentModuleAws,
          mockServices.rootConfig.factory({
            data: { intent: { aws: { endpoint: 'not a url' } } },
          }),
        ],
      }),
    ).rejects.toThrow(
      "Invalid URL in config at 'intent.aws.endpoint': not a url (use e.g. http://127.0.0.1:4566)",
    );
  });
});
