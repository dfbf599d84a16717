import { CastPollVote, Poll } from '../contract/poll.js';
import { type ApiClient, type CallOptions, type WriteOptions, checked } from './api-client.js';

/** getPoll: the poll as the identified voter sees it. */
export function getPoll(client: ApiClient, pollId: string, options: CallOptions = {}): Promise<Poll> {
  return client.read('getPoll', Poll, options, (adapter, context) => adapter.getPoll(pollId, context));
}

/** castPollVote: answers the poll as this voter now sees it. */
export async function castPollVote(
  client: ApiClient,
  pollId: string,
  choices: string[],
  options: WriteOptions = {},
): Promise<Poll> {
  const body = checked(CastPollVote, { choices }, 'The choices');
  return client.write('castPollVote', Poll, options, (adapter, context) => adapter.castPollVote(pollId, body, context));
}
