import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { IDEMPOTENCY_KEY } from '../../contract/common.js';
import { ApiError } from '../errors.js';

/** Every write from a widget carries a key: a retry with the same one answers the first answer. */
export function idempotencyKeyOf(c: Context): string {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) throw new ApiError('idempotency_key_required');
  if (!IDEMPOTENCY_KEY.test(key)) throw new ApiError('invalid_idempotency_key');
  return key;
}

/**
 * What a retry must repeat to be recognised as one: a digest of the text that
 * names the request. Each write keeps the text it has always hashed, because
 * the digests are stored: a retry reaching a newer server must still match.
 */
export function requestHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
