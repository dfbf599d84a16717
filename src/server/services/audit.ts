import { createHash } from 'node:crypto';
import { type AuditPage, type AuditQuery } from '../../contract/idea.js';
import type { Store } from '../store/database.js';
import { insertAudit, listAudit } from '../store/audit.js';
import { decodeCursor, encodeCursor } from './idea-views.js';

/** Who acts when no moderator does: a report that hides an idea. */
export const SYSTEM_ACTOR = 'system';
/** The demo seed, loaded at first start. */
export const SEED_ACTOR = 'seed';

const DEFAULT_AUDIT_PAGE = 50;

/**
 * The actor an admin token writes in the audit log: a short fingerprint of
 * it, enough to tell tokens apart once there are several, useless to
 * anyone who reads the log to guess the token.
 */
export function adminActor(adminToken: string): string {
  return `admin:${createHash('sha256').update(adminToken).digest('hex').slice(0, 12)}`;
}

export interface AuditTarget {
  kind: string;
  id: string;
}

/** Records an action in the transaction that does it: no action without its entry, no entry without its action. */
export function recordAction(
  trx: Store['db'],
  actor: string,
  action: string,
  target: AuditTarget,
  details: Record<string, unknown>,
  at: string,
): Promise<void> {
  return insertAudit(trx, { actor, action, targetKind: target.kind, targetId: target.id, details, at });
}

export async function readAuditLog(store: Store, query: AuditQuery): Promise<AuditPage> {
  const limit = query.limit ?? DEFAULT_AUDIT_PAGE;
  const before = query.cursor ? Number(decodeCursor(query.cursor, 'audit', ['number'])[0]) : null;
  const rows = await listAudit(store.db, before, limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return {
    entries,
    nextCursor: rows.length > limit && last ? encodeCursor('audit', [last.id]) : null,
  };
}
