// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { SecurityGroupRule } from '@intent-sandboxes/backstage-plugin-intent-common';
import { ask, assume, combine, Notes, NO_NOTES } from '../notes';
import { matchAll } from '../text';
import type { PlannerContext } from '@intent-sandboxes/backstage-plugin-intent-node';

/** A port range of one protocol, as a security group rule opens it. @internal */
export interface PortSpec {
  protocol: SecurityGroupRule['protocol'];
  fromPort: number;
  toPort: number;
  /** How people call it: `ssh`, `https`, `port 8080`. */
  label: string;
}

/** Where traffic may come from. @internal */
export type Source =
  | { kind: 'cidr'; cidr: string; v6: boolean }
  | { kind: 'my-ip' }
  | { kind: 'world' }
  | { kind: 'vpc' }
  | { kind: 'unknown'; said: string };

const tcp = (port: number, label: string): PortSpec => ({
  protocol: 'tcp',
  fromPort: port,
  toPort: port,
  label,
});

/**
 * Services people name instead of ports. `service` words (databases, ...)
 * only count when the text also says where from or uses a verb like
 * "open": "a postgres server" names a machine, not a rule.
 */
const SERVICES: Array<{ pattern: RegExp; ports: PortSpec[]; service?: true }> =
  [
    {
      pattern: /\bssh\b(?![- ]?(?:key|keypair|public key))/,
      ports: [tcp(22, 'ssh')],
    },
    {
      pattern: /\brdp\b|\bremote desktop\b/,
      ports: [tcp(3389, 'rdp')],
    },
    { pattern: /\bhttps\b|\btls\b|\bssl\b/, ports: [tcp(443, 'https')] },
    { pattern: /\bhttp\b(?!s)/, ports: [tcp(80, 'http')] },
    {
      pattern:
        /\bweb (?:traffic|ports?|access)\b|\bweb ?servers? (?:for|to host|to serve|hosting|serving)\b[^,;.]{0,40}?\b(?:site|blog|shop|store|page|app)\b|(?<!(?:for|the|our|my) )\bweb ?sites?\b(?! buckets?)|\b(?:host|serve)(?:s|ing)? (?:a |our |my |the )?(?:[\w']+ )?(?:site|blog)\b/,
      ports: [tcp(80, 'http'), tcp(443, 'https')],
    },
    {
      pattern: /\bicmp\b|\bping\b/,
      ports: [{ protocol: 'icmp', fromPort: -1, toPort: -1, label: 'icmp' }],
    },
    {
      pattern:
        /\ball (?:ports|traffic|protocols)\b|\bany port\b|\beverything open\b/,
      ports: [
        { protocol: 'all', fromPort: 0, toPort: 0, label: 'all traffic' },
      ],
    },
    {
      pattern: /\bpostgres(?:ql)?\b/,
      ports: [tcp(5432, 'postgresql')],
      service: true,
    },
    {
      pattern: /\bmysql\b|\bmariadb\b/,
      ports: [tcp(3306, 'mysql')],
      service: true,
    },
    { pattern: /\bredis\b/, ports: [tcp(6379, 'redis')], service: true },
    {
      pattern: /\bmongo(?:db)?\b/,
      ports: [tcp(27017, 'mongodb')],
      service: true,
    },
    {
      pattern: /\bwireguard\b/,
      ports: [
        { protocol: 'udp', fromPort: 51820, toPort: 51820, label: 'wireguard' },
      ],
      service: true,
    },
    {
      pattern: /\bminecraft\b/,
      ports: [tcp(25565, 'minecraft')],
      service: true,
    },
    {
      pattern: /\bdns\b/,
      ports: [{ protocol: 'udp', fromPort: 53, toPort: 53, label: 'dns' }],
      service: true,
    },
  ];

const RANGE = '\\d{1,5}(?:\\s*-\\s*\\d{1,5})?';
const PORT_LIST = new RegExp(
  `\\bports?\\s*[:=#]?\\s*(${RANGE}(?:\\s*(?:,|and|or|/|&)\\s*${RANGE})*)`,
);
const PROTOCOL_FIRST = new RegExp(`\\b(tcp|udp)\\s*[/: ]?\\s*(${RANGE})\\b`);
const PORT_FIRST = new RegExp(`\\b(${RANGE})\\s*/\\s*(tcp|udp)\\b`);
const VERB_PORTS =
  /\b(?:open|opens|opening|allow|expose|unblock|add|on|close|block|remove|revoke|deny|restrict|limit)\s+((?:\d{2,5}(?!\s*(?:gb|tb|hours?|days?|x\b|\.)))(?:\s*(?:,|and|&|\/)\s*\d{2,5})*)\b(?!\s*(?:gb|tb|hours?|days?|more|instances?|servers?))/;
const PORT_THEN_SOURCE =
  /(?<![./:\d-])\b(\d{2,5})\b(?=\s+(?:open\s+)?(?:to|from|for)\s)/;

const SERVICE_INTENT =
  /\b(?:open|opens|allow|expose|access|reachable|port|from|to the world|to everyone|restrict|limit|close|block|remove|revoke)\b/;

const MY_IP =
  /\b(?:my|our)\s+(?:own\s+)?(?:current\s+)?(?:public\s+)?(?:ip(?:v4|v6)?(?: address)?|address|laptop|machine|computer|workstation|home(?: network)?|location|connection)\b|\bfrom here\b|\bfrom home\b/;
const WORLD =
  /\b(?:the )?(?:world|internet|everyone|everybody|everywhere|anywhere|anyone|all ips?|all addresses)\b|\b(?:to|from|for) (?:the )?public\b|\bpublicly\b|\bopen to all\b|(?<![\d.])0\.0\.0\.0\/0\b/;
const CIDR4 = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?:\/(\d{1,2}))?(?![\d.])/;
const CIDR6 =
  /(?<![0-9a-f:])((?:[0-9a-f]{1,4}:){1,7}:?(?:[0-9a-f]{1,4})?\/\d{1,3}|::\/0)/;
const UNKNOWN =
  /\b(?:from|to|for)\s+(?:the\s+|our\s+)?(office|corporate network|company network|corp network|vpn|partners?|customers?|team)\b/;
const VPC_SOURCE =
  /\b(?:from|within|inside) (?:the )?vpc\b|\binternal(?:ly)?\b|\bfrom (?:the )?private network\b/;

/** Web ports are opened to the world when no source is named. */
const WEB_PORTS = new Set([80, 443]);

function parseRanges(list: string, label: (n: string) => string): PortSpec[] {
  return list
    .split(/\s*(?:,|and|or|\/|&)\s*/)
    .filter(Boolean)
    .flatMap(part => {
      const [from, to] = part.split(/\s*-\s*/).map(Number);
      const toPort = to ?? from;
      if (!(from >= 0 && toPort <= 65535 && from <= toPort)) {
        return [];
      }
      return [
        {
          protocol: 'tcp' as const,
          fromPort: from,
          toPort,
          label: label(part.replace(/\s+/g, '')),
        },
      ];
    });
}

function validIpv4(address: string, prefix?: string): boolean {
  return (
    address.split('.').every(octet => Number(octet) <= 255) &&
    (prefix === undefined || Number(prefix) <= 32)
  );
}

interface Mention<T> {
  index: number;
  value: T;
}

/** Every port a text names, with where it was named. @internal */
export function findPorts(text: string): Array<Mention<PortSpec[]>> {
  const clauses = splitClauses(text);
  const mentions: Array<Mention<PortSpec[]>> = [];
  for (const service of SERVICES) {
    for (const match of matchAll(text, service.pattern)) {
      if (
        service.service &&
        !SERVICE_INTENT.test(clauseAt(clauses, match.index!))
      ) {
        continue;
      }
      mentions.push({ index: match.index!, value: service.ports });
    }
  }
  // Most specific first; a number already read by one pattern is not read again.
  const numbered: Array<[RegExp, (m: RegExpExecArray) => PortSpec[]]> = [
    [
      PROTOCOL_FIRST,
      m =>
        parseRanges(m[2], n => `${m[1]} ${n}`).map(p => ({
          ...p,
          protocol: m[1] as 'tcp' | 'udp',
        })),
    ],
    [
      PORT_FIRST,
      m =>
        parseRanges(m[1], n => `${n}/${m[2]}`).map(p => ({
          ...p,
          protocol: m[2] as 'tcp' | 'udp',
        })),
    ],
    [PORT_LIST, m => parseRanges(m[1], n => `port ${n}`)],
    [VERB_PORTS, m => parseRanges(m[1], n => `port ${n}`)],
    [PORT_THEN_SOURCE, m => parseRanges(m[1], n => `port ${n}`)],
  ];
  const read: Array<[number, number]> = [];
  for (const [pattern, parse] of numbered) {
    for (const match of matchAll(text, pattern)) {
      const start = match.index!;
      const end = start + match[0].length;
      if (read.some(([from, to]) => start < to && end > from)) {
        continue;
      }
      read.push([start, end]);
      mentions.push({ index: start, value: parse(match) });
    }
  }
  return mentions
    .filter(m => m.value.length > 0)
    .sort((a, b) => a.index - b.index);
}

/** Every source a text names, with where it was named. @internal */
export function findSources(text: string): Array<Mention<Source>> {
  const mentions: Array<Mention<Source>> = [];
  const add = (pattern: RegExp, value: (m: RegExpExecArray) => Source) => {
    for (const match of matchAll(text, pattern)) {
      mentions.push({ index: match.index!, value: value(match) });
    }
  };
  add(MY_IP, () => ({ kind: 'my-ip' }));
  add(WORLD, () => ({ kind: 'world' }));
  add(UNKNOWN, m => ({ kind: 'unknown', said: m[1] }));
  add(VPC_SOURCE, () => ({ kind: 'vpc' }));
  for (const match of matchAll(text, CIDR4)) {
    const before = text.slice(Math.max(0, match.index! - 24), match.index);
    const [address, prefix] = [match[1], match[2]];
    const isNetwork =
      /\b(?:vpc|subnets?|cidr|address space|range)\b[^,;]*$/.test(before) &&
      !/\b(?:from|to|allow|only|restrict(?:ed)?|limit(?:ed)?)\b[^,;]*$/.test(
        before,
      );
    if (isNetwork || !validIpv4(address, prefix) || match[0] === '0.0.0.0/0') {
      continue;
    }
    mentions.push({
      index: match.index!,
      value: { kind: 'cidr', cidr: `${address}/${prefix ?? 32}`, v6: false },
    });
  }
  add(CIDR6, m =>
    m[1] === '::/0'
      ? { kind: 'world' }
      : { kind: 'cidr', cidr: m[1], v6: true },
  );
  return mentions.sort((a, b) => a.index - b.index);
}

function splitClauses(text: string): Array<{ start: number; text: string }> {
  const clauses: Array<{ start: number; text: string }> = [];
  let start = 0;
  for (const match of matchAll(text, /[,;]|\.(?:\s|$)/)) {
    clauses.push({ start, text: text.slice(start, match.index) });
    start = match.index! + match[0].length;
  }
  clauses.push({ start, text: text.slice(start) });
  return clauses;
}

function clauseAt(
  clauses: Array<{ start: number; text: string }>,
  index: number,
): string {
  return [...clauses].reverse().find(c => c.start <= index)?.text ?? '';
}

/** A port group and the sources it was given. */
interface Grant {
  ports: PortSpec[];
  sources: Source[];
}

/**
 * Pairs ports with sources in reading order: each source applies to the
 * ports named since the previous source ("ssh and http from my IP, 443 to
 * the world"); a source with no ports pending adds to the previous grant
 * ("ssh from 10.0.0.0/8 and 192.168.0.0/16") or leads the ports that
 * follow ("from my IP: ssh and http").
 */
function pair(
  ports: Array<Mention<PortSpec[]>>,
  sources: Array<Mention<Source>>,
): Grant[] {
  const events = [
    ...ports.map(p => ({ index: p.index, ports: p.value })),
    ...sources.map(s => ({ index: s.index, source: s.value })),
  ].sort((a, b) => a.index - b.index);
  const grants: Grant[] = [];
  let pending: PortSpec[] = [];
  let leading: Source | undefined;
  for (const event of events) {
    if ('ports' in event && event.ports) {
      pending.push(...event.ports);
    } else if ('source' in event && event.source) {
      if (pending.length > 0) {
        grants.push({ ports: pending, sources: [event.source] });
        pending = [];
      } else if (grants.length > 0 && !leading) {
        grants[grants.length - 1].sources.push(event.source);
      } else {
        leading = event.source;
      }
    }
  }
  if (pending.length > 0) {
    grants.push({ ports: pending, sources: leading ? [leading] : [] });
  }
  return grants;
}

/** @internal */
export interface IngressOptions {
  context?: PlannerContext;
  /** The CIDR of the VPC the plan creates, for "from the VPC". */
  vpcCidr?: string;
  /** Used in assumption fields, e.g. `aws_security_group.web`. */
  address: string;
}

function resolve(
  source: Source,
  what: string,
  options: IngressOptions,
): { cidr?: string; v6?: boolean; notes: Notes } {
  switch (source.kind) {
    case 'cidr':
      return { cidr: source.cidr, v6: source.v6, notes: NO_NOTES };
    case 'world':
      return { cidr: '0.0.0.0/0', notes: NO_NOTES };
    case 'my-ip': {
      const ip = options.context?.clientIp;
      if (!ip) {
        return {
          notes: ask(
            `Your IP address is not known here: which address should reach ${what}? Name it, e.g. "${what} from 203.0.113.4"`,
          ),
        };
      }
      const v6 = ip.includes(':');
      return {
        cidr: `${ip.replace(/^::ffff:/, '')}/${
          v6 && !ip.startsWith('::ffff:') ? 128 : 32
        }`,
        v6: v6 && !ip.startsWith('::ffff:'),
        notes: NO_NOTES,
      };
    }
    case 'vpc':
      return options.vpcCidr
        ? { cidr: options.vpcCidr, notes: NO_NOTES }
        : {
            notes: ask(
              `"From the VPC" needs a VPC in the plan: name the CIDR ${what} should be reachable from`,
            ),
          };
    default:
      return {
        notes: ask(
          `Which addresses does "${source.said}" mean for ${what}? Name a CIDR block, e.g. 198.51.100.0/24`,
        ),
      };
  }
}

/** Merges rules that open the same ports, keeping the sources of both. */
function mergeRules(rules: SecurityGroupRule[]): SecurityGroupRule[] {
  const merged = new Map<string, SecurityGroupRule>();
  for (const rule of rules) {
    const key = `${rule.protocol}/${rule.fromPort}-${rule.toPort}`;
    const existing = merged.get(key);
    if (!existing) {
      merged.set(key, { ...rule });
      continue;
    }
    existing.cidrBlocks = [
      ...new Set([...existing.cidrBlocks, ...rule.cidrBlocks]),
    ];
    existing.ipv6CidrBlocks = [
      ...new Set([...existing.ipv6CidrBlocks, ...rule.ipv6CidrBlocks]),
    ];
  }
  return [...merged.values()];
}

/** @internal */
export interface IngressMatch {
  rules: SecurityGroupRule[];
  notes: Notes;
}

/**
 * The inbound rules a text asks for. A source that cannot be resolved
 * (your IP unknown, "from the office") becomes a question and no rule;
 * web ports with no source are opened to the world, said as an assumption;
 * other ports with no source are asked about.
 *
 * @internal
 */
export function matchIngress(
  text: string,
  options: IngressOptions,
): IngressMatch {
  const grants = pair(findPorts(text), findSources(text));
  const rules: SecurityGroupRule[] = [];
  const found: Notes[] = [];
  for (const grant of grants) {
    let sources = grant.sources;
    if (sources.length === 0) {
      const web = grant.ports.filter(p => WEB_PORTS.has(p.fromPort));
      const other = grant.ports.filter(p => !WEB_PORTS.has(p.fromPort));
      if (web.length > 0) {
        grant.ports = web;
        sources = [{ kind: 'world' }];
        found.push(
          assume(
            `${options.address}.ingress`,
            `${web.map(p => p.label).join(', ')} from 0.0.0.0/0`,
            'No source was named for web ports; a web server serves everyone',
          ),
        );
      }
      if (other.length > 0) {
        const what = other.map(p => p.label).join(', ');
        const ip = options.context?.clientIp;
        if (ip) {
          // What a cloud console calls "My IP": the requester's address.
          const mine = resolve({ kind: 'my-ip' }, what, options);
          if (mine.cidr) {
            for (const port of other) {
              rules.push({
                protocol: port.protocol,
                fromPort: port.fromPort,
                toPort: port.toPort,
                cidrBlocks: mine.v6 ? [] : [mine.cidr],
                ipv6CidrBlocks: mine.v6 ? [mine.cidr] : [],
                description: port.label,
              });
            }
            found.push(
              assume(
                `${options.address}.ingress`,
                `${what} from ${mine.cidr}`,
                `No source was named for ${what}; only your address (${mine.cidr}, "My IP") may connect. Say e.g. "${other[0].label} from 10.0.0.0/8" or "from anywhere" to change it`,
              ),
            );
          }
        } else {
          found.push(
            ask(
              `From where should ${what} be reachable? Say e.g. "${other[0].label} from my IP" or "from 10.0.0.0/8"`,
            ),
          );
        }
      }
    }
    for (const source of sources) {
      const resolved = resolve(
        source,
        grant.ports.map(p => p.label).join(', '),
        options,
      );
      found.push(resolved.notes);
      if (!resolved.cidr) {
        continue;
      }
      for (const port of grant.ports) {
        rules.push({
          protocol: port.protocol,
          fromPort: port.fromPort,
          toPort: port.toPort,
          cidrBlocks: resolved.v6 ? [] : [resolved.cidr],
          ipv6CidrBlocks: resolved.v6 ? [resolved.cidr] : [],
          description: port.label,
        });
      }
    }
  }
  return { rules: mergeRules(rules), notes: combine(...found) };
}

/** Whether the text restricts egress ("no outbound traffic"). @internal */
export function blocksEgress(text: string): boolean {
  return /\bno (?:outbound|egress)\b|\bblock (?:all )?(?:outbound|egress)\b|\bwithout (?:outbound|egress|internet access)\b|\bno internet access\b/.test(
    text,
  );
}

/**
 * The CIDR blocks a text names as sources, resolved ("my IP" through the
 * context), for edits that change where existing rules allow traffic from.
 *
 * @internal
 */
export function resolveSources(
  text: string,
  what: string,
  options: IngressOptions,
): { cidrBlocks: string[]; ipv6CidrBlocks: string[]; notes: Notes } {
  const resolved = findSources(text).map(s => resolve(s.value, what, options));
  return {
    cidrBlocks: resolved.filter(r => r.cidr && !r.v6).map(r => r.cidr!),
    ipv6CidrBlocks: resolved.filter(r => r.cidr && r.v6).map(r => r.cidr!),
    notes: combine(...resolved.map(r => r.notes)),
  };
}
