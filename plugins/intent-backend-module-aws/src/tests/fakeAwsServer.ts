// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/* eslint-disable prefer-template -- XML is assembled from small pieces here */

import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';

/*
 * A small EC2- and S3-compatible server on 127.0.0.1 for the integration
 * test: the EC2 Query protocol (form-encoded POST, XML answers) for the
 * calls the provider makes, and S3 REST path-style. It keeps state, honours
 * client tokens and tag filters, and counts calls per action.
 */

type Tags = Record<string, string>;

export interface FakeInstance {
  id: string;
  imageId: string;
  type: string;
  state: string;
  subnetId: string;
  vpcId: string;
  groups: string[];
  keyName?: string;
  publicIp?: string;
  privateIp: string;
  httpTokens: string;
  rootVolumeId: string;
  userData?: string;
  tags: Tags;
  clientToken?: string;
  /** Describes left before a pending instance runs (or a stopping one stops). */
  pendingPolls: number;
}

export interface FakeRule {
  protocol: string;
  from?: number;
  to?: number;
  cidrs: Array<{ cidr: string; description?: string }>;
}

export interface FakeGroup {
  id: string;
  name: string;
  description: string;
  vpcId: string;
  ingress: FakeRule[];
  egress: FakeRule[];
  tags: Tags;
}

export interface FakeBucket {
  name: string;
  tags: Tags;
  publicAccessBlock?: Record<string, boolean>;
  encryption?: string;
  versioning?: string;
  ownership?: string;
}

const esc = (s: unknown) =>
  String(s).replace(/[<>&'"]/g, c => `&#${c.charCodeAt(0)};`);

function el(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${
    typeof value === 'string' && value.startsWith('<') ? value : esc(value)
  }</${name}>`;
}

const items = (list: string[]) => list.map(i => `<item>${i}</item>`).join('');
const tagSet = (tags: Tags) =>
  `<tagSet>${items(
    Object.entries(tags).map(([k, v]) => el('key', k) + el('value', v)),
  )}</tagSet>`;

/** `Prefix.1`, `Prefix.2`… values; `Prefix.N.Sub…` groups. */
function listOf(params: URLSearchParams, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${prefix}.${i}`); i++)
    out.push(params.get(`${prefix}.${i}`)!);
  return out;
}
function groupsOf(params: URLSearchParams, prefix: string): URLSearchParams[] {
  const out: URLSearchParams[] = [];
  for (let i = 1; ; i++) {
    const p = `${prefix}.${i}.`;
    const sub = new URLSearchParams();
    for (const [k, v] of params)
      if (k.startsWith(p)) sub.set(k.slice(p.length), v);
    if ([...sub.keys()].length === 0) return out;
    out.push(sub);
  }
}
function tagsOf(params: URLSearchParams, prefix = 'TagSpecification'): Tags {
  const tags: Tags = {};
  for (const spec of groupsOf(params, prefix)) {
    for (const tag of groupsOf(spec, 'Tag'))
      tags[tag.get('Key')!] = tag.get('Value') ?? '';
  }
  return tags;
}
function filtersOf(params: URLSearchParams) {
  return groupsOf(params, 'Filter').map(f => ({
    name: f.get('Name')!,
    values: listOf(f, 'Value'),
  }));
}
function matches(
  filters: Array<{ name: string; values: string[] }>,
  tags: Tags,
  fields: Record<string, string | undefined>,
) {
  return filters.every(({ name, values }) => {
    if (name.startsWith('tag:')) return values.includes(tags[name.slice(4)]);
    if (name === 'tag-key') return values.some(v => v in tags);
    if (name in fields) return values.includes(String(fields[name]));
    return true;
  });
}

class Ec2Error extends Error {
  constructor(readonly code: string, message: string, readonly status = 400) {
    super(message);
  }
}

