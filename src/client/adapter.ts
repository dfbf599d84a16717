/**
 * What every call to a backend receives. The API client fills it in: the
 * adapter only has to carry it to its backend.
 */
export interface RequestContext {
  /** The API base URL this element talks to. */
  api: string;
  /** Aborted on timeout or when the element no longer needs the answer. */
  signal: AbortSignal;
  /** The citizen's voter token, once one exists. */
  voter?: string;
  /** A signed citizen token from the host site. */
  token?: string;
}

export interface WriteContext extends RequestContext {
  voter: string;
  /** The same key on every retry of one write, so that it counts once. */
  idempotencyKey: string;
}

/**
 * One method per operation of the contract (DESIGN §6). An adapter returns the
 * backend's answer as is — the API client checks it against the contract —
 * and throws a `ParvisError` for errors the backend reported.
 */
export interface ParvisAdapter {
  getPoll(pollId: string, context: RequestContext): Promise<unknown>;
  castPollVote(pollId: string, body: { choices: string[] }, context: WriteContext): Promise<unknown>;
}
