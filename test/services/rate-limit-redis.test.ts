// Needs the Redis server of the machine (PARVIS_TEST_REDIS_URL, default redis://127.0.0.1:6379):
// run by `npm run test:redis` and in CI, not by `npm test`, which needs nothing but Node.js.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { createClient } from 'redis';
import { DEFAULT_RATE_LIMITS, IDEA_RATE_LIMITS, loadConfig, type RateLimits } from '../../src/server/config.js';
import { ApiError } from '../../src/server/errors.js';
import { type RateLimiter, RedisRateLimiter } from '../../src/server/http/rate-limit.js';
import { openLimiters } from '../../src/server/start.js';
import {
  createIdeaBox,
  createPoll,
  errorCode,
  newVoter,
  openTestApp,
  submitIdea,
  type TestApp,
  vote,
} from '../server/helpers.js';

/** The Redis this machine runs; every key of a run lives under a prefix of its own, removed at the end. */
const REDIS_URL = process.env.PARVIS_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const RUN = `parvis:rl:test-${randomBytes(6).toString('hex')}`;

const redis = createClient({ url: REDIS_URL });
const opened: RateLimiter[] = [];
let prefixes = 0;

/** A namespace for one test: limiters built with the same one share their counters, like instances of one deployment. */
function newPrefix(): string {
  prefixes += 1;
  return `${RUN}:${prefixes}`;
}

async function openLimiter(
  prefix: string,
  limits: Partial<RateLimits>,
  options: { now?: () => number; url?: string; warn?: (message: string) => void; connectWaitMs?: number } = {},
): Promise<RedisRateLimiter> {
  const limiter = await RedisRateLimiter.open(
    options.url ?? REDIS_URL,
    { ...DEFAULT_RATE_LIMITS, ...limits },
    {
      prefix,
      now: options.now,
      warn: options.warn ?? ((message) => assert.fail(`unexpected warning: ${message}`)),
      connectWaitMs: options.connectWaitMs,
    },
  );
  opened.push(limiter);
  return limiter;
}

async function keysUnder(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  for await (const batch of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 1000 })) keys.push(...batch);
  return keys.sort();
}

