import type { ReactiveController } from 'lit';
import type { Operation, ParvisAdapter } from '../../client/adapter.js';
import { ApiClient } from '../../client/api-client.js';
import { resolveApi } from '../../client/config.js';
import { ParvisError } from '../../client/errors.js';
import { watchConnectivity } from '../../client/outbox.js';
import {
  subjectState,
  type LaterOutcome,
  type SubjectListener,
  type SubjectState,
  type VoteOutcome,
} from '../../client/subjects.js';
import type { SubjectVotes, VoteMode, VoteValue } from '../../contract/subject.js';
import { reportError } from '../events.js';
import { localeReady } from '../locale.js';
import type { ParvisElement } from '../parvis-element.js';
import { subjectKeyOf } from './subject-key.js';

export interface VoteHost extends ParvisElement {
  adapter: ParvisAdapter | undefined;
  timeout: number | undefined;
  /** The mode the button shows, once checked. */
  readonly voteMode: VoteMode;
}

/** What this button last told the citizen about their own vote: accepted, queued, or a queued one sent since. */
export interface Told {
  outcome: 'accepted' | 'queued' | 'sent';
  value: VoteValue;
  comment: boolean;
}

/**
 * One button's view of its subject's shared state (see `SubjectState`): it
 * subscribes while connected, fires the events of the votes made with it,
 * and keeps what only this button says — its vote's refusal and outcome.
 */
export class VoteController implements ReactiveController, SubjectListener {
  readonly #host: VoteHost;
  #state: SubjectState | undefined;
  #api = '';
  #loads = 0;
  #read = false;

  /** Why this button cannot show its subject: a key the contract refuses, or another mode already recorded. */
  setupError: ParvisError | null = null;
  /** Why the last vote made here was refused. */
  voteError: ParvisError | null = null;
  told: Told | null = null;

  constructor(host: VoteHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#state?.subscribe(this);
    watchConnectivity();
  }

  hostDisconnected(): void {
    this.#state?.unsubscribe(this);
  }

  get subject(): SubjectState | undefined {
    return this.#state;
  }

  /**
   * The subject's counts once this button's own read is done (with its
   * language's strings in), even when another button of the subject already
   * holds them: the button shows no state it has not rendered yet.
   */
  get votes(): SubjectVotes | null {
    return this.#read ? (this.#state?.votes ?? null) : null;
  }

  get loadError(): ParvisError | null {
    return this.setupError ?? this.#state?.loadError ?? null;
  }

  get #client(): ApiClient {
    return new ApiClient(this.#api, this.#host.adapter);
  }

  async load(): Promise<void> {
    const load = ++this.#loads;
    this.#api = resolveApi(this.#host);
    this.setupError = null;
    let key: string;
    try {
      key = subjectKeyOf(this.#host);
    } catch (error) {
      this.#use(undefined);
      this.setupError = this.#report(error, 'getSubjectVotes');
      this.#host.requestUpdate();
      return;
    }
    const state = subjectState(this.#api, key);
    if (state !== this.#state) {
      this.voteError = null;
      this.told = null;
    }
    this.#use(state);
    const [error] = await Promise.all([state.load(this.#client, { timeout: this.#host.timeout }), localeReady()]);
    if (load !== this.#loads) return;
    this.#read = true;
    const recorded = state.votes?.mode;
    if (error) this.#report(error, 'getSubjectVotes');
    else if (recorded && recorded !== this.#host.voteMode) {
      this.setupError = this.#report(
        new ParvisError('mode_mismatch', `The subject is voted on in mode ${recorded}, not ${this.#host.voteMode}.`),
        'getSubjectVotes',
      );
    }
    this.#host.requestUpdate();
  }

  #use(state: SubjectState | undefined): void {
    if (state === this.#state) return;
    this.#state?.unsubscribe(this);
    this.#state = state;
    if (this.#host.isConnected) state?.subscribe(this);
  }

  /** Fires the cancelable `parvis-vote-change`, then votes; `cancelled` when nothing was sent. */
  async vote(value: VoteValue, comment?: string): Promise<VoteOutcome['outcome'] | 'cancelled'> {
    const state = this.#state;
    const votes = state?.votes;
    if (!state || !votes || state.submitting || this.setupError) return 'cancelled';
    const mode = this.#host.voteMode;
    const vote = comment === undefined ? { value, mode } : { value, mode, comment };
    const change = { subject: state.key, previous: votes.mine, ...vote };
    if (!this.#host.emit('parvis-vote-change', change, { cancelable: true })) return 'cancelled';
    this.voteError = null;
    this.told = null;
    const result = await state.vote(this.#client, vote, { timeout: this.#host.timeout }, this);
    if (result.error) {
      this.voteError = this.#report(result.error, 'setSubjectVote');
    } else {
      this.told = { outcome: result.outcome, value, comment: comment !== undefined };
      if (result.votes) this.#host.emit('parvis-voted', { subject: state.key, value, votes: result.votes });
    }
    this.#host.requestUpdate();
    return result.outcome;
  }

  changed(): void {
    this.#host.requestUpdate();
  }

  settled({ vote, votes, error }: LaterOutcome): void {
    if (error) {
      this.told = null;
      this.voteError = this.#report(error, 'setSubjectVote');
    } else {
      this.voteError = null;
      this.told = { outcome: 'sent', value: vote.value, comment: vote.comment !== undefined };
      this.#host.emit('parvis-voted', { subject: this.#state!.key, value: vote.value, votes });
    }
    this.#host.requestUpdate();
  }

  #report(error: unknown, operation: Operation): ParvisError {
    const subject = this.#state?.key ?? this.#host.getAttribute('subject') ?? '';
    return reportError(this.#host, error, operation, { subject });
  }
}
