import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { isAdminToken } from '../http/admin-auth.js';
import { readResponse } from '../http/read-response.js';
import { pollStatus, resultsArePublic } from '../services/poll-rules.js';
import { RESULTS_LICENCE_URL, resultsCsv, resultsExport } from '../services/poll-views.js';
import { findPoll } from '../store/polls.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { pollIdOf } from './polls.js';

/** Results as open data, in JSON and CSV; the admin token reads them before they are public. */
export function pollResultRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  for (const format of ['json', 'csv'] as const) {
    app.get(`/:pollId/results.${format}`, async (c) => {
      const pollId = pollIdOf(c);
      const authorization = c.req.header('Authorization');
      const isAdmin = authorization !== undefined && isAdminToken(authorization, deps.adminToken);
      if (authorization !== undefined && !isAdmin)
        throw new ApiError('unauthorized', undefined, { 'WWW-Authenticate': 'Bearer' });
      const poll = await findPoll(deps.store.db, pollId);
      if (!poll) throw new ApiError('poll_not_found');
      const now = new Date();
      if (!isAdmin && !resultsArePublic(poll, pollStatus(poll, now))) throw new ApiError('results_hidden');
      const results = resultsExport(poll, now);
      c.header('Link', `<${RESULTS_LICENCE_URL}>; rel="license"`);
      c.header('Content-Disposition', `inline; filename="${poll.id}-results.${format}"`);
      // generatedAt changes every second; the ETag follows the results, not the clock.
      const { generatedAt: _, ...stable } = results;
      if (format === 'json') return readResponse(c, JSON.stringify(results), undefined, JSON.stringify(stable));
      return readResponse(c, resultsCsv(results), 'text/csv; charset=utf-8');
    });
    app.all(`/:pollId/results.${format}`, methodNotAllowed('GET'));
  }

  return app;
}
