import type { Handler } from 'hono';
import { ApiError } from '../errors.js';

/** Registered after a path's routes: any other method on it gets 405 and the methods it takes. */
export function methodNotAllowed(...methods: string[]): Handler {
  const allow = methods.includes('GET') ? [...methods, 'HEAD'] : methods;
  return () => {
    throw new ApiError('method_not_allowed', undefined, { Allow: allow.join(', ') });
  };
}