export class FakeAws {
  readonly calls: string[] = [];
  readonly instances = new Map<string, FakeInstance>();
  readonly groups = new Map<string, FakeGroup>();
  readonly keys = new Map<
    string,
    { id: string; name: string; fingerprint: string; tags: Tags }
  >();
  readonly buckets = new Map<string, FakeBucket>();
  readonly region = 'eu-west-1';
  readonly defaultVpc = 'vpc-0a1b2c3d';
  readonly defaultSubnets = [
    { id: 'subnet-0a0a0a0a', zone: 'eu-west-1a', cidr: '172.31.0.0/20' },
    { id: 'subnet-0b0b0b0b', zone: 'eu-west-1b', cidr: '172.31.16.0/20' },
  ];
  readonly images = new Map([
    ['ami-0123456789abcdef0', { arch: 'x86_64', root: '/dev/xvda' }],
    ['ami-0fedcba9876543210', { arch: 'arm64', root: '/dev/xvda' }],
  ]);
  readonly ssm = new Map([
    [
      '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64',
      'ami-0123456789abcdef0',
    ],
  ]);
  /** Error codes to answer with instead, per action, used once each. */
  readonly failNext = new Map<
    string,
    { code: string; message: string; status?: number }
  >();
  private counter = 0x1000;
  private server?: Server;

  newId(prefix: string) {
    this.counter += 1;
    return `${prefix}-0${this.counter.toString(16).padStart(16, '0')}`;
  }

