import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { Slug } from '../../contract/common.js';
import { ListIdeasQuery, SubmitIdea } from '../../contract/idea.js';
import type { RateLimits } from '../config.js';
import type { AppDeps } from '../deps.js';
import { clientAddress } from '../http/client-address.js';
import { identify } from '../http/identity.js';
import { PUBLIC_BODY_LIMIT, readJson, validate } from '../http/json-body.js';
import { MemoryRateLimiter } from '../http/rate-limit.js';
import { readResponse } from '../http/read-response.js';
import { listIdeas, readIdeaBox, submitIdea } from '../services/ideas.js';
import type { ProofOfWork } from '../services/proof-of-work.js';
import { hashOf, idempotencyKeyOf, written } from './ideas.js';
import { methodNotAllowed } from './method-not-allowed.js';

/**
 * Ideas come far more rarely than votes, and spam comes in bursts: idea
 * submissions have a budget of their own, per voter and per address, on top
 * of the budget every write counts against.
 */
export const IDEA_RATE_LIMITS: RateLimits = {
  windowMs: 10 * 60_000,
  voterWrites: 10,
  // A class or a library behind one router may send ideas together.
  addressWrites: 100,
  addressReads: 0,
};

/** getIdeaBox, listIdeas and submitIdea. */
export function ideaBoxRoutes(deps: AppDeps, proofs: ProofOfWork): Hono {
  const { store, verifyToken, limiter } = deps;
  // Counted in memory, per instance, like every limit when no Redis is configured; off when rate limiting is.
  const submissions = limiter ? new MemoryRateLimiter(IDEA_RATE_LIMITS) : null;
  const app = new Hono();

  app.get('/:boxId', async (c) => readResponse(c, JSON.stringify(await readIdeaBox(store, boxIdOf(c)))));
  app.all('/:boxId', methodNotAllowed('GET'));

  app.get('/:boxId/ideas', async (c) => {
    const boxId = boxIdOf(c);
    const query = readQuery(c, ListIdeasQuery);
    const citizen = await identify(c, verifyToken);
    return readResponse(c, JSON.stringify(await listIdeas(store, boxId, query, citizen.voter)));
  });

  app.post('/:boxId/ideas', async (c) => {
    const boxId = boxIdOf(c);
    const key = idempotencyKeyOf(c);
    const citizen = await identify(c, verifyToken);
    const idea = await readJson(c, SubmitIdea, PUBLIC_BODY_LIMIT);
    if (citizen.voter) {
      await limiter?.takeVoter(citizen.voter);
      await submissions?.takeVoter(citizen.voter);
    }
    await submissions?.takeAddress(clientAddress(c, deps.config.trustProxy), true);
    // A retry may carry a fresh proof (the first one expired while it waited offline): the proof is not part of it.
    const requestHash = hashOf('idea', boxId, idea.title, idea.body, idea.category ?? '', idea.authorName ?? '');
    return written(c, await submitIdea(store, proofs, { boxId, idea, ...citizen, idempotency: { key, requestHash } }));
  });
  app.all('/:boxId/ideas', methodNotAllowed('GET', 'POST'));

  return app;
}

export function boxIdOf(c: Context): string {
  return validate(Slug, c.req.param('boxId'), ['boxId']);
}

/** A query string checked against the contract; `limit` arrives as text. */
export function readQuery<T>(c: Context, schema: z.ZodMiniType<T>): T {
  const query: Record<string, unknown> = { ...c.req.query() };
  if (query.limit !== undefined) query.limit = Number(query.limit);
  return validate(schema, query);
}
