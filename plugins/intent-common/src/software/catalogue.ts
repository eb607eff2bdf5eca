// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

/**
 * The ids of the vetted software catalogue: what an instance's `software`
 * may name. Software outside it is out of scope, never guessed.
 *
 * @public
 */
export const softwareIds = [
  'nginx',
  'apache',
  'docker',
  'git',
  'python3',
  'nodejs',
  'java',
  'postgresql-client',
  'mysql-client',
  'redis-tools',
  'htop',
  'tmux',
  'curl',
  'jq',
  'unzip',
  'awscli',
] as const;

/** @public */
export type SoftwareId = (typeof softwareIds)[number];

/**
 * The Linux distributions the catalogue knows, as their package manager sees
 * them: `apt` for Ubuntu and Debian, `dnf` for Amazon Linux 2023 and RHEL,
 * `yum` for Amazon Linux 2.
 *
 * @public
 */
export type SoftwareDistribution =
  | 'ubuntu'
  | 'debian'
  | 'amazon-linux-2023'
  | 'amazon-linux-2'
  | 'rhel';

/**
 * How one catalogue entry is installed on one distribution: packages for the
 * package manager, an optional service to enable and start, optional extra
 * commands; or why it is refused there. `packages: []` without a refusal
 * means the image already has it.
 *
 * @public
 */
export type SoftwareInstall =
  | { packages: string[]; service?: string; commands?: string[] }
  | { refused: string };

/** @public */
export interface SoftwareEntry {
  id: SoftwareId;
  title: string;
  install: Record<SoftwareDistribution, SoftwareInstall>;
}

const preinstalled: SoftwareInstall = { packages: [] };
const apt = (
  packages: string[],
  service?: string,
): Pick<
  Record<SoftwareDistribution, SoftwareInstall>,
  'ubuntu' | 'debian'
> => ({
  ubuntu: { packages, ...(service ? { service } : {}) },
  debian: { packages, ...(service ? { service } : {}) },
});
const pkg = (packages: string[], service?: string): SoftwareInstall => ({
  packages,
  ...(service ? { service } : {}),
});
const refused = (why: string): SoftwareInstall => ({ refused: why });

/**
 * The vetted software catalogue: per distribution, the package names from the
 * distribution's own repositories (no third-party repositories, no scripts
 * piped from the internet). Pure data.
 *
 * @public
 */
