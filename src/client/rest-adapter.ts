import { ErrorEnvelope, IDEMPOTENCY_HEADER, VOTER_HEADER } from '../contract/index.js';
import type { ParvisAdapter, RequestContext, WriteContext } from './adapter.js';
import { ParvisError, knownCode } from './errors.js';

interface CachedRead {
  etag: string;
  body: unknown;
}

/** The default REST contract of DESIGN §6, over `fetch`. */
export class RestAdapter implements ParvisAdapter {
  /** Last answer per URL, so a `304 Not Modified` costs no body. Keyed by voter too: `myVote` differs. */
  readonly #reads = new Map<string, CachedRead>();

  getPoll(pollId: string, context: RequestContext): Promise<unknown> {
    return this.#read(`${context.api}/v1/polls/${encodeURIComponent(pollId)}`, context);
  }

  castPollVote(pollId: string, body: { choices: string[] }, context: WriteContext): Promise<unknown> {
    return this.#write('POST', `${context.api}/v1/polls/${encodeURIComponent(pollId)}/votes`, body, context);
  }

  async #read(url: string, context: RequestContext): Promise<unknown> {
    const cacheKey = `${context.voter ?? ''} ${context.token ?? ''} ${url}`;
    const cached = this.#reads.get(cacheKey);
    const headers = this.#headers(context);
    if (cached) headers.set('If-None-Match', cached.etag);
    const response = await send(url, { headers, signal: context.signal });
    if (response.status === 304 && cached) return cached.body;
    const body = await parse(response, context.signal);
    const etag = response.headers.get('ETag');
    if (etag) this.#reads.set(cacheKey, { etag, body });
    return body;
  }

  async #write(method: string, url: string, body: unknown, context: WriteContext): Promise<unknown> {
    const headers = this.#headers(context);
    headers.set('Content-Type', 'application/json');
    headers.set(IDEMPOTENCY_HEADER, context.idempotencyKey);
    const response = await send(url, { method, headers, body: JSON.stringify(body), signal: context.signal });
    return parse(response, context.signal);
  }

  #headers(context: RequestContext): Headers {
    const headers = new Headers({ Accept: 'application/json' });
    if (context.voter) headers.set(VOTER_HEADER, context.voter);
    if (context.token) headers.set('Authorization', `Bearer ${context.token}`);
    return headers;
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
    const code = response.status >= 500 ? 'unavailable' : 'invalid_response';
    throw new ParvisError(code, undefined, { status: response.status, cause });
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
