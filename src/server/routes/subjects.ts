import { type Context, Hono } from 'hono';
import { MAX_SUBJECTS_PER_READ, OWN_SITE, SetSubjectVote, SubjectKey } from '../../contract/subject.js';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { ownOrigin } from '../http/cors.js';
import { idempotencyKeyOf, requestHash } from '../http/idempotency-key.js';
import { identify } from '../http/identity.js';
import { PUBLIC_BODY_LIMIT, readJson } from '../http/json-body.js';
import { readResponse } from '../http/read-response.js';
import { written } from '../http/write-response.js';
import { readSubjectVotes, readSubjectVotesList, setSubjectVote } from '../services/subjects.js';
import { methodNotAllowed } from './method-not-allowed.js';

/** getSubjectVotes, its batched form, and setSubjectVote. */
export function subjectRoutes(deps: AppDeps): Hono {
  const { store, verifyToken, limiter } = deps;
  const { trustProxy } = deps.config;
  const app = new Hono();

  app.get('/', async (c) => {
    const site = siteOf(c, trustProxy);
    const keys = c.req.queries('key') ?? [];
    if (keys.length === 0) throw new ApiError('invalid_request', { key: 'required' });
    if (keys.length > MAX_SUBJECTS_PER_READ) throw new ApiError('too_many_subjects');
    keys.forEach((key, index) => checkKey(key, `key.${index}`));
    const citizen = await identify(c, verifyToken);
    return readResponse(c, JSON.stringify(await readSubjectVotesList(store, site, keys, citizen.voter)));
  });
  app.all('/', methodNotAllowed('GET'));

  app.get('/:subjectKey/votes', async (c) => {
    const site = siteOf(c, trustProxy);
    const key = subjectKeyOf(c);
    const citizen = await identify(c, verifyToken);
    return readResponse(c, JSON.stringify(await readSubjectVotes(store, site, key, citizen.voter)));
  });
  app.put('/:subjectKey/votes', async (c) => {
    const site = siteOf(c, trustProxy);
    const key = subjectKeyOf(c);
    const idempotencyKey = idempotencyKeyOf(c);
    const citizen = await identify(c, verifyToken);
    const { value, mode, comment } = await readJson(c, SetSubjectVote, PUBLIC_BODY_LIMIT);
    if (citizen.voter) await limiter?.takeVoter(citizen.voter);
    const text = JSON.stringify([site, key, value, mode ?? null, comment ?? null]);
    const idempotency = { key: idempotencyKey, requestHash: requestHash(text) };
    const outcome = await setSubjectVote(store, { site, key, voter: citizen.voter, value, mode, comment, idempotency });
    return written(c, outcome);
  });
  app.all('/:subjectKey/votes', methodNotAllowed('GET', 'PUT'));

  return app;
}

/**
 * The site a subject belongs to: the origin of the page that embeds the
 * widget, or OWN_SITE for this server's own pages, which send no Origin on a
 * GET and their own on a PUT. A write from an origin not allowed never gets
 * here: the origin policy refuses it.
 */
export function siteOf(c: Context, trustProxy: boolean): string {
  const origin = c.req.header('Origin');
  if (origin === undefined || origin === ownOrigin(c, trustProxy)) return OWN_SITE;
  // `null` (a sandboxed frame, a file) or anything that is not an http(s) origin names no site.
  const url = URL.canParse(origin) ? new URL(origin) : null;
  if (!url || url.origin !== origin || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new ApiError('origin_not_allowed');
  return origin;
}

/** Hono hands the key decoded: `a%2Fb` in the path is the key `a/b`. */
function subjectKeyOf(c: Context): string {
  return checkKey(c.req.param('subjectKey') ?? '', 'subjectKey');
}

function checkKey(key: string, field: string): string {
  if (!SubjectKey.safeParse(key).success) throw new ApiError('invalid_subject_key', { [field]: 'invalid_format' });
  return key;
}
