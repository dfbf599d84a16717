import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { carriesAdminToken } from '../http/admin-auth.js';
import { pathParam } from '../http/params.js';
import { budgetStatus, resultsArePublic } from '../services/budget-rules.js';
import { resultsCsv } from '../services/budget-views.js';
import { budgetResultsForOpenData } from '../services/open-data.js';
import { findBudget } from '../store/budgets.js';
import { exportResponse, OPEN_DATA_FORMATS, publisherOf } from './exports.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** Results as open data, in JSON and CSV, once published; the admin token reads them at any time. */
export function budgetResultRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  for (const format of OPEN_DATA_FORMATS) {
    app.get(`/:budgetId/results.${format}`, async (c) => {
      const budgetId = pathParam(c, 'budgetId');
      const isAdmin = await carriesAdminToken(c, deps);
      const budget = await findBudget(deps.store.db, budgetId);
      if (!budget) throw new ApiError('budget_not_found');
      const now = new Date();
      if (!isAdmin && !resultsArePublic(budget, budgetStatus(budget, now))) throw new ApiError('results_hidden');
      const results = await budgetResultsForOpenData(deps.store, budgetId, publisherOf(c, deps.config), now);
      return exportResponse(c, format, `${budget.id}-results`, results, resultsCsv);
    });
    app.all(`/:budgetId/results.${format}`, methodNotAllowed('GET'));
  }

  return app;
}
