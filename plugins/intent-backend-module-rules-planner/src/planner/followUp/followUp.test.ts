// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  Plan,
  planSchema,
  resourceAddress,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { planWithRules } from '../rulesPlanner';
import { splitInstructions } from '.';

const now = new Date('2026-11-25T10:00:00Z');

function current(intent: string): Plan {
  return planWithRules({ intent, now, context: { clientIp: '198.51.100.7' } })
    .plan;
}

function followUp(plan: Plan, intent: string, clientIp?: string) {
  return planWithRules({
    intent,
    current: plan,
    now,
    context: clientIp ? { clientIp } : undefined,
  });
}

const find = (plan: Plan, address: string) =>
  plan.resources.find(r => resourceAddress(r) === address) as
    | Record<string, any>
    | undefined;

describe('splitInstructions', () => {
  it.each([
    ['make it a t3.large and open 443', ['make it a t3.large', 'open 443']],
    ['ssh and http from my ip', ['ssh and http from my ip']],
    [
      'resize to t3.large, then add a bucket. extend by 2h',
      ['resize to t3.large', 'add a bucket', 'extend by 2h'],
    ],
    [
      'add a t3.small worker, ubuntu 22.04; open 80',
      ['add a t3.small worker, ubuntu 22.04', 'open 80'],
    ],
  ])('%j → %j', (text, parts) => {
    expect(splitInstructions(text)).toEqual(parts);
  });
});

