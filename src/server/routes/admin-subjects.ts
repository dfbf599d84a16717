import { type Context, Hono } from 'hono';
import * as z from 'zod/mini';
import {
  CreateSubject,
  type SubjectCommentsExport,
  SubjectId,
  UpdateSubject,
  UpdateSubjectComment,
} from '../../contract/subject.js';
import type { AppDeps } from '../deps.js';
import { actingAdmin, requireAdmin } from '../http/admin-auth.js';
import { ADMIN_BODY_LIMIT, readJson, validate } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { NO_STORE } from '../http/write-response.js';
import { type AuditDetails, audited } from '../services/audit.js';
import { commentsForOpenData } from '../services/open-data.js';
import { commentsCsv } from '../services/subject-views.js';
import {
  changeSubjectMode,
  createSubject,
  deleteSubject,
  listSubjects,
  newSubjectId,
  readAdminSubject,
  resetSubject,
  setCommentHidden,
  setSubjectClosed,
} from '../services/subjects.js';
import type { Store } from '../store/database.js';
import { findSubjectById } from '../store/subjects.js';
import { type ExportFormat, exportResponse, OPEN_DATA_FORMATS, publisherOf } from './exports.js';
import { methodNotAllowed } from './method-not-allowed.js';

const SiteFilter = z.optional(z.string().check(z.minLength(1), z.maxLength(300)));

/**
 * The participation officers' subject operations, behind the admin token.
 * Subjects are named by their internal id: a key may hold slashes.
 */
export function adminSubjectRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use('*', requireAdmin(deps));
  /** The store for one write, which records it in the audit log under the acting token's name. */
  const auditing = (c: Context, action: string, subjectId: string, details: AuditDetails) =>
    audited(store, actingAdmin(c), `subject.${action}`, { kind: 'subject', id: subjectId }, details);

  app.get('/', async (c) => readResponse(c, JSON.stringify({ subjects: await listSubjects(store, siteOf(c)) })));
  app.post('/', async (c) => {
    const input = await readJson(c, CreateSubject, ADMIN_BODY_LIMIT);
    const subjectId = newSubjectId();
    const logged = auditing(c, 'create', subjectId, () => input);
    const subject = await createSubject(logged, subjectId, input);
    return c.json(subject, 201, { ...NO_STORE, Location: `/v1/admin/subjects/${subject.id}` });
  });
  app.all('/', methodNotAllowed('GET', 'POST'));

  // Before `/:subjectId`: an id never holds a dot, so these names are never taken by a subject.
  for (const format of OPEN_DATA_FORMATS) {
    app.get(`/comments.${format}`, async (c) => {
      const comments = await commentsForOpenData(store, { site: siteOf(c) }, publisherOf(c, deps.config), new Date());
      return commentsResponse(c, format, comments, 'subject-comments');
    });
    app.all(`/comments.${format}`, methodNotAllowed('GET'));
  }

  app.get('/:subjectId', async (c) => readResponse(c, JSON.stringify(await readAdminSubject(store, subjectIdOf(c)))));
  app.patch('/:subjectId', async (c) => {
    const subjectId = subjectIdOf(c);
    const change = await readJson(c, UpdateSubject, ADMIN_BODY_LIMIT);
    const logged = auditing(c, 'update', subjectId, async (trx) => {
      const subject = await subjectAsItWas(trx, subjectId);
      return subject && { ...subject, changes: change };
    });
    return c.json(await changeSubjectMode(logged, subjectId, change), 200, NO_STORE);
  });
  app.delete('/:subjectId', async (c) => {
    const subjectId = subjectIdOf(c);
    const logged = auditing(c, 'delete', subjectId, (trx) => subjectAsItWas(trx, subjectId));
    await deleteSubject(logged, subjectId);
    return c.body(null, 204);
  });
  app.all('/:subjectId', methodNotAllowed('GET', 'PATCH', 'DELETE'));

  for (const format of OPEN_DATA_FORMATS) {
    app.get(`/:subjectId/comments.${format}`, async (c) => {
      const subjectId = subjectIdOf(c);
      const comments = await commentsForOpenData(store, { subjectId }, publisherOf(c, deps.config), new Date());
      return commentsResponse(c, format, comments, `subject-${subjectId}-comments`);
    });
    app.all(`/:subjectId/comments.${format}`, methodNotAllowed('GET'));
  }

  app.patch('/:subjectId/comments/:commentId', async (c) => {
    const subjectId = subjectIdOf(c);
    const commentId = pathParam(c, 'commentId', SubjectId);
    const { hidden } = await readJson(c, UpdateSubjectComment, ADMIN_BODY_LIMIT);
    const logged = auditing(c, hidden ? 'hide_comment' : 'show_comment', subjectId, async (trx) => {
      const subject = await subjectAsItWas(trx, subjectId);
      return subject && { ...subject, comment: commentId };
    });
    return c.json(await setCommentHidden(logged, subjectId, commentId, hidden), 200, NO_STORE);
  });
  app.all('/:subjectId/comments/:commentId', methodNotAllowed('PATCH'));

  const actions = {
    reset: resetSubject,
    close: (logged: Store, id: string) => setSubjectClosed(logged, id, true),
    reopen: (logged: Store, id: string) => setSubjectClosed(logged, id, false),
  };
  for (const [action, run] of Object.entries(actions)) {
    app.post(`/:subjectId/${action}`, async (c) => {
      const subjectId = subjectIdOf(c);
      const logged = auditing(c, action, subjectId, (trx) => subjectAsItWas(trx, subjectId));
      return c.json(await run(logged, subjectId), 200, NO_STORE);
    });
    app.all(`/:subjectId/${action}`, methodNotAllowed('POST'));
  }

  return app;
}

/** What the audit entry of a write says of the subject (a random id tells a reader nothing); null when there is none. */
async function subjectAsItWas(trx: Store['db'], subjectId: string) {
  const subject = await findSubjectById(trx, subjectId);
  if (!subject) return null;
  const { site, key, mode, closed, up, down } = subject;
  return { site, key, mode, closed, up, down };
}

function subjectIdOf(c: Context): string {
  return pathParam(c, 'subjectId', SubjectId);
}

/** `?site=https://www.ville.fr` (or `self`); every site when absent. */
function siteOf(c: Context): string | null {
  return validate(SiteFilter, c.req.query('site'), ['site']) ?? null;
}

function commentsResponse(c: Context, format: ExportFormat, comments: SubjectCommentsExport, name: string) {
  return exportResponse(c, format, name, comments, (data) => commentsCsv(data.comments), 'attachment');
}
