import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { loadConfig } from '../../src/server/config.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { createPoll, errorCode, newVoter, openTestApp, snapshot, type TestApp, vote } from './helpers.js';

describe('routing and errors', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await createPoll(t.app, { id: 'parc' });
  });
  after(() => t.dispose());

  test('an unknown path answers 404 not_found in the envelope', async () => {
    for (const path of ['/v1/nothing', '/v1/polls', '/nothing.html', '/admin']) {
      const response = await t.app.request(path);
      assert.equal(response.status, 404, path);
      assert.deepEqual(await response.json(), { error: { code: 'not_found', message: 'No such resource.' } });
    }
  });

  test('a method a path does not take answers 405 with the methods it does', async () => {
    const cases: Array<[string, string, string]> = [
      ['PUT', '/v1/polls/parc', 'GET, HEAD'],
      ['DELETE', '/v1/polls/parc/votes', 'POST'],
      ['GET', '/v1/polls/parc/votes', 'POST'],
      ['POST', '/v1/polls/parc/results.csv', 'GET, HEAD'],
    ];
    for (const [method, path, allow] of cases) {
      const response = await t.app.request(path, { method });
      assert.equal(response.status, 405, `${method} ${path}`);
      assert.equal(await errorCode(response), 'method_not_allowed');
      assert.equal(response.headers.get('Allow'), allow);
    }
  });

  test('API answers carry the security headers', async () => {
    const response = await t.app.request('/v1/polls/parc');
    assert.equal(response.headers.get('Content-Security-Policy'), "default-src 'none'; frame-ancestors 'none'");
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(response.headers.get('X-Frame-Options'), 'DENY');
    assert.equal(response.headers.get('Referrer-Policy'), 'no-referrer');
  });

  test('an unexpected failure answers 500 internal_error', async () => {
    const broken = await openTestApp();
    await createPoll(broken.app, { id: 'parc' });
    // A row no Parvis code would write: reading it fails in a way no route expects.
    const row = {
      poll_id: 'parc',
      voter: 'token:corrupted-voter-0001',
      choices: '{not json',
      created_at: 'x',
      updated_at: 'x',
    };
    await broken.store.write((trx) => trx.insertInto('poll_votes').values(row).execute());
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const response = await broken.app.request('/v1/polls/parc', {
        headers: { 'Parvis-Voter': 'corrupted-voter-0001' },
      });
      assert.equal(response.status, 500);
      assert.equal(await errorCode(response), 'internal_error');
      assert.equal(logged.length, 1, 'the failure is logged');
      assert.equal((await broken.app.request('/v1/polls/parc')).status, 200, 'the server keeps serving');
    } finally {
      console.error = original;
      await broken.dispose();
    }
  });
});

describe('CORS', () => {
  let t: TestApp;
  let listed: TestApp;
  before(async () => {
    t = await openTestApp();
    listed = await openTestApp({ allowedOrigins: ['https://www.saint-aubin-sur-loire.fr'] });
    for (const app of [t, listed]) await createPoll(app.app, { id: 'parc' });
  });
  after(async () => {
    await t.dispose();
    await listed.dispose();
  });

  const preflight = (app: TestApp, origin: string) =>
    app.app.request('/v1/polls/parc/votes', {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, parvis-voter, idempotency-key',
      },
    });

  test('by default, localhost on any port is allowed', async () => {
    const response = await preflight(t, 'http://localhost:5173');
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), 'http://localhost:5173');
    assert.equal(
      response.headers.get('Access-Control-Allow-Headers'),
      'Content-Type, Parvis-Voter, Idempotency-Key, Authorization, If-None-Match',
    );
    assert.match(response.headers.get('Access-Control-Allow-Methods') ?? '', /POST/);
    const read = await t.app.request('/v1/polls/parc', { headers: { Origin: 'http://127.0.0.1:8000' } });
    assert.equal(read.headers.get('Access-Control-Allow-Origin'), 'http://127.0.0.1:8000');
    assert.match(read.headers.get('Access-Control-Expose-Headers') ?? '', /ETag.*Retry-After/);
    assert.match(read.headers.get('Vary') ?? '', /Origin/);
  });

  test('a listed site is allowed, others are refused', async () => {
    assert.equal((await preflight(listed, 'https://www.saint-aubin-sur-loire.fr')).status, 204);
    for (const origin of ['http://localhost:5173', 'https://evil.example']) {
      const response = await preflight(listed, origin);
      assert.equal(response.status, 403, origin);
      assert.equal(await errorCode(response), 'origin_not_allowed');
      assert.equal(response.headers.get('Access-Control-Allow-Origin'), null);
    }
  });

  test('a write from a site not allowed is refused and writes nothing', async () => {
    const before = await snapshot(listed.store);
    const response = await vote(listed.app, 'parc', ['jeux'], { headers: { Origin: 'https://evil.example' } });
    assert.equal(response.status, 403);
    assert.equal(await errorCode(response), 'origin_not_allowed');
    assert.deepEqual(await snapshot(listed.store), before);
    const allowed = await vote(listed.app, 'parc', ['jeux'], {
      headers: { Origin: 'https://www.saint-aubin-sur-loire.fr' },
    });
    assert.equal(allowed.status, 200);
  });

  test('a read from a site not allowed gets no CORS headers', async () => {
    const response = await listed.app.request('/v1/polls/parc', { headers: { Origin: 'https://evil.example' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), null);
  });

  test('the same origin is always allowed', async () => {
    // app.request() addresses http://localhost.
    const response = await vote(listed.app, 'parc', ['bancs'], { headers: { Origin: 'http://localhost' } });
    assert.equal(response.status, 200);
  });
});

