// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  Architecture,
  InstanceImage,
  OperatingSystem,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, assume, combine, Notes, NO_NOTES } from '../notes';

interface OsRule {
  os: OperatingSystem;
  label: string;
  pattern: RegExp;
  defaultVersion: string;
  versions: Array<[RegExp, string]>;
}

/** The operating systems a sandbox offers, their versions and code names. */
const OS_RULES: OsRule[] = [
  {
    os: 'ubuntu',
    label: 'Ubuntu',
    pattern: /\bubuntu\b|\bnoble\b|\bjammy\b|\bfocal\b/,
    defaultVersion: '24.04',
    versions: [
      [/\b24\.04\b|\bnoble\b|\bubuntu\s*24\b/, '24.04'],
      [/\b22\.04\b|\bjammy\b|\bubuntu\s*22\b/, '22.04'],
      [/\b20\.04\b|\bfocal\b|\bubuntu\s*20\b/, '20.04'],
    ],
  },
  {
    os: 'amazon-linux',
    label: 'Amazon Linux',
    pattern:
      /\bamazon linux\b|\bal ?2023\b|\bal2\b|\bamzn\d?\b|\bamazonlinux\b/,
    defaultVersion: '2023',
    versions: [
      [/\b(?:amazon ?linux|al) ?2023\b/, '2023'],
      [/\bamazon ?linux ?2\b|\bal2\b|\bamzn2\b/, '2'],
    ],
  },
  {
    os: 'debian',
    label: 'Debian',
    pattern: /\bdebian\b|\bbookworm\b|\bbullseye\b|\btrixie\b/,
    defaultVersion: '12',
    versions: [
      [/\bdebian\s*12\b|\bbookworm\b/, '12'],
      [/\bdebian\s*11\b|\bbullseye\b/, '11'],
      [/\bdebian\s*13\b|\btrixie\b/, '13'],
    ],
  },
  {
    os: 'rhel',
    label: 'Red Hat Enterprise Linux',
    pattern: /\brhel\b|\bred ?hat\b/,
    defaultVersion: '9',
    versions: [
      [/\b(?:rhel|red ?hat(?: enterprise linux)?)\s*9\b/, '9'],
      [/\b(?:rhel|red ?hat(?: enterprise linux)?)\s*8\b/, '8'],
    ],
  },
  {
    os: 'windows-server',
    label: 'Windows Server',
    pattern: /\bwindows\b|\bwin ?(?:server|20\d\d)\b/,
    defaultVersion: '2022',
    versions: [
      [/\b(?:windows|win)(?: server)?\s*2025\b/, '2025'],
      [/\b(?:windows|win)(?: server)?\s*2022\b/, '2022'],
      [/\b(?:windows|win)(?: server)?\s*2019\b/, '2019'],
    ],
  },
];

/** Systems people ask for that the sandbox does not offer. */
const UNSUPPORTED =
  /\b(centos|rocky(?: linux)?|alma ?(?:linux)?|fedora|suse|sles|opensuse|freebsd|macos|mac os|kali|arch linux|oracle linux|gentoo)\b/;

const GENERIC_LINUX = /\blinux\b/;
const LATEST = /\b(?:latest|newest|current|lts)\b/;

/** @internal */
export interface OsMatch {
  os?: OperatingSystem;
  version?: string;
  notes: Notes;
}

/**
 * The operating system and version a text names, if any. An unsupported
 * system becomes a question.
 *
 * @internal
 */
export function matchOs(text: string): OsMatch {
  const rule = OS_RULES.find(r => r.pattern.test(text));
  if (!rule) {
    const unsupported = text.match(UNSUPPORTED)?.[1];
    if (unsupported) {
      return {
        notes: ask(
          `${unsupported} is not offered: choose Ubuntu, Amazon Linux, Debian, RHEL or Windows Server`,
        ),
      };
    }
    return { notes: NO_NOTES };
  }
  const version = rule.versions.find(([pattern]) => pattern.test(text))?.[1];
  return { os: rule.os, version, notes: NO_NOTES };
}

/** @internal */
export function labelOf(os: OperatingSystem): string {
  return OS_RULES.find(r => r.os === os)?.label ?? os;
}

/**
 * The image of an instance: what the text names, defaults said out loud.
 * `texts` are tried in order (the instance's own words before words shared
 * with other instances).
 *
 * @internal
 */
export function planImage(
  texts: string[],
  address: string,
  architecture: Architecture,
): { image: InstanceImage; notes: Notes } {
  const found = texts.map(matchOs);
  const named = found.find(m => m.os);
  const problems = combine(...found.map(m => m.notes));
  const all = texts.join(' ');
  if (!named?.os) {
    const linux = GENERIC_LINUX.test(all);
    return {
      image: { os: 'ubuntu', version: '24.04', architecture },
      notes: combine(
        problems,
        assume(
          `${address}.image`,
          'Ubuntu 24.04',
          linux
            ? 'Linux was asked for without a distribution; Ubuntu 24.04 LTS is the default'
            : 'No operating system was named; Ubuntu 24.04 LTS is the default',
        ),
      ),
    };
  }
  const rule = OS_RULES.find(r => r.os === named.os)!;
  const version = named.version ?? rule.defaultVersion;
  const notes =
    named.version || LATEST.test(all)
      ? problems
      : combine(
          problems,
          assume(
            `${address}.image`,
            `${rule.label} ${version}`,
            `No ${rule.label} version was named; ${version} is the newest supported`,
          ),
        );
  const armWindows =
    rule.os === 'windows-server' && architecture === 'arm64'
      ? ask(
          'Windows Server has no arm64 images on EC2: pick an x86_64 type (e.g. t3.large) or another system',
        )
      : NO_NOTES;
  return {
    image: { os: rule.os, version, architecture },
    notes: combine(notes, armWindows),
  };
}
