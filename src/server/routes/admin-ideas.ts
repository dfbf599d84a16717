import { Hono } from 'hono';
import {
  AdminIdeasQuery,
  AnswerIdea,
  CreateIdeaBox,
  HideIdea,
  MergeIdea,
  ModerationQueueQuery,
  RejectIdea,
  SetIdeaStatus,
  UpdateIdeaBox,
} from '../../contract/idea.js';
import type { AppDeps } from '../deps.js';
import { actingAdmin, requireAdmin } from '../http/admin-auth.js';
import { ADMIN_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam, readQuery } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { NO_STORE } from '../http/write-response.js';
import {
  answerIdea,
  approveIdea,
  closeIdeaBox,
  createIdeaBox,
  deleteIdeaBox,
  hideIdea,
  mergeIdea,
  readAdminIdea,
  readAdminIdeas,
  readQueue,
  rejectIdea,
  setIdeaStatus,
  updateIdeaBox,
} from '../services/idea-moderation.js';
import { ideasCsv } from '../services/idea-views.js';
import { ideasForOpenData, listIdeaBoxesWithChannels, readIdeaBoxWithChannels } from '../services/open-data.js';
import { exportResponse, OPEN_DATA_FORMATS, publisherOf } from './exports.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** The participation officers' idea box operations, behind the admin token. */
export function adminIdeaBoxRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use('*', requireAdmin(deps));

  app.get('/', async (c) => readResponse(c, JSON.stringify({ ideaBoxes: await listIdeaBoxesWithChannels(store) })));
  app.post('/', async (c) => {
    const box = await createIdeaBox(store, actingAdmin(c), await readJson(c, CreateIdeaBox, ADMIN_BODY_LIMIT));
    return c.json(box, 201, { ...NO_STORE, Location: `/v1/admin/idea-boxes/${box.id}` });
  });
  app.all('/', methodNotAllowed('GET', 'POST'));

  app.get('/:boxId', async (c) =>
    readResponse(c, JSON.stringify(await readIdeaBoxWithChannels(store, pathParam(c, 'boxId')))),
  );
  app.patch('/:boxId', async (c) => {
    const boxId = pathParam(c, 'boxId');
    const patch = await readJson(c, UpdateIdeaBox, ADMIN_BODY_LIMIT);
    return c.json(await updateIdeaBox(store, actingAdmin(c), boxId, patch), 200, NO_STORE);
  });
  app.delete('/:boxId', async (c) => {
    await deleteIdeaBox(store, actingAdmin(c), pathParam(c, 'boxId'));
    return c.body(null, 204);
  });
  app.all('/:boxId', methodNotAllowed('GET', 'PATCH', 'DELETE'));

  app.post('/:boxId/close', async (c) =>
    c.json(await closeIdeaBox(store, actingAdmin(c), pathParam(c, 'boxId')), 200, NO_STORE),
  );
  app.all('/:boxId/close', methodNotAllowed('POST'));

  app.get('/:boxId/queue', async (c) => {
    const boxId = pathParam(c, 'boxId');
    return readResponse(c, JSON.stringify(await readQueue(store, boxId, readQuery(c, ModerationQueueQuery))));
  });
  app.all('/:boxId/queue', methodNotAllowed('GET'));

  app.get('/:boxId/ideas', async (c) => {
    const boxId = pathParam(c, 'boxId');
    return readResponse(c, JSON.stringify(await readAdminIdeas(store, boxId, readQuery(c, AdminIdeasQuery))));
  });
  app.all('/:boxId/ideas', methodNotAllowed('GET'));

  for (const format of OPEN_DATA_FORMATS) {
    app.get(`/:boxId/ideas.${format}`, async (c) => {
      const data = await ideasForOpenData(store, pathParam(c, 'boxId'), publisherOf(c, deps.config), new Date());
      return exportResponse(c, format, `${data.box.id}-ideas`, data, ideasCsv);
    });
    app.all(`/:boxId/ideas.${format}`, methodNotAllowed('GET'));
  }

  return app;
}

/** Moderation of one idea: each decision is kept in the audit log under the token that made it. */
export function adminIdeaRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use('*', requireAdmin(deps));

  app.get('/:ideaId', async (c) => readResponse(c, JSON.stringify(await readAdminIdea(store, pathParam(c, 'ideaId')))));
  app.all('/:ideaId', methodNotAllowed('GET'));

  app.post('/:ideaId/approve', async (c) =>
    c.json(await approveIdea(store, actingAdmin(c), pathParam(c, 'ideaId')), 200, NO_STORE),
  );
  app.all('/:ideaId/approve', methodNotAllowed('POST'));

  app.post('/:ideaId/hide', async (c) => {
    const ideaId = pathParam(c, 'ideaId');
    const input = await readJson(c, HideIdea, ADMIN_BODY_LIMIT);
    return c.json(await hideIdea(store, actingAdmin(c), ideaId, input), 200, NO_STORE);
  });
  app.all('/:ideaId/hide', methodNotAllowed('POST'));

  app.post('/:ideaId/reject', async (c) => {
    const ideaId = pathParam(c, 'ideaId');
    const input = await readJson(c, RejectIdea, ADMIN_BODY_LIMIT);
    return c.json(await rejectIdea(store, actingAdmin(c), ideaId, input), 200, NO_STORE);
  });
  app.all('/:ideaId/reject', methodNotAllowed('POST'));

  app.put('/:ideaId/status', async (c) => {
    const ideaId = pathParam(c, 'ideaId');
    const input = await readJson(c, SetIdeaStatus, ADMIN_BODY_LIMIT);
    return c.json(await setIdeaStatus(store, actingAdmin(c), ideaId, input), 200, NO_STORE);
  });
  app.all('/:ideaId/status', methodNotAllowed('PUT'));

  app.put('/:ideaId/answer', async (c) => {
    const ideaId = pathParam(c, 'ideaId');
    const input = await readJson(c, AnswerIdea, ADMIN_BODY_LIMIT);
    return c.json(await answerIdea(store, actingAdmin(c), ideaId, input), 200, NO_STORE);
  });
  app.all('/:ideaId/answer', methodNotAllowed('PUT'));

  app.post('/:ideaId/merge', async (c) => {
    const ideaId = pathParam(c, 'ideaId');
    const input = await readJson(c, MergeIdea, ADMIN_BODY_LIMIT);
    return c.json(await mergeIdea(store, actingAdmin(c), ideaId, input), 200, NO_STORE);
  });
  app.all('/:ideaId/merge', methodNotAllowed('POST'));

  return app;
}
