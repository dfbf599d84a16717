import type { RateLimits } from '../../config.js';
import { ApiError } from '../../errors.js';

/**
 * Counts requests per voter and per address in fixed windows. Two backends:
 * memory (one instance) and Redis (several instances sharing one limit).
 * Each take refuses the request with `rate_limited` once its limit is passed.
 */
export interface RateLimiter {
  readonly limits: RateLimits;
  takeVoter(voter: string): Promise<void>;
  takeAddress(address: string, write: boolean): Promise<void>;
  /** Lets go of whatever the backend holds open. */
  close(): Promise<void>;
}

export function rateLimited(msLeft: number): ApiError {
  const retryAfter = Math.max(1, Math.ceil(msLeft / 1000));
  return new ApiError('rate_limited', undefined, { 'Retry-After': String(retryAfter) });
}
