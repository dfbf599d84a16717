import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { solveChallenge } from 'altcha-lib/v1';
import { SignJWT } from 'jose';
import pg from 'pg';
import { createApp } from '../../src/server/app.js';
import {
  DEFAULT_PROOF_DIFFICULTY,
  DEFAULT_RATE_LIMITS,
  IDEA_RATE_LIMITS,
  type RateLimits,
} from '../../src/server/config.js';
import type { AppDeps } from '../../src/server/deps.js';
import { createTokenVerifier } from '../../src/server/http/identity.js';
import { MemoryRateLimiter, type RateLimiter } from '../../src/server/http/rate-limit.js';
import { findProjectRoot } from '../../src/server/paths.js';
import { openStore, type Store } from '../../src/server/store/database.js';
import { recount } from '../../src/server/store/polls.js';
import { recount as recountBallots } from '../../src/server/store/budgets.js';

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

export interface TestStoreOptions {
  /** The engine of the run by default; PostgreSQL needs PARVIS_TEST_DATABASE_URL. */
  engine?: 'sqlite' | 'postgres';
  /** False leaves the database as a new one is: no table at all. */
  migrated?: boolean;
}

/**
 * A fresh, migrated database. On PostgreSQL each call gets a schema of its
 * own (search_path), dropped at the end, so runs never see each other.
 */
export async function openTestStore({ engine = ENGINE, migrated = true }: TestStoreOptions = {}): Promise<TestStore> {
  const base = process.env.PARVIS_TEST_DATABASE_URL;
  if (engine === 'postgres') {
    if (!base) throw new Error('A PostgreSQL store needs PARVIS_TEST_DATABASE_URL');
    const schema = `parvis_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    return trackStores(withSearchPath(base, schema), null, migrated, async () => {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    });
  }
  const dir = await mkdtemp(join(tmpdir(), 'parvis-test-'));
  const path = join(dir, 'parvis.db');
  return trackStores(`sqlite:${path}`, path, migrated, () => rm(dir, { recursive: true, force: true }));
}

/** Every store opened on the database is closed before `cleanUp` removes it. */
async function trackStores(
  url: string,
  path: string | null,
  migrated: boolean,
  cleanUp: () => Promise<void>,
): Promise<TestStore> {
  const stores: Store[] = [];
  const open = () => {
    const store = openStore(url, path);
    stores.push(store);
    return store;
  };
  const store = open();
  if (migrated) await store.migrate();
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
  /** What `app` was made of: another instance of the server is `createApp({ ...deps, store: db.reopen() })`. */
  deps: AppDeps;
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
  /** The idea submissions' limiter built by the test; else one in memory wherever there is a limiter. */
  submissionLimiter?: RateLimiter;
  /** The proof-of-work `maxnumber`; tests that submit ideas make it tiny. */
  proofDifficulty?: number;
  /** `PARVIS_PUBLISHER`: who publishes the open-data exports. */
  publisher?: string;
  /** The engine of the run by default. */
  engine?: TestStoreOptions['engine'];
}

export async function openTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await openTestStore({ engine: options.engine });
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
  const limiter = options.limiter ?? (limits ? new MemoryRateLimiter(limits) : null);
  const deps: AppDeps = {
    config: {
      allowedOrigins: options.allowedOrigins ?? null,
      trustProxy: options.trustProxy ?? false,
      widgetsDir,
      demoDir,
      proofDifficulty: options.proofDifficulty ?? DEFAULT_PROOF_DIFFICULTY,
      publisher: options.publisher ?? null,
    },
    store: db.store,
    adminToken: ADMIN_TOKEN,
    verifyToken: createTokenVerifier({
      jwtSecret: options.jwtSecret === undefined ? JWT_SECRET : options.jwtSecret,
      jwksUrl: null,
    }),
    limiter,
    submissionLimiter: options.submissionLimiter ?? (limiter ? new MemoryRateLimiter(IDEA_RATE_LIMITS) : null),
  };
  return {
    app: createApp(deps),
    deps,
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
  return requestWithToken(app, ADMIN_TOKEN, method, path, body);
}

/** An admin request made with `token`: a named token, a revoked one, a wrong one. */
export function requestWithToken(
  app: App,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Response> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
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

/** A route of the admin API, with the body a write sends. */
export type AdminRoute = [method: string, path: string, body?: unknown];

/** Every route answers 401 `unauthorized` (asking for a Bearer token) without the admin token, or with a wrong one. */
export async function assertAdminTokenRequired(app: App, routes: AdminRoute[]): Promise<void> {
  for (const [method, path, body] of routes) {
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN}x`]) {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (authorization) headers.Authorization = authorization;
      const response = await app.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      assert.equal(response.status, 401, `${method} ${path} with ${authorization}`);
      assert.equal(await errorCode(response), 'unauthorized');
      assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
    }
  }
}

