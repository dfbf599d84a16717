import type { ReactiveController } from 'lit';
import type { Poll } from '../../contract/poll.js';
import type { ParvisAdapter } from '../../client/adapter.js';
import { ApiClient, newIdempotencyKey } from '../../client/api-client.js';
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
import { castPollVote, getPoll } from '../../client/polls.js';
import { ensureVoterToken } from '../../client/voter.js';
import { localeReady } from '../locale.js';
import type { ParvisElement } from '../parvis-element.js';

export interface PollHost extends ParvisElement {
  poll: string;
  adapter: ParvisAdapter | undefined;
  timeout: number | undefined;
}

/** How a vote ended, so the element knows where to put focus. */
export type VoteOutcome = 'accepted' | 'queued' | 'refused' | 'cancelled';

/** What a queued vote keeps until it is sent. */
export interface QueuedVote extends QueuedWrite {
  operation: 'castPollVote';
  body: { choices: string[] };
}

registerReplayer('castPollVote', (client, entry) =>
  castPollVote(client, entry.target, (entry as QueuedVote).body.choices, { idempotencyKey: entry.key }),
);

/** Codes after which what the widget shows is stale: the poll is read again. */
const STALE_AFTER = new Set(['poll_closed', 'poll_not_open', 'already_voted']);

/**
 * The poll's data and its round trips: loading (dropping stale answers),
 * voting, queueing a vote that cannot reach the server, and taking in the
 * outcome of a queued vote replayed later.
 */
export class PollController implements ReactiveController {
  readonly #host: PollHost;
  #abort: AbortController | undefined;
  #api = '';

  data: Poll | null = null;
  loading = false;
  submitting = false;
  loadError: ParvisError | null = null;
  voteError: ParvisError | null = null;
  /** A vote kept in the outbox until the server accepts it. */
  queued: QueuedVote | null = null;
  /** Choices of the vote just accepted; set only in this page's lifetime, for the announcement. */
  accepted: string[] | null = null;

  constructor(host: PollHost) {
    this.#host = host;
    host.addController(this);
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
    const pollId = this.#host.poll;
    this.#api = resolveApi(this.#host);
    if (this.data?.id !== pollId) this.data = null;
    this.loading = true;
    this.loadError = null;
    this.#host.requestUpdate();
    const queued = queuedFor(this.#api, ['castPollVote'], pollId)
      .then((entries) => entries.at(-1) as QueuedVote | undefined)
      .catch(() => undefined);
    try {
      const [poll] = await Promise.all([
        getPoll(this.#client, pollId, { signal: abort.signal, timeout: this.#host.timeout }),
        localeReady(),
      ]);
      if (abort.signal.aborted) return;
      this.data = poll;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.loadError = this.#report(error, 'getPoll');
    }
    const entry = await queued;
    if (abort.signal.aborted) return;
    const refusal = entry && refusalOf(entry);
    if (entry && refusal) {
      // Refused while this poll was not on screen: said now, then forgotten.
      this.voteError = this.#report(refusal, 'castPollVote');
      void forget(entry.key);
    } else {
      this.queued = entry ?? this.queued;
    }
    this.loading = false;
    this.#host.requestUpdate();
  }

  async vote(choices: string[]): Promise<VoteOutcome> {
    const pollId = this.#host.poll;
    if (this.submitting || !this.#host.emit('parvis-vote', { pollId, choices }, { cancelable: true })) {
      return 'cancelled';
    }
    const idempotencyKey = newIdempotencyKey();
    this.voteError = null;
    this.accepted = null;
    if (!navigator.onLine) return this.#enqueue(pollId, choices, idempotencyKey);
    this.submitting = true;
    this.#host.requestUpdate();
    try {
      const poll = await castPollVote(this.#client, pollId, choices, { idempotencyKey, timeout: this.#host.timeout });
      this.#accept(poll, choices);
      return 'accepted';
    } catch (error) {
      if (isRetryableOffline(error)) return await this.#enqueue(pollId, choices, idempotencyKey);
      this.voteError = this.#report(error, 'castPollVote');
      if (STALE_AFTER.has(this.voteError.code)) void this.load();
      return 'refused';
    } finally {
      this.submitting = false;
      this.#host.requestUpdate();
    }
  }

  async #enqueue(pollId: string, choices: string[], key: string): Promise<VoteOutcome> {
    // The voter token must exist before the replay, which may run on another page load.
    ensureVoterToken();
    const entry: QueuedVote = {
      key,
      operation: 'castPollVote',
      api: this.#api,
      target: pollId,
      body: { choices },
      queuedAt: new Date().toISOString(),
    };
    try {
      await enqueue(entry);
    } catch (error) {
      // Without storage the vote cannot wait: say so rather than pretend it will be sent.
      this.voteError = this.#report(new ParvisError('network_error', undefined, { cause: error }), 'castPollVote');
      this.#host.requestUpdate();
      return 'refused';
    }
    this.queued = entry;
    this.#host.requestUpdate();
    return 'queued';
  }

  #accept(poll: Poll, choices: string[]): void {
    this.data = poll;
    this.accepted = choices;
    this.#host.emit('parvis-voted', { pollId: poll.id, choices, poll });
    this.#host.requestUpdate();
  }

  #onSettled = (event: Event): void => {
    const { entry, result, error } = (event as CustomEvent<OutboxResult>).detail;
    if (entry.operation !== 'castPollVote' || entry.api !== this.#api || entry.target !== this.#host.poll) return;
    if (this.queued?.key === entry.key) this.queued = null;
    if (!error) {
      this.voteError = null;
      this.#accept(result as Poll, (entry as QueuedVote).body.choices);
    } else {
      this.voteError = this.#report(error, 'castPollVote');
      void forget(entry.key);
      void this.load();
    }
  };

  #report(error: unknown, operation: 'getPoll' | 'castPollVote'): ParvisError {
    const parvisError =
      error instanceof ParvisError ? error : new ParvisError('network_error', undefined, { cause: error });
    const { code, message, status } = parvisError;
    this.#host.emit('parvis-error', { pollId: this.#host.poll, operation, code, message, status, error: parvisError });
    return parvisError;
  }
}
