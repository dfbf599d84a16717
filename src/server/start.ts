import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { type RateLimits, type ServerConfig, sqlitePath } from './config.js';
import type { AppDeps } from './deps.js';
import { createTokenVerifier } from './http/identity.js';
import {
  MemoryRateLimiter,
  type RateLimiter,
  RedisRateLimiter,
  type RedisRateLimiterOptions,
} from './http/rate-limit.js';
import { MAX_HEADERS_BYTES } from './http/security.js';
import { seedOnce } from './seed.js';
import { registerAdminToken } from './services/admin-tokens.js';
import { openStore, type Store } from './store/database.js';
import { forgetResponses } from './store/idempotency.js';
import { readSetting, writeSettingOnce } from './store/settings.js';

/** How long a retried write is still recognised: an offline phone may replay its queue days later. */
const IDEMPOTENCY_RETENTION_MS = 30 * 86_400_000;

export interface RunningServer {
  /** `http://localhost:<port>` */
  url: string;
  port: number;
  adminToken: string;
  /** The seed file loaded at this start, if any. */
  seeded: string | null;
  store: Store;
  /** Stops accepting requests, lets the running ones finish, and closes the database. */
  close(): Promise<void>;
}

/** Opens the database, migrates, seeds an empty one, and listens (`port: 0` picks a free port). */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const store = openStore(config.databaseUrl, sqlitePath(config));
  let purge: NodeJS.Timeout | undefined;
  let limiters: Limiters | null = null;
  try {
    await store.migrate();
    const adminToken = config.adminToken ?? (await storedAdminToken(store));
    await registerAdminToken(store);
    const seeded = await seedOnce(store, config.seed, config.demoDir);
    // Through the writer's transaction, like every write: on SQLite the reader connection must never write.
    const forget = () =>
      store.write((trx) => forgetResponses(trx, new Date(Date.now() - IDEMPOTENCY_RETENTION_MS).toISOString()));
    await forget();
    purge = setInterval(() => void forget().catch((error) => console.error(error)), 3_600_000).unref();
    limiters = await openLimiters(config);
    const app = createApp({ config, store, adminToken, verifyToken: createTokenVerifier(config), ...limiters });
    const server = await listen(app.fetch, config.port);
    const port = (server.address() as AddressInfo).port;
    let closing: Promise<void> | null = null;
    return {
      url: `http://localhost:${port}`,
      port,
      adminToken,
      seeded,
      store,
      close() {
        closing ??= (async () => {
          clearInterval(purge);
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            if ('closeIdleConnections' in server) server.closeIdleConnections();
            // A client holding a connection open must not hold the shutdown with it.
            setTimeout(() => 'closeAllConnections' in server && server.closeAllConnections(), 5_000).unref();
          });
          await closeLimiters(limiters);
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    clearInterval(purge);
    await closeLimiters(limiters);
    await store.close();
    throw error;
  }
}

type Limiters = Pick<AppDeps, 'limiter' | 'submissionLimiter'>;

/**
 * Counters in Redis when instances must share them, in memory otherwise; none
 * when rate limiting is off. Every Redis key lives under `options.prefix`.
 */
export async function openLimiters(
  config: Pick<ServerConfig, 'rateLimit' | 'rateLimits' | 'ideaRateLimits' | 'redisUrl'>,
  { prefix = 'parvis:rl', now }: Pick<RedisRateLimiterOptions, 'prefix' | 'now'> = {},
): Promise<Limiters> {
  if (!config.rateLimit) return { limiter: null, submissionLimiter: null };
  const open = async (limits: RateLimits, options: RedisRateLimiterOptions): Promise<RateLimiter> =>
    config.redisUrl ? RedisRateLimiter.open(config.redisUrl, limits, options) : new MemoryRateLimiter(limits, now);
  const [limiter, submissionLimiter] = await Promise.all([
    open(config.rateLimits, { prefix, now }),
    open(config.ideaRateLimits, { prefix: `${prefix}:ideas`, now, name: 'idea submission limits' }),
  ]);
  return { limiter, submissionLimiter };
}

async function closeLimiters(limiters: Limiters | null): Promise<void> {
  await limiters?.limiter?.close();
  await limiters?.submissionLimiter?.close();
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number): Promise<ReturnType<typeof serve>> {
  return new Promise((resolve, reject) => {
    // Node refuses a request whose headers pass this size before any code runs; below it, headerLimit answers with the envelope.
    const server = serve({ fetch, port, serverOptions: { maxHeaderSize: MAX_HEADERS_BYTES } }, () => resolve(server));
    server.once('error', reject);
  });
}

async function storedAdminToken(store: Store): Promise<string> {
  const stored = await readSetting(store.db, 'admin_token');
  if (stored) return stored;
  const generated = randomBytes(24).toString('base64url');
  return store.write((trx) => writeSettingOnce(trx, 'admin_token', generated));
}