  count(action?: string) {
    return action
      ? this.calls.filter(c => c === action).length
      : this.calls.length;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', c => chunks.push(c));
      req.on('end', () =>
        this.handle(req, Buffer.concat(chunks).toString('utf8'), res),
      );
    });
    await new Promise<void>(resolve =>
      this.server!.listen(0, '127.0.0.1', resolve),
    );
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async stop() {
    await new Promise<void>(resolve => this.server?.close(() => resolve()));
  }

  private handle(req: IncomingMessage, body: string, res: ServerResponse) {
    const target = req.headers['x-amz-target'];
    try {
      if (typeof target === 'string' && target.startsWith('AmazonSSM.')) {
        return this.ssmCall(target.slice('AmazonSSM.'.length), body, res);
      }
      const type = req.headers['content-type'] ?? '';
      if (
        req.method === 'POST' &&
        req.url === '/' &&
        type.includes('x-www-form-urlencoded')
      ) {
        const params = new URLSearchParams(body);
        const action = params.get('Action')!;
        this.calls.push(action);
        const failure = this.failNext.get(action);
        if (failure) {
          this.failNext.delete(action);
          throw new Ec2Error(failure.code, failure.message, failure.status);
        }
        const xml = this.ec2(action, params);
        res.writeHead(200, { 'content-type': 'text/xml' });
        return res.end(
          `<?xml version="1.0" encoding="UTF-8"?><${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId>${xml}</${action}Response>`,
        );
      }
      return this.s3(req, body, res);
    } catch (error) {
      const e =
        error instanceof Ec2Error
          ? error
          : new Ec2Error('InternalError', String(error), 500);
      res.writeHead(e.status, { 'content-type': 'text/xml' });
      return res.end(
        `<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>${esc(
          e.code,
        )}</Code><Message>${esc(
          e.message,
        )}</Message></Error></Errors><RequestID>r-1</RequestID></Response>`,
      );
    }
  }

  private ssmCall(action: string, body: string, res: ServerResponse) {
    this.calls.push(`ssm:${action}`);
    const { Name } = JSON.parse(body);
    const value = this.ssm.get(Name);
    if (!value) {
      res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      return res.end(
        JSON.stringify({
          __type: 'ParameterNotFound',
          message: `${Name} not found`,
        }),
      );
    }
    res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
    return res.end(
      JSON.stringify({
        Parameter: { Name, Type: 'String', Value: value, Version: 1 },
      }),
    );
  }

  // ---- EC2 ----

  instanceXml(i: FakeInstance): string {
    const codes: Record<string, number> = {
      pending: 0,
      running: 16,
      'shutting-down': 32,
      terminated: 48,
      stopping: 64,
      stopped: 80,
    };
    return [
      el('instanceId', i.id),
      el('imageId', i.imageId),
      `<instanceState>${el('code', codes[i.state])}${el(
        'name',
        i.state,
      )}</instanceState>`,
      el(
        'privateDnsName',
        `ip-${i.privateIp.replace(/\./g, '-')}.${this.region}.compute.internal`,
      ),
      i.publicIp
        ? el(
            'dnsName',
            `ec2-${i.publicIp.replace(/\./g, '-')}.${
              this.region
            }.compute.amazonaws.com`,
          )
        : '<dnsName/>',
      el('keyName', i.keyName),
      el('instanceType', i.type),
      el('launchTime', '2026-12-02T06:00:00.000Z'),
      `<placement>${el(
        'availabilityZone',
        this.defaultSubnets.find(s => s.id === i.subnetId)?.zone ??
          'eu-west-1a',
      )}</placement>`,
      el('subnetId', i.subnetId),
      el('vpcId', i.vpcId),
      el('privateIpAddress', i.privateIp),
      el('ipAddress', i.publicIp),
      `<groupSet>${items(
        i.groups.map(
          g =>
            el('groupId', g) + el('groupName', this.groups.get(g)?.name ?? 'x'),
        ),
      )}</groupSet>`,
      el('architecture', this.images.get(i.imageId)?.arch ?? 'x86_64'),
      el('rootDeviceName', '/dev/xvda'),
      `<blockDeviceMapping>${items([
        el('deviceName', '/dev/xvda') +
          `<ebs>${el('volumeId', i.rootVolumeId)}${el(
            'status',
            'attached',
          )}</ebs>`,
      ])}</blockDeviceMapping>`,
      tagSet(i.tags),
      `<metadataOptions>${el('httpTokens', i.httpTokens)}${el(
        'httpEndpoint',
        'enabled',
      )}</metadataOptions>`,
    ].join('');
  }

  private ruleXml(rules: FakeRule[]) {
    return items(
      rules.map(r =>
        [
          el('ipProtocol', r.protocol),
          r.protocol === '-1'
            ? ''
            : el('fromPort', r.from) + el('toPort', r.to),
          `<ipRanges>${items(
            r.cidrs
              .filter(c => !c.cidr.includes(':'))
              .map(
                c => el('cidrIp', c.cidr) + el('description', c.description),
              ),
          )}</ipRanges>`,
          `<ipv6Ranges>${items(
            r.cidrs
              .filter(c => c.cidr.includes(':'))
              .map(
                c => el('cidrIpv6', c.cidr) + el('description', c.description),
              ),
          )}</ipv6Ranges>`,
        ].join(''),
      ),
    );
  }

  groupXml(g: FakeGroup) {
    return [
      el('ownerId', '123456789012'),
      el('groupId', g.id),
      el('groupName', g.name),
      el('groupDescription', g.description),
      el('vpcId', g.vpcId),
      `<ipPermissions>${this.ruleXml(g.ingress)}</ipPermissions>`,
      `<ipPermissionsEgress>${this.ruleXml(g.egress)}</ipPermissionsEgress>`,
      tagSet(g.tags),
    ].join('');
  }

  private rulesOf(params: URLSearchParams): FakeRule[] {
    return groupsOf(params, 'IpPermissions').map(p => ({
      protocol: p.get('IpProtocol')!,
      from: p.has('FromPort') ? Number(p.get('FromPort')) : undefined,
      to: p.has('ToPort') ? Number(p.get('ToPort')) : undefined,
      cidrs: [
        ...groupsOf(p, 'IpRanges').map(r => ({
          cidr: r.get('CidrIp')!,
          description: r.get('Description') ?? undefined,
        })),
        ...groupsOf(p, 'Ipv6Ranges').map(r => ({
          cidr: r.get('CidrIpv6')!,
          description: r.get('Description') ?? undefined,
        })),
      ],
    }));
  }

  private byIds<T>(map: Map<string, T>, ids: string[], notFound: string): T[] {
    const missing = ids.filter(id => !map.has(id));
    if (missing.length > 0) {
      throw new Ec2Error(
        notFound,
        `The ID '${missing.join(', ')}' does not exist`,
      );
    }
    return ids.map(id => map.get(id)!);
  }

  private ec2(action: string, p: URLSearchParams): string {
    const filters = filtersOf(p);
    switch (action) {
      case 'DescribeImages': {
        const ids = listOf(p, 'ImageId');
        const found = ids.filter(id => this.images.has(id));
        if (ids.length > 0 && found.length < ids.length) {
          throw new Ec2Error(
            'InvalidAMIID.NotFound',
            `The image id '[${ids
              .filter(id => !this.images.has(id))
              .join(', ')}]' does not exist`,
          );
        }
        return `<imagesSet>${items(
          found.map(
            id =>
              el('imageId', id) +
              el('architecture', this.images.get(id)!.arch) +
              el('rootDeviceName', this.images.get(id)!.root) +
              el('imageState', 'available'),
          ),
        )}</imagesSet>`;
      }
      case 'DescribeSubnets': {
        const ids = listOf(p, 'SubnetId');
        const subnets = this.defaultSubnets.filter(
          s =>
            (ids.length === 0 || ids.includes(s.id)) &&
            matches(
              filters,
              {},
              {
                'default-for-az': 'true',
                'availability-zone': s.zone,
                'vpc-id': this.defaultVpc,
              },
            ),
        );
        return `<subnetSet>${items(
          subnets.map(
            s =>
              el('subnetId', s.id) +
              el('state', 'available') +
              el('vpcId', this.defaultVpc) +
              el('cidrBlock', s.cidr) +
              el('availabilityZone', s.zone) +
              el('defaultForAz', true) +
              el('mapPublicIpOnLaunch', true),
          ),
        )}</subnetSet>`;
      }
      case 'RunInstances': {
        const token = p.get('ClientToken') ?? undefined;
        const again = [...this.instances.values()].find(
          i => token && i.clientToken === token,
        );
        const instance = again ?? this.launch(p, token);
        return (
          el('reservationId', 'r-0001') +
          el('ownerId', '123456789012') +
          `<instancesSet>${items([this.instanceXml(instance)])}</instancesSet>`
        );
      }
      case 'DescribeInstances': {
        const ids = listOf(p, 'InstanceId');
        const list =
          ids.length > 0
            ? this.byIds(this.instances, ids, 'InvalidInstanceID.NotFound')
            : [...this.instances.values()].filter(i =>
                matches(filters, i.tags, { 'instance-state-name': i.state }),
              );
        for (const i of list) this.advance(i);
        return `<reservationSet>${
          list.length
            ? items([
                el('reservationId', 'r-0001') +
                  `<instancesSet>${items(
                    list.map(i => this.instanceXml(i)),
                  )}</instancesSet>`,
              ])
            : ''
        }</reservationSet>`;
      }
      case 'TerminateInstances':
      case 'StopInstances':
      case 'StartInstances': {
        const list = this.byIds(
          this.instances,
          listOf(p, 'InstanceId'),
          'InvalidInstanceID.NotFound',
        );
        const next = {
          TerminateInstances: 'shutting-down',
          StopInstances: 'stopping',
          StartInstances: 'pending',
        }[action];
        const set = {
          TerminateInstances: 'instancesSet',
          StopInstances: 'instancesSet',
          StartInstances: 'instancesSet',
        }[action];
        const out = list.map(i => {
          const previous = i.state;
          if (
            !(action === 'StopInstances' && previous === 'stopped') &&
            !(action === 'StartInstances' && previous === 'running') &&
            previous !== 'terminated'
          ) {
            i.state = next;
            i.pendingPolls = 1;
          }
          return (
            el('instanceId', i.id) +
            `<currentState>${el('code', 0)}${el(
              'name',
              i.state,
            )}</currentState><previousState>${el('code', 0)}${el(
              'name',
              previous,
            )}</previousState>`
          );
        });
        return `<${set}>${items(out)}</${set}>`;
      }
      case 'RebootInstances':
        this.byIds(
          this.instances,
          listOf(p, 'InstanceId'),
          'InvalidInstanceID.NotFound',
        );
        return el('return', true);
      case 'ModifyInstanceAttribute': {
        const [i] = this.byIds(
          this.instances,
          [p.get('InstanceId')!],
          'InvalidInstanceID.NotFound',
        );
        if (p.has('InstanceType.Value')) {
          if (i.state !== 'stopped')
            throw new Ec2Error(
              'IncorrectInstanceState',
              `The instance '${i.id}' is not in the 'stopped' state.`,
            );
          i.type = p.get('InstanceType.Value')!;
        }
        const groups = listOf(p, 'GroupId');
        if (groups.length) i.groups = groups;
        return el('return', true);
      }
      case 'CreateSecurityGroup': {
        const name = p.get('GroupName')!;
        const vpcId = p.get('VpcId') ?? this.defaultVpc;
        if (
          [...this.groups.values()].some(
            g => g.name === name && g.vpcId === vpcId,
          )
        ) {
          throw new Ec2Error(
            'InvalidGroup.Duplicate',
            `The security group '${name}' already exists for VPC '${vpcId}'`,
          );
        }
        const group: FakeGroup = {
          id: this.newId('sg'),
          name,
          description: p.get('GroupDescription')!,
          vpcId,
          ingress: [],
          egress: [{ protocol: '-1', cidrs: [{ cidr: '0.0.0.0/0' }] }],
          tags: tagsOf(p),
        };
        this.groups.set(group.id, group);
        return el('return', true) + el('groupId', group.id);
      }
      case 'DescribeSecurityGroups': {
        const ids = listOf(p, 'GroupId');
        const list =
          ids.length > 0
            ? this.byIds(this.groups, ids, 'InvalidGroup.NotFound')
            : [...this.groups.values()].filter(g =>
                matches(filters, g.tags, {
                  'group-name': g.name,
                  'vpc-id': g.vpcId,
                }),
              );
        return `<securityGroupInfo>${items(
          list.map(g => this.groupXml(g)),
        )}</securityGroupInfo>`;
      }
      case 'AuthorizeSecurityGroupIngress':
      case 'AuthorizeSecurityGroupEgress':
      case 'RevokeSecurityGroupIngress':
      case 'RevokeSecurityGroupEgress': {
        const [g] = this.byIds(
          this.groups,
          [p.get('GroupId')!],
          'InvalidGroup.NotFound',
        );
        const key = action.endsWith('Ingress') ? 'ingress' : 'egress';
        const rules = this.rulesOf(p);
        if (action.startsWith('Authorize')) {
          g[key].push(...rules);
        } else {
          const drop = new Set(
            rules.flatMap(r =>
              r.cidrs.map(c => `${r.protocol}/${r.from}/${r.to}/${c.cidr}`),
            ),
          );
          g[key] = g[key]
            .map(r => ({
              ...r,
              cidrs: r.cidrs.filter(
                c => !drop.has(`${r.protocol}/${r.from}/${r.to}/${c.cidr}`),
              ),
            }))
            .filter(r => r.cidrs.length > 0);
        }
        return el('return', true);
      }
      case 'DeleteSecurityGroup':
        this.byIds(this.groups, [p.get('GroupId')!], 'InvalidGroup.NotFound');
        if (
          [...this.instances.values()].some(
            i =>
              i.state !== 'terminated' && i.groups.includes(p.get('GroupId')!),
          )
        ) {
          throw new Ec2Error(
            'DependencyViolation',
            'resource has a dependent object',
          );
        }
        this.groups.delete(p.get('GroupId')!);
        return el('return', true);
      case 'ImportKeyPair':
      case 'CreateKeyPair': {
        const name = p.get('KeyName')!;
        if ([...this.keys.values()].some(k => k.name === name)) {
          throw new Ec2Error(
            'InvalidKeyPair.Duplicate',
            `The keypair already exists`,
          );
        }
        const key = {
          id: this.newId('key'),
          name,
          fingerprint: 'ab:cd',
          tags: tagsOf(p),
        };
        this.keys.set(key.id, key);
        return (
          el('keyFingerprint', key.fingerprint) +
          el('keyName', name) +
          el('keyPairId', key.id) +
          (action === 'CreateKeyPair' ? el('keyMaterial', 'secret') : '')
        );
      }
      case 'DescribeKeyPairs': {
        const ids = listOf(p, 'KeyPairId');
        const list =
          ids.length > 0
            ? this.byIds(this.keys, ids, 'InvalidKeyPair.NotFound')
            : [...this.keys.values()].filter(
                k =>
                  matches(filters, k.tags, {}) &&
                  (!listOf(p, 'KeyName').length ||
                    listOf(p, 'KeyName').includes(k.name)),
              );
        return `<keySet>${items(
          list.map(
            k =>
              el('keyPairId', k.id) +
              el('keyName', k.name) +
              el('keyFingerprint', k.fingerprint) +
              el('keyType', 'ed25519') +
              tagSet(k.tags),
          ),
        )}</keySet>`;
      }
      case 'DeleteKeyPair':
        this.keys.delete(p.get('KeyPairId')!);
        return el('return', true);
      case 'CreateTags': {
        const tags: Tags = {};
        for (const t of groupsOf(p, 'Tag'))
          tags[t.get('Key')!] = t.get('Value') ?? '';
        for (const id of listOf(p, 'ResourceId')) {
          const target =
            this.instances.get(id) ?? this.groups.get(id) ?? this.keys.get(id);
          if (target) Object.assign(target.tags, tags);
        }
        return el('return', true);
      }
      case 'DescribeInstanceTypeOfferings': {
        const offered = ['t3.micro', 't3.small', 't4g.micro'];
        const wanted =
          filters.find(f => f.name === 'instance-type')?.values ?? offered;
        return `<instanceTypeOfferingSet>${items(
          wanted
            .filter(t => offered.includes(t))
            .map(
              t =>
                el('instanceType', t) +
                el('locationType', 'region') +
                el('location', this.region),
            ),
        )}</instanceTypeOfferingSet>`;
      }
      case 'DescribeInstanceTypes':
        return `<instanceTypeSet>${items(
          listOf(p, 'InstanceType').map(
            t =>
              el('instanceType', t) +
              `<processorInfo><supportedArchitectures>${items([
                esc(t.startsWith('t4g') ? 'arm64' : 'x86_64'),
              ])}</supportedArchitectures></processorInfo>`,
          ),
        )}</instanceTypeSet>`;
      case 'DescribeVolumes':
        return '<volumeSet/>';
      case 'DescribeAddresses':
        return '<addressesSet/>';
      case 'DescribeVpcs':
        return '<vpcSet/>';
      case 'DescribeInternetGateways':
        return '<internetGatewaySet/>';
      case 'DescribeRouteTables':
        return '<routeTableSet/>';
      default:
        throw new Ec2Error('InvalidAction', `The fake does not know ${action}`);
    }
  }

  private launch(p: URLSearchParams, token: string | undefined): FakeInstance {
    const imageId = p.get('ImageId')!;
    if (!this.images.has(imageId)) {
      throw new Ec2Error(
        'InvalidAMIID.NotFound',
        `The image id '[${imageId}]' does not exist`,
      );
    }
    const ni = groupsOf(p, 'NetworkInterface')[0];
    const instance: FakeInstance = {
      id: this.newId('i'),
      imageId,
      type: p.get('InstanceType')!,
      state: 'pending',
      subnetId: ni?.get('SubnetId') ?? this.defaultSubnets[0].id,
      vpcId: this.defaultVpc,
      groups: ni ? listOf(ni, 'SecurityGroupId') : listOf(p, 'SecurityGroupId'),
      keyName: p.get('KeyName') ?? undefined,
      publicIp:
        ni?.get('AssociatePublicIpAddress') === 'true'
          ? '203.0.113.10'
          : undefined,
      privateIp: '172.31.5.10',
      httpTokens: p.get('MetadataOptions.HttpTokens') ?? 'optional',
      rootVolumeId: this.newId('vol'),
      userData: p.get('UserData') ?? undefined,
      tags: tagsOf(p),
      clientToken: token,
      pendingPolls: 1,
    };
    this.instances.set(instance.id, instance);
    return instance;
  }

  private advance(i: FakeInstance) {
    if (i.pendingPolls > 0) {
      i.pendingPolls -= 1;
      return;
    }
    const next: Record<string, string> = {
      pending: 'running',
      stopping: 'stopped',
      'shutting-down': 'terminated',
    };
    if (next[i.state]) i.state = next[i.state];
  }

  // ---- S3 (path-style) ----

  private s3(req: IncomingMessage, body: string, res: ServerResponse) {
    const url = new URL(req.url!, 'http://x');
    const bucketName = decodeURIComponent(url.pathname.split('/')[1] ?? '');
    const SUBRESOURCES = [
      'publicAccessBlock',
      'tagging',
      'encryption',
      'versioning',
      'website',
      'policyStatus',
      'policy',
      'versions',
      'delete',
    ];
    const sub =
      [...url.searchParams.keys()].find(k => SUBRESOURCES.includes(k)) ?? '';
    const op = `s3:${req.method} ${sub || (bucketName ? 'bucket' : 'service')}`;
    this.calls.push(op);
    const send = (status: number, xml = '') => {
      res.writeHead(status, { 'content-type': 'application/xml' });
      res.end(xml ? `<?xml version="1.0" encoding="UTF-8"?>${xml}` : '');
    };
    const error = (status: number, code: string) =>
      send(
        status,
        `<Error><Code>${code}</Code><Message>${code}</Message></Error>`,
      );
    const failure = this.failNext.get(op);
    if (failure) {
      this.failNext.delete(op);
      return error(failure.status ?? 400, failure.code);
    }
    if (!bucketName) {
      return send(
        200,
        `<ListAllMyBucketsResult><Buckets>${[...this.buckets.values()]
          .map(
            b =>
              `<Bucket><Name>${b.name}</Name><CreationDate>2026-12-02T06:00:00.000Z</CreationDate><BucketRegion>${this.region}</BucketRegion></Bucket>`,
          )
          .join(
            '',
          )}</Buckets><Owner><ID>o</ID></Owner></ListAllMyBucketsResult>`,
      );
    }
    const bucket = this.buckets.get(bucketName);
    if (req.method === 'PUT' && !sub) {
      if (bucket) return error(409, 'BucketAlreadyOwnedByYou');
      this.buckets.set(bucketName, {
        name: bucketName,
        tags: {},
        ownership: req.headers['x-amz-object-ownership'] as string,
      });
      return send(200);
    }
    if (!bucket) {
      return req.method === 'HEAD' ? send(404) : error(404, 'NoSuchBucket');
    }
    const tag = (name: string) =>
      new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
    switch (`${req.method} ${sub}`) {
      case 'HEAD ':
        return send(200);
      case 'DELETE ':
        this.buckets.delete(bucketName);
        return send(204);
      case 'PUT publicAccessBlock':
        bucket.publicAccessBlock = Object.fromEntries(
          [
            'BlockPublicAcls',
            'IgnorePublicAcls',
            'BlockPublicPolicy',
            'RestrictPublicBuckets',
          ].map(k => [k, tag(k) === 'true']),
        );
        return send(200);
      case 'GET publicAccessBlock':
        return bucket.publicAccessBlock
          ? send(
              200,
              `<PublicAccessBlockConfiguration>${Object.entries(
                bucket.publicAccessBlock,
              )
                .map(([k, v]) => `<${k}>${v}</${k}>`)
                .join('')}</PublicAccessBlockConfiguration>`,
            )
          : error(404, 'NoSuchPublicAccessBlockConfiguration');
      case 'PUT tagging':
        bucket.tags = Object.fromEntries(
          [
            ...body.matchAll(
              /<Tag><Key>([^<]*)<\/Key><Value>([^<]*)<\/Value><\/Tag>/g,
            ),
          ].map(m => [m[1], m[2]]),
        );
        return send(200);
      case 'GET tagging':
        return Object.keys(bucket.tags).length
          ? send(
              200,
              `<Tagging><TagSet>${Object.entries(bucket.tags)
                .map(
                  ([k, v]) =>
                    `<Tag><Key>${esc(k)}</Key><Value>${esc(v)}</Value></Tag>`,
                )
                .join('')}</TagSet></Tagging>`,
            )
          : error(404, 'NoSuchTagSet');
      case 'PUT encryption':
        bucket.encryption = tag('SSEAlgorithm');
        return send(200);
      case 'GET encryption':
        return send(
          200,
          `<ServerSideEncryptionConfiguration><Rule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>${
            bucket.encryption ?? 'AES256'
          }</SSEAlgorithm></ApplyServerSideEncryptionByDefault></Rule></ServerSideEncryptionConfiguration>`,
        );
      case 'PUT versioning':
        bucket.versioning = tag('Status');
        return send(200);
      case 'GET versioning':
        return send(
          200,
          `<VersioningConfiguration>${
            bucket.versioning ? `<Status>${bucket.versioning}</Status>` : ''
          }</VersioningConfiguration>`,
        );
      case 'GET website':
        return error(404, 'NoSuchWebsiteConfiguration');
      case 'GET policyStatus':
        return error(404, 'NoSuchBucketPolicy');
      case 'GET versions':
        return send(
          200,
          `<ListVersionsResult><Name>${bucketName}</Name><IsTruncated>false</IsTruncated></ListVersionsResult>`,
        );
      default:
        return error(400, 'NotImplemented');
    }
  }
}