/** Whether `take` was refused with rate_limited; any other failure is rethrown. */
async function refused(take: Promise<void>): Promise<boolean> {
  try {
    await take;
    return false;
  } catch (error) {
    if (error instanceof ApiError && error.code === 'rate_limited') return true;
    throw error;
  }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const WINDOW = 60_000;
/** A fake clock at the start of a window, so no test straddles two windows by accident. */
function windowStart(): { now: () => number; advance(ms: number): void } {
  let time = WINDOW * 29_000_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

before(async () => {
  await redis.connect();
});

after(async () => {
  for (const limiter of opened) await limiter.close();
  const leftovers = await keysUnder(RUN);
  if (leftovers.length) await redis.del(leftovers);
  redis.destroy();
});

describe('PARVIS_REDIS_URL', () => {
  test('is read as a redis:// URL, and unset keeps the counters in memory', () => {
    assert.equal(loadConfig({}, '/tmp').redisUrl, null);
    assert.equal(loadConfig({ PARVIS_REDIS_URL: 'redis://10.0.0.5:6379' }, '/tmp').redisUrl, 'redis://10.0.0.5:6379');
    assert.equal(loadConfig({ PARVIS_REDIS_URL: 'rediss://cache:6380/2' }, '/tmp').redisUrl, 'rediss://cache:6380/2');
    assert.throws(() => loadConfig({ PARVIS_REDIS_URL: 'http://10.0.0.5' }, '/tmp'), /PARVIS_REDIS_URL/);
    assert.throws(() => loadConfig({ PARVIS_REDIS_URL: '10.0.0.5:6379' }, '/tmp'), /PARVIS_REDIS_URL/);
    assert.throws(
      () => loadConfig({ PARVIS_REDIS_URL: 'http://parvis:s3cret-pass@10.0.0.5' }, '/tmp'),
      (error: Error) => !error.message.includes('s3cret-pass'),
    );
  });
});

describe('rate limiting shared through Redis', () => {
  test('two instances enforce one voter limit together', async () => {
    const prefix = newPrefix();
    const clock = windowStart();
    const a = await openLimiter(prefix, { voterWrites: 3 }, { now: clock.now });
    const b = await openLimiter(prefix, { voterWrites: 3 }, { now: clock.now });
    const voter = newVoter();
    await a.takeVoter(voter);
    await b.takeVoter(voter);
    await a.takeVoter(voter);
    assert.equal(await refused(b.takeVoter(voter)), true);
    assert.equal(await refused(a.takeVoter(voter)), true);
    assert.equal(await refused(b.takeVoter(newVoter())), false, 'another voter has a limit of its own');
  });

  test('two instances enforce one address limit together, reads and writes apart', async () => {
    const prefix = newPrefix();
    const clock = windowStart();
    const a = await openLimiter(prefix, { addressReads: 4, addressWrites: 2 }, { now: clock.now });
    const b = await openLimiter(prefix, { addressReads: 4, addressWrites: 2 }, { now: clock.now });
    for (const limiter of [a, b, a, b]) await limiter.takeAddress('198.51.100.20', false);
    assert.equal(await refused(a.takeAddress('198.51.100.20', false)), true);
    await b.takeAddress('198.51.100.20', true);
    await a.takeAddress('198.51.100.20', true);
    assert.equal(await refused(b.takeAddress('198.51.100.20', true)), true);
    assert.equal(await refused(a.takeAddress('198.51.100.21', false)), false);
  });

  test('counts exactly under concurrent requests on both instances', async () => {
    const prefix = newPrefix();
    const clock = windowStart();
    const a = await openLimiter(prefix, { voterWrites: 10 }, { now: clock.now });
    const b = await openLimiter(prefix, { voterWrites: 10 }, { now: clock.now });
    const voter = newVoter();
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => refused((i % 2 ? a : b).takeVoter(voter))));
    assert.equal(outcomes.filter((wasRefused) => !wasRefused).length, 10);
  });

  test('a refusal says when the window ends, and the next window starts afresh', async () => {
    const prefix = newPrefix();
    const clock = windowStart();
    const a = await openLimiter(prefix, { voterWrites: 1 }, { now: clock.now });
    const b = await openLimiter(prefix, { voterWrites: 1 }, { now: clock.now });
    const voter = newVoter();
    await a.takeVoter(voter);
    clock.advance(WINDOW - 2_500);
    const error = await b.takeVoter(voter).then(
      () => assert.fail('the second write of the window went through'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.headers?.['Retry-After'], '3');
    clock.advance(2_500);
    await b.takeVoter(voter);
    assert.equal(await refused(a.takeVoter(voter)), true);
  });

  test('counters and the window key expire shortly after their window, so nothing accumulates', async () => {
    const prefix = newPrefix();
    const windowMs = 300;
    let time = windowMs * 5_000_000;
    const limiter = await openLimiter(prefix, { windowMs, voterWrites: 5 }, { now: () => time });
    await limiter.takeVoter(newVoter());
    await limiter.takeAddress('192.0.2.1', true);
    const keys = await keysUnder(prefix);
    assert.equal(keys.length, 3, keys.join(', '));
    for (const key of keys) {
      const ttl = await redis.pTTL(key);
      assert.ok(ttl > 0 && ttl <= 2 * windowMs, `${key} expires in ${ttl} ms`);
    }
    await sleep(2 * windowMs + 200);
    assert.deepEqual(await keysUnder(prefix), []);
    time += windowMs;
    await limiter.takeVoter(newVoter());
    assert.equal((await keysUnder(prefix)).length, 2, 'a new window has a new key');
  });

  test('neither addresses nor voters reach Redis in clear, and windows cannot be linked', async () => {
    const prefix = newPrefix();
    const clock = windowStart();
    const a = await openLimiter(prefix, {}, { now: clock.now });
    const b = await openLimiter(prefix, {}, { now: clock.now });
    const address = '203.0.113.77';
    const ipv6 = '2001:db8::4a';
    const voter = `voter-${randomBytes(8).toString('hex')}`;
    const seen = async () => {
      const keys = await keysUnder(prefix);
      const values = await Promise.all(keys.map((key) => redis.get(key)));
      return { keys, text: [...keys, ...values].join('\n') };
    };

    await a.takeAddress(address, false);
    await b.takeAddress(ipv6, true);
    await a.takeVoter(voter);
    const first = await seen();
    for (const secret of [address, ipv6, voter, address.replaceAll('.', ''), Buffer.from(address).toString('base64')])
      assert.ok(!first.text.includes(secret), `${secret} is in Redis`);
    const counterOf = (keys: string[], bucket: string) => keys.find((key) => key.includes(`:${bucket}:`));
    const before = counterOf(first.keys, 'address-read');
    assert.ok(before);

    clock.advance(WINDOW);
    await b.takeAddress(address, false);
    const second = await seen();
    const afterwards = counterOf(
      second.keys.filter((key) => !first.keys.includes(key)),
      'address-read',
    );
    assert.ok(afterwards);
    assert.notEqual(
      afterwards.split(':').at(-1),
      before.split(':').at(-1),
      'the same address hashes alike in two windows',
    );
  });

  test('a Redis that forgot its scripts (restart, SCRIPT FLUSH) is taught them again', async () => {
    const prefix = newPrefix();
    const clock = windowStart();
    const a = await openLimiter(prefix, { voterWrites: 2 }, { now: clock.now });
    const voter = newVoter();
    await a.takeVoter(voter);
    await redis.scriptFlush();
    await a.takeVoter(voter);
    assert.equal(await refused(a.takeVoter(voter)), true);
  });
});

describe('Redis unreachable', () => {
  test('requests go through (fail open), with one warning rather than one per request', async () => {
    const warnings: string[] = [];
    const started = Date.now();
    const limiter = await openLimiter(
      newPrefix(),
      { voterWrites: 1, addressWrites: 1, addressReads: 1 },
      { url: `redis://127.0.0.1:${await closedPort()}`, warn: (message) => warnings.push(message), connectWaitMs: 300 },
    );
    const voter = newVoter();
    for (let i = 0; i < 20; i++) {
      await limiter.takeVoter(voter);
      await limiter.takeAddress('198.51.100.30', i % 2 === 0);
    }
    assert.ok(Date.now() - started < 3_000, 'requests waited on an unreachable Redis');
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0], /unreachable/);
    assert.doesNotMatch(warnings[0], /198\.51\.100\.30/);
  });

  test('a password in the URL stays out of the warning', async () => {
    const warnings: string[] = [];
    await openLimiter(
      newPrefix(),
      {},
      {
        url: `redis://parvis:s3cret-pass@127.0.0.1:${await closedPort()}`,
        warn: (message) => warnings.push(message),
        connectWaitMs: 300,
      },
    );
    assert.ok(warnings.length > 0);
    for (const warning of warnings) assert.doesNotMatch(warning, /s3cret-pass/);
  });
});

