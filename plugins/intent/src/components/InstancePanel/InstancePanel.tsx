// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { useApi } from '@backstage/frontend-plugin-api';
import {
  Badge,
  Button,
  Card,
  CardBody,
  CardHeader,
  Flex,
  Text,
} from '@backstage/ui';
import type {
  InstanceConnection,
  SessionDetails,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { useRef, useState } from 'react';
import { intentApiRef } from '../../api';
import { ErrorNotice } from '../SessionView/ErrorNotice';
import styles from './InstancePanel.module.css';
import {
  actionBlocker,
  actionLabel,
  INSTANCE_ACTIONS,
  InstanceActionName,
  liveInstances,
} from './availability';

/** A command to paste in a terminal, with a button that copies it. */
function CopyableCommand(props: { label: string; command: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    await window.navigator.clipboard.writeText(props.command);
    setCopied(true);
    setTimeout(() => setCopied(false), 2000);
  };
  return (
    <Flex align="center" gap="2">
      <code className={styles.command} aria-label={props.label}>
        {props.command}
      </code>
      <Button
        size="small"
        variant="tertiary"
        aria-label={`Copy ${props.label}`}
        onPress={copy}
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </Flex>
  );
}

function ConnectionFacts({ connection }: { connection: InstanceConnection }) {
  const rows: Array<[string, string | undefined]> = [
    ['Public DNS', connection.publicDns],
    ['Public IP', connection.publicIp],
    ['Private DNS', connection.privateDns],
    ['Private IP', connection.privateIp],
    ['Login user', connection.loginUser],
    ['Remote desktop', connection.rdp],
  ];
  return (
    <Flex direction="column" gap="2">
      <dl className={styles.facts}>
        {rows
          .filter(([, value]) => value)
          .map(([name, value]) => (
            <div key={name}>
              <dt>{name}</dt>
              <dd className={styles.mono}>{value}</dd>
            </div>
          ))}
      </dl>
      {connection.ssh && (
        <CopyableCommand label="ssh command" command={connection.ssh} />
      )}
      {!connection.ssh && connection.protocol === 'ssh' && (
        <Text color="secondary">
          No ssh command: it needs a public address and a key pair. Session
          Manager works without either.
        </Text>
      )}
      <CopyableCommand label="SSM command" command={connection.ssm} />
    </Flex>
  );
}

function InstanceCard(props: {
  details: SessionDetails;
  instance: SessionResource;
  onChange: (details: SessionDetails) => void;
}) {
  const { details, instance, onChange } = props;
  const api = useApi(intentApiRef);
  const [running, setRunning] = useState<InstanceActionName>();
  const [confirmStop, setConfirmStop] = useState(false);
  const [error, setError] = useState<Error>();
  const stopButton = useRef<HTMLButtonElement>(null);
  const connection = details.connections?.[instance.address];
  const reasonId = `instance-actions-${instance.address}`;

  const act = async (action: InstanceActionName) => {
    setConfirmStop(false);
    setRunning(action);
    setError(undefined);
    try {
      onChange(
        await api.instanceAction({
          id: details.session.id,
          address: instance.address,
          action,
        }),
      );
    } catch (e) {
      setError(e as Error);
    } finally {
      setRunning(undefined);
    }
  };

  const reasons = INSTANCE_ACTIONS.map(action =>
    actionBlocker(details, instance, action),
  );
  const shownReasons = [...new Set(reasons.filter(Boolean))];

  return (
    <section aria-label={`Instance ${instance.address}`}>
      <Flex direction="column" gap="3">
        <Flex align="center" gap="2">
          <Text as="h4" variant="body-large" weight="bold">
            {instance.address}
          </Text>
          <Text className={styles.mono} color="secondary">
            {instance.cloudId}
          </Text>
          <Badge aria-label={`State of ${instance.address}`}>
            {instance.status}
          </Badge>
        </Flex>
        {connection && <ConnectionFacts connection={connection} />}
        {error && <ErrorNotice error={error} />}
        {confirmStop ? (
          <Flex align="center" gap="2">
            <Text>
              Stop {instance.address}?{' '}
              {connection?.publicIp
                ? 'Its public address is released; it gets a new one when started.'
                : ''}
            </Text>
            <Button destructive onPress={() => act('stop')}>
              Yes, stop
            </Button>
            <Button
              variant="tertiary"
              onPress={() => {
                setConfirmStop(false);
                setTimeout(() => stopButton.current?.focus());
              }}
            >
              Cancel
            </Button>
          </Flex>
        ) : (
          <Flex align="center" gap="2">
            {INSTANCE_ACTIONS.map((action, i) => (
              <Button
                key={action}
                ref={action === 'stop' ? stopButton : undefined}
                variant="secondary"
                isDisabled={running !== undefined || reasons[i] !== undefined}
                isPending={running === action}
                aria-describedby={reasons[i] ? reasonId : undefined}
                onPress={() =>
                  action === 'stop' ? setConfirmStop(true) : act(action)
                }
              >
                {action === 'stop'
                  ? `${actionLabel(action)}…`
                  : actionLabel(action)}
              </Button>
            ))}
          </Flex>
        )}
        {shownReasons.length > 0 && (
          <Text id={reasonId} color="secondary">
            {shownReasons.join(' ')}
          </Text>
        )}
      </Flex>
    </section>
  );
}

/**
 * The session's live instances: their state, how to connect (with the
 * commands to copy) and the day-2 actions stop, start and reboot. Nothing
 * when the session has no live instance.
 */
export function InstancePanel(props: {
  details: SessionDetails;
  onChange: (details: SessionDetails) => void;
}) {
  const instances = liveInstances(props.details);
  if (instances.length === 0) {
    return null;
  }
  return (
    <Card>
      <CardHeader>
        <Text as="h3" variant="title-x-small">
          Instances
        </Text>
      </CardHeader>
      <CardBody>
        <Flex direction="column" gap="4">
          {instances.map(instance => (
            <InstanceCard
              key={instance.address}
              details={props.details}
              instance={instance}
              onChange={props.onChange}
            />
          ))}
        </Flex>
      </CardBody>
    </Card>
  );
}
