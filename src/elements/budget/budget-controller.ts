import type { ReactiveController } from 'lit';
import type { Budget } from '../../contract/budget.js';
import type { ParvisAdapter } from '../../client/adapter.js';
import { ApiClient, newIdempotencyKey } from '../../client/api-client.js';
import { type Ballot, castBallot, getBudget, sanitizeBallot } from '../../client/budgets.js';
import { resolveApi } from '../../client/config.js';
import { ParvisError, isRetryableOffline } from '../../client/errors.js';
import {
  enqueue,
  forget,
  outbox,
  queuedFor,
  refusalOf,
  registerReplayer,
  watchConnectivity,
  type OutboxResult,
  type QueuedWrite,
} from '../../client/outbox.js';
import { ensureVoterToken } from '../../client/voter.js';
import { localeReady } from '../locale.js';
import type { ParvisElement } from '../parvis-element.js';
import { type Draft, ballotOf, clearDraft, draftOf, readDraft, writeDraft } from './budget-draft.js';

export interface BudgetHost extends ParvisElement {
  budget: string;
  adapter: ParvisAdapter | undefined;
  timeout: number | undefined;
}

/** How a ballot ended, so the element knows where to put focus. */
export type BallotOutcome = 'accepted' | 'queued' | 'refused' | 'cancelled';

/** What a queued ballot keeps until it is sent. */
export interface QueuedBallot extends QueuedWrite {
  operation: 'castBallot';
  body: Ballot;
}

registerReplayer('castBallot', (client, entry) =>
  castBallot(client, entry.target, (entry as QueuedBallot).body, { idempotencyKey: entry.key }),
);

/**
 * Codes after which what the widget shows is stale: the budget is read again.
 * A ballot the rules refuse although the widget checked them means the
 * projects or the rules changed since they were read.
 */
const STALE_AFTER = new Set([
  'budget_closed',
  'budget_not_open',
  'ballot_exists',
  'unknown_project',
  'unknown_district',
  'project_not_in_district',
  'over_budget',
  'under_min_spend',
  'too_few_projects',
  'too_many_projects',
]);

/**
 * The budget's data and its round trips: loading (dropping stale answers),
 * the draft ballot kept across reloads, casting, queueing a ballot that cannot
 * reach the server, and taking in the outcome of a queued ballot replayed later.
 */
export class BudgetController implements ReactiveController {
  readonly #host: BudgetHost;
  #abort: AbortController | undefined;
  #api = '';

  data: Budget | null = null;
  loading = false;
  submitting = false;
  loadError: ParvisError | null = null;
  ballotError: ParvisError | null = null;
  /** A ballot kept in the outbox until the server accepts it. */
  queued: QueuedBallot | null = null;
  /** The ballot just accepted; set only in this page's lifetime, for the confirmation. */
  accepted: Ballot | null = null;
  /** The ballot being built, as last kept; `null` until the citizen picks anything. */
  draft: Draft | null = null;

