import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import pg from 'pg';
import { createApp } from '../../src/server/app.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../../src/server/config.js';
import type { AppDeps } from '../../src/server/deps.js';
import { createTokenVerifier } from '../../src/server/http/identity.js';
import { MemoryRateLimiter, type RateLimiter } from '../../src/server/http/rate-limit.js';
import { openStore, type Store } from '../../src/server/store/database.js';
import { recount } from '../../src/server/store/polls.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const JWT_SECRET = 'a test secret that is long enough for HS256';

/** PostgreSQL when PARVIS_TEST_DATABASE_URL is set, else a temporary SQLite file. */
export const ENGINE = process.env.PARVIS_TEST_DATABASE_URL ? 'postgres' : 'sqlite';

export interface TestStore {
  store: Store;
  /** A DATABASE_URL that reaches the same database (and schema). */
  url: string;
  /** For SQLite: the file. */
  path: string | null;
  /** Opens another store on the same database, as a restarted server would. */
  reopen(): Store;
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database. On PostgreSQL each call gets a schema of its
 * own (search_path), dropped at the end, so runs never see each other.
 */
export async function openTestStore(): Promise<TestStore> {
  const base = process.env.PARVIS_TEST_DATABASE_URL;
  if (base) {
    const schema = `parvis_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    return trackStores(withSearchPath(base, schema), null, async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    });
  }
  const dir = await mkdtemp(join(tmpdir(), 'parvis-test-'));
  const path = join(dir, 'parvis.db');
  return trackStores(`sqlite:${path}`, path, () => rm(dir, { recursive: true, force: true }));
}

/** Every store opened on the database is closed before `cleanUp` removes it. */
async function trackStores(url: string, path: string | null, cleanUp: () => Promise<void>): Promise<TestStore> {
  const stores: Store[] = [];
  const open = () => {
    const store = openStore(url, path);
    stores.push(store);
    return store;
  };
  const store = open();
  await store.migrate();
  return {
    store,
    url,
    path,
    reopen: open,
    async dispose() {
      for (const opened of stores) await opened.close().catch(() => {});
      await cleanUp();
    },
  };
}

function withSearchPath(url: string, schema: string): string {
  // URLSearchParams would write the space as '+', which pg reads literally.
  return `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

export interface TestApp {
  app: ReturnType<typeof createApp>;
  store: Store;
  db: TestStore;
  /** Static roots with a small built bundle and demo page. */
  widgetsDir: string;
  demoDir: string;
  dispose(): Promise<void>;
}

export interface TestAppOptions {
  rateLimits?: Partial<RateLimits> | false;
  allowedOrigins?: string[] | null;
  trustProxy?: boolean;
  jwtSecret?: string | null;
  /** A limiter built by the test (a shared Redis one); takes the place of `rateLimits`. */
  limiter?: RateLimiter;
}

export async function openTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await openTestStore();
  const root = await mkdtemp(join(tmpdir(), 'parvis-static-'));
  const widgetsDir = join(root, 'widgets');
  const demoDir = join(root, 'demo');
  await mkdir(join(widgetsDir, 'chunks'), { recursive: true });
  await mkdir(join(demoDir, 'en'), { recursive: true });
  await writeFile(join(widgetsDir, 'parvis.js'), 'import("./chunks/poll-Ab12Cd34.js");\n');
  await writeFile(join(widgetsDir, 'chunks', 'poll-Ab12Cd34.js'), 'export const poll = 1;\n');
  await writeFile(join(demoDir, 'index.html'), '<!doctype html><html lang="fr"><title>Saint-Aubin</title></html>\n');
  await writeFile(
    join(demoDir, 'en', 'index.html'),
    '<!doctype html><html lang="en"><title>Saint-Aubin</title></html>\n',
  );
  await writeFile(join(demoDir, 'styles.css'), 'body { margin: 0 }\n');
  await writeFile(join(root, 'secret.txt'), 'outside the served directories\n');
  const limits =
    options.rateLimits === false || options.rateLimits === undefined
      ? null
      : { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const deps: AppDeps = {
    config: {
      allowedOrigins: options.allowedOrigins ?? null,
      trustProxy: options.trustProxy ?? false,
      widgetsDir,
      demoDir,
    },
    store: db.store,
    adminToken: ADMIN_TOKEN,
    verifyToken: createTokenVerifier({
      jwtSecret: options.jwtSecret === undefined ? JWT_SECRET : options.jwtSecret,
      jwksUrl: null,
    }),
    limiter: options.limiter ?? (limits ? new MemoryRateLimiter(limits) : null),
  };
  return {
    app: createApp(deps),
    store: db.store,
    db,
    widgetsDir,
    demoDir,
    async dispose() {
      await db.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A voter token as a widget makes it. */
export function newVoter(): string {
  counter += 1;
  return `voter-${counter}-${randomBytes(8).toString('hex')}`;
}
export function newKey(): string {
  return `key-${randomBytes(9).toString('base64url')}`;
}

export function minutesFromNow(minutes: number): string {
  return new Date(Date.now() + minutes * 60_000).toISOString();
}

type App = TestApp['app'];

export function adminRequest(app: App, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${ADMIN_TOKEN}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return Promise.resolve(
    app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }),
  );
}

export async function createPoll(app: App, poll: Record<string, unknown>): Promise<void> {
  const response = await adminRequest(app, 'POST', '/v1/admin/polls', {
    question: 'Quel aménagement pour le parc ?',
    options: [
      { id: 'jeux', label: 'Une aire de jeux' },
      { id: 'bancs', label: 'Des bancs' },
      { id: 'arbres', label: 'Des arbres' },
    ],
    ...poll,
  });
  if (response.status !== 201) throw new Error(`createPoll ${response.status}: ${await response.text()}`);
}

export interface VoteOptions {
  voter?: string | null;
  key?: string | null;
  headers?: Record<string, string>;
  body?: string;
}

export function vote(app: App, pollId: string, choices: unknown, options: VoteOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const voter = options.voter === undefined ? newVoter() : options.voter;
  const key = options.key === undefined ? newKey() : options.key;
  if (voter !== null) headers['Parvis-Voter'] = voter;
  if (key !== null) headers['Idempotency-Key'] = key;
  Object.assign(headers, options.headers);
  return Promise.resolve(
    app.request(`/v1/polls/${pollId}/votes`, {
      method: 'POST',
      headers,
      body: options.body ?? JSON.stringify({ choices }),
    }),
  );
}

export function signToken(
  claims: Record<string, unknown>,
  expiresIn: string | number = '10m',
  secret = JWT_SECRET,
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}

/** Everything a vote can change; equal before and after a refused request means it wrote nothing. */
export async function snapshot(store: Store) {
  const votes = await store.db
    .selectFrom('poll_votes')
    .select(['poll_id', 'voter', 'choices', 'updated_at'])
    .orderBy('poll_id')
    .orderBy('voter')
    .execute();
  const keys = await store.db
    .selectFrom('idempotency_keys')
    .select(['scope', 'key'])
    .orderBy('scope')
    .orderBy('key')
    .execute();
  const counters = await store.db
    .selectFrom('poll_options')
    .select(['poll_id', 'id', 'votes'])
    .orderBy('poll_id')
    .orderBy('id')
    .execute();
  const polls = await store.db
    .selectFrom('polls')
    .select(['id', 'voters', 'closed', 'updated_at'])
    .orderBy('id')
    .execute();
  return { votes, keys, counters, polls };
}

/** The counters of `pollId` and the same numbers recounted from the stored votes. */
export async function countersAndRecount(store: Store, pollId: string) {
  const poll = await store.db.selectFrom('polls').select('voters').where('id', '=', pollId).executeTakeFirstOrThrow();
  const options = await store.db
    .selectFrom('poll_options')
    .select(['id', 'votes'])
    .where('poll_id', '=', pollId)
    .execute();
  const counted = await recount(store.db, pollId);
  const counters = {
    voters: poll.voters,
    votes: Object.fromEntries(options.map((option) => [option.id, option.votes])),
  };
  const fromVotes = {
    voters: counted.voters,
    votes: Object.fromEntries(options.map((option) => [option.id, counted.votes[option.id] ?? 0])),
  };
  return { counters, fromVotes };
}

export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error?: { code?: string } };
  return body.error?.code ?? `(no envelope, status ${response.status})`;
}
