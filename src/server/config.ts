import { isAbsolute, join, resolve } from 'node:path';
import { findProjectRoot } from './paths.js';

export interface RateLimits {
  /** Length of a counting window, in milliseconds. */
  windowMs: number;
  /** Writes one voter may make per window. */
  voterWrites: number;
  /** Writes from one address per window: a whole school behind one router must fit. */
  addressWrites: number;
  /** Reads from one address per window. */
  addressReads: number;
}

export interface ServerConfig {
  port: number;
  /** `sqlite:<path>` or `postgres://…`. */
  databaseUrl: string;
  /** Set from the environment; otherwise generated once and kept in the database. */
  adminToken: string | null;
  /** Browser origins allowed to call the API; null means the default (own origin and localhost). */
  allowedOrigins: string[] | null;
  jwtSecret: string | null;
  jwksUrl: string | null;
  /** `demo`, `none` or the path of a seed file; loaded only into an empty database. */
  seed: string;
  rateLimit: boolean;
  rateLimits: RateLimits;
  /** Idea submissions' budget of their own, on top of `rateLimits`. */
  ideaRateLimits: RateLimits;
  trustProxy: boolean;
  /** `redis://…` where instances share their rate-limit counters; null counts in memory, per instance. */
  redisUrl: string | null;
  /** The `maxnumber` of proof-of-work challenges: how much work a submitted idea costs the browser. */
  proofDifficulty: number;
  /** Who publishes the open-data exports; null names the host this server is reached by. */
  publisher: string | null;
  /** Where the built widgets are served from (`dist/widgets`). */
  widgetsDir: string;
  /** The demo pages and the demo seed. */
  demoDir: string;
  /** Where a relative SQLite path and the `data` directory live. */
  rootDir: string;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowMs: 60_000,
  voterWrites: 60,
  addressWrites: 1_200,
  addressReads: 6_000,
};

/**
 * Ideas come far more rarely than votes, and spam comes in bursts: idea
 * submissions have a budget of their own, per voter and per address, on top
 * of the budget every write counts against.
 */
export const IDEA_RATE_LIMITS: RateLimits = {
  windowMs: 10 * 60_000,
  voterWrites: 10,
  // A class or a library behind one router may send ideas together.
  addressWrites: 100,
  addressReads: 0,
};

/**
 * The largest number a proof-of-work challenge hides (`maxnumber`): the
 * widget tries half of them on average, each a SHA-256 in a Web Worker. A
 * recent laptop does that in a fraction of a second, a cheap phone in about one.
 */
export const DEFAULT_PROOF_DIFFICULTY = 100_000;

type Env = Record<string, string | undefined>;

/** The one place that reads the server's settings from the environment. */
export function loadConfig(env: Env = process.env, rootDir: string = findProjectRoot()): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    databaseUrl: env.DATABASE_URL || 'sqlite:./data/parvis.db',
    adminToken: env.PARVIS_ADMIN_TOKEN || null,
    allowedOrigins: env.PARVIS_ALLOWED_ORIGINS ? parseOrigins(env.PARVIS_ALLOWED_ORIGINS) : null,
    jwtSecret: env.PARVIS_JWT_SECRET || null,
    jwksUrl: env.PARVIS_JWKS_URL || null,
    seed: env.PARVIS_SEED || 'demo',
    rateLimit: parseSwitch('PARVIS_RATE_LIMIT', env.PARVIS_RATE_LIMIT, true),
    rateLimits: DEFAULT_RATE_LIMITS,
    ideaRateLimits: IDEA_RATE_LIMITS,
    trustProxy: parseSwitch('PARVIS_TRUST_PROXY', env.PARVIS_TRUST_PROXY, false),
    redisUrl: env.PARVIS_REDIS_URL ? parseRedisUrl(env.PARVIS_REDIS_URL) : null,
    proofDifficulty: parseProofDifficulty(env.PARVIS_PROOF_DIFFICULTY),
    publisher: env.PARVIS_PUBLISHER?.trim() || null,
    widgetsDir: join(rootDir, 'dist', 'widgets'),
    demoDir: join(rootDir, 'demo'),
    rootDir,
  };
}

/** Resolves `sqlite:<path>` against the project root; null for other engines. */
export function sqlitePath(config: Pick<ServerConfig, 'databaseUrl' | 'rootDir'>): string | null {
  if (!config.databaseUrl.startsWith('sqlite:')) return null;
  const path = config.databaseUrl.slice('sqlite:'.length);
  if (path === ':memory:') return path;
  return isAbsolute(path) ? path : resolve(config.rootDir, path);
}

function parseOrigins(value: string): string[] {
  return value
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => {
      if (origin === '*') return origin;
      const url = new URL(origin);
      return url.origin;
    });
}

/** The message leaves the value out: a Redis URL may carry a password. */
function parseRedisUrl(value: string): string {
  const protocol = URL.canParse(value) ? new URL(value).protocol : null;
  if (protocol !== 'redis:' && protocol !== 'rediss:')
    throw new Error('PARVIS_REDIS_URL must be a redis:// or rediss:// URL');
  return value;
}

function parseSwitch(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  const normal = value.toLowerCase();
  if (['on', 'true', '1', 'yes'].includes(normal)) return true;
  if (['off', 'false', '0', 'no'].includes(normal)) return false;
  throw new Error(`${name} must be on or off, not "${value}"`);
}

function parseProofDifficulty(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PROOF_DIFFICULTY;
  const difficulty = Number(value);
  // Past ten million, a phone would work for minutes: surely a typo.
  if (!Number.isSafeInteger(difficulty) || difficulty < 1 || difficulty > 10_000_000)
    throw new Error(`PARVIS_PROOF_DIFFICULTY must be a whole number from 1 to 10000000, not "${value}"`);
  return difficulty;
}
