import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.js';

/** Compares digests, so the time taken tells nothing about the token, not even its length. */
export function isAdminToken(authorization: string | undefined, adminToken: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) return false;
  return timingSafeEqual(digest(match[1]), digest(adminToken));
}

export function requireAdmin(adminToken: string): MiddlewareHandler {
  return async function requireAdmin(c, next) {
    if (!isAdminToken(c.req.header('Authorization'), adminToken)) throw unauthorized();
    await next();
  };
}

/** For what the public reads once published and the admin token reads at any time: a wrong token is refused. */
export function carriesAdminToken(c: Context, adminToken: string): boolean {
  const authorization = c.req.header('Authorization');
  if (authorization === undefined) return false;
  if (!isAdminToken(authorization, adminToken)) throw unauthorized();
  return true;
}

function unauthorized(): ApiError {
  return new ApiError('unauthorized', undefined, { 'WWW-Authenticate': 'Bearer' });
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
