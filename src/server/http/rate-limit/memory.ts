import { createHmac, randomBytes } from 'node:crypto';
import type { RateLimits } from '../../config.js';
import { type RateLimiter, rateLimited } from './limiter.js';

/**
 * Fixed-window counters held in memory. Addresses are counted under an HMAC
 * whose random key is replaced with every window, so no address is ever
 * stored and yesterday's keys cannot be linked to today's.
 */
export class MemoryRateLimiter implements RateLimiter {
  readonly limits: RateLimits;
  readonly #now: () => number;
  #counts = new Map<string, number>();
  #windowEnds = 0;
  #addressKey = randomBytes(32);

  constructor(limits: RateLimits, now: () => number = Date.now) {
    this.limits = limits;
    this.#now = now;
  }

  async takeAddress(address: string, write: boolean): Promise<void> {
    this.#roll();
    const hashed = createHmac('sha256', this.#addressKey).update(address).digest('base64url');
    if (write) this.#take('address-write', hashed, this.limits.addressWrites);
    else this.#take('address-read', hashed, this.limits.addressReads);
  }

  async takeVoter(voter: string): Promise<void> {
    this.#take('voter-write', voter, this.limits.voterWrites);
  }

  async close(): Promise<void> {}

  #take(bucket: string, id: string, limit: number): void {
    const now = this.#roll();
    const key = `${bucket}:${id}`;
    const count = (this.#counts.get(key) ?? 0) + 1;
    this.#counts.set(key, count);
    if (count > limit) throw rateLimited(this.#windowEnds - now);
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
