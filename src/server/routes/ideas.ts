import { createHash } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { IDEMPOTENCY_KEY, Slug } from '../../contract/common.js';
import { ReportIdea } from '../../contract/idea.js';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { identify } from '../http/identity.js';
import { PUBLIC_BODY_LIMIT, readJson, validate } from '../http/json-body.js';
import { reportIdea, setSupport, type WriteOutcome } from '../services/ideas.js';
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
      const ideaId = ideaIdOf(c);
      const key = idempotencyKeyOf(c);
      const citizen = await identify(c, verifyToken);
      if (citizen.voter) await limiter?.takeVoter(citizen.voter);
      const requestHash = hashOf('support', ideaId, method);
      return written(c, await setSupport(store, { ideaId, support, ...citizen, idempotency: { key, requestHash } }));
    });
  }
  app.all('/:ideaId/support', methodNotAllowed('PUT', 'DELETE'));

  app.post('/:ideaId/reports', async (c) => {
    const ideaId = ideaIdOf(c);
    const key = idempotencyKeyOf(c);
    const citizen = await identify(c, verifyToken);
    const report = await readJson(c, ReportIdea, PUBLIC_BODY_LIMIT);
    if (citizen.voter) await limiter?.takeVoter(citizen.voter);
    const requestHash = hashOf('report', ideaId, report.reason, report.details ?? '');
    return written(c, await reportIdea(store, { ideaId, report, ...citizen, idempotency: { key, requestHash } }));
  });
  app.all('/:ideaId/reports', methodNotAllowed('POST'));

  return app;
}

export function ideaIdOf(c: Context): string {
  return validate(Slug, c.req.param('ideaId'), ['ideaId']);
}

/** The same checks as castPollVote's: every write from a widget carries a key. */
export function idempotencyKeyOf(c: Context): string {
  const key = c.req.header('Idempotency-Key');
  if (key === undefined) throw new ApiError('idempotency_key_required');
  if (!IDEMPOTENCY_KEY.test(key)) throw new ApiError('invalid_idempotency_key');
  return key;
}

/** What a retry must repeat to be recognised as one. */
export function hashOf(...parts: string[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}

/** A write's answer: never cached, marked when it replays the first answer to the same key. */
export function written(c: Context, outcome: WriteOutcome): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  };
  if (outcome.replayed) headers['Idempotent-Replayed'] = 'true';
  return c.body(outcome.body, outcome.status as 200 | 201, headers);
}