describe('rate limiting', () => {
  test('refuses a voter past the limit with Retry-After, writing nothing, then other voters go on', async () => {
    const t = await openTestApp({ rateLimits: { voterWrites: 3 } });
    try {
      await createPoll(t.app, { id: 'parc', allowChange: true });
      const voter = newVoter();
      for (let i = 0; i < 3; i++) assert.equal((await vote(t.app, 'parc', ['jeux'], { voter })).status, 200);
      const before = await snapshot(t.store);
      const limited = await vote(t.app, 'parc', ['bancs'], { voter });
      assert.equal(limited.status, 429);
      assert.equal(await errorCode(limited), 'rate_limited');
      assert.ok(Number(limited.headers.get('Retry-After')) >= 1);
      assert.deepEqual(await snapshot(t.store), before);
      assert.equal((await vote(t.app, 'parc', ['bancs'])).status, 200);
    } finally {
      await t.dispose();
    }
  });

  test('counts reads and writes per address, behind a trusted proxy by X-Forwarded-For', async () => {
    const t = await openTestApp({ rateLimits: { addressReads: 5, addressWrites: 2 }, trustProxy: true });
    try {
      await createPoll(t.app, { id: 'parc' });
      const from = (address: string) => ({ 'X-Forwarded-For': `203.0.113.9, ${address}` });
      for (let i = 0; i < 5; i++)
        assert.equal((await t.app.request('/v1/polls/parc', { headers: from('198.51.100.1') })).status, 200);
      assert.equal((await t.app.request('/v1/polls/parc', { headers: from('198.51.100.1') })).status, 429);
      assert.equal((await t.app.request('/v1/polls/parc', { headers: from('198.51.100.2') })).status, 200);
      for (let i = 0; i < 2; i++)
        assert.equal((await vote(t.app, 'parc', ['jeux'], { headers: from('198.51.100.3') })).status, 200);
      assert.equal(
        await errorCode(await vote(t.app, 'parc', ['jeux'], { headers: from('198.51.100.3') })),
        'rate_limited',
      );
    } finally {
      await t.dispose();
    }
  });

  test('PARVIS_RATE_LIMIT=off lifts it', async () => {
    assert.equal(loadConfig({ PARVIS_RATE_LIMIT: 'off' }, '/tmp').rateLimit, false);
    const t = await openTestApp({ rateLimits: false });
    try {
      await createPoll(t.app, { id: 'parc', allowChange: true });
      const voter = newVoter();
      const statuses = await Promise.all(
        Array.from({ length: 200 }, () => vote(t.app, 'parc', ['jeux'], { voter }).then((r) => r.status)),
      );
      assert.deepEqual(new Set(statuses), new Set([200]));
    } finally {
      await t.dispose();
    }
  });

  test('the default limits let a whole class vote from one address', async () => {
    const t = await openTestApp({ rateLimits: {} });
    try {
      await createPoll(t.app, { id: 'classe' });
      for (let pupil = 0; pupil < 35; pupil++) {
        const voter = newVoter();
        assert.equal((await t.app.request('/v1/polls/classe', { headers: { 'Parvis-Voter': voter } })).status, 200);
        assert.equal((await vote(t.app, 'classe', ['arbres'], { voter })).status, 200);
      }
    } finally {
      await t.dispose();
    }
  });
});

