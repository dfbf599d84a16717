import { type Context, Hono } from 'hono';
import { CreateBudget, UpdateBudget } from '../../contract/budget.js';
import type { AppDeps } from '../deps.js';
import { actingAdmin, requireAdmin } from '../http/admin-auth.js';
import { ADMIN_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { NO_STORE } from '../http/write-response.js';
import { type AuditDetails, audited } from '../services/audit.js';
import { budgetStatus } from '../services/budget-rules.js';
import { ballotsCsv } from '../services/budget-views.js';
import {
  closeBudget,
  createBudget,
  deleteBudget,
  exportBallots,
  openBudget,
  publishResults,
  updateBudget,
} from '../services/budgets.js';
import { listBudgetsWithChannels, readBudgetWithChannels } from '../services/open-data.js';
import { findBudget } from '../store/budgets.js';
import type { Store } from '../store/database.js';
import { EXPORT_FORMATS, exportResponse } from './exports.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** The participation officers' budget operations, behind the admin token. */
export function adminBudgetRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use('*', requireAdmin(deps));
  /** The store for one write, which records it in the audit log under the acting token's name. */
  const auditing = (c: Context, action: string, budgetId: string, details: AuditDetails) =>
    audited(store, actingAdmin(c), `budget.${action}`, { kind: 'budget', id: budgetId }, details);

  app.get('/', async (c) => readResponse(c, JSON.stringify({ budgets: await listBudgetsWithChannels(store) })));
  app.post('/', async (c) => {
    const input = await readJson(c, CreateBudget, ADMIN_BODY_LIMIT);
    const logged = auditing(c, 'create', input.id, () => ({ settings: input }));
    const budget = await createBudget(logged, input);
    return c.json(budget, 201, { ...NO_STORE, Location: `/v1/admin/budgets/${budget.id}` });
  });
  app.all('/', methodNotAllowed('GET', 'POST'));

  app.get('/:budgetId', async (c) =>
    readResponse(c, JSON.stringify(await readBudgetWithChannels(store, pathParam(c, 'budgetId')))),
  );
  app.patch('/:budgetId', async (c) => {
    const budgetId = pathParam(c, 'budgetId');
    const patch = await readJson(c, UpdateBudget, ADMIN_BODY_LIMIT);
    const logged = auditing(c, 'update', budgetId, () => ({ changes: patch }));
    return c.json(await updateBudget(logged, budgetId, patch), 200, NO_STORE);
  });
  app.delete('/:budgetId', async (c) => {
    const budgetId = pathParam(c, 'budgetId');
    const logged = auditing(c, 'delete', budgetId, (trx) => budgetAsItWas(trx, budgetId));
    await deleteBudget(logged, budgetId);
    return c.body(null, 204);
  });
  app.all('/:budgetId', methodNotAllowed('GET', 'PATCH', 'DELETE'));

  const actions = { open: openBudget, close: closeBudget, publish: publishResults };
  for (const [action, run] of Object.entries(actions)) {
    app.post(`/:budgetId/${action}`, async (c) => {
      const budgetId = pathParam(c, 'budgetId');
      const logged = auditing(c, action, budgetId, (trx) => budgetAsItWas(trx, budgetId));
      return c.json(await run(logged, budgetId), 200, NO_STORE);
    });
    app.all(`/:budgetId/${action}`, methodNotAllowed('POST'));
  }

  for (const format of EXPORT_FORMATS) {
    app.get(`/:budgetId/ballots.${format}`, async (c) => {
      const ballots = await exportBallots(store, pathParam(c, 'budgetId'));
      return exportResponse(c, format, `${ballots.budget.id}-ballots`, ballots, ballotsCsv);
    });
    app.all(`/:budgetId/ballots.${format}`, methodNotAllowed('GET'));
  }

  return app;
}

/** What the audit entry of an open, a close, a publish or a delete says of the budget; null when there is none. */
async function budgetAsItWas(trx: Store['db'], budgetId: string) {
  const budget = await findBudget(trx, budgetId);
  if (!budget) return null;
  const published = budget.resultsPublishedAt !== null;
  return { title: budget.title, status: budgetStatus(budget, new Date()), ballots: budget.ballots, published };
}
