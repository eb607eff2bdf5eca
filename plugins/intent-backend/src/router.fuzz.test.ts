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
      return [0, -1, 1e308, -0.5, 2 ** 53, NaN, 72.5, 1e20, 2 ** 31][
        Math.floor(next() * 9)
      ];
    case 3:
      return [
        '',
        ' ',
        'a t3.micro',
        'x'.repeat(Math.floor(next() * 5000)),
        '\u0000',
        '../../etc',
        'f'.repeat(64),
        'a\u0001b',
        '\ud800',
        'tab\tand\nnewline',
        '99999999999999999999',
      ][Math.floor(next() * 11)];
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

const databases = createTestDatabases();

/** URI-encoded; a lone surrogate, which encodeURIComponent refuses, as the bytes a careless client sends. */
function queryValue(text: string) {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

describe.each(databases.eachSupportedId())('on %p', databaseId => {
  it('answers 2xx or 4xx to 500 random bodies per endpoint, never 5xx', async () => {
    const { api } = await startIntentBackend(databases, databaseId);
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
    const { api } = await startIntentBackend(databases, databaseId);
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
            `${params[Math.floor(next() * params.length)]}=${queryValue(
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

  it('answers the exact 4xx to hostile text, numbers and sizes', async () => {
    const { api } = await startIntentBackend(databases, databaseId);
    const { body } = await api()
      .post('/api/intent/v1/sessions')
      .send({ intent: 'a t3.micro' });
    const id = body.session.id;
    /** Every text field of every body, with the field's name. */
    const texts: Array<[string, (text: string) => object, string]> = [
      ['/v1/plans/preview', t => ({ intent: t }), 'intent'],
      ['/v1/plans/preview', t => ({ intent: 'a', sessionId: t }), 'sessionId'],
      ['/v1/sessions', t => ({ intent: t }), 'intent'],
      ['/v1/sessions', t => ({ intent: 'a', team: t }), 'team'],
      [`/v1/sessions/${id}/revisions`, t => ({ intent: t }), 'intent'],
      [
        `/v1/sessions/${id}/revisions/1/decision`,
        t => ({ decision: 'approve', planHash: t }),
        'planHash',
      ],
      [
        `/v1/sessions/${id}/revisions/1/decision`,
        t => ({ decision: 'reject', planHash: 'f', comment: t }),
        'comment',
      ],
      [`/v1/sessions/${id}/apply`, t => ({ planHash: t }), 'planHash'],
      ['/v1/simulated/drift', t => ({ cloudId: t }), 'cloudId'],
      [
        '/v1/simulated/drift',
        t => ({ cloudId: 'i-1', tags: { owner: t } }),
        'tags.owner',
      ],
      ['/v1/simulated/failures', t => ({ code: t, message: 'm' }), 'code'],
      ['/v1/simulated/failures', t => ({ code: 'c', message: t }), 'message'],
      [
        '/v1/simulated/failures',
        t => ({ code: 'c', message: 'm', address: t }),
        'address',
      ],
    ];
    const hostile: Array<[string, string]> = [
      ['ab\u0000', 'a control character (U+0000) at position 2'],
      ['\u0008', 'a control character (U+0008) at position 0'],
      ['a\u001f', 'a control character (U+001F) at position 1'],
      ['\u009b[0m', 'a control character (U+009B) at position 0'],
      ['x\udfff', 'a lone surrogate (U+DFFF) at position 1'],
      ['\ud83d', 'a lone surrogate (U+D83D) at position 0'],
    ];
    const failures: string[] = [];
    const check = (
      what: string,
      res: { status: number; body?: any },
      status: number,
      message: string,
    ) => {
      if (res.status !== status || res.body?.error?.message !== message) {
        failures.push(
          `${what} -> ${res.status} ${res.body?.error?.message}, not ${status} ${message}`,
        );
      }
    };
    for (const [path, make, field] of texts) {
      for (const [text, problem] of hostile) {
        const res = await api().post(`/api/intent${path}`).send(make(text));
        check(
          `${path} ${JSON.stringify(make(text))}`,
          res,
          400,
          `${field} contains ${problem}; remove it`,
        );
      }
    }
    for (const path of [
      '/v1/sessions?owner=',
      `/v1/sessions/${id}/audit?x=`,
      '/v1/audit?before=',
    ]) {
      const res = await api().get(`/api/intent${path}%00`);
      const name = path.slice(path.indexOf('?') + 1, -1);
      check(
        path,
        res,
        400,
        `${name} contains a control character (U+0000) at position 0; remove it`,
      );
    }
    for (const [path, message] of [
      ['/v1/sessions?offset=1e20', 'request/query/offset must be <= 100000'],
      [
        '/v1/sessions?offset=99999999999999999999',
        'request/query/offset must be <= 100000',
      ],
      [
        '/v1/sessions?limit=99999999999999999999',
        'request/query/limit must be <= 100',
      ],
      [
        `/v1/sessions/${id}/audit?before=1${'0'.repeat(30)}`,
        'request/query/before must be <= 9007199254740991',
      ],
      [
        '/v1/audit?limit=-99999999999999999999',
        'request/query/limit must be >= 1',
      ],
    ]) {
      check(path, await api().get(`/api/intent${path}`), 400, message);
    }
    const seq = await api()
      .post(
        `/api/intent/v1/sessions/${id}/revisions/99999999999999999999/decision`,
      )
      .send({ decision: 'approve', planHash: 'f' });
    check('seq', seq, 400, 'request/params/seq must be <= 2147483647');
    const hours = await api()
      .post(`/api/intent/v1/sessions/${id}/extend`)
      .send({ hours: 1e308 });
    check('hours', hours, 400, 'request/body/hours must be <= 8760');
    const big = JSON.stringify({ intent: 'x'.repeat(100 * 1024) });
    for (const [path] of texts) {
      const res = await api()
        .post(`/api/intent${path}`)
        .set('Content-Type', 'application/json')
        .send(big);
      check(
        `${path} with 100 kB`,
        res,
        413,
        'The request body is 101 kB; the limit is 64 kB',
      );
    }
    expect(failures).toEqual([]);
  });
});
