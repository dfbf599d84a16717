import { Hono } from 'hono';
import { NO_STORE } from '../http/write-response.js';
import type { ProofOfWork } from '../services/proof-of-work.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** getChallenge: a fresh proof-of-work challenge for each form, never cached (each proof is used once). */
export function challengeRoutes(proofs: ProofOfWork): Hono {
  const app = new Hono();
  app.get('/', async (c) => c.json(await proofs.challenge(), 200, NO_STORE));
  app.all('/', methodNotAllowed('GET'));
  return app;
}
