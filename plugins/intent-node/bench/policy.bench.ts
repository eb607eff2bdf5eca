// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/*
 * Policy evaluation benchmark: 50 custom CEL rules (5 IntentPolicies of 10
 * rules) plus the built-in baseline over a plan of 50 resources, with the
 * compiled policies cached as the backend caches them. Prints the p50, p95
 * and p99 of one `evaluatePolicies` call (goal: p95 < 2 ms), then of the
 * whole pipeline a follow-up goes through: validate the plan, diff it against
 * the applied one, evaluate policy, estimate cost (goal: p95 < 5 ms).
 *
 * Run: yarn bench:policy
 */

import {
  DEFAULT_BASELINE_CONFIG,
  diffPlans,
  estimateCost,
  PLAN_FORMAT_VERSION,
  PlanResourceInput,
  planSchema,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import {
  BASELINE_RULES,
  createIntentPolicyCompiler,
  evaluatePolicies,
  IntentPolicyEntityInput,
} from '@intent-sandboxes/backstage-plugin-intent-node';

const RULES = 50;
const POLICIES = 5;
const ITERATIONS = 5000;
const WARMUP = 500;
const GOAL_MS = 2;
const PIPELINE_GOAL_MS = 5;

/** 50 resources of every family a sandbox uses. */
function resources(): PlanResourceInput[] {
  const list: PlanResourceInput[] = [
    { type: 'aws_vpc', name: 'main', cidrBlock: '10.0.0.0/16' },
  ];
  for (let i = 0; i < 2; i++) {
    list.push({
      type: 'aws_subnet',
      name: `subnet_${i}`,
      vpc: 'aws_vpc.main',
      cidrBlock: `10.0.${i}.0/24`,
      mapPublicIpOnLaunch: i === 0,
    });
  }
  for (let i = 0; i < 5; i++) {
    list.push({
      type: 'aws_security_group',
      name: `sg_${i}`,
      vpc: 'aws_vpc.main',
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
        },
      ],
    });
  }
  const types = [
    't3.micro',
    't4g.small',
    'm7g.large',
    'c6i.xlarge',
    'r5.large',
  ];
  for (let i = 0; i < 15; i++) {
    list.push({
      type: 'aws_instance',
      name: `vm_${i}`,
      instanceType: types[i % types.length],
      image: { os: 'ubuntu', version: '24.04', architecture: 'x86_64' },
      subnet: `aws_subnet.subnet_${i % 2}`,
      securityGroups: [`aws_security_group.sg_${i % 5}`],
      associatePublicIp: false,
      tags: { team: 'payments', purpose: `bench-${i}` },
    });
  }
  for (let i = 0; i < 10; i++) {
    list.push({
      type: 'aws_ebs_volume',
      name: `data_${i}`,
      sizeGb: 50 * (i + 1),
    });
    list.push({
      type: 'aws_volume_attachment',
      name: `data_${i}`,
      volume: `aws_ebs_volume.data_${i}`,
      instance: `aws_instance.vm_${i}`,
      deviceName: '/dev/sdf',
    });
  }
  for (let i = 0; i < 4; i++) {
    list.push({ type: 'aws_eip', name: `ip_${i}` });
  }
  for (let i = 0; i < 3; i++) {
    list.push({
      type: 'aws_s3_bucket',
      name: `bucket_${i}`,
      versioning: i === 0,
    });
  }
  return list;
}

/** 50 rules over every resource family, with the has()/type guards rules need. */
function expressions(): string[] {
  const templates = [
    (i: number) =>
      `resource.type == "aws_instance" && resource.instanceType.startsWith("${
        ['p', 'g', 'x', 'm7', 'c6'][i % 5]
      }")`,
    (i: number) =>
      `resource.type == "aws_ebs_volume" && resource.sizeGb > ${100 * i}.0`,
    (i: number) =>
      `resource.type == "aws_security_group" && resource.ingress.exists(r, r.fromPort <= ${
        1000 + i
      } && r.toPort >= ${
        1000 + i
      } && r.cidrBlocks.exists(c, c == "0.0.0.0/0"))`,
    (i: number) =>
      `has(resource.tags) && !("cost-center-${i}" in resource.tags)`,
    (i: number) =>
      `resource.type == "aws_s3_bucket" && !resource.versioning && session.ttlHours > ${i}.0`,
  ];
  return Array.from({ length: RULES }, (_, i) =>
    templates[i % templates.length](Math.floor(i / templates.length)),
  );
}

