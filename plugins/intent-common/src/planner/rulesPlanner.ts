// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import {
  InstanceImage,
  OperatingSystem,
  PLAN_FORMAT_VERSION,
  Plan,
  PlanResourceInput,
  planSchema,
} from '../plan';
import { PlanAssumption, PlannerResult } from './types';

/** Region used when a request names none. @public */
export const DEFAULT_REGION = 'us-east-1';
/** Instance type used when a request names none. @public */
export const DEFAULT_INSTANCE_TYPE = 't3.micro';

const INSTANCE_TYPE =
  /\b([a-z]+\d[a-z0-9-]*)\.(nano|micro|small|medium|large|metal|\d*xlarge)\b/;
const REGION =
  /\b([a-z]{2}(?:-gov)?-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\d)\b/;
const NAME = /\b(?:named|called|name it)\s+["'`]?([a-z][a-z0-9_-]{0,62})/;
const WANTS_A_MACHINE =
  /\b(instance|vm|virtual machine|server|machine|box|ec2|host|node)s?\b/;

interface OsRule {
  os: OperatingSystem;
  pattern: RegExp;
  label: string;
  defaultVersion: string;
  versions: Array<{ pattern: RegExp; version: string }>;
}

const OS_RULES: OsRule[] = [
  {
    os: 'ubuntu',
    label: 'Ubuntu',
    pattern: /\bubuntu\b|\bjammy\b|\bnoble\b/,
    defaultVersion: '24.04',
    versions: [
      { pattern: /\b24\.04\b|\bnoble\b/, version: '24.04' },
      { pattern: /\b22\.04\b|\bjammy\b/, version: '22.04' },
    ],
  },
  {
    os: 'amazon-linux',
    label: 'Amazon Linux',
    pattern: /\bamazon linux\b|\bal2023\b|\bal2\b|\bamzn/,
    defaultVersion: '2023',
    versions: [
      { pattern: /\b2023\b|\bal2023\b/, version: '2023' },
      { pattern: /\bamazon linux 2\b|\bal2\b/, version: '2' },
    ],
  },
  {
    os: 'debian',
    label: 'Debian',
    pattern: /\bdebian\b|\bbookworm\b/,
    defaultVersion: '12',
    versions: [{ pattern: /\b12\b|\bbookworm\b/, version: '12' }],
  },
  {
    os: 'rhel',
    label: 'Red Hat Enterprise Linux',
    pattern: /\brhel\b|\bred ?hat\b/,
    defaultVersion: '9',
    versions: [{ pattern: /\b9\b/, version: '9' }],
  },
  {
    os: 'windows-server',
    label: 'Windows Server',
    pattern: /\bwindows\b/,
    defaultVersion: '2022',
    versions: [{ pattern: /\b2022\b/, version: '2022' }],
  },
];

const OUT_OF_SCOPE: Array<{
  pattern: RegExp;
  what: (m: RegExpMatchArray) => string;
}> = [
  {
    pattern:
      /\b(?:install|set ?up|configure|deploy)\s+([a-z0-9.+-]+(?:\s[a-z0-9.+-]+)?)/,
    what: m =>
      `"${m[0]}" is software configuration, not a cloud resource: do it on the machine once it runs`,
  },
  {
    pattern: /\bnat gateway\b/,
    what: () => 'NAT gateways are not a sandbox resource',
  },
  {
    pattern: /\biam\b|\brole\b|\bpolicy attachment\b/,
    what: () =>
      'IAM roles and policies are managed by the platform team, not by sandboxes',
  },
];

/** Graviton families carry a `g` after the generation digit: t4g, m7g, c7gn. */
function isGravitonType(instanceType: string): boolean {
  const family = instanceType.split('.')[0];
  return /^[a-z]+\d+[a-z]*g[a-z]*$/.test(family);
}

function detectImage(
  text: string,
  architecture: InstanceImage['architecture'],
  address: string,
  assumptions: PlanAssumption[],
): InstanceImage {
  const rule = OS_RULES.find(r => r.pattern.test(text));
  if (!rule) {
    assumptions.push({
      field: `${address}.image`,
      value: 'Ubuntu 24.04',
      reason: 'No operating system was named; Ubuntu 24.04 LTS is the default',
    });
    return { os: 'ubuntu', version: '24.04', architecture };
  }
  const named = rule.versions.find(v => v.pattern.test(text));
  if (!named) {
    assumptions.push({
      field: `${address}.image`,
      value: `${rule.label} ${rule.defaultVersion}`,
      reason: `No ${rule.label} version was named; ${rule.defaultVersion} is the newest supported`,
    });
  }
  return {
    os: rule.os,
    version: named?.version ?? rule.defaultVersion,
    architecture,
  };
}

/**
 * The offline, deterministic planner: turns a plain-language request into a
 * plan with the rules below, and says what it assumed or could not decide.
 *
 * @public
 */
export function planWithRules(intent: string): PlannerResult {
  const text = intent.toLowerCase();
  const assumptions: PlanAssumption[] = [];
  const questions: string[] = [];
  const outOfScope = OUT_OF_SCOPE.flatMap(rule => {
    const match = text.match(rule.pattern);
    return match ? [rule.what(match)] : [];
  });

  const region = text.match(REGION)?.[1];
  if (!region) {
    assumptions.push({
      field: 'region',
      value: DEFAULT_REGION,
      reason: 'No region was named',
    });
  }

  const typeMatch = text.match(INSTANCE_TYPE);
  const osNamed = OS_RULES.some(r => r.pattern.test(text));
  const resources: PlanResourceInput[] = [];

  if (typeMatch || osNamed || WANTS_A_MACHINE.test(text)) {
    const name = (text.match(NAME)?.[1] ?? 'sandbox').replace(/-/g, '_');
    const address = `aws_instance.${name}`;
    const instanceType = typeMatch?.[0] ?? DEFAULT_INSTANCE_TYPE;
    if (!typeMatch) {
      assumptions.push({
        field: `${address}.instanceType`,
        value: DEFAULT_INSTANCE_TYPE,
        reason:
          'No instance type was named; the smallest general-purpose type is the default',
      });
    }
    const architecture = isGravitonType(instanceType) ? 'arm64' : 'x86_64';
    if (architecture === 'x86_64' && /\b(arm|arm64|graviton)\b/.test(text)) {
      questions.push(
        `${instanceType} is an x86_64 type but the request mentions ARM: pick a Graviton type (e.g. t4g.micro) or drop ARM`,
      );
    }
    resources.push({
      type: 'aws_instance',
      name,
      instanceType,
      image: detectImage(text, architecture, address, assumptions),
    });
  } else if (outOfScope.length === 0) {
    questions.push(
      'What should the sandbox contain? Name a machine, e.g. "a t3.micro with Ubuntu 24.04"',
    );
  }

  const plan: Plan = planSchema.parse({
    formatVersion: PLAN_FORMAT_VERSION,
    region: region ?? DEFAULT_REGION,
    resources,
  });
  return { planner: 'rules', plan, assumptions, questions, outOfScope };
}
