import {
  Challenge,
  Idea,
  IdeaBox,
  IdeaPage,
  IdeaSupport,
  ListIdeasQuery,
  ReportIdea,
  ReportReceipt,
  SubmitIdea,
} from '../contract/idea.js';
import { type ApiClient, type CallOptions, type WriteOptions, checked } from './api-client.js';
import { ParvisError } from './errors.js';

/** getIdeaBox: settings, categories, moderation mode and status. */
export function getIdeaBox(client: ApiClient, boxId: string, options: CallOptions = {}): Promise<IdeaBox> {
  return client.read('getIdeaBox', IdeaBox, options, (adapter, context) => adapter.getIdeaBox(boxId, context));
}

/** listIdeas: one page of the ideas the filters match, and how many they match in all. */
export function listIdeas(
  client: ApiClient,
  boxId: string,
  query: ListIdeasQuery = {},
  options: CallOptions = {},
): Promise<IdeaPage> {
  const filters = checked(ListIdeasQuery, query, 'The filters');
  return client.read('listIdeas', IdeaPage, options, (adapter, context) => adapter.listIdeas(boxId, filters, context));
}

/** submitIdea: answers the idea as stored, `pending` when the box moderates before publishing. */
export function submitIdea(
  client: ApiClient,
  boxId: string,
  idea: SubmitIdea,
  options: WriteOptions = {},
): Promise<Idea> {
  const body = checked(SubmitIdea, idea, 'The idea');
  return client.write('submitIdea', Idea, options, (adapter, context) => adapter.submitIdea(boxId, body, context));
}

export function supportIdea(client: ApiClient, ideaId: string, options: WriteOptions = {}): Promise<IdeaSupport> {
  return client.write('supportIdea', IdeaSupport, options, (adapter, context) => adapter.supportIdea(ideaId, context));
}

export function withdrawSupport(client: ApiClient, ideaId: string, options: WriteOptions = {}): Promise<IdeaSupport> {
  return client.write('withdrawSupport', IdeaSupport, options, (adapter, context) =>
    adapter.withdrawSupport(ideaId, context),
  );
}

export function reportIdea(
  client: ApiClient,
  ideaId: string,
  report: ReportIdea,
  options: WriteOptions = {},
): Promise<ReportReceipt> {
  const body = checked(ReportIdea, report, 'The report');
  return client.write('reportIdea', ReportReceipt, options, (adapter, context) =>
    adapter.reportIdea(ideaId, body, context),
  );
}

/** getChallenge: a proof-of-work challenge, used once. */
export function getChallenge(client: ApiClient, options: CallOptions = {}): Promise<Challenge> {
  return client.read('getChallenge', Challenge, options, (adapter, context) => adapter.getChallenge(context));
}

/** A solved challenge, and until when the server takes it (epoch milliseconds; `null`: no limit given). */
export interface Proof {
  payload: string;
  expiresAt: number | null;
}

/** A proof this close to its end is not sent: it might expire on the way. */
const FRESH_FOR_MS = 60_000;

/** Starts downloading the solver, which lives in a chunk of its own. */
export function loadSolver(): Promise<typeof import('./proof-of-work.js')> {
  return import('./proof-of-work.js').catch((cause: unknown) => {
    throw new ParvisError('network_error', 'The proof-of-work solver could not be loaded.', { cause });
  });
}

/** Fetches a challenge and solves it, in slices that leave the page responsive. */
export async function newProof(client: ApiClient, options: CallOptions = {}): Promise<Proof> {
  const [challenge, solver] = await Promise.all([getChallenge(client, options), loadSolver()]);
  try {
    return { payload: await solver.solveProof(challenge, options.signal), expiresAt: expiryOf(challenge) };
  } catch (cause) {
    if (options.signal?.aborted) throw new ParvisError('aborted', undefined, { cause });
    // Said as the server would say it of a proof it cannot accept: try again with a new challenge.
    throw new ParvisError('invalid_proof', 'The proof-of-work challenge could not be solved.', { cause });
  }
}

/** `altcha-lib` writes the end of a challenge's life into its salt: `…?expires=<epoch seconds>&`. */
function expiryOf(challenge: Challenge): number | null {
  const expires = Number(new URLSearchParams(challenge.salt.split('?')[1] ?? '').get('expires'));
  return expires > 0 ? expires * 1000 : null;
}

function isFresh(proof: Proof): boolean {
  return proof.expiresAt === null || proof.expiresAt - Date.now() > FRESH_FOR_MS;
}

/**
 * A proof solved while the citizen writes, so that sending an idea seldom
 * waits for one. Each proof serves one submission; one about to expire is
 * replaced.
 */
export class ProofAhead {
  #next: Promise<Proof> | undefined;
  #abort = new AbortController();

  /** Starts solving a challenge, unless a proof is ready or on its way. */
  prepare(client: ApiClient): void {
    if (this.#next) return;
    this.#next = newProof(client, { signal: this.#abort.signal });
    // A failure here is not reported: `take()` tries again, and reports that.
    this.#next.catch(() => undefined);
  }

  /** The proof for one submission: the prepared one when it is still good, else a new one. */
  async take(client: ApiClient): Promise<string> {
    const prepared = await this.#next?.catch(() => undefined);
    this.#next = undefined;
    if (prepared && isFresh(prepared)) return prepared.payload;
    return (await newProof(client, { signal: this.#abort.signal })).payload;
  }

  /** Stops any solving under way, when the form leaves the page. */
  cancel(): void {
    this.#abort.abort();
    this.#abort = new AbortController();
    this.#next = undefined;
  }
}

const PROOF_REFUSALS: ReadonlySet<string> = new Set(['proof_required', 'invalid_proof']);

/**
 * submitIdea with a proof of work: the idea's own when it has one (solved
 * ahead, or kept with a queued idea so that a retry sends again exactly what
 * its key was first sent with), else a new one. A proof the server refuses —
 * expired, or already used — is replaced once, under the same key: a refused
 * request is not recorded under its key. `onSend` hears each request before
 * it leaves, so that a queued idea keeps the proof it was sent with.
 */
export async function submitIdeaWithProof(
  client: ApiClient,
  boxId: string,
  idea: SubmitIdea,
  options: WriteOptions & { idempotencyKey: string; onSend?: (idea: SubmitIdea) => unknown },
): Promise<Idea> {
  let request: SubmitIdea = { ...idea, proof: idea.proof ?? (await newProof(client, options)).payload };
  for (let attempt = 1; ; attempt++) {
    await options.onSend?.(request);
    try {
      return await submitIdea(client, boxId, request, options);
    } catch (error) {
      if (attempt > 1 || !(error instanceof ParvisError && PROOF_REFUSALS.has(error.code))) throw error;
      request = { ...request, proof: (await newProof(client, options)).payload };
    }
  }
}
