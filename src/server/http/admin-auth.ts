import type { Context, MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { authenticateAdmin } from '../services/admin-tokens.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** The name of the admin token of the request, once `requireAdmin` accepted it. */
    adminName: string;
  }
}

type AdminAuth = Pick<AppDeps, 'store' | 'adminToken'>;

/** Accepts any admin token not revoked, and tells the handlers its name (see `actingAdmin`). */
export function requireAdmin(deps: AdminAuth): MiddlewareHandler {
  return async function requireAdmin(c, next) {
    const name = await adminNameOf(c.req.header('Authorization'), deps);
    if (name === null) throw unauthorized();
    c.set('adminName', name);
    await next();
  };
}

/** Who acts in a handler behind `requireAdmin`: what the audit log records. */
export function actingAdmin(c: Context): string {
  return c.get('adminName');
}

/** For what the public reads once published and an admin token reads at any time: a wrong token is refused. */
export async function carriesAdminToken(c: Context, deps: AdminAuth): Promise<boolean> {
  const authorization = c.req.header('Authorization');
  if (authorization === undefined) return false;
  if ((await adminNameOf(authorization, deps)) === null) throw unauthorized();
  return true;
}

async function adminNameOf(authorization: string | undefined, deps: AdminAuth): Promise<string | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return match ? authenticateAdmin(deps.store, deps.adminToken, match[1]) : null;
}

function unauthorized(): ApiError {
  return new ApiError('unauthorized', undefined, { 'WWW-Authenticate': 'Bearer' });
}
