// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/*
 * Terraform export benchmark: a session of 100 resources (network, groups,
 * instances, volumes and attachments, addresses, buckets), every one live,
 * exported to formatted files. Prints the formatter's first load (WASM
 * compile) separately, then the p50/p95 of one full export including
 * formatting (goal: p95 < 100 ms).
 *
 * Run: yarn bench:terraform
 */

import {
  PLAN_FORMAT_VERSION,
  PlanResourceInput,
  planSchema,
  resourceAddress,
  SessionResource,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  exportTerraform,
  loadHclFormatter,
  renderTerraform,
} from '@intent-sandboxes/backstage-plugin-intent-node';

const ITERATIONS = 200;
const WARMUP = 20;
const GOAL_MS = 100;

function resources(): PlanResourceInput[] {
  const list: PlanResourceInput[] = [
    { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
  ];
  for (let i = 0; i < 4; i++) {
    list.push({
      type: 'aws_subnet',
      name: `subnet_${i}`,
      vpc: 'aws_vpc.main',
      cidrBlock: `10.0.${i}.0/24`,
    });
  }
  for (let i = 0; i < 10; i++) {
    list.push({
      type: 'aws_security_group',
      name: `sg_${i}`,
      vpc: 'aws_vpc.main',
      description: `Group "${i}" with \${interpolation}`,
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          cidrBlocks: [`203.0.113.${i}/32`],
        },
        {
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ['0.0.0.0/0'],
          ipv6CidrBlocks: ['::/0'],
        },
      ],
    });
  }
  list.push({ type: 'aws_key_pair', name: 'ops' });
  for (let i = 0; i < 25; i++) {
    list.push({
      type: 'aws_instance',
      name: `vm_${i}`,
      instanceType: 't3.micro',
      image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      subnet: `aws_subnet.subnet_${i % 4}`,
      securityGroups: [`aws_security_group.sg_${i % 10}`],
      keyPair: 'aws_key_pair.ops',
      tags: { team: 'payments', purpose: `bench-${i}` },
    });
  }
  for (let i = 0; i < 20; i++) {
    list.push({ type: 'aws_ebs_volume', name: `data_${i}`, sizeGb: 50 });
    list.push({
      type: 'aws_volume_attachment',
      name: `data_${i}`,
      volume: `aws_ebs_volume.data_${i}`,
      instance: `aws_instance.vm_${i}`,
      deviceName: '/dev/sdf',
    });
  }
  for (let i = 0; i < 10; i++) {
    list.push({
      type: 'aws_eip',
      name: `ip_${i}`,
      instance: `aws_instance.vm_${i}`,
    });
  }
  for (let i = 0; i < 10; i++) {
    list.push({
      type: 'aws_s3_bucket',
      name: `bucket_${i}`,
      versioning: i % 2 === 0,
      website: i === 0,
      blockPublicAccess: i !== 0,
      publicRead: i === 0,
    });
  }
  return list;
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

async function main() {
  const plan = planSchema.parse({
    formatVersion: PLAN_FORMAT_VERSION,
    region: 'eu-west-1',
    resources: resources(),
  });
  const live: SessionResource[] = plan.resources.map((resource, i) => ({
    address: resourceAddress(resource),
    type: resource.type,
    region: null,
    cloudId: `${resource.type.replace(/^aws_/, '')}-${i
      .toString(16)
      .padStart(8, '0')}`,
    replacedCloudId: null,
    status: 'available',
    desired: {},
    actual: {
      imageId: 'ami-0123456789abcdef0',
      keyName: 'ops-1a2b',
      bucketName: `bucket-${i}`,
    },
    updatedAt: '2026-01-01T00:00:00Z',
  }));
  const input = {
    session: {
      id: 'sess-bench',
      title: 'Bench',
      owner: 'user:default/ada',
      region: 'eu-west-1',
    },
    plan,
    resources: live,
  };

  const loadStart = performance.now();
  const format = await loadHclFormatter();
  await format('a = 1\n');
  const loadMs = performance.now() - loadStart;

  const render: number[] = [];
  const times: number[] = [];
  for (let i = 0; i < WARMUP; i++) {
    await exportTerraform(input);
  }
  let files = await exportTerraform(input);
  for (let i = 0; i < ITERATIONS; i++) {
    let start = performance.now();
    renderTerraform(input);
    render.push(performance.now() - start);
    start = performance.now();
    files = await exportTerraform(input);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  render.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const bytes = files.reduce((sum, f) => sum + f.content.length, 0);
  process.stdout.write(
    [
      `terraform export: ${plan.resources.length} plan resources → ${files.length} files, ${bytes} bytes`,
      `  formatter first load (WASM compile + first call): ${ms(loadMs)}`,
      `  render only (pure, unformatted), ${ITERATIONS} runs: p50 ${ms(
        percentile(render, 50),
      )}, p95 ${ms(percentile(render, 95))}`,
      `  export incl. formatting, ${ITERATIONS} runs: p50 ${ms(
        percentile(times, 50),
      )}, p95 ${ms(p95)}, max ${ms(times[times.length - 1])}`,
      `  goal p95 < ${GOAL_MS} ms: ${p95 < GOAL_MS ? 'met' : 'NOT met'}`,
      '',
    ].join('\n'),
  );
  process.exit(0);
}

main();
