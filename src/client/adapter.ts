import type { CastBallot } from '../contract/budget.js';
import type { ListIdeasQuery, ReportIdea, SubmitIdea } from '../contract/idea.js';
import type { SetSubjectVote } from '../contract/subject.js';

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
 * and throws a `ParvisError` for errors the backend reported. A backend that
 * serves only some widgets implements only their operations: calling a
 * missing one fails with the code `unsupported`.
 */
export interface ParvisAdapter {
  getPoll?(pollId: string, context: RequestContext): Promise<unknown>;
  castPollVote?(pollId: string, body: { choices: string[] }, context: WriteContext): Promise<unknown>;

  getIdeaBox?(boxId: string, context: RequestContext): Promise<unknown>;
  listIdeas?(boxId: string, query: ListIdeasQuery, context: RequestContext): Promise<unknown>;
  submitIdea?(boxId: string, body: SubmitIdea, context: WriteContext): Promise<unknown>;
  supportIdea?(ideaId: string, context: WriteContext): Promise<unknown>;
  withdrawSupport?(ideaId: string, context: WriteContext): Promise<unknown>;
  reportIdea?(ideaId: string, body: ReportIdea, context: WriteContext): Promise<unknown>;
  getChallenge?(context: RequestContext): Promise<unknown>;

  getSubjectVotes?(subjectKey: string, context: RequestContext): Promise<unknown>;
  getSubjectVotesBatch?(subjectKeys: string[], context: RequestContext): Promise<unknown>;
  setSubjectVote?(subjectKey: string, body: SetSubjectVote, context: WriteContext): Promise<unknown>;

  getBudget?(budgetId: string, context: RequestContext): Promise<unknown>;
  castBallot?(budgetId: string, body: CastBallot, context: WriteContext): Promise<unknown>;
}

export type Operation = keyof ParvisAdapter;
