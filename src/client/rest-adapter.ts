import { ErrorEnvelope, IDEMPOTENCY_HEADER } from '../contract/index.js';
import type { ParvisAdapter, RequestContext, WriteContext } from './adapter.js';
import { contractHeaders, pollUrl, readKey, takeEarlyRead } from './early-read.js';
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
    return this.#read(pollUrl(context.api, pollId), context);
  }

  castPollVote(pollId: string, body: { choices: string[] }, context: WriteContext): Promise<unknown> {
    return this.#write('POST', `${pollUrl(context.api, pollId)}/votes`, body, context);
  }

  async #read(url: string, context: RequestContext): Promise<unknown> {
    const cacheKey = readKey(url, context);
    const cached = this.#reads.get(cacheKey);
    const headers = contractHeaders(context);
    if (cached) headers.set('If-None-Match', cached.etag);
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
    headers.set('Content-Type', 'application/json');
    headers.set(IDEMPOTENCY_HEADER, context.idempotencyKey);
    const response = await send(url, { method, headers, body: JSON.stringify(body), signal: context.signal });
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
