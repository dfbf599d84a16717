import { Hono } from 'hono';
import { ReportIdea } from '../../contract/idea.js';
import type { AppDeps } from '../deps.js';
import { idempotencyKeyOf, requestHash } from '../http/idempotency-key.js';
import { identify } from '../http/identity.js';
import { PUBLIC_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { written } from '../http/write-response.js';
import { reportIdea, setSupport } from '../services/ideas.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** supportIdea, withdrawSupport and reportIdea. */
export function ideaRoutes(deps: AppDeps): Hono {
  const { store, verifyToken, limiter } = deps;
  const app = new Hono();

  for (const [method, support] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.on(method, '/:ideaId/support', async (c) => {
      const ideaId = pathParam(c, 'ideaId');
      const key = idempotencyKeyOf(c);
      const citizen = await identify(c, verifyToken);
      if (citizen.voter) await limiter?.takeVoter(citizen.voter);
      const idempotency = { key, requestHash: requestHash(JSON.stringify(['support', ideaId, method])) };
      return written(c, await setSupport(store, { ideaId, support, ...citizen, idempotency }));
    });
  }
  app.all('/:ideaId/support', methodNotAllowed('PUT', 'DELETE'));

  app.post('/:ideaId/reports', async (c) => {
    const ideaId = pathParam(c, 'ideaId');
    const key = idempotencyKeyOf(c);
    const citizen = await identify(c, verifyToken);
    const report = await readJson(c, ReportIdea, PUBLIC_BODY_LIMIT);
    if (citizen.voter) await limiter?.takeVoter(citizen.voter);
    const text = JSON.stringify(['report', ideaId, report.reason, report.details ?? '']);
    const idempotency = { key, requestHash: requestHash(text) };
    return written(c, await reportIdea(store, { ideaId, report, ...citizen, idempotency }));
  });
  app.all('/:ideaId/reports', methodNotAllowed('POST'));

  return app;
}