describe('the API behind two instances sharing Redis', () => {
  let one: TestApp;
  let two: TestApp;
  const limits = { voterWrites: 3, addressWrites: 4, addressReads: 5 };
  before(async () => {
    const prefix = newPrefix();
    one = await openTestApp({ trustProxy: true, limiter: await openLimiter(prefix, limits) });
    two = await openTestApp({ trustProxy: true, limiter: await openLimiter(prefix, limits) });
    await createPoll(one.app, { id: 'parc', allowChange: true });
    await createPoll(two.app, { id: 'parc', allowChange: true });
  });
  after(async () => {
    await one.dispose();
    await two.dispose();
  });

  test('a voter past the shared limit gets 429 rate_limited with Retry-After from either instance', async () => {
    const voter = newVoter();
    const from = (n: number) => ({ 'X-Forwarded-For': `198.51.100.${n}` });
    assert.equal((await vote(one.app, 'parc', ['jeux'], { voter, headers: from(1) })).status, 200);
    assert.equal((await vote(two.app, 'parc', ['bancs'], { voter, headers: from(2) })).status, 200);
    assert.equal((await vote(one.app, 'parc', ['arbres'], { voter, headers: from(3) })).status, 200);
    for (const [app, n] of [
      [two.app, 4],
      [one.app, 5],
    ] as const) {
      const limited = await vote(app, 'parc', ['jeux'], { voter, headers: from(n) });
      assert.equal(limited.status, 429);
      assert.equal(await errorCode(limited), 'rate_limited');
      const retryAfter = Number(limited.headers.get('Retry-After'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After: ${retryAfter}`);
    }
  });

  test('an address past the shared read limit gets 429 from either instance', async () => {
    const headers = { 'X-Forwarded-For': '192.0.2.200' };
    for (const app of [one.app, two.app, one.app, two.app, one.app])
      assert.equal((await app.request('/v1/polls/parc', { headers })).status, 200);
    for (const app of [two.app, one.app]) {
      const limited = await app.request('/v1/polls/parc', { headers });
      assert.equal(limited.status, 429);
      assert.equal(await errorCode(limited), 'rate_limited');
      assert.ok(Number(limited.headers.get('Retry-After')) >= 1);
    }
    assert.equal(
      (await two.app.request('/v1/polls/parc', { headers: { 'X-Forwarded-For': '192.0.2.201' } })).status,
      200,
    );
  });

  test('with Redis unreachable, votes past the limit still go through', async () => {
    const limiter = await openLimiter(
      newPrefix(),
      { voterWrites: 1, addressWrites: 1, addressReads: 1 },
      { url: `redis://127.0.0.1:${await closedPort()}`, warn: () => {}, connectWaitMs: 300 },
    );
    const t = await openTestApp({ limiter });
    try {
      await createPoll(t.app, { id: 'parc', allowChange: true });
      const voter = newVoter();
      for (let i = 0; i < 4; i++) assert.equal((await vote(t.app, 'parc', ['jeux'], { voter })).status, 200);
    } finally {
      await t.dispose();
    }
  });
});

describe('idea submissions behind two instances sharing Redis', () => {
  let one: TestApp;
  let two: TestApp;
  before(async () => {
    // As `npm start` opens them with PARVIS_REDIS_URL set, under a namespace of this test's own.
    const config = loadConfig({ PARVIS_REDIS_URL: REDIS_URL }, '/tmp');
    const options = { prefix: newPrefix(), now: windowStart().now };
    const apps: TestApp[] = [];
    for (let i = 0; i < 2; i++) {
      const { limiter, submissionLimiter } = await openLimiters(config, options);
      assert.ok(limiter && submissionLimiter);
      opened.push(limiter, submissionLimiter);
      apps.push(await openTestApp({ trustProxy: true, proofDifficulty: 10, limiter, submissionLimiter }));
      await createIdeaBox(apps[i].app, { id: 'quartier', moderation: 'post' });
    }
    [one, two] = apps;
  });
  after(async () => {
    await one.dispose();
    await two.dispose();
  });

  test('a voter past the shared idea budget gets 429 from either instance, and still votes', async () => {
    const voter = newVoter();
    const from = (n: number) => ({ 'X-Forwarded-For': `198.51.100.${n}` });
    for (let i = 0; i < IDEA_RATE_LIMITS.voterWrites; i++) {
      const response = await submitIdea([one, two][i % 2].app, 'quartier', idea(i), { voter, headers: from(i) });
      assert.equal(response.status, 201);
    }
    for (const t of [one, two]) {
      const refused = await submitIdea(t.app, 'quartier', idea(99), { voter, headers: from(99) });
      assert.deepEqual([refused.status, await errorCode(refused)], [429, 'rate_limited']);
      assert.ok(Number(refused.headers.get('Retry-After')) > 60, 'the idea window is longer than a minute');
    }
    await createPoll(one.app, { id: 'parc' });
    assert.equal((await vote(one.app, 'parc', ['jeux'], { voter, headers: from(100) })).status, 200);
  });

  test('an address past the shared idea budget gets 429 from either instance', async () => {
    const headers = { 'X-Forwarded-For': '192.0.2.150' };
    for (let i = 0; i < IDEA_RATE_LIMITS.addressWrites; i++) {
      const response = await submitIdea([one, two][i % 2].app, 'quartier', idea(i), { headers });
      assert.equal(response.status, 201);
    }
    for (const t of [one, two]) {
      const refused = await submitIdea(t.app, 'quartier', idea(999), { headers });
      assert.deepEqual([refused.status, await errorCode(refused)], [429, 'rate_limited']);
    }
  });
});

function idea(n: number) {
  return { title: `Un banc de plus, numéro ${n}`, body: 'Près de l’arrêt de bus.' };
}
