import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { isAdminToken } from '../http/admin-auth.js';
import { readResponse } from '../http/read-response.js';
import { budgetStatus, resultsArePublic } from '../services/budget-rules.js';
import { resultsCsv } from '../services/budget-views.js';
import { exportResults } from '../services/budgets.js';
import { RESULTS_LICENCE_URL } from '../services/poll-views.js';
import { findBudget } from '../store/budgets.js';
import { budgetIdOf } from './budgets.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** Results as open data, in JSON and CSV, once published; the admin token reads them at any time. */
export function budgetResultRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  for (const format of ['json', 'csv'] as const) {
    app.get(`/:budgetId/results.${format}`, async (c) => {
      const budgetId = budgetIdOf(c);
      const authorization = c.req.header('Authorization');
      const isAdmin = authorization !== undefined && isAdminToken(authorization, deps.adminToken);
      if (authorization !== undefined && !isAdmin)
        throw new ApiError('unauthorized', undefined, { 'WWW-Authenticate': 'Bearer' });
      const budget = await findBudget(deps.store.db, budgetId);
      if (!budget) throw new ApiError('budget_not_found');
      const now = new Date();
      if (!isAdmin && !resultsArePublic(budget, budgetStatus(budget, now))) throw new ApiError('results_hidden');
      const results = await exportResults(deps.store, budget, now);
      c.header('Link', `<${RESULTS_LICENCE_URL}>; rel="license"`);
      c.header('Content-Disposition', `inline; filename="${budget.id}-results.${format}"`);
      // generatedAt changes every second; the ETag follows the results, not the clock.
      const { generatedAt: _, ...stable } = results;
      if (format === 'json') return readResponse(c, JSON.stringify(results), undefined, JSON.stringify(stable));
      return readResponse(c, resultsCsv(results), 'text/csv; charset=utf-8');
    });
    app.all(`/:budgetId/results.${format}`, methodNotAllowed('GET'));
  }

  return app;
}
