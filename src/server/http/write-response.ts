import type { Context } from 'hono';

/** A write's answer, or anything only its requester may see, is never kept by a cache. */
export const NO_STORE = { 'Cache-Control': 'no-store' };

/** A citizen's write answered: marked when it replays the first answer to the same idempotency key. */
export function written(c: Context, outcome: { body: string; replayed: boolean; status?: number }): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', ...NO_STORE };
  if (outcome.replayed) headers['Idempotent-Replayed'] = 'true';
  return c.body(outcome.body, (outcome.status ?? 200) as 200 | 201, headers);
}