describe('static files', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.dispose());

  test('parvis.js is served to any origin, revalidated on each use', async () => {
    const response = await t.app.request('/parvis.js');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
    assert.equal(response.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
    assert.equal(response.headers.get('Cache-Control'), 'no-cache');
    assert.equal(await response.text(), 'import("./chunks/poll-Ab12Cd34.js");\n');
    const etag = response.headers.get('ETag')!;
    assert.equal((await t.app.request('/parvis.js', { headers: { 'If-None-Match': etag } })).status, 304);
  });

  test('text files travel compressed with the best encoding the browser accepts', async () => {
    const plain = await (await t.app.request('/styles.css')).text();
    const brotli = await t.app.request('/styles.css', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(brotli.headers.get('Content-Encoding'), 'br');
    assert.equal(brotli.headers.get('Vary'), 'Accept-Encoding');
    const brotliBytes = Buffer.from(await brotli.arrayBuffer());
    assert.equal(brotliDecompressSync(brotliBytes).toString(), plain);

    const gzipped = await t.app.request('/parvis.js', { headers: { 'Accept-Encoding': 'gzip, br;q=0' } });
    assert.equal(gzipped.headers.get('Content-Encoding'), 'gzip');
    assert.equal(
      gunzipSync(Buffer.from(await gzipped.arrayBuffer())).toString(),
      'import("./chunks/poll-Ab12Cd34.js");\n',
    );

    const identity = await t.app.request('/parvis.js', { headers: { 'Accept-Encoding': 'identity' } });
    assert.equal(identity.headers.get('Content-Encoding'), null);
    assert.equal(await identity.text(), 'import("./chunks/poll-Ab12Cd34.js");\n');
  });

  test('hashed chunks are cached for good', async () => {
    const response = await t.app.request('/chunks/poll-Ab12Cd34.js');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'public, max-age=31536000, immutable');
    assert.equal(response.headers.get('Access-Control-Allow-Origin'), '*');
  });

  test('the demo pages are served with a strict Content-Security-Policy', async () => {
    for (const [path, lang] of [
      ['/', 'fr'],
      ['/en/', 'en'],
    ]) {
      const response = await t.app.request(path);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('Content-Type'), 'text/html; charset=utf-8');
      const csp = response.headers.get('Content-Security-Policy') ?? '';
      assert.equal(
        csp,
        "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'",
      );
      assert.doesNotMatch(csp, /unsafe/);
      assert.match(await response.text(), new RegExp(`lang="${lang}"`));
    }
    const redirect = await t.app.request('/en');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.get('Location'), '/en/');
    const css = await t.app.request('/styles.css');
    assert.equal(css.headers.get('Content-Type'), 'text/css; charset=utf-8');
  });

  test('no path leaves the served directories', async () => {
    for (const path of [
      '/%2e%2e/secret.txt',
      '/chunks/..%2f..%2fsecret.txt',
      '/en/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/.hidden',
      '/%00',
    ]) {
      const response = await t.app.request(path);
      assert.equal(response.status, 404, path);
    }
  });
});

describe('a real server', () => {
  let server: RunningServer;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parvis-server-'));
    server = await startServer({
      ...loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'parvis.db')}`, PARVIS_SEED: 'none' }),
      port: 0,
    });
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** node:http, because fetch refuses to send some of these requests. */
  function send(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(`${server.url}${path}`, { headers }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  test('an oversized header gets 431 in the envelope, and the server keeps serving', async () => {
    const response = await send('/v1/openapi.json', { 'X-Padding': 'x'.repeat(10 * 1024) });
    assert.equal(response.status, 431);
    assert.equal(JSON.parse(response.body).error.code, 'header_too_large');
    const beyondNode = await send('/v1/openapi.json', {
      'X-A': 'a'.repeat(8000),
      'X-B': 'b'.repeat(8000),
      'X-C': 'c'.repeat(60000),
    });
    assert.equal(beyondNode.status, 431);
    assert.equal((await send('/v1/openapi.json', {})).status, 200);
  });

  test('an oversized body declared by Content-Length gets 413', async () => {
    const response = await fetch(`${server.url}/v1/polls/parc/votes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Parvis-Voter': newVoter(), 'Idempotency-Key': 'key-oversized' },
      body: JSON.stringify({ choices: ['x'], padding: 'x'.repeat(20_000) }),
    });
    assert.equal(response.status, 413);
    assert.equal(await errorCode(response), 'payload_too_large');
  });
});