describe('follow-ups', () => {
  const base = current(
    'a t3.micro with ubuntu, ssh from my ip, in eu-west-1 for 4 hours',
  );

  it('switches the architecture with a Graviton type', () => {
    const result = followUp(base, 'make it an m7g.large');
    expect(find(result.plan, 'aws_instance.sandbox')).toMatchObject({
      instanceType: 'm7g.large',
      image: { architecture: 'arm64' },
    });
    expect(result.modification).toContain('architecture x86_64 → arm64');
  });

  it('refuses arm64 for Windows and says why', () => {
    const windows = current('a windows server on t3.large');
    const result = followUp(windows, 'switch to graviton');
    expect(find(result.plan, 'aws_instance.sandbox')?.instanceType).toBe(
      't3.large',
    );
    expect(result.questions[0]).toContain('no arm64 images');
  });

  it('closes a port in every group that opens it when no machine is named', () => {
    const fleet = current(
      'a web server and a db server, both with ssh from 10.0.0.0/8',
    );
    const result = followUp(fleet, 'close ssh');
    expect(find(result.plan, 'aws_security_group.web')?.ingress).toEqual([]);
    expect(find(result.plan, 'aws_security_group.db')?.ingress).toEqual([]);
  });

  it('removes only the named source of a rule', () => {
    const two = current('a t3.micro, ssh from 10.0.0.0/8 and 192.168.0.0/16');
    const result = followUp(two, 'remove ssh from 10.0.0.0/8');
    expect(find(result.plan, 'aws_security_group.sandbox')?.ingress).toEqual([
      expect.objectContaining({ fromPort: 22, cidrBlocks: ['192.168.0.0/16'] }),
    ]);
  });

  it('restricts to the caller IP and adds the rule when it was missing', () => {
    const result = followUp(base, 'restrict https to my ip', '203.0.113.9');
    expect(find(result.plan, 'aws_security_group.sandbox')?.ingress).toEqual([
      expect.objectContaining({
        fromPort: 22,
        cidrBlocks: ['198.51.100.7/32'],
      }),
      expect.objectContaining({
        fromPort: 443,
        cidrBlocks: ['203.0.113.9/32'],
      }),
    ]);
  });

  it('creates a security group for a machine that has none', () => {
    const bare = current('a t3.micro');
    const result = followUp(bare, 'open 8080 to 10.0.0.0/8');
    expect(find(result.plan, 'aws_instance.sandbox')?.securityGroups).toEqual([
      'aws_security_group.sandbox',
    ]);
    expect(find(result.plan, 'aws_security_group.sandbox')?.ingress).toEqual([
      expect.objectContaining({ fromPort: 8080, cidrBlocks: ['10.0.0.0/8'] }),
    ]);
  });

  it('blocks outbound traffic', () => {
    const result = followUp(base, 'block all outbound traffic');
    expect(find(result.plan, 'aws_security_group.sandbox')?.egress).toEqual([]);
  });

  it('adds, attaches, resizes and detaches volumes on free devices', () => {
    const one = followUp(base, 'add a 100 GB gp3 volume').plan;
    const two = followUp(one, 'add another 20gb io2 volume').plan;
    expect(find(two, 'aws_volume_attachment.sandbox_data_2')?.deviceName).toBe(
      '/dev/sdg',
    );
    expect(find(two, 'aws_ebs_volume.sandbox_data_2')).toMatchObject({
      volumeType: 'io2',
      iops: 3000,
    });
    const resized = followUp(two, 'make sandbox_data_2 50gb').plan;
    expect(find(resized, 'aws_ebs_volume.sandbox_data_2')?.sizeGb).toBe(50);
    const detached = followUp(resized, 'detach sandbox_data').plan;
    expect(
      find(detached, 'aws_volume_attachment.sandbox_data'),
    ).toBeUndefined();
    expect(find(detached, 'aws_ebs_volume.sandbox_data')).toBeDefined();
    const attached = followUp(detached, 'attach the sandbox_data volume');
    expect(
      find(attached.plan, 'aws_volume_attachment.sandbox_data'),
    ).toMatchObject({ deviceName: '/dev/sdf' });
  });

  it('asks for the size of a volume instead of guessing', () => {
    const result = followUp(base, 'add an extra volume');
    expect(result.questions[0]).toContain('How large');
    expect(result.modification).toBeUndefined();
  });

  it('gives each machine one elastic IP', () => {
    const once = followUp(base, 'give it an elastic ip').plan;
    const twice = followUp(once, 'give it an elastic ip');
    expect(twice.plan.resources.filter(r => r.type === 'aws_eip')).toHaveLength(
      1,
    );
    expect(twice.modification).toBeUndefined();
  });

  it('encrypts and resizes the root disk', () => {
    const plain = current('a t3.micro with an unencrypted 8gb disk');
    const result = followUp(plain, 'encrypt the root disk and make it 40gb');
    expect(find(result.plan, 'aws_instance.sandbox')?.rootVolume).toEqual({
      sizeGb: 40,
      volumeType: 'gp3',
      encrypted: true,
    });
  });

  it('changes bucket settings on the named bucket and asks when it cannot tell', () => {
    const buckets = current('a bucket named logs and a bucket named assets');
    expect(
      followUp(buckets, 'enable versioning on the buckets').questions[0],
    ).toContain('Which bucket');
    const result = followUp(buckets, 'enable versioning on logs and use kms');
    expect(find(result.plan, 'aws_s3_bucket.logs')).toMatchObject({
      versioning: true,
      encryption: 'aws:kms',
    });
    expect(find(result.plan, 'aws_s3_bucket.assets')).toMatchObject({
      versioning: false,
    });
  });

  it('sets, extends and questions the lifetime', () => {
    expect(followUp(base, 'make it 2 days').plan.ttlHours).toBe(48);
    expect(followUp(base, 'another day').plan.ttlHours).toBe(28);
    const open = current('a t3.micro');
    expect(followUp(open, '4 more hours').questions[0]).toContain(
      'how long should it live in total',
    );
  });

  it('moves to another region with the availability zones', () => {
    const zoned = current('a t3.micro in eu-west-1b');
    const result = followUp(zoned, 'move it to frankfurt');
    expect(result.plan.region).toBe('eu-central-1');
    expect(find(result.plan, 'aws_instance.sandbox')?.availabilityZone).toBe(
      'eu-central-1b',
    );
  });

  it('puts a machine into a private subnet, creating the network', () => {
    const result = followUp(base, 'put it in a private subnet');
    expect(find(result.plan, 'aws_instance.sandbox')?.subnet).toBe(
      'aws_subnet.private',
    );
    expect(find(result.plan, 'aws_security_group.sandbox')?.vpc).toBe(
      'aws_vpc.main',
    );
    expect(planSchema.safeParse(result.plan).success).toBe(true);
  });

  it('adds machines next to the current ones without clashing names', () => {
    const result = followUp(
      base,
      'add a t3.small named worker with debian and 2 more like sandbox',
    );
    expect(
      result.plan.resources
        .filter(r => r.type === 'aws_instance')
        .map(r => r.name),
    ).toEqual(['sandbox', 'worker', 'sandbox_2', 'sandbox_3']);
    expect(find(result.plan, 'aws_instance.worker')).toMatchObject({
      instanceType: 't3.small',
      image: { os: 'debian' },
      keyPair: 'aws_key_pair.sandbox',
    });
    const copies = followUp(base, 'add 2 more');
    expect(
      copies.plan.resources
        .filter(r => r.type === 'aws_instance')
        .map(r => r.name),
    ).toEqual(['sandbox', 'sandbox_2', 'sandbox_3']);
  });

  it('renames a machine and keeps its references', () => {
    const result = followUp(base, 'call it devbox');
    expect(find(result.plan, 'aws_instance.devbox')).toMatchObject({
      keyPair: 'aws_key_pair.sandbox',
      securityGroups: ['aws_security_group.sandbox'],
    });
    expect(followUp(base, 'rename sandbox to sandbox').questions[0]).toContain(
      'already exists',
    );
  });

  it('never reads "drop it to a t3.nano" as a removal', () => {
    const result = followUp(base, 'can you drop it to a t3.nano');
    expect(find(result.plan, 'aws_instance.sandbox')?.instanceType).toBe(
      't3.nano',
    );
    expect(result.plan.resources).toHaveLength(base.resources.length);
  });

  it('removes a machine named next to a kind, and adds nothing', () => {
    const fleet = current('a web server, a db server and a bucket named logs');
    const result = followUp(fleet, 'remove the logs bucket and the db');
    expect(result.plan.resources.map(r => r.name)).toEqual(['web']);
  });

  it('asks which resource to remove when there are several', () => {
    const buckets = current('a bucket named logs and a bucket named assets');
    expect(followUp(buckets, 'delete the bucket').questions[0]).toContain(
      'logs, assets',
    );
    expect(followUp(buckets, 'delete both buckets').plan.resources).toEqual([]);
  });

  it('adds tags from the follow-up', () => {
    const result = followUp(base, 'tag it cost-center=R&D-42');
    expect(result.plan.tags).toEqual({ 'cost-center': 'R&D-42' });
  });
});
