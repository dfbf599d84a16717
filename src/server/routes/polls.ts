import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { IDEMPOTENCY_KEY, Slug } from '../../contract/common.js';
import { CastPollVote } from '../../contract/poll.js';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { identify } from '../http/identity.js';
import { PUBLIC_BODY_LIMIT, readJson, validate } from '../http/json-body.js';
import { readResponse } from '../http/read-response.js';
import { castVote, readPoll } from '../services/polls.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** getPoll and castPollVote. */
export function pollRoutes(deps: AppDeps): Hono {
  const { store, verifyToken, limiter } = deps;
  const app = new Hono();

  app.get('/:pollId', async (c) => {
    const pollId = pollIdOf(c);
    const citizen = await identify(c, verifyToken);
    return readResponse(c, JSON.stringify(await readPoll(store, pollId, citizen.voter)));
  });
  app.all('/:pollId', methodNotAllowed('GET'));

  app.post('/:pollId/votes', async (c) => {
    const pollId = pollIdOf(c);
    const key = idempotencyKeyOf(c);
    const citizen = await identify(c, verifyToken);
    const { choices } = await readJson(c, CastPollVote, PUBLIC_BODY_LIMIT);
    if (citizen.voter) await limiter?.takeVoter(citizen.voter);
    const requestHash = createHash('sha256')
      .update(`${pollId}\n${JSON.stringify(choices)}`)
      .digest('base64url');
    const outcome = await castVote(store, { pollId, ...citizen, choices, idempotency: { key, requestHash } });
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    };
    if (outcome.replayed) headers['Idempotent-Replayed'] = 'true';
    return c.body(outcome.body, 200, headers);
  });
  app.all('/:pollId/votes', methodNotAllowed('POST'));

  return app;
}

export function pollIdOf(c: Context): string {
  return validate(Slug, c.req.param('pollId'), ['pollId']);
}

export function idempotencyKeyOf(c: Context): string {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) throw new ApiError('idempotency_key_required');
  if (!IDEMPOTENCY_KEY.test(key)) throw new ApiError('invalid_idempotency_key');
  return key;
}
