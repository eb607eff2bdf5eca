// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { isVettedSoftware } from './software';

/**
 * Words that make "set up X" or "deploy X" a resource request rather than
 * software: "set up a t3.micro" is planned, "set up nginx" is not.
 */
const RESOURCE_WORDS =
  /\b(?:instances?|vms?|servers?|machines?|box(?:es)?|hosts?|nodes?|sandbox(?:es)?|buckets?|volumes?|disks?|vpcs?|subnets?|security groups?|firewall|key ?pairs?|ssh keys?|eips?|elastic ips?|ips?|ec2|[a-z]{1,4}\d[a-z0-9-]{0,4}\.[a-z0-9]+|ubuntu|debian|windows|rhel|amazon linux|linux|it|them|that|this|ports?|ssh|rdp|https?)\b/;

const MACHINE_WORDS =
  /\b(?:instances?|vms?|servers?|machines?|box(?:es)?|hosts?|ec2|[a-z]{1,4}\d[a-z0-9-]{0,4}\.[a-z0-9]+|ubuntu|debian|rhel|amazon linux|linux)\b/;

const SOFTWARE =
  /\b(install(?:ed|ing)?|set ?up|configure|deploy|run(?:ning)?|pre-?installed|with)\s+((?:[a-z0-9.+#-]+)(?:\s(?!on\b|in\b|for\b|with\b|and\b|from\b|to\b)[a-z0-9.+#-]+){0,2})/g;
/** "docker installed", "nginx preinstalled", "with docker on it". */
const SOFTWARE_AFTER =
  /\b([a-z0-9.+#-]+)\s+(?:installed|pre-?installed|set up|configured|running on it|on it)\b/g;
const SOFTWARE_VERBS = /^(?:install(?:ed|ing)?|set ?up|configure|deploy)$/;
/** Software people ask to have "running" or "with" on a machine. */
const KNOWN_SOFTWARE =
  /^(?:docker|nginx|apache|httpd|kubernetes|k8s|k3s|node(?:js|\.js)?|python\d?|java|jdk|postgres(?:ql)?|mysql|mariadb|redis|mongo(?:db)?|jenkins|gitlab(?:-runner)?|github runner|grafana|prometheus|elasticsearch|kafka|rabbitmq|wordpress|php|ruby|rust|go|golang|tomcat|caddy|traefik|vscode|code-server|jupyter|cuda|nvidia drivers?|terraform|ansible|git)\b/;

const SERVICES: Array<[RegExp, string]> = [
  [
    /\bnat gateways?\b|\bnat\b/,
    'a NAT gateway is not a sandbox resource (instances in a private subnet have no outbound internet)',
  ],
  [
    /\b(?:application |network )?load balancers?\b|\b(?:alb|elb|nlb)s?\b/,
    'load balancers are not a sandbox resource',
  ],
  [
    /\brds\b|\baurora\b|\bmanaged (?:database|db|postgres|mysql)\b|\bdynamo ?db\b|\belasticache\b/,
    'managed databases are not a sandbox resource: ask for a "db server" instance and install the database on it',
  ],
  [
    /\blambdas?\b|\bserverless\b/,
    'Lambda functions are not a sandbox resource',
  ],
  [
    /\beks\b|\becs\b|\bfargate\b|\bkubernetes cluster\b|\bk8s cluster\b/,
    'container clusters (EKS, ECS) are not a sandbox resource',
  ],
  [
    /\biam\b|\binstance profile\b|\b(?:iam )?roles?\b(?! of)/,
    'IAM roles and policies are managed by the platform team, not by sandboxes',
  ],
  [
    /\broute ?53\b|\bdns records?\b|\bdomain(?: name)?\b|\bhostname\b/,
    'DNS records and domains are not sandbox resources',
  ],
  [
    /\bcertificates?\b|\bacm\b|\blet'?s ?encrypt\b/,
    'certificates are not sandbox resources',
  ],
  [
    /\bcloudfront\b|\bcdn\b/,
    'CloudFront distributions are not a sandbox resource',
  ],
  [
    /\bauto ?scaling(?: group)?\b|\basg\b/,
    'auto scaling groups are not a sandbox resource: ask for a number of instances',
  ],
  [
    /\bvpn (?:gateway|connection)\b|\btransit gateway\b|\bvpc peering\b|\bpeering\b|\bdirect connect\b/,
    'VPN, peering and transit gateways are not sandbox resources',
  ],
  [
    /\bsnapshots?\b|\bbackup (?:plans?|schedules?|polic(?:y|ies))\b|\b(?:daily|nightly|weekly|automated|automatic|scheduled) backups?\b|\b(?:create|build|bake) an? ami\b/,
    'backups, snapshots and images are not sandbox resources',
  ],
  [
    /\bssm\b|\bsession manager\b|\bsystems manager\b/,
    'Systems Manager (SSM) setup is not a sandbox resource: it needs an IAM instance profile, which sandboxes do not create',
  ],
  [
    /\befs\b|\belastic file system\b|\bfsx\b/,
    'shared file systems (EFS, FSx) are not sandbox resources',
  ],
  [
    /\bapi gateway\b|\bcognito\b|\bsecrets? manager\b|\bkms key\b|\bwaf\b|\bshield\b/,
    'this AWS service is not a sandbox resource',
  ],
  [
    /\bcloudwatch\b|\balarms?\b|\balerting\b/,
    'monitoring and alarms are not sandbox resources',
  ],
  [
    /\bsqs\b|\bsns\b|\bmessage queues?\b/,
    'queues and topics are not sandbox resources',
  ],
  [
    /\bmount(?:ed)?\b|\bformat(?:ted)?\b/,
    'mounting and formatting a volume happens on the machine, not in the plan (the volume is attached)',
  ],
  [
    /\buser[- ]?data\b|\bcloud-init\b|\bstartup script\b/,
    'startup scripts are not part of the plan',
  ],
  [
    /\b(?:stop|shut ?down|turn off) (?:it )?(?:at night|every night|nightly|on weekends|after hours)\b|\bschedule\b/,
    'schedules are not supported: the sandbox lives until it expires',
  ],
];

/** Software people name that the vetted catalogue does not have. */
const UNVETTED =
  /\b(pi-?hole|jenkins|kubernetes|k3s|minikube|wordpress|grafana|prometheus|elasticsearch|kafka|rabbitmq|mongo(?:db)?|mariadb|mysql(?: server)?|postgres(?:ql)?(?: server)?|redis(?: server)?|tomcat|caddy|traefik|code-server|vscode|jupyter(?:lab)?|cuda|nvidia drivers?|terraform|ansible|php|ruby|golang|rust|nextcloud|plex|minecraft server|openvpn|wireguard|gitlab(?:-runner)?|sonarqube|nexus|vault|consul|nomad|portainer|home assistant|metabase|airflow|spark)\b/g;

function excerpt(text: string, index: number, length: number): string {
  return text.slice(index, index + length).trim();
}

/**
 * Parts of the request that are not resources: software to install, AWS
 * services a sandbox does not create, operating-system work. Each comes back
 * with what was asked, so nothing is silently dropped.
 *
 * @internal
 */
export function matchOutOfScope(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SOFTWARE)) {
    const [phrase, verb, object] = match;
    if (RESOURCE_WORDS.test(object)) {
      continue;
    }
    const firstWord = object.split(' ')[0];
    if (!SOFTWARE_VERBS.test(verb) && !KNOWN_SOFTWARE.test(firstWord)) {
      continue;
    }
    if (isVettedSoftware(firstWord) && MACHINE_WORDS.test(text)) {
      // Installed from the vetted catalogue (the instance's `software`).
      continue;
    }
    const what = SOFTWARE_VERBS.test(verb) ? phrase : object;
    found.push(
      `"${what.trim()}": software on the machine is not a cloud resource; install it once the machine runs`,
    );
  }
  for (const match of text.matchAll(SOFTWARE_AFTER)) {
    if (isVettedSoftware(match[1]) && MACHINE_WORDS.test(text)) {
      continue;
    }
    if (KNOWN_SOFTWARE.test(match[1])) {
      found.push(
        `"${match[0]}": software on the machine is not a cloud resource; install it once the machine runs`,
      );
    }
  }
  for (const [pattern, reason] of SERVICES) {
    const match = text.match(pattern);
    if (match) {
      found.push(
        `"${excerpt(text, match.index!, match[0].length)}": ${reason}`,
      );
    }
  }
  if (MACHINE_WORDS.test(text)) {
    for (const match of text.matchAll(UNVETTED)) {
      if (!found.some(f => f.includes(match[1]))) {
        found.push(
          `"${match[1]}": ${match[1]} is not in the vetted software catalogue; install it once the machine runs`,
        );
      }
    }
  }
  return [...new Set(found)];
}
