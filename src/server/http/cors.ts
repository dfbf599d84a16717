import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.js';

const ALLOW_HEADERS = 'Content-Type, Parvis-Voter, Idempotency-Key, Authorization, If-None-Match';
const ALLOW_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const EXPOSE_HEADERS = 'ETag, Retry-After, Idempotent-Replayed';
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

export interface OriginPolicyOptions {
  /** Null: this server's own origin and localhost on any port. `*` in the list allows every origin. */
  allowedOrigins: string[] | null;
  trustProxy: boolean;
}

/**
 * The CORS allow-list. A browser write from an origin not on the list is
 * refused outright (the browser would hide the answer, but the vote would
 * count); a read from it just gets no CORS headers. Same-origin always passes.
 */
export function originPolicy(options: OriginPolicyOptions): MiddlewareHandler {
  const listed = new Set(options.allowedOrigins ?? []);
  const isAllowed = (origin: string, c: Context) =>
    origin === ownOrigin(c, options.trustProxy) ||
    listed.has('*') ||
    listed.has(origin) ||
    (options.allowedOrigins === null && LOCAL_ORIGIN.test(origin));

  return async function originPolicy(c, next) {
    const origin = c.req.header('Origin');
    if (!origin) return next();
    const allowed = isAllowed(origin, c);
    const method = c.req.method;
    if (method === 'OPTIONS' && c.req.header('Access-Control-Request-Method')) {
      if (!allowed) throw new ApiError('origin_not_allowed');
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOW_METHODS,
        'Access-Control-Allow-Headers': ALLOW_HEADERS,
        'Access-Control-Max-Age': '7200',
        Vary: 'Origin',
      });
    }
    if (!allowed && method !== 'GET' && method !== 'HEAD') throw new ApiError('origin_not_allowed');
    await next();
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
    c.res.headers.append('Vary', 'Origin');
  };
}

export function ownOrigin(c: Context, trustProxy: boolean): string {
  const url = new URL(c.req.url);
  if (trustProxy) {
    const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0].trim();
    const host = c.req.header('X-Forwarded-Host')?.split(',')[0].trim();
    if (proto || host) return `${proto ?? url.protocol.slice(0, -1)}://${host ?? url.host}`;
  }
  return url.origin;
}
