import type { Budget } from '../../contract/budget.js';
import type { ApiClient, CallOptions, WriteOptions } from '../../client/api-client.js';
import { type Ballot, castBallot, getBudget, sanitizeBallot } from '../../client/budgets.js';
import { registerReplayer } from '../../client/outbox.js';
import type { ErrorAbout } from '../events.js';
import {
  ParticipationController,
  type Outcome,
  type ParticipationHost,
  type QueuedParticipation,
} from '../participation-controller.js';
import { type Draft, ballotOf, clearDraft, draftOf, readDraft, writeDraft } from './budget-draft.js';

export interface BudgetHost extends ParticipationHost {
  budget: string;
}

/** What a queued ballot keeps until it is sent. */
export interface QueuedBallot extends QueuedParticipation<Ballot> {
  operation: 'castBallot';
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
 * The budget's data and its ballot (see `ParticipationController`), with the
 * draft ballot kept across reloads.
 */
export class BudgetController extends ParticipationController<BudgetHost, Budget, Ballot> {
  /** The ballot being built, as last kept; `null` until the citizen picks anything. */
  draft: Draft | null = null;

  constructor(host: BudgetHost) {
    super(host, { read: 'getBudget', write: 'castBallot', staleAfter: STALE_AFTER });
  }

  protected override get id(): string {
    return this.host.budget;
  }

  protected override get about(): ErrorAbout {
    return { budgetId: this.host.budget };
  }

  protected override read(client: ApiClient, budgetId: string, options: CallOptions): Promise<Budget> {
    return getBudget(client, budgetId, options);
  }

  protected override write(
    client: ApiClient,
    budgetId: string,
    ballot: Ballot,
    options: WriteOptions,
  ): Promise<Budget> {
    return castBallot(client, budgetId, ballot, options);
  }

  protected override starting(): void {
    this.draft = readDraft(this.api, this.host.budget);
  }

  /** The ballot being built, made to fit the budget as last read. */
  get ballot(): Ballot {
    const draft = this.draft ?? { district: null, picks: {} };
    return this.data ? sanitizeBallot(this.data, ballotOf(draft)) : ballotOf(draft);
  }

  /** Keeps the draft, here and in storage, as the citizen changes it. */
  keep(draft: Draft | null): void {
    this.draft = draft;
    if (draft) writeDraft(this.api, this.host.budget, draft);
    else clearDraft(this.api, this.host.budget);
    this.host.requestUpdate();
  }

  cast({ district, projectIds }: Ballot): Promise<Outcome> {
    const budgetId = this.host.budget;
    return this.send({ district, projectIds: [...projectIds] }, () =>
      this.host.emit('parvis-ballot-submit', { budgetId, district, projectIds: [...projectIds] }, { cancelable: true }),
    );
  }

  protected override announce(budget: Budget, { district, projectIds }: Ballot): void {
    this.keep(null);
    this.host.emit('parvis-ballot-cast', { budgetId: budget.id, district, projectIds: [...projectIds], budget });
  }

  /** A refused ballot leaves the outbox but not the citizen's hands: it becomes the draft they can fix. */
  protected override refused(entry: QueuedBallot): void {
    if (!this.draft) this.keep(draftOf(entry.body));
  }
}
