// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { InstanceImage, Plan } from '../plan/schema';
import {
  SoftwareDistribution,
  SoftwareId,
  softwareCatalogue,
  softwareIds,
} from './catalogue';

/**
 * The catalogue's distribution for an image, or undefined when the
 * catalogue has none for it (Windows Server).
 *
 * @public
 */
export function softwareDistribution(
  image: Pick<InstanceImage, 'os' | 'version'>,
): SoftwareDistribution | undefined {
  switch (image.os) {
    case 'ubuntu':
    case 'debian':
    case 'rhel':
      return image.os;
    case 'amazon-linux':
      return image.version.trim() === '2'
        ? 'amazon-linux-2'
        : 'amazon-linux-2023';
    default:
      return undefined;
  }
}

/** @public */
export function isSoftwareId(id: string): id is SoftwareId {
  return (softwareIds as readonly string[]).includes(id);
}

/**
 * Why the software cannot be installed on the image, one readable line per
 * problem: an id the catalogue does not know, software on an image the
 * catalogue has no packages for (Windows), software that distribution does
 * not package. Empty when `userDataFor` can build the user data. Pure.
 *
 * @public
 */
export function softwareProblems(
  image: Pick<InstanceImage, 'os' | 'version'>,
  software: readonly string[],
): string[] {
  if (software.length === 0) {
    return [];
  }
  const problems: string[] = [];
  const unknown = software.filter(id => !isSoftwareId(id));
  if (unknown.length > 0) {
    problems.push(
      `${unknown.join(', ')} ${
        unknown.length === 1 ? 'is' : 'are'
      } not in the software catalogue (${softwareIds.join(', ')})`,
    );
  }
  const distribution = softwareDistribution(image);
  if (!distribution) {
    problems.push(
      `Software cannot be installed on ${image.os} ${image.version}: the catalogue has packages for Ubuntu, Debian, Amazon Linux and RHEL only`,
    );
    return problems;
  }
  for (const id of software.filter(isSoftwareId)) {
    const install = softwareCatalogue[id].install[distribution];
    if ('refused' in install) {
      problems.push(
        `${id} cannot be installed on ${image.os} ${image.version}: ${install.refused}`,
      );
    }
  }
  return problems;
}

/**
 * The cloud-init user data (`#cloud-config`) that installs the software on
 * the image: the distribution's packages, then the extra commands and
 * `systemctl enable --now` of each service. Catalogue order, each package
 * once, so the same software gives the same text. Undefined for no
 * software; throws when {@link softwareProblems} names a problem. Pure.
 *
 * @public
 */
export function userDataFor(
  image: Pick<InstanceImage, 'os' | 'version'>,
  software: readonly string[],
): string | undefined {
  if (software.length === 0) {
    return undefined;
  }
  const problems = softwareProblems(image, software);
  const distribution = softwareDistribution(image);
  if (problems.length > 0 || !distribution) {
    throw new Error(problems.join('; '));
  }
  const wanted = new Set(software);
  const ids = softwareIds.filter(i => wanted.has(i));
  const packages: string[] = [];
  const commands: string[] = [];
  for (const id of ids) {
    const install = softwareCatalogue[id].install[distribution];
    if ('refused' in install) {
      continue;
    }
    packages.push(...install.packages.filter(p => !packages.includes(p)));
    commands.push(...(install.commands ?? []));
    if (install.service) {
      commands.push(`systemctl enable --now ${install.service}`);
    }
  }
  const lines = ['#cloud-config', `# software: ${ids.join(', ')}`];
  if (packages.length > 0) {
    lines.push('package_update: true', 'packages:');
    lines.push(...packages.map(p => `  - ${p}`));
  }
  if (commands.length > 0) {
    lines.push('runcmd:');
    lines.push(...commands.map(c => `  - ${JSON.stringify(c)}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The plan with every instance's `userData` derived from its software (and
 * none where it has no software): a planner's own user data is never kept,
 * so what boots is what the software list says, covered by the plan hash
 * and the same for apply and export. Expects a validated plan. Pure.
 *
 * @public
 */
export function withUserData(plan: Plan): Plan {
  return {
    ...plan,
    resources: plan.resources.map(resource => {
      if (resource.type !== 'aws_instance') {
        return resource;
      }
      const { userData: _fromPlanner, ...rest } = resource;
      const userData = userDataFor(resource.image, resource.software ?? []);
      return userData === undefined ? rest : { ...rest, userData };
    }),
  };
}
