// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import type { JsonObject } from '@backstage/types';
import { ChildProcess, spawn } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';
import type { Knex } from 'knex';
import request from 'supertest';
import type { ReplicaMessage, ReplicaStart } from './replicaProtocol';

/** A backend replica in a child process of the test, loaded and not started yet. */
export interface ReplicaLauncher {
  /**
   * Starts the intent backend in the child on the database `knex` points
   * at, with `config`; resolves once it serves requests.
   */
  start(options: {
    knex: Knex;
    config: JsonObject;
    timeoutMillis?: number;
  }): Promise<ReplicaProcess>;
  /** Sends `signal` (SIGKILL: no shutdown hook, no last write) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** A backend replica serving requests in a child process. */
export interface ReplicaProcess {
  /** The replica's base URL, e.g. `http://localhost:41234`. */
  url: string;
  /** Requests to the replica over HTTP. */
  api(): ReturnType<typeof request>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

function exited(child: ChildProcess) {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Spawns a node process that loads the intent backend (replicaMain.ts) while
 * the test does something else, e.g. starts the other replica: loading is
 * most of a start-up. TypeScript runs through the node transform that
 * `backstage-cli package start` uses. Kill the child before the test ends.
 */
export function spawnReplicaProcess(): ReplicaLauncher {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolvePath(__dirname, 'replicaMain.ts'),
    ],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  // The end of the child's output, to explain a failed start.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  /** The next message of `type`; rejects when the child fails or exits first. */
  const next = <T extends ReplicaMessage['type']>(
    type: T,
    timeoutMillis: number,
  ) =>
    new Promise<Extract<ReplicaMessage, { type: T }>>((resolve, reject) => {
      let cleanUp = () => {};
      const fail = (reason: string) => {
        cleanUp();
        reject(
          new Error(
            `The replica process ${reason} before '${type}'; its output:\n${output}`,
          ),
        );
      };
      // The node transform sends messages of its own (files to watch): skip them.
      const onMessage = (message: Partial<ReplicaMessage>) => {
        if (message?.type === type) {
          cleanUp();
          resolve(message as Extract<ReplicaMessage, { type: T }>);
        } else if (message?.type === 'intent-replica-failed') {
          fail(`failed (${message.error})`);
        }
      };
      const onExit = (code: number | null, signal: string | null) =>
        fail(`exited (${signal ?? code})`);
      const timer = setTimeout(
        () => fail(`sent nothing for ${timeoutMillis} ms`),
        timeoutMillis,
      );
      cleanUp = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const loaded = next('intent-replica-loaded', 120_000);
  loaded.catch(() => {}); // reported by start()

  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (!exited(child)) {
      const gone = new Promise(done => child.once('exit', done));
      child.kill(signal);
      await gone;
    }
  };
  return {
    kill,
    async start({ knex, config, timeoutMillis = 60_000 }) {
      await loaded;
      if (exited(child)) {
        throw new Error(
          `The replica process has exited; its output:\n${output}`,
        );
      }
      const { client, connection } = knex.client.config;
      const ready = next('intent-replica-ready', timeoutMillis);
      const message: ReplicaStart = {
        type: 'intent-replica-start',
        options: { database: { client, connection }, config },
      };
      child.send(message);
      const url = `http://localhost:${(await ready).port}`;
      return { url, api: () => request(url), kill };
    },
  };
}
