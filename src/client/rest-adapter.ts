import { IDEMPOTENCY_HEADER } from '../contract/common.js';
import { ErrorEnvelope } from '../contract/errors.js';
import type { CastBallot } from '../contract/budget.js';
import type { ListIdeasQuery, ReportIdea, SubmitIdea } from '../contract/idea.js';
import type { SetSubjectVote } from '../contract/subject.js';
import type { ParvisAdapter, RequestContext, WriteContext } from './adapter.js';
import { contractHeaders, pollUrl, readKey, takeEarlyRead } from './early-read.js';
import { ParvisError, knownCode } from './errors.js';
import { toJson } from './json.js';

interface CachedRead {
  etag: string;
  body: unknown;
}

/** The default REST contract of DESIGN §6, over `fetch`. */
export class RestAdapter implements ParvisAdapter {
  /** Last answer per URL, so a `304 Not Modified` costs no body. Keyed by voter too: `myVote` differs. */
  readonly #reads = new Map<string, CachedRead>();

  getPoll(pollId: string, context: RequestContext): Promise<unknown> {
    return this.#read(pollUrl(context.api, pollId), context);
  }

  castPollVote(pollId: string, body: { choices: string[] }, context: WriteContext): Promise<unknown> {
    return this.#write('POST', `${pollUrl(context.api, pollId)}/votes`, body, context);
  }

  getIdeaBox(boxId: string, context: RequestContext): Promise<unknown> {
    return this.#read(ideaBoxUrl(context.api, boxId), context);
  }

  listIdeas(boxId: string, query: ListIdeasQuery, context: RequestContext): Promise<unknown> {
    const url = new URL(`${ideaBoxUrl(context.api, boxId)}/ideas`);
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    return this.#read(url.href, context);
  }

  submitIdea(boxId: string, body: SubmitIdea, context: WriteContext): Promise<unknown> {
    return this.#write('POST', `${ideaBoxUrl(context.api, boxId)}/ideas`, body, context);
  }

  supportIdea(ideaId: string, context: WriteContext): Promise<unknown> {
    return this.#write('PUT', `${ideaUrl(context.api, ideaId)}/support`, undefined, context);
  }

  withdrawSupport(ideaId: string, context: WriteContext): Promise<unknown> {
    return this.#write('DELETE', `${ideaUrl(context.api, ideaId)}/support`, undefined, context);
  }

  reportIdea(ideaId: string, body: ReportIdea, context: WriteContext): Promise<unknown> {
    return this.#write('POST', `${ideaUrl(context.api, ideaId)}/reports`, body, context);
  }

  async getChallenge(context: RequestContext): Promise<unknown> {
    // A challenge is used once: never answered from a cache.
    const response = await send(`${context.api}/v1/challenge`, {
      headers: contractHeaders(context),
      signal: context.signal,
      cache: 'no-store',
    });
    return parse(response, context.signal);
  }

  getSubjectVotes(subjectKey: string, context: RequestContext): Promise<unknown> {
    return this.#read(`${subjectUrl(context.api, subjectKey)}/votes`, context);
  }

  getSubjectVotesBatch(subjectKeys: string[], context: RequestContext): Promise<unknown> {
    const url = new URL(`${context.api}/v1/subjects`);
    for (const key of subjectKeys) url.searchParams.append('key', key);
    return this.#read(url.href, context);
  }

  setSubjectVote(subjectKey: string, body: SetSubjectVote, context: WriteContext): Promise<unknown> {
    return this.#write('PUT', `${subjectUrl(context.api, subjectKey)}/votes`, body, context);
  }

  getBudget(budgetId: string, context: RequestContext): Promise<unknown> {
    return this.#read(budgetUrl(context.api, budgetId), context);
  }

  castBallot(budgetId: string, body: CastBallot, context: WriteContext): Promise<unknown> {
    return this.#write('POST', `${budgetUrl(context.api, budgetId)}/ballots`, body, context);
  }

  async #read(url: string, context: RequestContext): Promise<unknown> {
    const cacheKey = readKey(url, context);
    const cached = this.#reads.get(cacheKey);
    const headers = contractHeaders(context);
    if (cached) headers['If-None-Match'] = cached.etag;
    // An early read the script-tag entry started for exactly this request saves waiting; if it failed, read again.
    const early = await takeEarlyRead(cacheKey)?.catch(() => undefined);
    const response = early ?? (await send(url, { headers, signal: context.signal }));
    if (response.status === 304 && cached) return cached.body;
    const body = await parse(response, context.signal);
    const etag = response.headers.get('ETag');
    if (etag) this.#reads.set(cacheKey, { etag, body });
    return body;
  }

  async #write(method: string, url: string, body: unknown, context: WriteContext): Promise<unknown> {
    const headers = contractHeaders(context);
    headers[IDEMPOTENCY_HEADER] = context.idempotencyKey;
    const init: RequestInit = { method, headers, signal: context.signal };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = toJson(body);
    }
    const response = await send(url, init);
    return parse(response, context.signal);
  }
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    // No cookies: the voter is identified by a header only (DESIGN §6).
    return await fetch(url, { ...init, credentials: 'omit', mode: 'cors' });
  } catch (cause) {
    // The client turns an aborted signal into `timeout` or `aborted`; anything else is the network.
    if (init.signal?.aborted) throw init.signal.reason ?? cause;
    throw new ParvisError('network_error', undefined, { cause });
  }
}

async function parse(response: Response, signal: AbortSignal): Promise<unknown> {
  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    if (signal.aborted) throw signal.reason ?? cause;
    // A gateway in front of the server answers in HTML when the server is down.
    if (response.status >= 500) {
      throw new ParvisError('unavailable', `The server answered ${response.status} without JSON.`, {
        status: response.status,
        cause,
      });
    }
    throw new ParvisError('invalid_response', undefined, { status: response.status, cause });
  }
  if (response.ok) return body;
  const envelope = ErrorEnvelope.safeParse(body);
  if (!envelope.success) {
    throw new ParvisError('invalid_response', `The server answered ${response.status} without an error envelope.`, {
      status: response.status,
    });
  }
  const { code, message, fields } = envelope.data.error;
  throw new ParvisError(knownCode(code, response.status), message, { status: response.status, fields });
}

const ideaBoxUrl = (api: string, boxId: string) => `${api}/v1/idea-boxes/${encodeURIComponent(boxId)}`;
const ideaUrl = (api: string, ideaId: string) => `${api}/v1/ideas/${encodeURIComponent(ideaId)}`;
const subjectUrl = (api: string, subjectKey: string) => `${api}/v1/subjects/${encodeURIComponent(subjectKey)}`;
const budgetUrl = (api: string, budgetId: string) => `${api}/v1/budgets/${encodeURIComponent(budgetId)}`;
