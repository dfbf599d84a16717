import { Hono } from 'hono';
import { CastBallot } from '../../contract/budget.js';
import type { AppDeps } from '../deps.js';
import { idempotencyKeyOf, requestHash } from '../http/idempotency-key.js';
import { identify } from '../http/identity.js';
import { PUBLIC_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { written } from '../http/write-response.js';
import { castBallot, readBudget } from '../services/budgets.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** getBudget and castBallot. */
export function budgetRoutes(deps: AppDeps): Hono {
  const { store, verifyToken, limiter } = deps;
  const app = new Hono();

  app.get('/:budgetId', async (c) => {
    const budgetId = pathParam(c, 'budgetId');
    const citizen = await identify(c, verifyToken);
    return readResponse(c, JSON.stringify(await readBudget(store, budgetId, citizen.voter)));
  });
  app.all('/:budgetId', methodNotAllowed('GET'));

  app.post('/:budgetId/ballots', async (c) => {
    const budgetId = pathParam(c, 'budgetId');
    const key = idempotencyKeyOf(c);
    const citizen = await identify(c, verifyToken);
    const { projectIds, district = null } = await readJson(c, CastBallot, PUBLIC_BODY_LIMIT);
    if (citizen.voter) await limiter?.takeVoter(citizen.voter);
    const text = `${budgetId}\n${district ?? ''}\n${JSON.stringify(projectIds)}`;
    const idempotency = { key, requestHash: requestHash(text) };
    return written(c, await castBallot(store, { budgetId, ...citizen, projectIds, district, idempotency }));
  });
  app.all('/:budgetId/ballots', methodNotAllowed('POST'));

  return app;
}
