import type { Kysely } from 'kysely';
import { prepared } from './prepared.js';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export interface StoredResponse {
  requestHash: string;
  status: number;
  body: string;
}

const selectResponse = prepared<{ scope: string; key: string }, { request_hash: string; status: number; body: string }>(
  (db, arg) =>
    db
      .selectFrom('idempotency_keys')
      .select(['request_hash', 'status', 'body'])
      .where('scope', '=', arg('scope'))
      .where('key', '=', arg('key')),
);
const insertResponse = prepared<
  { scope: string; key: string; requestHash: string; status: number; body: string; now: string },
  { key: string }
>((db, arg) =>
  db
    .insertInto('idempotency_keys')
    .values({
      scope: arg('scope'),
      key: arg('key'),
      request_hash: arg('requestHash'),
      status: arg('status'),
      body: arg('body'),
      created_at: arg('now'),
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .returning('key'),
);

export async function findResponse(db: Db, scope: string, key: string): Promise<StoredResponse | null> {
  const [row] = (await selectResponse(db, { scope, key })).rows;
  return row ? { requestHash: row.request_hash, status: row.status, body: row.body } : null;
}

/** False when another request with this key was recorded first. */
export async function recordResponse(
  db: Db,
  scope: string,
  key: string,
  response: StoredResponse,
  now: string,
): Promise<boolean> {
  const inserted = await insertResponse(db, { scope, key, ...response, now });
  return inserted.rows.length > 0;
}

/** Keys older than `before` can no longer be replayed. */
export async function forgetResponses(db: Db, before: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('created_at', '<', before).execute();
}
