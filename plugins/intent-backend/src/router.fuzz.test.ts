// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The Intent Sandboxes Authors

import { startIntentBackend } from './__testUtils__/backend';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(300_000);

/** A small seeded PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'intent',
  'planHash',
  'confirm',
  'hours',
  'base',
  'sessionId',
  'team',
  'decision',
  'cloudId',
  'attributes',
  'tags',
  'code',
  'message',
  'times',
  'x',
  '__proto__',
  'constructor',
];

function value(next: () => number, depth = 0): unknown {
  const pick = Math.floor(next() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0:
      return null;
    case 1:
      return next() < 0.5;
    case 2:
      return [0, -1, 1e308, -0.5, 2 ** 53, NaN, 72.5][Math.floor(next() * 7)];
    case 3:
      return [
        '',
        ' ',
        'a t3.micro',
        'x'.repeat(Math.floor(next() * 5000)),
        '\u0000',
        '../../etc',
        'f'.repeat(64),
      ][Math.floor(next() * 7)];
    case 4:
      return 'ssh from 0.0.0.0/0, t3.micro, ubuntu, for 4 hours';
    case 5:
      return Math.floor(next() * 1000);
    case 6:
      return Array.from({ length: Math.floor(next() * 4) }, () =>
        value(next, depth + 1),
      );
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(next() * 4) }, () => [
          KEYS[Math.floor(next() * KEYS.length)],
          value(next, depth + 1),
        ]),
      );
  }
}

describe('every endpoint under 500 random bodies', () => {
  const databases = createTestDatabases();

  it('answers 2xx or 4xx, never 5xx', async () => {
    const { api } = await startIntentBackend(databases, 'SQLITE_3');
    const { body } = await api()
      .post('/api/intent/v1/sessions')
      .send({ intent: 'a t3.micro' });
    const id = body.session.id;
    const endpoints = [
      '/api/intent/v1/plans/preview',
      '/api/intent/v1/sessions',
      `/api/intent/v1/sessions/${id}/revisions`,
      `/api/intent/v1/sessions/${id}/revisions/1/decision`,
      `/api/intent/v1/sessions/${id}/apply`,
      `/api/intent/v1/sessions/${id}/destroy`,
      `/api/intent/v1/sessions/${id}/extend`,
      '/api/intent/v1/simulated/drift',
      '/api/intent/v1/simulated/failures',
    ];
    const failures: string[] = [];
    for (const [index, path] of endpoints.entries()) {
      const next = random(1000 + index);
      for (let i = 0; i < 500; i++) {
        const raw =
          i % 50 === 0
            ? '{"intent": "a t3.micro"'
            : JSON.stringify(value(next));
        const res = await api()
          .post(path)
          .set('Content-Type', 'application/json')
          .send(raw ?? 'null');
        if (res.status >= 500 || res.status < 200) {
          failures.push(
            `${path} ${raw?.slice(0, 120)} -> ${res.status} ${
              res.body?.error?.message
            }`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 2xx or 4xx to 500 random query strings per listing, never 5xx', async () => {
    const { api } = await startIntentBackend(databases, 'SQLITE_3');
    const { body } = await api()
      .post('/api/intent/v1/sessions')
      .send({ intent: 'a t3.micro' });
    const id = body.session.id;
    const endpoints = [
      '/api/intent/v1/sessions',
      `/api/intent/v1/sessions/${id}/audit`,
      '/api/intent/v1/audit',
    ];
    const params = ['limit', 'offset', 'owner', 'status', 'before', 'x'];
    const failures: string[] = [];
    for (const [index, path] of endpoints.entries()) {
      const next = random(2000 + index);
      for (let i = 0; i < 500; i++) {
        const query = Array.from(
          { length: 1 + Math.floor(next() * 3) },
          () =>
            `${params[Math.floor(next() * params.length)]}=${encodeURIComponent(
              String(value(next, 3) ?? ''),
            )}`,
        ).join('&');
        const res = await api().get(`${path}?${query}`);
        if (res.status >= 500 || res.status < 200) {
          failures.push(
            `${path}?${query} -> ${res.status} ${res.body?.error?.message}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
