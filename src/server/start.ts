import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { type ServerConfig, sqlitePath } from './config.js';
import { createTokenVerifier } from './http/identity.js';
import { MemoryRateLimiter, type RateLimiter, RedisRateLimiter } from './http/rate-limit.js';
import { MAX_HEADERS_BYTES } from './http/security.js';
import { seedOnce } from './seed.js';
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
  let limiter: RateLimiter | null = null;
  try {
    await store.migrate();
    const adminToken = config.adminToken ?? (await storedAdminToken(store));
    const seeded = await seedOnce(store, config.seed, config.demoDir);
    // Through the writer's transaction, like every write: on SQLite the reader connection must never write.
    const forget = () =>
      store.write((trx) => forgetResponses(trx, new Date(Date.now() - IDEMPOTENCY_RETENTION_MS).toISOString()));
    await forget();
    purge = setInterval(() => void forget().catch((error) => console.error(error)), 3_600_000).unref();
    limiter = await openLimiter(config);
    const app = createApp({
      config,
      store,
      adminToken,
      verifyToken: createTokenVerifier(config),
      limiter,
    });
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
          await limiter?.close();
          await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    clearInterval(purge);
    await limiter?.close();
    await store.close();
    throw error;
  }
}

/** Counters in Redis when instances must share them, in memory otherwise. */
async function openLimiter(config: ServerConfig): Promise<RateLimiter | null> {
  if (!config.rateLimit) return null;
  if (config.redisUrl) return RedisRateLimiter.open(config.redisUrl, config.rateLimits);
  return new MemoryRateLimiter(config.rateLimits);
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
