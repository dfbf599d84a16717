import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import { type SubjectCommentsExport, SubjectId, UpdateSubjectComment } from '../../contract/subject.js';
import type { AppDeps } from '../deps.js';
import { requireAdmin } from '../http/admin-auth.js';
import { ADMIN_BODY_LIMIT, readJson, validate } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { NO_STORE } from '../http/write-response.js';
import { commentsCsv } from '../services/subject-views.js';
import {
  exportComments,
  listSubjects,
  readAdminSubject,
  resetSubject,
  setCommentHidden,
  setSubjectClosed,
} from '../services/subjects.js';
import { EXPORT_FORMATS, type ExportFormat } from './exports.js';
import { methodNotAllowed } from './method-not-allowed.js';

const SiteFilter = z.optional(z.string().check(z.minLength(1), z.maxLength(300)));

/**
 * The participation officers' subject operations, behind the admin token.
 * Subjects are named by their internal id: a key may hold slashes.
 */
export function adminSubjectRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use('*', requireAdmin(deps.adminToken));

  app.get('/', async (c) => readResponse(c, JSON.stringify({ subjects: await listSubjects(store, siteOf(c)) })));
  app.all('/', methodNotAllowed('GET'));

  // Before `/:subjectId`: an id never holds a dot, so these names are never taken by a subject.
  for (const format of EXPORT_FORMATS) {
    app.get(`/comments.${format}`, async (c) =>
      commentsResponse(c, format, await exportComments(store, { site: siteOf(c) }), 'subject-comments'),
    );
    app.all(`/comments.${format}`, methodNotAllowed('GET'));
  }

  app.get('/:subjectId', async (c) => readResponse(c, JSON.stringify(await readAdminSubject(store, subjectIdOf(c)))));
  app.all('/:subjectId', methodNotAllowed('GET'));

  for (const format of EXPORT_FORMATS) {
    app.get(`/:subjectId/comments.${format}`, async (c) => {
      const subjectId = subjectIdOf(c);
      return commentsResponse(c, format, await exportComments(store, { subjectId }), `subject-${subjectId}-comments`);
    });
    app.all(`/:subjectId/comments.${format}`, methodNotAllowed('GET'));
  }

  app.patch('/:subjectId/comments/:commentId', async (c) => {
    const subjectId = subjectIdOf(c);
    const commentId = pathParam(c, 'commentId', SubjectId);
    const { hidden } = await readJson(c, UpdateSubjectComment, ADMIN_BODY_LIMIT);
    return c.json(await setCommentHidden(store, subjectId, commentId, hidden), 200, NO_STORE);
  });
  app.all('/:subjectId/comments/:commentId', methodNotAllowed('PATCH'));

  app.post('/:subjectId/reset', async (c) => c.json(await resetSubject(store, subjectIdOf(c)), 200, NO_STORE));
  app.all('/:subjectId/reset', methodNotAllowed('POST'));
  app.post('/:subjectId/close', async (c) =>
    c.json(await setSubjectClosed(store, subjectIdOf(c), true), 200, NO_STORE),
  );
  app.all('/:subjectId/close', methodNotAllowed('POST'));
  app.post('/:subjectId/reopen', async (c) =>
    c.json(await setSubjectClosed(store, subjectIdOf(c), false), 200, NO_STORE),
  );
  app.all('/:subjectId/reopen', methodNotAllowed('POST'));

  return app;
}

function subjectIdOf(c: Context): string {
  return pathParam(c, 'subjectId', SubjectId);
}

/** `?site=https://www.ville.fr` (or `self`); every site when absent. */
function siteOf(c: Context): string | null {
  return validate(SiteFilter, c.req.query('site'), ['site']) ?? null;
}

function commentsResponse(c: Context, format: ExportFormat, comments: SubjectCommentsExport, name: string) {
  c.header('Content-Disposition', `attachment; filename="${name}.${format}"`);
  if (format === 'json') return readResponse(c, JSON.stringify(comments));
  return readResponse(c, commentsCsv(comments.comments), 'text/csv; charset=utf-8');
}
