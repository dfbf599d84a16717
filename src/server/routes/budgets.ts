import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { CastBallot } from '../../contract/budget.js';
import { Slug } from '../../contract/common.js';
import type { AppDeps } from '../deps.js';
import { identify } from '../http/identity.js';
import { PUBLIC_BODY_LIMIT, readJson, validate } from '../http/json-body.js';
import { readResponse } from '../http/read-response.js';
import { castBallot, readBudget } from '../services/budgets.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { idempotencyKeyOf } from './polls.js';

/** getBudget and castBallot. */
export function budgetRoutes(deps: AppDeps): Hono {
  const { store, verifyToken, limiter } = deps;
  const app = new Hono();

  app.get('/:budgetId', async (c) => {
    const budgetId = budgetIdOf(c);
    const citizen = await identify(c, verifyToken);
    return readResponse(c, JSON.stringify(await readBudget(store, budgetId, citizen.voter)));
  });
  app.all('/:budgetId', methodNotAllowed('GET'));

  app.post('/:budgetId/ballots', async (c) => {
    const budgetId = budgetIdOf(c);
    const key = idempotencyKeyOf(c);
    const citizen = await identify(c, verifyToken);
    const body = await readJson(c, CastBallot, PUBLIC_BODY_LIMIT);
    if (citizen.voter) await limiter?.takeVoter(citizen.voter);
    const district = body.district ?? null;
    const requestHash = createHash('sha256')
      .update(`${budgetId}\n${district ?? ''}\n${JSON.stringify(body.projectIds)}`)
      .digest('base64url');
    const outcome = await castBallot(store, {
      budgetId,
      ...citizen,
      projectIds: body.projectIds,
      district,
      idempotency: { key, requestHash },
    });
    const headers: Record<string, string> = {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
    };
    if (outcome.replayed) headers['Idempotent-Replayed'] = 'true';
    return c.body(outcome.body, 200, headers);
  });
  app.all('/:budgetId/ballots', methodNotAllowed('POST'));

  return app;
}

export function budgetIdOf(c: Context): string {
  return validate(Slug, c.req.param('budgetId'), ['budgetId']);
}
