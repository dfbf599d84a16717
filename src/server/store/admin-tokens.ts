import type { Kysely, Selectable } from 'kysely';
import type { AdminTokenTable, Database } from './schema.js';

type Db = Kysely<Database>;

export interface AdminTokenRecord {
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** False when the name is taken, by a token revoked or not: a name in the audit log always means one token. */
export async function insertAdminToken(db: Db, name: string, tokenHash: string | null, at: string): Promise<boolean> {
  const inserted = await db
    .insertInto('admin_tokens')
    .values({ name, token_hash: tokenHash, created_at: at })
    .onConflict((oc) => oc.column('name').doNothing())
    .returning('name')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findAdminToken(
  db: Db,
  by: { name: string } | { tokenHash: string },
): Promise<AdminTokenRecord | null> {
  const query = db.selectFrom('admin_tokens').selectAll();
  const row = await (
    'name' in by ? query.where('name', '=', by.name) : query.where('token_hash', '=', by.tokenHash)
  ).executeTakeFirst();
  return row ? record(row) : null;
}

export async function listAdminTokens(db: Db): Promise<AdminTokenRecord[]> {
  const rows = await db.selectFrom('admin_tokens').selectAll().orderBy('created_at').orderBy('name').execute();
  return rows.map(record);
}

/** Revokes a token not revoked yet; false when there is none of that name, or it already was. */
export async function revokeAdminToken(db: Db, name: string, at: string): Promise<boolean> {
  const revoked = await db
    .updateTable('admin_tokens')
    .set({ revoked_at: at })
    .where('name', '=', name)
    .where('revoked_at', 'is', null)
    .returning('name')
    .executeTakeFirst();
  return revoked !== undefined;
}

export async function touchAdminToken(db: Db, name: string, at: string): Promise<void> {
  await db.updateTable('admin_tokens').set({ last_used_at: at }).where('name', '=', name).execute();
}

function record(row: Selectable<AdminTokenTable>): AdminTokenRecord {
  return { name: row.name, createdAt: row.created_at, lastUsedAt: row.last_used_at, revokedAt: row.revoked_at };
}
