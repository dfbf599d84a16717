import { Hono } from 'hono';
import { ListIdeasQuery, SubmitIdea } from '../../contract/idea.js';
import type { AppDeps } from '../deps.js';
import { clientAddress } from '../http/client-address.js';
import { idempotencyKeyOf, requestHash } from '../http/idempotency-key.js';
import { identify } from '../http/identity.js';
import { PUBLIC_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam, readQuery } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { written } from '../http/write-response.js';
import { listIdeas, readIdeaBox, submitIdea } from '../services/ideas.js';
import type { ProofOfWork } from '../services/proof-of-work.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** getIdeaBox, listIdeas and submitIdea. */
export function ideaBoxRoutes(deps: AppDeps, proofs: ProofOfWork): Hono {
  const { store, verifyToken, limiter, submissionLimiter } = deps;
  const app = new Hono();

  app.get('/:boxId', async (c) => readResponse(c, JSON.stringify(await readIdeaBox(store, pathParam(c, 'boxId')))));
  app.all('/:boxId', methodNotAllowed('GET'));

  app.get('/:boxId/ideas', async (c) => {
    const boxId = pathParam(c, 'boxId');
    const query = readQuery(c, ListIdeasQuery);
    const citizen = await identify(c, verifyToken);
    return readResponse(c, JSON.stringify(await listIdeas(store, boxId, query, citizen.voter)));
  });

  app.post('/:boxId/ideas', async (c) => {
    const boxId = pathParam(c, 'boxId');
    const key = idempotencyKeyOf(c);
    const citizen = await identify(c, verifyToken);
    const idea = await readJson(c, SubmitIdea, PUBLIC_BODY_LIMIT);
    if (citizen.voter) {
      await limiter?.takeVoter(citizen.voter);
      await submissionLimiter?.takeVoter(citizen.voter);
    }
    await submissionLimiter?.takeAddress(clientAddress(c, deps.config.trustProxy), true);
    // A retry may carry a fresh proof (the first one expired while it waited offline): the proof is not part of it.
    const text = JSON.stringify(['idea', boxId, idea.title, idea.body, idea.category ?? '', idea.authorName ?? '']);
    const idempotency = { key, requestHash: requestHash(text) };
    return written(c, await submitIdea(store, proofs, { boxId, idea, ...citizen, idempotency }));
  });
  app.all('/:boxId/ideas', methodNotAllowed('GET', 'POST'));

  return app;
}
