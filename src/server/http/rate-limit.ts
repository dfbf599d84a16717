import { createHmac, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { RateLimits } from '../config.js';
import { ApiError } from '../errors.js';
import { clientAddress } from './client-address.js';

/**
 * Fixed-window counters held in memory. Addresses are counted under an HMAC
 * whose random key is replaced with every window, so no address is ever
 * stored and yesterday's keys cannot be linked to today's.
 */
export class RateLimiter {
  readonly limits: RateLimits;
  readonly #now: () => number;
  #counts = new Map<string, number>();
  #windowEnds = 0;
  #addressKey = randomBytes(32);

  constructor(limits: RateLimits, now: () => number = Date.now) {
    this.limits = limits;
    this.#now = now;
  }

  /** Counts one request of `id` in `bucket`; refuses it with `rate_limited` past `limit`. */
  take(bucket: string, id: string, limit: number): void {
    const now = this.#roll();
    const key = `${bucket}:${id}`;
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    if (count > limit) {
      const retryAfter = Math.max(1, Math.ceil((this.#windowEnds - now) / 1000));
      throw new ApiError('rate_limited', undefined, { 'Retry-After': String(retryAfter) });
    }
  }

  takeAddress(address: string, write: boolean): void {
    this.#roll();
    const hashed = createHmac('sha256', this.#addressKey).update(address).digest('base64url');
    if (write) this.take('address-write', hashed, this.limits.addressWrites);
    else this.take('address-read', hashed, this.limits.addressReads);
  }

  takeVoter(voter: string): void {
    this.take('voter-write', voter, this.limits.voterWrites);
  }

  #roll(): number {
    const now = this.#now();
    if (now >= this.#windowEnds) {
      this.#counts.clear();
      this.#addressKey = randomBytes(32);
      this.#windowEnds = now + this.limits.windowMs;
    }
    return now;
  }
}

export function addressLimit(limiter: RateLimiter | null, trustProxy: boolean): MiddlewareHandler {
  return async function addressLimit(c, next) {
    if (limiter && c.req.method !== 'OPTIONS') {
      const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
      limiter.takeAddress(clientAddress(c, trustProxy), write);
    }
    await next();
  };
}
