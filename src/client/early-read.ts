import type { VOTER_HEADER } from '../contract/common.js';
import { configured, resolveApi } from './config.js';
import { voterToken } from './voter.js';

/**
 * The contract's header, checked against it by the compiler: importing the
 * contract here would bring zod into the script-tag entry.
 */
const voterHeader: typeof VOTER_HEADER = 'Parvis-Voter';

/** Who asks: a read's answer differs per voter (`myVote`) and per citizen token. */
export interface Requester {
  voter?: string;
  token?: string;
}

/**
 * The headers every request of the REST contract carries, as a plain object:
 * a page's fetch wrapper that copies `init.headers` into an object of its own
 * (`{ ...init.headers, 'X-CSRF-Token': … }`) would find a `Headers` empty.
 */
export function contractHeaders({ voter, token }: Requester): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (voter) headers[voterHeader] = voter;
  if (token) headers.Authorization = `Bearer ${token}`;
  return headers;
}

export function readKey(url: string, { voter, token }: Requester): string {
  return `${voter ?? ''} ${token ?? ''} ${url}`;
}

export function pollUrl(api: string, pollId: string): string {
  return `${api}/v1/polls/${encodeURIComponent(pollId)}`;
}

/** Older than this, an early answer may be stale: the element reads again. */
const FRESH_FOR = 10_000;

const early = new Map<string, { startedAt: number; response: Promise<Response> }>();

/**
 * Called by the script-tag entry when it first sees a `<parvis-poll>`: the
 * poll's data downloads while the element's code does, instead of after it.
 * Only for the REST contract; the element reads for itself when anything
 * (adapter, API base, voter, token) differs by the time it asks.
 */
export function readPollEarly(element: Element): void {
  const pollId = element.getAttribute('poll');
  if (!pollId || configured().adapter) return;
  const requester = { voter: voterToken(), token: configured().token ?? undefined };
  const url = pollUrl(resolveApi(element), pollId);
  const key = readKey(url, requester);
  if (early.has(key)) return;
  // No cookies: the voter is identified by a header only (DESIGN §6).
  const response = fetch(url, { headers: contractHeaders(requester), credentials: 'omit', mode: 'cors' });
  // A failed early read is not reported: the element then reads for itself, and reports that.
  response.catch(() => undefined);
  early.set(key, { startedAt: performance.now(), response });
}

/** The early answer for this read, handed out once; `undefined` when there is none or it is too old. */
export function takeEarlyRead(key: string): Promise<Response> | undefined {
  const entry = early.get(key);
  early.delete(key);
  return entry && performance.now() - entry.startedAt < FRESH_FOR ? entry.response : undefined;
}
