import { Hono } from 'hono';
import { CreateBudget, UpdateBudget } from '../../contract/budget.js';
import type { AppDeps } from '../deps.js';
import { requireAdmin } from '../http/admin-auth.js';
import { ADMIN_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { NO_STORE } from '../http/write-response.js';
import { ballotsCsv } from '../services/budget-views.js';
import {
  closeBudget,
  createBudget,
  deleteBudget,
  exportBallots,
  listBudgets,
  openBudget,
  publishResults,
  readAdminBudget,
  updateBudget,
} from '../services/budgets.js';
import { EXPORT_FORMATS, exportResponse } from './exports.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** The participation officers' budget operations, behind the admin token. */
export function adminBudgetRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use('*', requireAdmin(deps.adminToken));

  app.get('/', async (c) => readResponse(c, JSON.stringify({ budgets: await listBudgets(store) })));
  app.post('/', async (c) => {
    const budget = await createBudget(store, await readJson(c, CreateBudget, ADMIN_BODY_LIMIT));
    return c.json(budget, 201, { ...NO_STORE, Location: `/v1/admin/budgets/${budget.id}` });
  });
  app.all('/', methodNotAllowed('GET', 'POST'));

  app.get('/:budgetId', async (c) =>
    readResponse(c, JSON.stringify(await readAdminBudget(store, pathParam(c, 'budgetId')))),
  );
  app.patch('/:budgetId', async (c) => {
    const budgetId = pathParam(c, 'budgetId');
    const patch = await readJson(c, UpdateBudget, ADMIN_BODY_LIMIT);
    return c.json(await updateBudget(store, budgetId, patch), 200, NO_STORE);
  });
  app.delete('/:budgetId', async (c) => {
    await deleteBudget(store, pathParam(c, 'budgetId'));
    return c.body(null, 204);
  });
  app.all('/:budgetId', methodNotAllowed('GET', 'PATCH', 'DELETE'));

  const actions = { open: openBudget, close: closeBudget, publish: publishResults };
  for (const [action, run] of Object.entries(actions)) {
    app.post(`/:budgetId/${action}`, async (c) => c.json(await run(store, pathParam(c, 'budgetId')), 200, NO_STORE));
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
