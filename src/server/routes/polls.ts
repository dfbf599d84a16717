import { Hono } from 'hono';
import { CastPollVote } from '../../contract/poll.js';
import type { AppDeps } from '../deps.js';
import { idempotencyKeyOf, requestHash } from '../http/idempotency-key.js';
import { identify } from '../http/identity.js';
import { PUBLIC_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { written } from '../http/write-response.js';
import { castVote, readPoll } from '../services/polls.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** getPoll and castPollVote. */
export function pollRoutes(deps: AppDeps): Hono {
  const { store, verifyToken, limiter } = deps;
  const app = new Hono();

  app.get('/:pollId', async (c) => {
    const pollId = pathParam(c, 'pollId');
    const citizen = await identify(c, verifyToken);
    return readResponse(c, JSON.stringify(await readPoll(store, pollId, citizen.voter)));
  });
  app.all('/:pollId', methodNotAllowed('GET'));

  app.post('/:pollId/votes', async (c) => {
    const pollId = pathParam(c, 'pollId');
    const key = idempotencyKeyOf(c);
    const citizen = await identify(c, verifyToken);
    const { choices } = await readJson(c, CastPollVote, PUBLIC_BODY_LIMIT);
    if (citizen.voter) await limiter?.takeVoter(citizen.voter);
    const idempotency = { key, requestHash: requestHash(`${pollId}\n${JSON.stringify(choices)}`) };
    return written(c, await castVote(store, { pollId, ...citizen, choices, idempotency }));
  });
  app.all('/:pollId/votes', methodNotAllowed('POST'));

  return app;
}
