import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { carriesAdminToken } from '../http/admin-auth.js';
import { pathParam } from '../http/params.js';
import { pollStatus, resultsArePublic } from '../services/poll-rules.js';
import { pollResultsForOpenData } from '../services/open-data.js';
import { resultsCsv } from '../services/poll-views.js';
import { findPoll } from '../store/polls.js';
import { exportResponse, OPEN_DATA_FORMATS, publisherOf } from './exports.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** Results as open data, in JSON and CSV; the admin token reads them before they are public. */
export function pollResultRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  for (const format of OPEN_DATA_FORMATS) {
    app.get(`/:pollId/results.${format}`, async (c) => {
      const pollId = pathParam(c, 'pollId');
      const isAdmin = await carriesAdminToken(c, deps);
      const poll = await findPoll(deps.store.db, pollId);
      if (!poll) throw new ApiError('poll_not_found');
      const now = new Date();
      if (!isAdmin && !resultsArePublic(poll, pollStatus(poll, now))) throw new ApiError('results_hidden');
      const results = await pollResultsForOpenData(deps.store, pollId, publisherOf(c, deps.config), now);
      return exportResponse(c, format, `${poll.id}-results`, results, resultsCsv);
    });
    app.all(`/:pollId/results.${format}`, methodNotAllowed('GET'));
  }

  return app;
}