export async function createIdeaBox(app: App, box: Record<string, unknown>): Promise<void> {
  const response = await adminRequest(app, 'POST', '/v1/admin/idea-boxes', { title: 'Vos idées', ...box });
  if (response.status !== 201) throw new Error(`createIdeaBox ${response.status}: ${await response.text()}`);
}

/** Fetches a challenge and solves it as the `<altcha>` widget does; returns the payload it sends as `proof`. */
export async function solveProof(app: App): Promise<string> {
  const challenge = (await (await app.request('/v1/challenge')).json()) as Record<string, any>;
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
    .promise;
  if (!solution) throw new Error('The challenge has no solution below its maxnumber');
  const { algorithm, salt, signature } = challenge;
  const payload = { algorithm, challenge: challenge.challenge, number: solution.number, salt, signature, took: 1 };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

/** submitIdea as a widget sends it, with a solved proof unless the body says otherwise. */
export async function submitIdea(
  app: App,
  boxId: string,
  idea: Record<string, unknown>,
  options: VoteOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const voter = options.voter === undefined ? newVoter() : options.voter;
  const key = options.key === undefined ? newKey() : options.key;
  if (voter !== null) headers['Parvis-Voter'] = voter;
  if (key !== null) headers['Idempotency-Key'] = key;
  Object.assign(headers, options.headers);
  const body = options.body ?? JSON.stringify({ proof: await solveProof(app), ...idea });
  return app.request(`/v1/idea-boxes/${boxId}/ideas`, { method: 'POST', headers, body });
}

/** supportIdea (`PUT`) or withdrawSupport (`DELETE`). */
export function supportIdea(app: App, ideaId: string, method: 'PUT' | 'DELETE', options: VoteOptions = {}) {
  const headers: Record<string, string> = {};
  const voter = options.voter === undefined ? newVoter() : options.voter;
  const key = options.key === undefined ? newKey() : options.key;
  if (voter !== null) headers['Parvis-Voter'] = voter;
  if (key !== null) headers['Idempotency-Key'] = key;
  Object.assign(headers, options.headers);
  return Promise.resolve(app.request(`/v1/ideas/${ideaId}/support`, { method, headers }));
}

/** Everything an idea write can change; equal before and after a refused request means it wrote nothing. */
export async function ideaSnapshot(store: Store) {
  const ideas = await store.db
    .selectFrom('ideas')
    .select(['id', 'status', 'supports', 'trending', 'reports', 'answer', 'merged_into', 'updated_at'])
    .orderBy('id')
    .execute();
  const supports = await store.db.selectFrom('idea_supports').selectAll().orderBy('idea_id').orderBy('voter').execute();
  const reports = await store.db.selectFrom('idea_reports').selectAll().orderBy('idea_id').orderBy('voter').execute();
  const boxes = await store.db.selectFrom('idea_boxes').selectAll().orderBy('id').execute();
  const proofs = await store.db.selectFrom('used_proofs').select('signature').orderBy('signature').execute();
  const audit = await store.db.selectFrom('audit_log').select('id').orderBy('id').execute();
  const keys = await store.db
    .selectFrom('idempotency_keys')
    .select(['scope', 'key'])
    .orderBy('scope')
    .orderBy('key')
    .execute();
  return { ideas, supports, reports, boxes, proofs, audit, keys };
}

/** The support counters of every idea of a box, and the same numbers counted from the stored supports. */
export async function ideaCountersAndRecount(store: Store, boxId: string) {
  const ideas = await store.db.selectFrom('ideas').select(['id', 'supports']).where('box_id', '=', boxId).execute();
  const rows = await store.db
    .selectFrom('idea_supports')
    .innerJoin('ideas', 'ideas.id', 'idea_supports.idea_id')
    .select('idea_supports.idea_id')
    .where('ideas.box_id', '=', boxId)
    .execute();
  const counted = new Map<string, number>();
  for (const row of rows) counted.set(row.idea_id, (counted.get(row.idea_id) ?? 0) + 1);
  return {
    counters: Object.fromEntries(ideas.map((idea) => [idea.id, idea.supports])),
    fromSupports: Object.fromEntries(ideas.map((idea) => [idea.id, counted.get(idea.id) ?? 0])),
  };
}

/** setSubjectVote as a widget sends it; `key` is encoded as a path segment, slashes included. */
export function voteOnSubject(
  app: App,
  subjectKey: string,
  body: Record<string, unknown>,
  options: VoteOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const voter = options.voter === undefined ? newVoter() : options.voter;
  const key = options.key === undefined ? newKey() : options.key;
  if (voter !== null) headers['Parvis-Voter'] = voter;
  if (key !== null) headers['Idempotency-Key'] = key;
  Object.assign(headers, options.headers);
  return Promise.resolve(
    app.request(`/v1/subjects/${encodeURIComponent(subjectKey)}/votes`, {
      method: 'PUT',
      headers,
      body: options.body ?? JSON.stringify(body),
    }),
  );
}

/** Everything a subject vote can change; equal before and after a refused request means it wrote nothing. */
export async function subjectSnapshot(store: Store) {
  const subjects = await store.db.selectFrom('subjects').selectAll().orderBy('site').orderBy('key').execute();
  const votes = await store.db.selectFrom('subject_votes').selectAll().orderBy('subject_id').orderBy('voter').execute();
  const comments = await store.db.selectFrom('subject_comments').selectAll().orderBy('id').execute();
  const keys = await store.db
    .selectFrom('idempotency_keys')
    .select(['scope', 'key'])
    .orderBy('scope')
    .orderBy('key')
    .execute();
  return { subjects, votes, comments, keys };
}

/** A budget of one envelope, 100,000 €, four projects; `budget` overrides any setting. */
export async function createBudget(app: App, budget: Record<string, unknown>): Promise<void> {
  const response = await adminRequest(app, 'POST', '/v1/admin/budgets', {
    title: 'Budget participatif',
    total: 100_000,
    projects: [
      { id: 'jardin', title: 'Un jardin partagé', summary: 'Des parcelles pour tous', cost: 60_000 },
      { id: 'piste', title: 'Une piste cyclable', summary: 'De la gare au centre', cost: 50_000 },
      { id: 'bancs', title: 'Des bancs', summary: 'Le long des quais', cost: 30_000 },
      { id: 'boite', title: 'Une boîte à livres', summary: 'Place du marché', cost: 10_000 },
    ],
    ...budget,
  });
  if (response.status !== 201) throw new Error(`createBudget ${response.status}: ${await response.text()}`);
}

/** castBallot as a widget sends it. */
export function castBallot(
  app: App,
  budgetId: string,
  ballot: { projectIds: unknown; district?: unknown },
  options: VoteOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const voter = options.voter === undefined ? newVoter() : options.voter;
  const key = options.key === undefined ? newKey() : options.key;
  if (voter !== null) headers['Parvis-Voter'] = voter;
  if (key !== null) headers['Idempotency-Key'] = key;
  Object.assign(headers, options.headers);
  return Promise.resolve(
    app.request(`/v1/budgets/${budgetId}/ballots`, {
      method: 'POST',
      headers,
      body: options.body ?? JSON.stringify(ballot),
    }),
  );
}

/** Everything a ballot or a budget change can write; equal before and after a refused request means it wrote nothing. */
export async function budgetSnapshot(store: Store) {
  const budgets = await store.db.selectFrom('budgets').selectAll().orderBy('id').execute();
  const projects = await store.db
    .selectFrom('budget_projects')
    .selectAll()
    .orderBy('budget_id')
    .orderBy('id')
    .execute();
  const ballots = await store.db
    .selectFrom('budget_ballots')
    .selectAll()
    .orderBy('budget_id')
    .orderBy('voter')
    .execute();
  const keys = await store.db
    .selectFrom('idempotency_keys')
    .select(['scope', 'key'])
    .orderBy('scope')
    .orderBy('key')
    .execute();
  return { budgets, projects, ballots, keys };
}

/** The counters of `budgetId` and the same numbers recounted from the stored ballots. */
export async function ballotCountersAndRecount(store: Store, budgetId: string) {
  const budget = await store.db
    .selectFrom('budgets')
    .select('ballots')
    .where('id', '=', budgetId)
    .executeTakeFirstOrThrow();
  const projects = await store.db
    .selectFrom('budget_projects')
    .select(['id', 'votes'])
    .where('budget_id', '=', budgetId)
    .execute();
  const counted = await recountBallots(store.db, budgetId);
  return {
    counters: { ballots: budget.ballots, votes: Object.fromEntries(projects.map((p) => [p.id, p.votes])) },
    fromBallots: {
      ballots: counted.ballots,
      votes: Object.fromEntries(projects.map((p) => [p.id, counted.votes[p.id] ?? 0])),
    },
  };
}

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run <script> -- <args>` as the city's IT would, on the database at `databaseUrl`. */
export function runScript(script: string, args: string[], databaseUrl: string): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', script, '--', ...args],
      { cwd: findProjectRoot(), env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** What a participation officer sends for a contribution, with a note of where and when it was collected. */
export function recordContribution(
  app: App,
  path: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const note = { channel: 'paper', location: 'Marché du samedi, stand de la mairie', collectedOn: '2026-03-14' };
  return Promise.resolve(
    app.request(`${path}/contributions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ ...note, ...body }),
    }),
  );
}

/** The stored contributions, with the audit log: equal before and after a refused record means it wrote nothing. */
export async function contributionSnapshot(store: Store) {
  const contributions = await store.db.selectFrom('contributions').selectAll().orderBy('id').execute();
  const audit = await store.db.selectFrom('audit_log').select('id').orderBy('id').execute();
  return { contributions, audit };
}