function policies(): IntentPolicyEntityInput[] {
  const all = expressions();
  const perPolicy = RULES / POLICIES;
  return Array.from({ length: POLICIES }, (_, p) => ({
    apiVersion: 'intent.backstage.io/v1alpha1',
    kind: 'IntentPolicy',
    metadata: {
      name: `bench-${p}`,
      namespace: 'default',
      uid: `uid-${p}`,
      etag: 'e1',
    },
    spec: {
      owner: 'group:default/platform',
      appliesTo: { all: true },
      rules: all
        .slice(p * perPolicy, (p + 1) * perPolicy)
        .map((expression, r) => ({
          id: `rule-${p}-${r}`,
          outcome: 'warn',
          expression,
        })),
    },
  }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function main() {
  const plan = planSchema.parse({
    formatVersion: PLAN_FORMAT_VERSION,
    region: 'eu-west-1',
    resources: resources(),
  });
  const entities = policies();
  const compiler = createIntentPolicyCompiler();

  const compileStart = performance.now();
  entities.forEach(entity => compiler.compile(entity));
  const compileMs = performance.now() - compileStart;

  const session = {
    owner: 'user:default/ada',
    team: 'group:default/payments',
    region: 'eu-west-1',
    ttlHours: 8,
  };
  const cost = estimateCost(plan);
  const run = () =>
    evaluatePolicies({
      plan,
      session,
      baseline: DEFAULT_BASELINE_CONFIG,
      // What the backend does per evaluation: look every policy up in the cache.
      policies: entities.map(entity => compiler.compile(entity)),
      cost,
    });

  for (let i = 0; i < WARMUP; i++) {
    run();
  }
  const times: number[] = [];
  let last = run();
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    last = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  const ms = (value: number) => `${value.toFixed(3)} ms`;

  // The applied plan differs from the desired one the way follow-ups make it:
  // resized instances (update), a grown volume, a renamed bucket (create + delete).
  const applied = planSchema.parse({
    ...plan,
    resources: plan.resources.map((resource, index) => {
      if (resource.type === 'aws_instance' && index % 3 === 0) {
        return { ...resource, instanceType: 't3.small' };
      }
      if (resource.type === 'aws_ebs_volume' && index % 2 === 0) {
        return { ...resource, sizeGb: resource.sizeGb / 2 };
      }
      if (resource.type === 'aws_s3_bucket' && resource.name === 'bucket_2') {
        return { ...resource, name: 'bucket_old' };
      }
      return resource;
    }),
  });
  const desiredInput = JSON.parse(JSON.stringify(plan));
  const pipeline = () => {
    const desired = planSchema.parse(desiredInput);
    const diff = diffPlans(applied, desired);
    const pipelineCost = estimateCost(desired);
    const policy = evaluatePolicies({
      plan: desired,
      session,
      baseline: DEFAULT_BASELINE_CONFIG,
      policies: entities.map(entity => compiler.compile(entity)),
      cost: pipelineCost,
    });
    return { diff, policy };
  };
  for (let i = 0; i < WARMUP; i++) {
    pipeline();
  }
  const pipelineTimes: number[] = [];
  let lastPipeline = pipeline();
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    lastPipeline = pipeline();
    pipelineTimes.push(performance.now() - start);
  }
  pipelineTimes.sort((a, b) => a - b);
  const pipelineP95 = percentile(pipelineTimes, 95);
  const counts = lastPipeline.diff.counts;

  process.stdout.write(
    [
      `policy evaluation: ${RULES} CEL rules in ${POLICIES} policies + ${BASELINE_RULES.length} baseline rules × ${plan.resources.length} resources`,
      `  compile (once per policy version): ${ms(compileMs)}`,
      `  verdict ${last.verdict}, ${last.findings.length} findings, ${
        last.findings.filter(f => f.message.includes('cannot be evaluated'))
          .length
      } unevaluable`,
      `  ${ITERATIONS} evaluations: p50 ${ms(percentile(times, 50))}, p95 ${ms(
        p95,
      )}, p99 ${ms(percentile(times, 99))}, max ${ms(times[times.length - 1])}`,
      `  goal p95 < ${GOAL_MS} ms: ${p95 < GOAL_MS ? 'met' : 'NOT met'}`,
      `plan → diff → policy → cost, ${plan.resources.length} resources (diff: ${counts.create} create, ${counts.update} update, ${counts.delete} delete, ${counts.replace} replace)`,
      `  ${ITERATIONS} runs: p50 ${ms(percentile(pipelineTimes, 50))}, p95 ${ms(
        pipelineP95,
      )}, p99 ${ms(percentile(pipelineTimes, 99))}`,
      `  goal p95 < ${PIPELINE_GOAL_MS} ms: ${
        pipelineP95 < PIPELINE_GOAL_MS ? 'met' : 'NOT met'
      }`,
      '',
    ].join('\n'),
  );
}

main();
