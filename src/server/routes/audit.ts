import { Hono } from 'hono';
import { AuditQuery } from '../../contract/idea.js';
import type { AppDeps } from '../deps.js';
import { requireAdmin } from '../http/admin-auth.js';
import { readQuery } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { readAuditLog } from '../services/audit.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** listAuditLog: what admin tokens did, newest first, about one kind of target or one target if asked. */
export function auditRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('*', requireAdmin(deps));
  app.get('/', async (c) => readResponse(c, JSON.stringify(await readAuditLog(deps.store, readQuery(c, AuditQuery)))));
  app.all('/', methodNotAllowed('GET'));
  return app;
}
