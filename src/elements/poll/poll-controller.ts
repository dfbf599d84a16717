import type { Poll } from '../../contract/poll.js';
import type { ApiClient, CallOptions, WriteOptions } from '../../client/api-client.js';
import { registerReplayer } from '../../client/outbox.js';
import { castPollVote, getPoll } from '../../client/polls.js';
import type { ErrorAbout } from '../events.js';
import {
  ParticipationController,
  type Outcome,
  type ParticipationHost,
  type QueuedParticipation,
} from '../participation-controller.js';

export interface PollHost extends ParticipationHost {
  poll: string;
}

/** What a queued vote keeps until it is sent. */
export interface QueuedVote extends QueuedParticipation<{ choices: string[] }> {
  operation: 'castPollVote';
}

registerReplayer('castPollVote', (client, entry) =>
  castPollVote(client, entry.target, (entry as QueuedVote).body.choices, { idempotencyKey: entry.key }),
);

/** Codes after which what the widget shows is stale: the poll is read again. */
const STALE_AFTER = new Set(['poll_closed', 'poll_not_open', 'already_voted']);

/** The poll's data and its vote (see `ParticipationController`). */
export class PollController extends ParticipationController<PollHost, Poll, { choices: string[] }> {
  constructor(host: PollHost) {
    super(host, { read: 'getPoll', write: 'castPollVote', staleAfter: STALE_AFTER });
  }

  protected override get id(): string {
    return this.host.poll;
  }

  protected override get about(): ErrorAbout {
    return { pollId: this.host.poll };
  }

  protected override read(client: ApiClient, pollId: string, options: CallOptions): Promise<Poll> {
    return getPoll(client, pollId, options);
  }

  protected override write(
    client: ApiClient,
    pollId: string,
    { choices }: { choices: string[] },
    options: WriteOptions,
  ): Promise<Poll> {
    return castPollVote(client, pollId, choices, options);
  }

  vote(choices: string[]): Promise<Outcome> {
    return this.send({ choices }, () =>
      this.host.emit('parvis-vote', { pollId: this.host.poll, choices }, { cancelable: true }),
    );
  }

  protected override announce(poll: Poll, { choices }: { choices: string[] }): void {
    this.host.emit('parvis-voted', { pollId: poll.id, choices, poll });
  }
}
