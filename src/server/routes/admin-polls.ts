import { Hono } from 'hono';
import { CreatePoll, UpdatePoll } from '../../contract/poll.js';
import type { AppDeps } from '../deps.js';
import { requireAdmin } from '../http/admin-auth.js';
import { ADMIN_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { NO_STORE } from '../http/write-response.js';
import { closePoll, createPoll, deletePoll, listPolls, readAdminPoll, updatePoll } from '../services/polls.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** The participation officers' poll operations, behind the admin token. */
export function adminPollRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use('*', requireAdmin(deps.adminToken));

  app.get('/', async (c) => readResponse(c, JSON.stringify({ polls: await listPolls(store) })));
  app.post('/', async (c) => {
    const poll = await createPoll(store, await readJson(c, CreatePoll, ADMIN_BODY_LIMIT));
    return c.json(poll, 201, { ...NO_STORE, Location: `/v1/admin/polls/${poll.id}` });
  });
  app.all('/', methodNotAllowed('GET', 'POST'));

  app.get('/:pollId', async (c) => readResponse(c, JSON.stringify(await readAdminPoll(store, pathParam(c, 'pollId')))));
  app.patch('/:pollId', async (c) => {
    const pollId = pathParam(c, 'pollId');
    return c.json(await updatePoll(store, pollId, await readJson(c, UpdatePoll, ADMIN_BODY_LIMIT)), 200, NO_STORE);
  });
  app.delete('/:pollId', async (c) => {
    await deletePoll(store, pathParam(c, 'pollId'));
    return c.body(null, 204);
  });
  app.all('/:pollId', methodNotAllowed('GET', 'PATCH', 'DELETE'));

  app.post('/:pollId/close', async (c) => c.json(await closePoll(store, pathParam(c, 'pollId')), 200, NO_STORE));
  app.all('/:pollId/close', methodNotAllowed('POST'));

  return app;
}
