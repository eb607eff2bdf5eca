// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type {
  OperatingSystem,
  SoftwareId,
} from '@intent-sandboxes/backstage-plugin-intent-common';
import { combine, Notes, notes, NO_NOTES } from '../notes';

/** How people name the vetted catalogue's software. */
const VETTED: Array<[RegExp, SoftwareId]> = [
  [/\bnginx\b/, 'nginx'],
  [
    /\bapache\b(?!\s+(?:kafka|spark|tomcat|airflow|cassandra|solr|flink|hadoop|superset|license))|\bhttpd\b/,
    'apache',
  ],
  [/\bdocker\b(?![- ]?(?:hub|swarm))/, 'docker'],
  [/\bgit\b(?![- ]?(?:hub|lab))/, 'git'],
  [/\bpython\s*3?\b(?!\s*2)|\bpython3\b/, 'python3'],
  [/\bnode\.?js\b|\bnodejs\b|\bnode (?:\d{2}|lts)\b|\bnpm\b/, 'nodejs'],
  [/\bjava\b|\bopenjdk\b|\bjdk\b|\bjre\b/, 'java'],
  [/\b(?:postgres(?:ql)?|psql) client\b|\bpsql\b/, 'postgresql-client'],
  [/\bmysql client\b/, 'mysql-client'],
  [/\bredis[- ](?:tools|cli)\b/, 'redis-tools'],
  [/\bhtop\b/, 'htop'],
  [/\btmux\b/, 'tmux'],
  [/\bcurl\b/, 'curl'],
  [/\bjq\b/, 'jq'],
  [/\bunzip\b/, 'unzip'],
  [/\baws ?cli(?: v?2)?\b|\bawscli\b/, 'awscli'],
];

/** @internal */
export interface SoftwareMatch {
  /** Catalogue ids, in the order they were asked for. */
  ids: SoftwareId[];
  notes: Notes;
}

/**
 * The vetted software a machine's words ask for ("with nginx", "Docker
 * installed", "an Apache server", "Python 3 and git"). Windows gets none:
 * the catalogue is for Linux package managers.
 *
 * @internal
 */
export function matchSoftware(
  text: string,
  os: OperatingSystem,
): SoftwareMatch {
  const found = VETTED.map(([pattern, id]) => {
    const match = text.match(pattern);
    return match ? { id, index: match.index!, said: match[0] } : undefined;
  })
    .filter((m): m is { id: SoftwareId; index: number; said: string } =>
      Boolean(m),
    )
    .sort((a, b) => a.index - b.index);
  if (found.length === 0) {
    return { ids: [], notes: NO_NOTES };
  }
  if (os === 'windows-server') {
    return {
      ids: [],
      notes: notes({
        outOfScope: [
          `"${found
            .map(f => f.said)
            .join(
              ', ',
            )}": software is installed at first boot on Linux only; on Windows Server install it once the machine runs`,
        ],
      }),
    };
  }
  const ids = [...new Set(found.map(f => f.id))];
  return {
    ids,
    notes: combine(
      ...found
        .filter(f => f.id === 'docker')
        .map(f =>
          notes({
            outOfScope: [
              `"${f.said}": ${f.id} is installed at first boot (software: ${f.id}); what runs on it (containers, configuration) is not part of the plan`,
            ],
          }),
        ),
    ),
  };
}

/** Whether a word names vetted software (then it is not out of scope). @internal */
export function isVettedSoftware(words: string): boolean {
  return VETTED.some(([pattern]) => pattern.test(words));
}