export const softwareCatalogue: Record<SoftwareId, SoftwareEntry> = {
  nginx: {
    id: 'nginx',
    title: 'nginx web server',
    install: {
      ...apt(['nginx'], 'nginx'),
      'amazon-linux-2023': pkg(['nginx'], 'nginx'),
      'amazon-linux-2': {
        packages: [],
        commands: ['amazon-linux-extras install -y nginx1'],
        service: 'nginx',
      },
      rhel: pkg(['nginx'], 'nginx'),
    },
  },
  apache: {
    id: 'apache',
    title: 'Apache HTTP Server',
    install: {
      ...apt(['apache2'], 'apache2'),
      'amazon-linux-2023': pkg(['httpd'], 'httpd'),
      'amazon-linux-2': pkg(['httpd'], 'httpd'),
      rhel: pkg(['httpd'], 'httpd'),
    },
  },
  docker: {
    id: 'docker',
    title: 'Docker Engine',
    install: {
      ...apt(['docker.io'], 'docker'),
      'amazon-linux-2023': pkg(['docker'], 'docker'),
      'amazon-linux-2': pkg(['docker'], 'docker'),
      rhel: refused('RHEL does not package Docker (it ships Podman)'),
    },
  },
  git: {
    id: 'git',
    title: 'Git',
    install: {
      ...apt(['git']),
      'amazon-linux-2023': pkg(['git']),
      'amazon-linux-2': pkg(['git']),
      rhel: pkg(['git']),
    },
  },
  python3: {
    id: 'python3',
    title: 'Python 3 with pip',
    install: {
      ...apt(['python3', 'python3-pip']),
      'amazon-linux-2023': pkg(['python3', 'python3-pip']),
      'amazon-linux-2': pkg(['python3', 'python3-pip']),
      rhel: pkg(['python3', 'python3-pip']),
    },
  },
  nodejs: {
    id: 'nodejs',
    title: 'Node.js with npm',
    install: {
      ...apt(['nodejs', 'npm']),
      'amazon-linux-2023': pkg(['nodejs', 'npm']),
      'amazon-linux-2': refused(
        'Amazon Linux 2 does not package Node.js (and its glibc is too old for current releases)',
      ),
      rhel: pkg(['nodejs', 'npm']),
    },
  },
  java: {
    id: 'java',
    title: 'Java (OpenJDK 17 runtime)',
    install: {
      ...apt(['openjdk-17-jre-headless']),
      'amazon-linux-2023': pkg(['java-17-amazon-corretto-headless']),
      'amazon-linux-2': pkg(['java-17-amazon-corretto-headless']),
      rhel: pkg(['java-17-openjdk-headless']),
    },
  },
  'postgresql-client': {
    id: 'postgresql-client',
    title: 'PostgreSQL client (psql)',
    install: {
      ...apt(['postgresql-client']),
      'amazon-linux-2023': pkg(['postgresql15']),
      'amazon-linux-2': pkg(['postgresql']),
      rhel: pkg(['postgresql']),
    },
  },
  'mysql-client': {
    id: 'mysql-client',
    title: 'MySQL client (mysql)',
    install: {
      ...apt(['default-mysql-client']),
      'amazon-linux-2023': pkg(['mariadb105']),
      'amazon-linux-2': pkg(['mariadb']),
      rhel: pkg(['mysql']),
    },
  },
  'redis-tools': {
    id: 'redis-tools',
    title: 'Redis command-line tools (redis-cli)',
    install: {
      ...apt(['redis-tools']),
      'amazon-linux-2023': pkg(['redis6']),
      'amazon-linux-2': refused(
        'Amazon Linux 2 packages Redis only through amazon-linux-extras',
      ),
      rhel: pkg(['redis']),
    },
  },
  htop: {
    id: 'htop',
    title: 'htop',
    install: {
      ...apt(['htop']),
      'amazon-linux-2023': pkg(['htop']),
      'amazon-linux-2': refused('Amazon Linux 2 packages htop only in EPEL'),
      rhel: refused('RHEL packages htop only in EPEL'),
    },
  },
  tmux: {
    id: 'tmux',
    title: 'tmux',
    install: {
      ...apt(['tmux']),
      'amazon-linux-2023': pkg(['tmux']),
      'amazon-linux-2': pkg(['tmux']),
      rhel: pkg(['tmux']),
    },
  },
  curl: {
    id: 'curl',
    title: 'curl',
    install: {
      ...apt(['curl']),
      // curl-minimal is preinstalled; installing curl would conflict with it.
      'amazon-linux-2023': preinstalled,
      'amazon-linux-2': preinstalled,
      rhel: preinstalled,
    },
  },
  jq: {
    id: 'jq',
    title: 'jq',
    install: {
      ...apt(['jq']),
      'amazon-linux-2023': pkg(['jq']),
      'amazon-linux-2': pkg(['jq']),
      rhel: pkg(['jq']),
    },
  },
  unzip: {
    id: 'unzip',
    title: 'unzip',
    install: {
      ...apt(['unzip']),
      'amazon-linux-2023': pkg(['unzip']),
      'amazon-linux-2': pkg(['unzip']),
      rhel: pkg(['unzip']),
    },
  },
  awscli: {
    id: 'awscli',
    title: 'AWS CLI',
    install: {
      ubuntu: {
        packages: [],
        commands: ['snap install aws-cli --classic'],
      },
      debian: pkg(['awscli']),
      'amazon-linux-2023': preinstalled,
      'amazon-linux-2': preinstalled,
      rhel: refused('RHEL does not package the AWS CLI'),
    },
  },
};
