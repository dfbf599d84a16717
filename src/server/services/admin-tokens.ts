import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/database.js';
import * as tokens from '../store/admin-tokens.js';

export type { AdminTokenRecord } from '../store/admin-tokens.js';

/** The name of the token set by PARVIS_ADMIN_TOKEN, or generated at first start. */
export const ADMIN_TOKEN_NAME = 'admin';

/** Letters, digits, `.`, `_`, `-` and `@`, as in a person's or a service's name; at most 64. */
export const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;

/** A last-use date this old is written again: writing it on every request would cost each admin read a write. */
const LAST_USE_PRECISION_MS = 60_000;

/** Keeps `admin` in the list of tokens, dated from the first start that knew names. */
export async function registerAdminToken(store: Store): Promise<void> {
  await store.write((trx) => tokens.insertAdminToken(trx, ADMIN_TOKEN_NAME, null, new Date().toISOString()));
}

/** A new token under `name`, returned once; null when the name is taken (revoked names are never reused). */
export async function createAdminToken(store: Store, name: string): Promise<string | null> {
  if (!TOKEN_NAME.test(name)) throw new Error(`Not a token name: ${JSON.stringify(name)}`);
  if (name === ADMIN_TOKEN_NAME) return null;
  const token = randomBytes(24).toString('base64url');
  const hash = digest(token).toString('hex');
  const created = await store.write((trx) => tokens.insertAdminToken(trx, name, hash, new Date().toISOString()));
  return created ? token : null;
}

export function listAdminTokens(store: Store): Promise<tokens.AdminTokenRecord[]> {
  return tokens.listAdminTokens(store.db);
}

/**
 * Revokes the token of that name. `admin` is revoked like any other, even
 * before the server first started: PARVIS_ADMIN_TOKEN then opens nothing.
 */
export async function revokeAdminToken(store: Store, name: string): Promise<'revoked' | 'already' | 'unknown'> {
  return store.write(async (trx) => {
    const at = new Date().toISOString();
    if (name === ADMIN_TOKEN_NAME) await tokens.insertAdminToken(trx, name, null, at);
    if (await tokens.revokeAdminToken(trx, name, at)) return 'revoked';
    return (await tokens.findAdminToken(trx, { name })) ? 'already' : 'unknown';
  });
}

/**
 * The name of the admin token `presented` is, or null when it is none or is
 * revoked. Named tokens are found by their SHA-256, which tells nothing of
 * the token through the time a lookup takes; the `admin` token is compared in
 * constant time. Read anew at each request, so that a revoke holds at once on
 * every instance.
 */
export async function authenticateAdmin(store: Store, adminToken: string, presented: string): Promise<string | null> {
  const presentedDigest = digest(presented);
  const isAdmin = timingSafeEqual(presentedDigest, digest(adminToken));
  const found = await tokens.findAdminToken(
    store.db,
    isAdmin ? { name: ADMIN_TOKEN_NAME } : { tokenHash: presentedDigest.toString('hex') },
  );
  if (found?.revokedAt) return null;
  // `admin` works before its row exists: a database restored from an older backup has none.
  if (!found && !isAdmin) return null;
  const name = found?.name ?? ADMIN_TOKEN_NAME;
  const now = Date.now();
  if (found && (found.lastUsedAt === null || Date.parse(found.lastUsedAt) <= now - LAST_USE_PRECISION_MS))
    await store.write((trx) => tokens.touchAdminToken(trx, name, new Date(now).toISOString()));
  return name;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
