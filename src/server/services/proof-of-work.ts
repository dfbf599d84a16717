import { randomBytes } from 'node:crypto';
import { createChallenge, extractParams, verifySolution } from 'altcha-lib/v1';
import type { Challenge } from '../../contract/idea.js';
import { ApiError } from '../errors.js';
import type { Store } from '../store/database.js';
import { readSetting, writeSettingOnce } from '../store/settings.js';

/** Long enough to write an idea after the form started solving; used proofs are kept this long. */
export const PROOF_LIFETIME_MS = 30 * 60_000;

const ALGORITHM = 'SHA-256';
const KEY_SETTING = 'proof_hmac_key';

/** A proof whose solution and signature are right, not yet marked used. */
export interface CheckedProof {
  /** Unique per challenge: what marks the proof used. */
  signature: string;
  expiresAt: string;
}

/**
 * ALTCHA proofs of work, in the v1 format of `altcha-lib/v1` (`algorithm`,
 * `challenge`, `maxnumber`, `salt`, `signature`), which the `<altcha>` widget
 * 3 still solves. Challenges are signed with an HMAC key generated once and
 * kept in the database, so that every instance sharing it accepts the proofs
 * of the others; the expiry is inside the signed salt.
 */
export class ProofOfWork {
  readonly #store: Store;
  readonly #difficulty: number;
  #key: Promise<string> | null = null;

  constructor(store: Store, difficulty: number) {
    this.#store = store;
    this.#difficulty = difficulty;
  }

  async challenge(now = new Date()): Promise<Challenge> {
    return createChallenge({
      algorithm: ALGORITHM,
      hmacKey: await this.#hmacKey(),
      maxnumber: this.#difficulty,
      expires: new Date(now.getTime() + PROOF_LIFETIME_MS),
    });
  }

  /** Checks a proof: `proof_required` when missing, `invalid_proof` when wrong, expired or forged. */
  async check(proof: string | undefined): Promise<CheckedProof> {
    if (proof === undefined || proof === '') throw new ApiError('proof_required');
    const payload = decode(proof);
    if (!payload || !(await verifySolution(payload, await this.#hmacKey(), true))) throw new ApiError('invalid_proof');
    const expires = Number(extractParams(payload).expires);
    // Every challenge made here carries its expiry; one without is not ours.
    if (!Number.isSafeInteger(expires)) throw new ApiError('invalid_proof');
    return { signature: payload.signature, expiresAt: new Date(expires * 1000).toISOString() };
  }

  #hmacKey(): Promise<string> {
    this.#key ??= loadKey(this.#store).catch((error: unknown) => {
      this.#key = null;
      throw error;
    });
    return this.#key;
  }
}

interface Payload {
  algorithm: typeof ALGORITHM;
  challenge: string;
  number: number;
  salt: string;
  signature: string;
}

/** The payload the widget sends: base64 of `{ algorithm, challenge, number, salt, signature, took }`. */
function decode(proof: string): Payload | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(proof, 'base64').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { algorithm, challenge, number, salt, signature } = value as Record<string, unknown>;
  if (algorithm !== ALGORITHM || !Number.isSafeInteger(number) || (number as number) < 0) return null;
  if (typeof challenge !== 'string' || typeof salt !== 'string' || typeof signature !== 'string') return null;
  return { algorithm, challenge, number: number as number, salt, signature };
}

/** Generated at first use and kept, like the admin token: two instances starting together agree on one. */
async function loadKey(store: Store): Promise<string> {
  const stored = await readSetting(store.db, KEY_SETTING);
  if (stored) return stored;
  const generated = randomBytes(32).toString('base64url');
  return store.write((trx) => writeSettingOnce(trx, KEY_SETTING, generated));
}
