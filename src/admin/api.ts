import type * as z from 'zod/mini';
import { ErrorEnvelope } from '../contract/errors.js';
import { ParvisError, knownCode } from '../client/errors.js';
import { session } from './session.js';

/** An officer waits a little longer than a citizen: an export of a large consultation takes a moment. */
const TIMEOUT = 20_000;

export interface RequestOptions {
  signal?: AbortSignal;
  /** A token to try instead of the session's: the sign-in screen checks one before keeping it. */
  token?: string;
  /** Sent as `Idempotency-Key`: the same key on a retry makes a write count once. */
  idempotencyKey?: string;
}

/**
 * The console's one way to call the API of the server that serves it. Every
 * answer is checked against the contract, every failure is a `ParvisError`,
 * and a refused admin token ends the session, which takes the officer back
 * to the sign-in screen.
 */
export async function request<T>(
  method: string,
  path: string,
  schema: z.ZodMiniType<T> | null,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, body, options);
  const data = response.status === 204 ? null : await json(response);
  if (!schema) return data as T;
  const result = schema.safeParse(data);
  if (!result.success)
    throw new ParvisError('invalid_response', `The answer to ${method} ${path} breaks the contract.`);
  return result.data;
}

export const read = <T>(path: string, schema: z.ZodMiniType<T>, options?: RequestOptions) =>
  request('GET', path, schema, undefined, options);

/** Downloads an export with the admin token, which a plain link could not send, under its own file name. */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await send('GET', path, undefined, {});
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function send(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const token = options.token ?? session.token;
  const headers = new Headers({ Accept: 'application/json' });
  if (token) headers.set('Authorization', `Bearer ${token}`);
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.idempotencyKey) headers.set('Idempotency-Key', options.idempotencyKey);
  const signals = [AbortSignal.timeout(TIMEOUT), ...(options.signal ? [options.signal] : [])];
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.any(signals),
      credentials: 'omit',
      cache: 'no-store',
    });
  } catch (cause) {
    if (options.signal?.aborted) throw new ParvisError('aborted', undefined, { cause });
    const timedOut = cause instanceof DOMException && cause.name === 'TimeoutError';
    throw new ParvisError(timedOut ? 'timeout' : 'network_error', undefined, { cause });
  }
  if (response.ok) return response;
  const envelope = ErrorEnvelope.safeParse(await response.json().catch(() => null));
  if (!envelope.success) {
    throw new ParvisError(response.status >= 500 ? 'unavailable' : 'invalid_response', undefined, {
      status: response.status,
    });
  }
  const { code, message, fields } = envelope.data.error;
  if (code === 'unauthorized' && !options.token) session.signOut('expired');
  throw new ParvisError(knownCode(code, response.status), message, { status: response.status, fields });
}

async function json(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch (cause) {
    throw new ParvisError('invalid_response', undefined, { status: response.status, cause });
  }
}
