import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppDeps } from './deps.js';
import { ApiError, errorResponse } from './errors.js';
import { originPolicy } from './http/cors.js';
import { addressLimit } from './http/rate-limit.js';
import { headerLimit, securityHeaders } from './http/security.js';
import { adminBudgetRoutes } from './routes/admin-budgets.js';
import { adminIdeaBoxRoutes, adminIdeaRoutes } from './routes/admin-ideas.js';
import { adminPollRoutes } from './routes/admin-polls.js';
import { auditRoutes } from './routes/audit.js';
import { budgetResultRoutes } from './routes/budget-results.js';
import { budgetRoutes } from './routes/budgets.js';
import { challengeRoutes } from './routes/challenge.js';
import { docsRoutes } from './routes/docs.js';
import {
  BUDGET_CONTRIBUTIONS,
  contributionRoutes,
  IDEA_CONTRIBUTIONS,
  POLL_CONTRIBUTIONS,
} from './routes/contributions.js';
import { fullExportRoutes } from './routes/exports.js';
import { ideaBoxRoutes } from './routes/idea-boxes.js';
import { ideaRoutes } from './routes/ideas.js';
import { ProofOfWork } from './services/proof-of-work.js';
import { adminSubjectRoutes } from './routes/admin-subjects.js';
import { openApiRoutes } from './routes/openapi.js';
import { pollResultRoutes } from './routes/poll-results.js';
import { pollRoutes } from './routes/polls.js';
import { staticFiles } from './routes/static-files.js';
import { subjectRoutes } from './routes/subjects.js';

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('*', securityHeaders());
  app.use('*', headerLimit());
  app.use('/v1/*', originPolicy(deps.config));
  app.use('/v1/*', addressLimit(deps.limiter, deps.config.trustProxy));

  app.route('/v1', openApiRoutes());
  app.route('/v1/polls', pollRoutes(deps));
  app.route('/v1/polls', pollResultRoutes(deps));
  app.route('/v1/admin/polls', adminPollRoutes(deps));
  const proofs = new ProofOfWork(deps.store, deps.config.proofDifficulty);
  app.route('/v1/challenge', challengeRoutes(proofs));
  app.route('/v1/idea-boxes', ideaBoxRoutes(deps, proofs));
  app.route('/v1/ideas', ideaRoutes(deps));
  app.route('/v1/admin/idea-boxes', adminIdeaBoxRoutes(deps));
  app.route('/v1/admin/ideas', adminIdeaRoutes(deps));
  app.route('/v1/admin/audit', auditRoutes(deps));
  app.route('/v1/subjects', subjectRoutes(deps));
  app.route('/v1/admin/subjects', adminSubjectRoutes(deps));
  app.route('/v1/budgets', budgetRoutes(deps));
  app.route('/v1/budgets', budgetResultRoutes(deps));
  app.route('/v1/admin/budgets', adminBudgetRoutes(deps));
  app.route('/v1/admin/polls/:pollId/contributions', contributionRoutes(deps, POLL_CONTRIBUTIONS));
  app.route('/v1/admin/budgets/:budgetId/contributions', contributionRoutes(deps, BUDGET_CONTRIBUTIONS));
  app.route('/v1/admin/idea-boxes/:boxId/contributions', contributionRoutes(deps, IDEA_CONTRIBUTIONS));
  app.route('/v1/admin/export.json', fullExportRoutes(deps));
  app.route('/docs', docsRoutes(deps.config));
  app.get('*', staticFiles(deps.config));

  app.notFound(() => errorResponse(new ApiError('not_found')));
  app.onError((error) => {
    if (error instanceof ApiError) return errorResponse(error);
    if (error instanceof HTTPException && error.status === 413) return errorResponse(new ApiError('payload_too_large'));
    console.error('Unexpected error while answering a request:', error);
    return errorResponse(new ApiError('internal_error'));
  });
  return app;
}