  constructor(host: BudgetHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The API base this budget was read from: project images given as paths live there. */
  get api(): string {
    return this.#api;
  }

  hostConnected(): void {
    outbox.addEventListener('settled', this.#onSettled);
    watchConnectivity();
  }

  hostDisconnected(): void {
    outbox.removeEventListener('settled', this.#onSettled);
    this.#abort?.abort();
    this.#abort = undefined;
  }

  get #client(): ApiClient {
    return new ApiClient(this.#api, this.#host.adapter);
  }

  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const budgetId = this.#host.budget;
    this.#api = resolveApi(this.#host);
    if (this.data?.id !== budgetId) this.data = null;
    this.draft = readDraft(this.#api, budgetId);
    this.loading = true;
    this.loadError = null;
    this.#host.requestUpdate();
    const queued = queuedFor(this.#api, ['castBallot'], budgetId)
      .then((entries) => entries.at(-1) as QueuedBallot | undefined)
      .catch(() => undefined);
    try {
      const [budget] = await Promise.all([
        getBudget(this.#client, budgetId, { signal: abort.signal, timeout: this.#host.timeout }),
        localeReady(),
      ]);
      if (abort.signal.aborted) return;
      this.data = budget;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.loadError = this.#report(error, 'getBudget');
    }
    const entry = await queued;
    if (abort.signal.aborted) return;
    const refusal = entry && refusalOf(entry);
    if (entry && refusal) {
      // Refused while this budget was not on screen: said now, then forgotten.
      this.ballotError = this.#report(refusal, 'castBallot');
      this.#keepRefused(entry);
      void forget(entry.key);
    } else {
      this.queued = entry ?? this.queued;
    }
    this.loading = false;
    this.#host.requestUpdate();
  }

  /** The ballot being built, made to fit the budget as last read. */
  get ballot(): Ballot {
    const draft = this.draft ?? { district: null, picks: {} };
    return this.data ? sanitizeBallot(this.data, ballotOf(draft)) : ballotOf(draft);
  }

  /** Keeps the draft, here and in storage, as the citizen changes it. */
  keep(draft: Draft | null): void {
    this.draft = draft;
    if (draft) writeDraft(this.#api, this.#host.budget, draft);
    else clearDraft(this.#api, this.#host.budget);
    this.#host.requestUpdate();
  }

  async cast(ballot: Ballot): Promise<BallotOutcome> {
    const budgetId = this.#host.budget;
    const detail = { budgetId, district: ballot.district, projectIds: [...ballot.projectIds] };
    if (this.submitting || !this.#host.emit('parvis-ballot-submit', detail, { cancelable: true })) {
      return 'cancelled';
    }
    const idempotencyKey = newIdempotencyKey();
    this.ballotError = null;
    this.accepted = null;
    if (!navigator.onLine) return this.#enqueue(budgetId, ballot, idempotencyKey);
    this.submitting = true;
    this.#host.requestUpdate();
    try {
      const budget = await castBallot(this.#client, budgetId, ballot, { idempotencyKey, timeout: this.#host.timeout });
      this.#accept(budget, ballot);
      return 'accepted';
    } catch (error) {
      if (isRetryableOffline(error)) return await this.#enqueue(budgetId, ballot, idempotencyKey);
      this.ballotError = this.#report(error, 'castBallot');
      if (STALE_AFTER.has(this.ballotError.code)) void this.load();
      return 'refused';
    } finally {
      this.submitting = false;
      this.#host.requestUpdate();
    }
  }

  async #enqueue(budgetId: string, ballot: Ballot, key: string): Promise<BallotOutcome> {
    // The voter token must exist before the replay, which may run on another page load.
    ensureVoterToken();
    const entry: QueuedBallot = {
      key,
      operation: 'castBallot',
      api: this.#api,
      target: budgetId,
      body: { district: ballot.district, projectIds: [...ballot.projectIds] },
      queuedAt: new Date().toISOString(),
    };
    try {
      await enqueue(entry);
    } catch (error) {
      // Without storage the ballot cannot wait: say so rather than pretend it will be sent.
      this.ballotError = this.#report(new ParvisError('network_error', undefined, { cause: error }), 'castBallot');
      this.#host.requestUpdate();
      return 'refused';
    }
    this.queued = entry;
    this.#host.requestUpdate();
    return 'queued';
  }

  #accept(budget: Budget, ballot: Ballot): void {
    this.data = budget;
    this.accepted = ballot;
    this.keep(null);
    const { district, projectIds } = ballot;
    this.#host.emit('parvis-ballot-cast', { budgetId: budget.id, district, projectIds: [...projectIds], budget });
  }

  #onSettled = (event: Event): void => {
    const { entry, result, error } = (event as CustomEvent<OutboxResult>).detail;
    if (entry.operation !== 'castBallot' || entry.api !== this.#api || entry.target !== this.#host.budget) return;
    if (this.queued?.key === entry.key) this.queued = null;
    if (!error) {
      this.ballotError = null;
      this.#accept(result as Budget, (entry as QueuedBallot).body);
    } else {
      this.ballotError = this.#report(error, 'castBallot');
      this.#keepRefused(entry as QueuedBallot);
      void forget(entry.key);
      void this.load();
    }
  };

  /** A refused ballot leaves the outbox but not the citizen's hands: it becomes the draft they can fix. */
  #keepRefused(entry: QueuedBallot): void {
    if (!this.draft) this.keep(draftOf(entry.body));
  }

  #report(error: unknown, operation: 'getBudget' | 'castBallot'): ParvisError {
    const parvisError =
      error instanceof ParvisError ? error : new ParvisError('network_error', undefined, { cause: error });
    const { code, message, status } = parvisError;
    this.#host.emit('parvis-error', {
      budgetId: this.#host.budget,
      operation,
      code,
      message,
      status,
      error: parvisError,
    });
    return parvisError;
  }
}
