// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  authProvidersExtensionPoint,
  createProxyAuthenticator,
  createProxyAuthProviderFactory,
  SignInResolver,
} from '@backstage/plugin-auth-node';

/** The header the local portal's sign-in page sends: the chosen user's name. */
export const LOCAL_USER_HEADER = 'x-intent-local-user';

/** Auth provider id: `GET /api/auth/local-user/refresh`. */
export const LOCAL_USER_PROVIDER_ID = 'local-user';

const USER_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

/**
 * LOCAL DEVELOPMENT ONLY. Signs in as the catalog user named in the
 * `x-intent-local-user` header, with no password: anyone who can reach the
 * backend can be anyone. Like the guest provider it refuses to work outside
 * `NODE_ENV=development` unless
 * `auth.providers.local-user.dangerouslyAllowOutsideDevelopment` is true.
 */
export const localUserAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async (result: { userName: string }) => ({
    profile: { displayName: result.userName },
  }),
  initialize({ config }) {
    return {
      enabled:
        process.env.NODE_ENV === 'development' ||
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') ===
          true,
    };
  },
  async authenticate({ req }, { enabled }) {
    if (!enabled) {
      throw new NotAllowedError(
        "The local-user provider only works in development; set 'auth.providers.local-user.dangerouslyAllowOutsideDevelopment' to use it elsewhere",
      );
    }
    const userName = req.header(LOCAL_USER_HEADER);
    if (!userName || !USER_NAME.test(userName)) {
      throw new InputError(
        `Send the name of a catalog user in the ${LOCAL_USER_HEADER} header, e.g. 'dana'`,
      );
    }
    return { result: { userName } };
  },
});

/** The user must exist in the catalog; its groups become the ownership refs. */
export const signInAsCatalogUser: SignInResolver<{ userName: string }> = async (
  { result },
  ctx,
) => ctx.signInWithCatalogUser({ entityRef: { name: result.userName } });

/**
 * The `local-user` auth provider of the local portal: pick one of the example
 * users (examples/org.yaml) on the sign-in page to try ownership and
 * approvals as several people. Enabled by `auth.providers.local-user: {}`.
 */
export const localUserSignInModule = createBackendModule({
  pluginId: 'auth',
  moduleId: 'local-user-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        providers: authProvidersExtensionPoint,
        logger: coreServices.logger,
      },
      async init({ providers, logger }) {
        logger.warn(
          'The local-user sign-in provider is for local development only: it signs anyone in as the catalog user they name',
        );
        providers.registerProvider({
          providerId: LOCAL_USER_PROVIDER_ID,
          factory: createProxyAuthProviderFactory({
            authenticator: localUserAuthenticator,
            signInResolver: signInAsCatalogUser,
          }),
        });
      },
    });
  },
});
