import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import type { RateLimits } from '../../config.js';
import { type RateLimiter, rateLimited } from './limiter.js';

/**
 * Counts one request and returns the count. The expiry is set with the first
 * count of a window and in the same script, so no counter outlives its window.
 */
const COUNT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
`;

/** Stores a window's address key unless another instance already did, and returns the one that stands. */
const WINDOW_KEY = `
redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2])
return redis.call('GET', KEYS[1])
`;

const sha1 = (script: string) => createHash('sha1').update(script).digest('hex');
const SCRIPTS = {
  count: { source: COUNT, sha: sha1(COUNT) },
  windowKey: { source: WINDOW_KEY, sha: sha1(WINDOW_KEY) },
};

/** A slow Redis must not hold citizens' requests: past this, a request goes through uncounted. */
const COMMAND_TIMEOUT_MS = 500;
/** How long start-up waits for Redis before serving without it. */
const CONNECT_WAIT_MS = 2_000;
/** At most one warning per this period while Redis is unreachable, however many requests pass. */
const WARNING_INTERVAL_MS = 60_000;

export interface RedisRateLimiterOptions {
  /** Namespace of every key; instances that must share a limit share it. */
  prefix?: string;
  /** What warnings call this limiter, where an instance has several. */
  name?: string;
  now?: () => number;
  warn?: (message: string) => void;
  /** How long open() waits for a first connection; it goes on trying in the background. */
  connectWaitMs?: number;
}

type Client = ReturnType<typeof createClient>;

/**
 * Fixed-window counters in Redis, so that every instance behind a load
 * balancer counts towards one limit. Windows are aligned on the clock (window
 * n covers [n·windowMs, (n+1)·windowMs)), so instances agree on them without
 * talking to each other.
 *
 * Addresses and voters are counted under an HMAC whose random key belongs to
 * the window: the first instance to need it stores it in Redis with SET NX and
 * every other one reads that one back. It expires with its window, so nothing
 * links one window's counters to the next, and the raw address never leaves
 * this process.
 *
 * If Redis cannot be reached, requests go through uncounted (fail open) and a
 * warning is logged at most once a minute: losing the shared limit for a while
 * is better than refusing citizens' votes.
 */
export class RedisRateLimiter implements RateLimiter {
  readonly limits: RateLimits;
  readonly #client: Client;
  readonly #prefix: string;
  readonly #now: () => number;
  readonly #warn: (message: string) => void;
  readonly #name: string;
  readonly #where: string;
  /** The current window's HMAC key, or the pending read of it; only ever the current window's. */
  #windowKey: { window: number; key: Promise<Buffer> } | null = null;
  #nextWarning = 0;
  /** Requests let through since the last warning. */
  #uncounted = 0;
  /** A warning was logged and Redis has not answered since. */
  #failing = false;

  private constructor(url: string, limits: RateLimits, options: RedisRateLimiterOptions) {
    this.limits = limits;
    this.#prefix = options.prefix ?? 'parvis:rl';
    this.#now = options.now ?? Date.now;
    this.#warn = options.warn ?? ((message) => console.warn(message));
    this.#name = options.name ?? 'rate limiting';
    const parsed = new URL(url);
    // Only host and port in logs: the URL may carry a password.
    this.#where = parsed.host;
    this.#client = createClient({
      url,
      // Commands fail at once while disconnected instead of queueing behind a request.
      disableOfflineQueue: true,
      commandOptions: { timeout: COMMAND_TIMEOUT_MS },
      socket: {
        connectTimeout: CONNECT_WAIT_MS,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5_000),
      },
    });
    // Without a listener, a connection error would be thrown out of the event emitter and end the process.
    this.#client.on('error', (error: unknown) => this.#unreachable(error));
  }

  /** Connects, waiting at most `connectWaitMs`; an unreachable Redis does not stop the server from starting. */
  static async open(url: string, limits: RateLimits, options: RedisRateLimiterOptions = {}): Promise<RedisRateLimiter> {
    const limiter = new RedisRateLimiter(url, limits, options);
    const connected = limiter.#client.connect().then(
      () => true,
      (error: unknown) => {
        limiter.#unreachable(error);
        return false;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), options.connectWaitMs ?? CONNECT_WAIT_MS);
    });
    await Promise.race([connected, waited]);
    clearTimeout(timer);
    return limiter;
  }

  async takeAddress(address: string, write: boolean): Promise<void> {
    if (write) await this.#take('address-write', address, this.limits.addressWrites);
    else await this.#take('address-read', address, this.limits.addressReads);
  }

  async takeVoter(voter: string): Promise<void> {
    await this.#take('voter-write', voter, this.limits.voterWrites);
  }

  async close(): Promise<void> {
    if (this.#client.isOpen) this.#client.destroy();
  }

  async #take(bucket: string, id: string, limit: number): Promise<void> {
    const now = this.#now();
    const window = Math.floor(now / this.limits.windowMs);
    const msLeft = (window + 1) * this.limits.windowMs - now;
    let count: number;
    try {
      const hashed = createHmac('sha256', await this.#keyOf(window, msLeft))
        .update(`${bucket}\n${id}`)
        .digest('base64url');
      const reply = await this.#eval(SCRIPTS.count, `${this.#prefix}:${bucket}:${window}:${hashed}`, [
        String(msLeft + this.#grace()),
      ]);
      count = Number(reply);
    } catch (error) {
      this.#unreachable(error, true);
      return;
    }
    if (this.#failing) {
      this.#failing = false;
      this.#warn(`Parvis ${this.#name}: Redis at ${this.#where} answers again; counting resumes`);
    }
    if (count > limit) throw rateLimited(msLeft);
  }

  /** The HMAC key of `window`, read from or stored in Redis once per window by this instance. */
  #keyOf(window: number, msLeft: number): Promise<Buffer> {
    if (this.#windowKey?.window !== window) {
      const key = this.#eval(SCRIPTS.windowKey, `${this.#prefix}:key:${window}`, [
        randomBytes(32).toString('base64url'),
        String(msLeft + this.#grace()),
      ]).then((stored) => Buffer.from(String(stored), 'base64url'));
      this.#windowKey = { window, key };
      // A failed read must not stick for the whole window: the next request asks again.
      key.catch(() => {
        if (this.#windowKey?.key === key) this.#windowKey = null;
      });
    }
    return this.#windowKey.key;
  }

  async #eval(script: { source: string; sha: string }, key: string, args: string[]): Promise<unknown> {
    const options = { keys: [key], arguments: args };
    try {
      return await this.#client.evalSha(script.sha, options);
    } catch (error) {
      // Redis forgets scripts on restart or SCRIPT FLUSH; EVAL loads it again.
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return this.#client.eval(script.source, options);
    }
  }

  /**
   * Keys live a little past their window: instances' clocks differ slightly,
   * and a counter must not vanish while one of them still counts in it.
   */
  #grace(): number {
    return Math.min(this.limits.windowMs, 5_000);
  }

  #unreachable(error: unknown, requestPassed = false): void {
    if (requestPassed) this.#uncounted += 1;
    const now = Date.now();
    if (now < this.#nextWarning) return;
    this.#nextWarning = now + WARNING_INTERVAL_MS;
    // Set only with a warning, so a flapping Redis cannot log "answers again" more often than it logs the failure.
    this.#failing = true;
    const reason = error instanceof Error ? error.message || error.name : String(error);
    const passed = this.#uncounted ? `; ${this.#uncounted} request(s) let through uncounted` : '';
    this.#uncounted = 0;
    this.#warn(
      `Parvis ${this.#name}: Redis at ${this.#where} unreachable or failing (${reason}); requests go through without a limit until it answers again${passed}`,
    );
  }
}
