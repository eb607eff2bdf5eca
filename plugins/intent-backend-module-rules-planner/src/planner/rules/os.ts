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
  /** Any version written after the system's name, known or not. */
  written?: RegExp;
  /** Versions kept with a warning: past standard support. */
  old?: Record<string, string>;
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
    written:
      /\bubuntu(?: server)?\s*v?(\d{2}(?:\.\d{1,2})?)\b(?!\s*(?:gb|tb|hours?|days?|x\b|instances?|vms?|servers?|machines?|box(?:es)?|nodes?|hosts?|more))/,
    old: { '20.04': 'its standard support ended in May 2025' },
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
    written:
      /\bamazon ?linux\s*v?(\d{1,4})\b(?!\s*(?:gb|tb|hours?|days?|x\b|instances?|vms?|servers?|machines?|box(?:es)?|nodes?|hosts?|more))/,
    old: { '2': 'it reaches end of support in June 2026' },
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
    written:
      /\bdebian\s*v?(\d{1,2})\b(?!\s*(?:gb|tb|hours?|days?|x\b|instances?|vms?|servers?|machines?|box(?:es)?|nodes?|hosts?|more))/,
  },
  {
    os: 'rhel',
    label: 'Red Hat Enterprise Linux',
    pattern: /\brhel\b|\bred ?hat\b/,
    defaultVersion: '9',
    versions: [
      [
        /\b(?:rhel|red ?hat(?: enterprise linux)?)\s*(9(?:\.\d{1,2})?)(?![.\d])/,
        '9',
      ],
      [
        /\b(?:rhel|red ?hat(?: enterprise linux)?)\s*(8(?:\.\d{1,2})?)(?![.\d])/,
        '8',
      ],
    ],
    written:
      /\b(?:rhel|red ?hat(?: enterprise linux)?)\s*v?(\d{1,2}(?:\.\d{1,2})?)(?![.\d])(?!\s*(?:gb|tb|hours?|days?|x\b|instances?|vms?|servers?|machines?|box(?:es)?|nodes?|hosts?|more))/,
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
    written:
      /\b(?:windows|win)(?: server)?\s*(20\d\d|\d{1,2})\b(?!\s*(?:gb|tb|hours?|days?|x\b|instances?|vms?|servers?|machines?|box(?:es)?|nodes?|hosts?|more))/,
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
  /** A version written that the image catalogue does not have. */
  unknownVersion?: string;
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
  const known = rule.versions.find(([pattern]) => pattern.test(text));
  if (known) {
    // A minor version written out ("RHEL 8.10") is kept as written.
    const minor = text.match(known[0])?.[1];
    const version =
      minor && minor.startsWith(`${known[1]}.`) ? minor : known[1];
    return { os: rule.os, version, notes: NO_NOTES };
  }
  const written = rule.written ? text.match(rule.written)?.[1] : undefined;
  if (written) {
    return {
      os: rule.os,
      notes: ask(
        `${
          rule.label
        } ${written} is not in the image catalogue: choose ${rule.versions
          .map(([, v]) => `${rule.label} ${v}`)
          .join(', ')}`,
      ),
      unknownVersion: written,
    };
  }
  return { os: rule.os, version: undefined, notes: NO_NOTES };
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
    const unsupported = texts.map(t => t.match(UNSUPPORTED)?.[1]).find(Boolean);
    if (unsupported) {
      return {
        image: { os: 'ubuntu', version: '24.04', architecture },
        notes: combine(
          problems,
          assume(
            `${address}.image`,
            'Ubuntu 24.04',
            `${unsupported} is not offered; the plan shows Ubuntu 24.04 only until you choose a system (see the question)`,
          ),
        ),
      };
    }
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
  const major = version.split('.')[0];
  const oldReason = rule.old?.[version] ?? rule.old?.[major];
  let notes: Notes;
  if (
    named.unknownVersion ||
    (named.version && !oldReason) ||
    (!named.version && LATEST.test(all))
  ) {
    notes = problems;
  } else if (named.version && oldReason) {
    notes = combine(
      problems,
      assume(
        `${address}.image`,
        `${rule.label} ${version}`,
        `${rule.label} ${version} is kept as asked, but ${oldReason}; policy decides whether it may run (say "${rule.label} ${rule.defaultVersion}" for the current one)`,
      ),
    );
  } else {
    notes = combine(
      problems,
      assume(
        `${address}.image`,
        `${rule.label} ${version}`,
        `No ${rule.label} version was named; ${version} is the newest supported`,
      ),
    );
  }
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
