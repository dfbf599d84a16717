import { type Context, Hono } from 'hono';
import type * as z from 'zod/mini';
import { RecordBudgetContribution } from '../../contract/budget.js';
import { RecordIdeaContribution } from '../../contract/idea.js';
import { RecordPollContribution } from '../../contract/poll.js';
import type { AppDeps } from '../deps.js';
import { actingAdmin, requireAdmin } from '../http/admin-auth.js';
import { idempotencyKeyOf, requestHash } from '../http/idempotency-key.js';
import { ADMIN_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { written } from '../http/write-response.js';
import * as contributions from '../services/contributions.js';
import type { Store } from '../store/database.js';
import { methodNotAllowed } from './method-not-allowed.js';

interface Consultation<Input> {
  /** The path parameter naming the consultation. */
  param: string;
  body: z.ZodMiniType<Input>;
  list(store: Store, id: string): Promise<unknown>;
  record(store: Store, write: contributions.AdminWrite, id: string, input: Input): Promise<contributions.RecordOutcome>;
  remove(store: Store, actor: string, id: string, contributionId: string): Promise<void>;
}

export const POLL_CONTRIBUTIONS: Consultation<RecordPollContribution> = {
  param: 'pollId',
  body: RecordPollContribution,
  list: contributions.listPollContributions,
  record: contributions.recordPollContribution,
  remove: contributions.deletePollContribution,
};

export const BUDGET_CONTRIBUTIONS: Consultation<RecordBudgetContribution> = {
  param: 'budgetId',
  body: RecordBudgetContribution,
  list: contributions.listBudgetContributions,
  record: contributions.recordBudgetContribution,
  remove: contributions.deleteBudgetContribution,
};

export const IDEA_CONTRIBUTIONS: Consultation<RecordIdeaContribution> = {
  param: 'boxId',
  body: RecordIdeaContribution,
  list: contributions.listIdeaContributions,
  record: contributions.recordIdeaContribution,
  remove: contributions.deleteIdeaContribution,
};

/**
 * Contributions from outside the web, mounted under the consultation they
 * count for (`…/polls/:pollId/contributions`), behind the admin token. An
 * `Idempotency-Key` is optional here, and advised: a retried record of paper
 * ballots then counts them once.
 */
export function contributionRoutes<Input>(deps: AppDeps, consultation: Consultation<Input>): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use('*', requireAdmin(deps));
  const idOf = (c: Context) => pathParam(c, consultation.param);

  app.get('/', async (c) => readResponse(c, JSON.stringify(await consultation.list(store, idOf(c)))));
  app.post('/', async (c) => {
    const id = idOf(c);
    const key = c.req.header('Idempotency-Key') === undefined ? null : idempotencyKeyOf(c);
    const input = await readJson(c, consultation.body, ADMIN_BODY_LIMIT);
    const text = `contribution\n${consultation.param}\n${id}\n${JSON.stringify(input)}`;
    const idempotency = key === null ? null : { key, requestHash: requestHash(text) };
    const outcome = await consultation.record(store, { actor: actingAdmin(c), idempotency }, id, input);
    return written(c, { ...outcome, status: 201 });
  });
  app.all('/', methodNotAllowed('GET', 'POST'));

  app.delete('/:contributionId', async (c) => {
    await consultation.remove(store, actingAdmin(c), idOf(c), pathParam(c, 'contributionId'));
    return c.body(null, 204);
  });
  app.all('/:contributionId', methodNotAllowed('DELETE'));

  return app;
}
