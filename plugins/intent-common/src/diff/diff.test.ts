// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { Plan, PlanInput, planSchema } from '../plan';
import { diffPlans } from './diff';
import { applySteps } from './steps';

const plan = (resources: PlanInput['resources'], region = 'eu-west-1'): Plan =>
  planSchema.parse({ formatVersion: 1, region, resources });

const sg = {
  type: 'aws_security_group' as const,
  name: 'ssh',
  ingress: [
    {
      protocol: 'tcp' as const,
      fromPort: 22,
      toPort: 22,
      cidrBlocks: ['203.0.113.4/32'],
    },
  ],
};
const web = {
  type: 'aws_instance' as const,
  name: 'web',
  instanceType: 't3.micro',
  image: {
    os: 'ubuntu' as const,
    version: '24.04',
    architecture: 'x86_64' as const,
  },
  securityGroups: ['aws_security_group.ssh'],
};
const eip = {
  type: 'aws_eip' as const,
  name: 'ip',
  instance: 'aws_instance.web',
};
const vol = { type: 'aws_ebs_volume' as const, name: 'data', sizeGb: 100 };
const attach = {
  type: 'aws_volume_attachment' as const,
  name: 'data',
  volume: 'aws_ebs_volume.data',
  instance: 'aws_instance.web',
  deviceName: '/dev/sdf',
};

const actions = (d: ReturnType<typeof diffPlans>) =>
  Object.fromEntries(d.changes.map(c => [c.address, c.action]));

describe('diffPlans', () => {
  it('creates everything when nothing is applied', () => {
    const diff = diffPlans(null, plan([sg, web]));
    expect(actions(diff)).toEqual({
      'aws_instance.web': 'create',
      'aws_security_group.ssh': 'create',
    });
    expect(diff.destructive).toBe(false);
  });

  it('is all noop for the same plan', () => {
    const diff = diffPlans(plan([sg, web]), plan([sg, web]));
    expect(diff.counts).toEqual({
      create: 0,
      update: 0,
      replace: 0,
      delete: 0,
      noop: 2,
    });
  });

  it('updates in place with field-level changes', () => {
    const diff = diffPlans(
      plan([sg, web]),
      plan([sg, { ...web, instanceType: 't3.large' }]),
    );
    const change = diff.changes.find(c => c.address === 'aws_instance.web')!;
    expect(change.action).toBe('update');
    expect(change.fields).toEqual([
      {
        path: 'instanceType',
        before: 't3.micro',
        after: 't3.large',
        forcesReplacement: false,
      },
    ]);
  });

  it('replaces when a field cannot change in place, and replaces what must follow', () => {
    const prior = plan([sg, web, vol, attach, eip]);
    const desired = plan([
      sg,
      { ...web, image: { ...web.image, version: '22.04' } },
      vol,
      attach,
      eip,
    ]);
    const diff = diffPlans(prior, desired);
    expect(actions(diff)).toEqual({
      'aws_ebs_volume.data': 'noop',
      'aws_eip.ip': 'update',
      'aws_instance.web': 'replace',
      'aws_security_group.ssh': 'noop',
      'aws_volume_attachment.data': 'replace',
    });
    expect(
      diff.changes.find(c => c.address === 'aws_instance.web')!.fields[0],
    ).toMatchObject({
      path: 'image.version',
      forcesReplacement: true,
    });
    expect(diff.destructive).toBe(true);
  });

  it('deletes what the desired plan drops', () => {
    const diff = diffPlans(plan([sg, web, eip]), plan([sg, web]));
    expect(actions(diff)['aws_eip.ip']).toBe('delete');
    expect(diff.destructive).toBe(true);
  });

  it('replaces everything when the region changes, naming both regions', () => {
    const diff = diffPlans(plan([sg, web]), plan([sg, web], 'eu-central-1'));
    expect(diff.changes.map(c => [c.action, c.reason])).toEqual([
      ['replace', 'region eu-west-1 \u2192 eu-central-1'],
      ['replace', 'region eu-west-1 \u2192 eu-central-1'],
    ]);
    expect(diff.destructive).toBe(true);
    // Each resource gets a create (new region) and a delete (old region).
    const steps = applySteps(diff).map(s => s.id);
    expect(steps).toEqual(
      expect.arrayContaining([
        `create:${diff.changes[0].address}`,
        `delete:${diff.changes[0].address}`,
      ]),
    );
  });
});

describe('applySteps', () => {
  const order = (steps: ReturnType<typeof applySteps>) => {
    // A topological order honouring dependsOn, for assertions.
    const done: string[] = [];
    const pending = [...steps];
    while (pending.length > 0) {
      const index = pending.findIndex(s =>
        s.dependsOn.every(d => done.includes(d)),
      );
      expect(index).toBeGreaterThanOrEqual(0);
      done.push(pending.splice(index, 1)[0].id);
    }
    return done;
  };

  it('creates dependencies first and leaves independent resources unordered', () => {
    const steps = applySteps(
      diffPlans(null, plan([sg, web, vol, attach, eip])),
    );
    const byId = Object.fromEntries(steps.map(s => [s.id, s.dependsOn]));
    expect(byId['create:aws_instance.web']).toEqual([
      'create:aws_security_group.ssh',
    ]);
    expect(byId['create:aws_ebs_volume.data']).toEqual([]);
    expect(byId['create:aws_security_group.ssh']).toEqual([]);
    expect(byId['create:aws_volume_attachment.data'].sort()).toEqual([
      'create:aws_ebs_volume.data',
      'create:aws_instance.web',
    ]);
    const list = order(steps);
    expect(list.indexOf('create:aws_security_group.ssh')).toBeLessThan(
      list.indexOf('create:aws_instance.web'),
    );
    expect(list.indexOf('create:aws_instance.web')).toBeLessThan(
      list.indexOf('create:aws_eip.ip'),
    );
  });

  it('destroys in reverse dependency order', () => {
    const all = plan([sg, web, vol, attach, eip]);
    const steps = applySteps(diffPlans(all, plan([])));
    expect(steps.every(s => s.kind === 'delete')).toBe(true);
    const list = order(steps);
    expect(list.indexOf('delete:aws_volume_attachment.data')).toBeLessThan(
      list.indexOf('delete:aws_instance.web'),
    );
    expect(list.indexOf('delete:aws_volume_attachment.data')).toBeLessThan(
      list.indexOf('delete:aws_ebs_volume.data'),
    );
    expect(list.indexOf('delete:aws_eip.ip')).toBeLessThan(
      list.indexOf('delete:aws_instance.web'),
    );
    expect(list.indexOf('delete:aws_instance.web')).toBeLessThan(
      list.indexOf('delete:aws_security_group.ssh'),
    );
  });

  it('replaces create-before-destroy', () => {
    const prior = plan([sg, web]);
    const desired = plan([
      sg,
      { ...web, image: { ...web.image, version: '22.04' } },
    ]);
    const list = order(applySteps(diffPlans(prior, desired)));
    expect(list.indexOf('create:aws_instance.web')).toBeLessThan(
      list.indexOf('delete:aws_instance.web'),
    );
  });

  it('replaces a named bucket destroy-before-create', () => {
    const bucket = {
      type: 'aws_s3_bucket' as const,
      name: 'logs',
      bucketName: 'my-logs-1',
    };
    const list = order(
      applySteps(
        diffPlans(
          plan([bucket]),
          plan([{ ...bucket, bucketName: 'my-logs-2' }]),
        ),
      ),
    );
    expect(list.indexOf('delete:aws_s3_bucket.logs')).toBeLessThan(
      list.indexOf('create:aws_s3_bucket.logs'),
    );
  });
});
