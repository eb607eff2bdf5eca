// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { ProxiedSignInPage } from '@backstage/core-components';
import type { IdentityApi } from '@backstage/frontend-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';
import { Alert, Button, Card, CardBody, Flex, Text } from '@backstage/ui';
import { useState } from 'react';

/** The example people of examples/org.yaml. */
export const EXAMPLE_USERS = [
  { name: 'dana', title: 'Dana Developer', role: 'developer, team payments' },
  { name: 'tom', title: 'Tom Teammate', role: 'developer, team payments' },
  {
    name: 'pat',
    title: 'Pat Platform',
    role: 'platform admin: sees every sandbox, approves',
  },
];

/** `guest` or the name of an example user. */
export type LocalChoice = string;

const STORAGE_KEY = 'intent-sandboxes.local-sign-in';

function readChoice(): LocalChoice | undefined {
  try {
    return window.localStorage.getItem(STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function writeChoice(choice: LocalChoice | undefined) {
  try {
    if (choice) {
      window.localStorage.setItem(STORAGE_KEY, choice);
    } else {
      window.localStorage.removeItem(STORAGE_KEY);
    }
  } catch {
    // Private mode: the choice lasts until the next reload.
  }
}

/** Forgets the choice on sign-out, so that the next sign-in asks again. */
function forgettingOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      writeChoice(undefined);
      await identity.signOut();
    },
  };
}

/**
 * LOCAL DEVELOPMENT ONLY: sign in as one of the example users (the backend's
 * `local-user` provider, packages/backend/src/modules/localUserSignIn.ts) or
 * as the guest, to try ownership and approvals as several people.
 */
export function LocalSignInPage(props: SignInPageProps) {
  const [choice, setChoice] = useState<LocalChoice | undefined>(readChoice);

  if (choice) {
    const choose = () => {
      writeChoice(undefined);
      setChoice(undefined);
    };
    return (
      <ProxiedSignInPage
        {...props}
        onSignInSuccess={identity =>
          props.onSignInSuccess(forgettingOnSignOut(identity))
        }
        provider={choice === 'guest' ? 'guest' : 'local-user'}
        headers={
          choice === 'guest' ? undefined : { 'x-intent-local-user': choice }
        }
        ErrorComponent={({ error }) => (
          <Flex direction="column" gap="3" p="6">
            <Alert
              status="danger"
              title={`Could not sign in as ${choice}: ${
                error?.message ?? 'unknown error'
              }`}
            />
            <Text>
              Is the user in the catalog (examples/org.yaml) and the backend
              running in development?
            </Text>
            <div>
              <Button onPress={choose}>Choose someone else</Button>
            </div>
          </Flex>
        )}
      />
    );
  }

  const signInAs = (next: LocalChoice) => {
    writeChoice(next);
    setChoice(next);
  };

  return (
    <main>
      <Flex direction="column" gap="4" p="6" style={{ maxWidth: 720 }}>
        <Text as="h1" variant="title-medium">
          Intent sandboxes: local portal
        </Text>
        <Text>
          Sign in as one of the example people to try ownership and approvals.
          There is no password: this page exists only in local development.
        </Text>
        <Flex direction="column" gap="3">
          {EXAMPLE_USERS.map(user => (
            <Card key={user.name}>
              <CardBody>
                <Flex align="center" justify="between" gap="3">
                  <Flex direction="column" gap="1">
                    <Text weight="bold">{user.title}</Text>
                    <Text color="secondary">{user.role}</Text>
                  </Flex>
                  <Button variant="primary" onPress={() => signInAs(user.name)}>
                    {`Sign in as ${user.title.split(' ')[0]}`}
                  </Button>
                </Flex>
              </CardBody>
            </Card>
          ))}
          <Card>
            <CardBody>
              <Flex align="center" justify="between" gap="3">
                <Flex direction="column" gap="1">
                  <Text weight="bold">Guest</Text>
                  <Text color="secondary">
                    no team; sees and changes only the guest’s sandboxes
                  </Text>
                </Flex>
                <Button variant="secondary" onPress={() => signInAs('guest')}>
                  Enter as guest
                </Button>
              </Flex>
            </CardBody>
          </Card>
        </Flex>
      </Flex>
    </main>
  );
}
