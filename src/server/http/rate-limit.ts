import type { MiddlewareHandler } from 'hono';
import { clientAddress } from './client-address.js';
import type { RateLimiter } from './rate-limit/limiter.js';

export type { RateLimiter } from './rate-limit/limiter.js';
export { MemoryRateLimiter } from './rate-limit/memory.js';
export { RedisRateLimiter, type RedisRateLimiterOptions } from './rate-limit/redis.js';

export function addressLimit(limiter: RateLimiter | null, trustProxy: boolean): MiddlewareHandler {
  return async function addressLimit(c, next) {
    if (limiter && c.req.method !== 'OPTIONS') {
      const write = c.req.method !== 'GET' && c.req.method !== 'HEAD';
      await limiter.takeAddress(clientAddress(c, trustProxy), write);
    }
    await next();
  };
}
