/**
 * The proof-of-work solver: its own chunk, imported the first time a citizen
 * starts writing an idea, so that no page pays for it before.
 *
 * It runs on the main thread, in slices. A Web Worker would have to be loaded
 * from the page's own origin (the chunks come from the Parvis server, the page
 * from the city's site), or from a `blob:` URL, which a strict
 * Content-Security-Policy refuses unless the host adds `worker-src blob:`. The
 * work itself is hashing, which WebCrypto does off the main thread: what is
 * left here is short continuations between digests, and a yield to the page
 * whenever they have run for a few milliseconds, so no task comes near 50 ms,
 * typing and screen readers are never held up, and the host needs no extra CSP
 * directive.
 */
import { type Challenge as AltchaChallenge, type DeriveKeyFunction, sha, solveChallenge } from 'altcha/lib';
import type { Challenge } from '../contract/idea.js';

/** Longest run of work before the page gets the main thread back. */
const SLICE_MS = 8;
/** Past this, the challenge is given up: the server may refuse a proof that old anyway. */
const SOLVE_TIMEOUT_MS = 120_000;

/**
 * Solves an ALTCHA challenge (the server's `altcha-lib` v1 format) and answers
 * the payload `submitIdea` sends as `proof`: the base64 of
 * `{ algorithm, challenge, number, salt, signature }`.
 */
export async function solveProof(challenge: Challenge, signal?: AbortSignal): Promise<string> {
  const controller = new AbortController();
  const stop = () => controller.abort();
  if (signal?.aborted) stop();
  signal?.addEventListener('abort', stop, { once: true });
  let sliceStart = performance.now();
  // The library's own loop, with a key derivation that yields between slices.
  const deriveKey: DeriveKeyFunction = async (parameters, salt, password) => {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToPage();
      sliceStart = performance.now();
    }
    return sha.deriveKey(parameters, salt, password);
  };
  try {
    const solution = await solveChallenge({
      challenge: fromV1(challenge),
      controller,
      deriveKey,
      counterMode: 'string',
      timeout: SOLVE_TIMEOUT_MS,
    });
    if (!solution) throw signal?.reason ?? new Error('The proof-of-work challenge could not be solved in time.');
    const { algorithm, challenge: hash, salt, signature } = challenge;
    return btoa(JSON.stringify({ algorithm, challenge: hash, number: solution.counter, salt, signature }));
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/**
 * A v1 challenge asks for the number n such that hash(salt + n) is the
 * challenge: in the library's terms, a single round whose password is the salt
 * followed by the counter written out, and whose key must equal the challenge
 * (the conversion ALTCHA's own widget makes).
 */
function fromV1(challenge: Challenge): AltchaChallenge {
  const keyLength = challenge.algorithm === 'SHA-512' ? 64 : challenge.algorithm === 'SHA-384' ? 48 : 32;
  const nonce = [...new TextEncoder().encode(challenge.salt)].map((byte) => byte.toString(16).padStart(2, '0'));
  return {
    parameters: {
      algorithm: challenge.algorithm,
      nonce: nonce.join(''),
      salt: '',
      cost: 1,
      keyLength,
      keyPrefix: challenge.challenge,
    },
    signature: challenge.signature,
  };
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}
