import { ApiError } from '../errors.js';
import type { Store } from '../store/database.js';
import { findResponse, type StoredResponse } from '../store/idempotency.js';

/** Another request with the same key committed first; its answer is replayed. */
export class KeyTakenError extends Error {}

/** A Refusal (see group-commit.ts) for writers that throw these only when they have left nothing written. */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiError || error instanceof KeyTakenError;
}

/**
 * The stored answer to replay after `refusal`, when the refused write is a
 * retry of the request that first used its key. Otherwise the refusal
 * stands, or `idempotency_key_reused` when the key served another request.
 */
export async function earlierAnswer(
  store: Store,
  voter: string,
  idempotency: { key: string; requestHash: string },
  refusal: unknown,
): Promise<StoredResponse> {
  const earlier = await findResponse(store.db, voter, idempotency.key);
  if (!earlier) throw refusal instanceof KeyTakenError ? new ApiError('idempotency_key_reused') : refusal;
  if (earlier.requestHash !== idempotency.requestHash) throw new ApiError('idempotency_key_reused');
  return earlier;
}
