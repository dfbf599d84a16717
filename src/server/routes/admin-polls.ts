import { type Context, Hono } from 'hono';
import { CreatePoll, UpdatePoll } from '../../contract/poll.js';
import type { AppDeps } from '../deps.js';
import { actingAdmin, requireAdmin } from '../http/admin-auth.js';
import { ADMIN_BODY_LIMIT, readJson } from '../http/json-body.js';
import { pathParam } from '../http/params.js';
import { readResponse } from '../http/read-response.js';
import { NO_STORE } from '../http/write-response.js';
import { type AuditDetails, audited } from '../services/audit.js';
import { pollStatus } from '../services/poll-rules.js';
import { listPollsWithChannels, readPollWithChannels } from '../services/open-data.js';
import { closePoll, createPoll, deletePoll, updatePoll } from '../services/polls.js';
import type { Store } from '../store/database.js';
import { findPoll } from '../store/polls.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** The participation officers' poll operations, behind the admin token. */
export function adminPollRoutes(deps: AppDeps): Hono {
  const { store } = deps;
  const app = new Hono();
  app.use('*', requireAdmin(deps));
  /** The store for one write, which records it in the audit log under the acting token's name. */
  const auditing = (c: Context, action: string, pollId: string, details: AuditDetails) =>
    audited(store, actingAdmin(c), `poll.${action}`, { kind: 'poll', id: pollId }, details);

  app.get('/', async (c) => readResponse(c, JSON.stringify({ polls: await listPollsWithChannels(store) })));
  app.post('/', async (c) => {
    const input = await readJson(c, CreatePoll, ADMIN_BODY_LIMIT);
    const logged = auditing(c, 'create', input.id, () => ({ settings: input }));
    const poll = await createPoll(logged, input);
    return c.json(poll, 201, { ...NO_STORE, Location: `/v1/admin/polls/${poll.id}` });
  });
  app.all('/', methodNotAllowed('GET', 'POST'));

  app.get('/:pollId', async (c) =>
    readResponse(c, JSON.stringify(await readPollWithChannels(store, pathParam(c, 'pollId')))),
  );
  app.patch('/:pollId', async (c) => {
    const pollId = pathParam(c, 'pollId');
    const patch = await readJson(c, UpdatePoll, ADMIN_BODY_LIMIT);
    const logged = auditing(c, 'update', pollId, () => ({ changes: patch }));
    return c.json(await updatePoll(logged, pollId, patch), 200, NO_STORE);
  });
  app.delete('/:pollId', async (c) => {
    const pollId = pathParam(c, 'pollId');
    const logged = auditing(c, 'delete', pollId, (trx) => pollAsItWas(trx, pollId));
    await deletePoll(logged, pollId);
    return c.body(null, 204);
  });
  app.all('/:pollId', methodNotAllowed('GET', 'PATCH', 'DELETE'));

  app.post('/:pollId/close', async (c) => {
    const pollId = pathParam(c, 'pollId');
    const logged = auditing(c, 'close', pollId, (trx) => pollAsItWas(trx, pollId));
    return c.json(await closePoll(logged, pollId), 200, NO_STORE);
  });
  app.all('/:pollId/close', methodNotAllowed('POST'));

  return app;
}

/** What the audit entry of a close or a delete says of the poll; null when there is none. */
async function pollAsItWas(trx: Store['db'], pollId: string) {
  const poll = await findPoll(trx, pollId);
  if (!poll) return null;
  return { question: poll.question, status: pollStatus(poll, new Date()), voters: poll.voters };
}
