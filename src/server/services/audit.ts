import { type AuditPage, type AuditQuery } from '../../contract/idea.js';
import type { Store } from '../store/database.js';
import { insertAudit, listAudit } from '../store/audit.js';
import { decodeCursor, encodeCursor } from './idea-views.js';

/** Who acts when no moderator does: a report that hides an idea. */
export const SYSTEM_ACTOR = 'system';
/** The demo seed, loaded at first start. */
export const SEED_ACTOR = 'seed';

const DEFAULT_AUDIT_PAGE = 50;

export interface AuditTarget {
  kind: string;
  id: string;
}

type Details = Record<string, unknown>;

/** What an admin write's audit entry says, read in its transaction before it writes; null records nothing. */
export type AuditDetails = (trx: Store['db']) => Details | null | Promise<Details | null>;

/** Records an action in the transaction that does it: no action without its entry, no entry without its action. */
export function recordAction(
  trx: Store['db'],
  actor: string,
  action: string,
  target: AuditTarget,
  details: Details,
  at: string,
): Promise<void> {
  return insertAudit(trx, { actor, action, targetKind: target.kind, targetId: target.id, details, at });
}

/**
 * The store as one admin write sees it: the write records `action` in the
 * audit log in its own transaction, so that a service need not know who acts.
 * `details` answers null for a write that will find nothing to change.
 */
export function audited(
  store: Store,
  actor: string,
  action: string,
  target: AuditTarget,
  details: AuditDetails,
): Store {
  return {
    ...store,
    // Without `refused`: the entry is written after the work, so the work always runs in a savepoint.
    write: (work) =>
      store.write(async (trx) => {
        const said = await details(trx);
        const result = await work(trx);
        if (said) await recordAction(trx, actor, action, target, said, new Date().toISOString());
        return result;
      }),
  };
}

export async function readAuditLog(store: Store, query: AuditQuery): Promise<AuditPage> {
  const limit = query.limit ?? DEFAULT_AUDIT_PAGE;
  const before = query.cursor ? Number(decodeCursor(query.cursor, 'audit', ['number'])[0]) : null;
  const target = { kind: query.targetKind ?? null, id: query.targetId ?? null };
  const rows = await listAudit(store.db, target, before, limit + 1);
  const entries = rows.slice(0, limit);
  const last = entries.at(-1);
  return {
    entries,
    nextCursor: rows.length > limit && last ? encodeCursor('audit', [last.id]) : null,
  };
}
