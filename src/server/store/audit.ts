import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export interface AuditRecord {
  id: number;
  actor: string;
  action: string;
  targetKind: string;
  targetId: string;
  details: Record<string, unknown>;
  at: string;
}

export async function insertAudit(db: Db, entry: Omit<AuditRecord, 'id'>): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      target_kind: entry.targetKind,
      target_id: entry.targetId,
      details: JSON.stringify(entry.details),
      at: entry.at,
    })
    .execute();
}

/** Newest first, the entries older than the entry `before`, about `target` where its kind or id is given. */
export async function listAudit(
  db: Db,
  target: { kind: string | null; id: string | null },
  before: number | null,
  limit: number,
): Promise<AuditRecord[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (target.kind !== null) query = query.where('target_kind', '=', target.kind);
  if (target.id !== null) query = query.where('target_id', '=', target.id);
  if (before !== null) query = query.where('id', '<', before);
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({
    id: row.id,
    actor: row.actor,
    action: row.action,
    targetKind: row.target_kind,
    targetId: row.target_id,
    details: JSON.parse(row.details) as Record<string, unknown>,
    at: row.at,
  }));
}
