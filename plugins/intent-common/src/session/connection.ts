// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { InstanceImage, OperatingSystem } from '../plan';

/**
 * The user an image lets in first, as each vendor documents it for EC2
 * (Amazon Linux and RHEL `ec2-user`, Ubuntu `ubuntu`, Debian `admin`,
 * Windows `Administrator` over RDP).
 *
 * @public
 */
export const LOGIN_USERS: Readonly<Record<OperatingSystem, string>> = {
  'amazon-linux': 'ec2-user',
  ubuntu: 'ubuntu',
  debian: 'admin',
  rhel: 'ec2-user',
  'windows-server': 'Administrator',
};

/**
 * How to reach a running instance: its addresses, the user to log in as, the
 * commands to copy.
 *
 * @public
 */
export interface InstanceConnection {
  /**
   * Where to connect from outside the VPC: the public DNS name, else the
   * public IP; the private address when the instance has no public one
   * (reachable only from inside the VPC or through SSM).
   */
  address?: string;
  publicIp?: string;
  privateIp?: string;
  publicDns?: string;
  privateDns?: string;
  /** `ssh` for Linux images, `rdp` for Windows. */
  protocol: 'ssh' | 'rdp';
  loginUser: string;
  /** Only with a public address and a key pair (Linux). */
  ssh?: string;
  /** Windows with a public address: the host and port for an RDP client. */
  rdp?: string;
  /** Works without a public address, through the SSM agent. */
  ssm: string;
}

/** What {@link instanceConnection} needs. @public */
export interface InstanceConnectionInput {
  /** The instance's image in the plan (the OS decides the login user). */
  image: Pick<InstanceImage, 'os'>;
  cloudId: string;
  region: string;
  /** The cloud's last known attributes of the instance (`publicIp`, `privateIp`, `publicDns`, `privateDns`, `keyName`). */
  attributes: Record<string, unknown>;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/**
 * The connection facts of an instance, from its plan image and what the
 * cloud last reported of it. Pure: no call to the cloud.
 *
 * @public
 */
export function instanceConnection(
  input: InstanceConnectionInput,
): InstanceConnection {
  const { attributes } = input;
  const publicIp = text(attributes.publicIp);
  const privateIp = text(attributes.privateIp);
  const publicDns = text(attributes.publicDns);
  const privateDns = text(attributes.privateDns);
  const keyName = text(attributes.keyName);
  const publicAddress = publicDns ?? publicIp;
  const windows = input.image.os === 'windows-server';
  const loginUser = LOGIN_USERS[input.image.os];
  const facts: InstanceConnection = {
    address: publicAddress ?? privateIp,
    publicIp,
    privateIp,
    publicDns,
    privateDns,
    protocol: windows ? 'rdp' : 'ssh',
    loginUser,
    ssm: `aws ssm start-session --target ${input.cloudId} --region ${input.region}`,
  };
  if (!windows && publicAddress && keyName) {
    facts.ssh = `ssh -i ${keyName}.pem ${loginUser}@${publicAddress}`;
  }
  if (windows && publicAddress) {
    facts.rdp = `${publicAddress}:3389`;
  }
  return facts;
}
