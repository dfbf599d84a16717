import { CHANNELS, type OpenDataField } from '../../contract/open-data.js';
import type { AdminPoll, Poll, PollResults, PollResultsExport } from '../../contract/poll.js';
import type { ContributionRecord } from '../store/contributions.js';
import type { PollRecord, VoteRecord } from '../store/polls.js';
import { csv } from './csv.js';
import {
  type ByChannel,
  CHANNELS_SAID,
  channelFields,
  describe,
  eachChannel,
  openDataMetadata,
  RESULTS_LICENCE,
} from './open-data-views.js';
import { pollStatus, resultsVisibleTo } from './poll-rules.js';

export { RESULTS_LICENCE, RESULTS_LICENCE_URL } from './open-data-views.js';

/** The part of a Poll that depends on the moment and the voter, not on the poll's settings. */
export type PollMoment = Pick<Poll, 'status' | 'results' | 'myVote'>;

/** What a citizen's widget sees: results only when the poll's policy allows. */
export function pollView(poll: PollRecord, myVote: VoteRecord | null, now: Date): Poll {
  return withSettings(poll, pollMoment(poll, myVote, now));
}

export function pollMoment(poll: PollRecord, myVote: VoteRecord | null, now: Date): PollMoment {
  const status = pollStatus(poll, now);
  return {
    status,
    results: resultsVisibleTo(poll, status, myVote !== null) ? resultsOf(poll) : null,
    myVote: myVote ? { choices: myVote.choices, votedAt: myVote.votedAt } : null,
  };
}

/** The whole Poll, its settings taken from `poll`: the same moment gives the same bytes. */
export function withSettings(poll: PollRecord, moment: PollMoment): Poll {
  return { ...settingsView(poll), status: moment.status, results: moment.results, myVote: moment.myVote };
}

export function adminPollView(poll: PollRecord, now: Date): AdminPoll {
  return {
    ...settingsView(poll),
    status: pollStatus(poll, now),
    results: resultsOf(poll),
    myVote: null,
    closed: poll.closed,
    createdAt: poll.createdAt,
    updatedAt: poll.updatedAt,
  };
}

export function resultsExport(poll: PollRecord, now: Date): PollResultsExport {
  return {
    poll: {
      id: poll.id,
      question: poll.question,
      status: pollStatus(poll, now),
      opensAt: poll.opensAt,
      closesAt: poll.closesAt,
    },
    voters: poll.voters,
    options: poll.options.map((option) => ({
      id: option.id,
      label: option.label,
      votes: option.votes,
      // Share of the voters who chose the option: with multiple choice, shares add up to more than 1.
      share: poll.voters === 0 ? 0 : Math.round((option.votes / poll.voters) * 10_000) / 10_000,
    })),
    generatedAt: now.toISOString(),
    licence: RESULTS_LICENCE,
  };
}

/** The columns of results.csv, described for open-data portals. */
export const RESULTS_FIELDS: OpenDataField[] = [
  { name: 'option_id', type: 'string', description: 'The id of the option.' },
  { name: 'label', type: 'string', description: 'The option as voters read it.' },
  { name: 'votes', type: 'integer', description: 'Voters who chose the option, every channel together.' },
  {
    name: 'share',
    type: 'number',
    description: 'Votes divided by voters, from 0 to 1; with multiple choice, shares add up to more than 1.',
  },
  { name: 'voters', type: 'integer', description: 'Voters who took part, every channel together.' },
  ...channelFields('votes', 'Voters who chose the option'),
  ...channelFields('voters', 'Voters who took part'),
];

export function resultsCsv(results: PollResultsExport): string {
  const channels = CHANNELS.map((channel) => results.byChannel?.[channel]);
  return csv([
    RESULTS_FIELDS.map((field) => field.name),
    ...results.options.map((option, index) => [
      option.id,
      option.label,
      option.votes,
      option.share,
      results.voters,
      ...channels.map((channel) => channel?.options[index].votes ?? null),
      ...channels.map((channel) => channel?.voters ?? null),
    ]),
  ]);
}

/**
 * The results of each channel: each recorded one counts its contributions;
 * the web counts what they leave of the poll's counters (the votes cast
 * through widgets), the counters and the contributions read together.
 */
export function pollResultsByChannel(
  totals: PollResults,
  contributions: ReadonlyArray<ContributionRecord<'poll'>>,
): ByChannel<PollResults> {
  const tally = (list: ReadonlyArray<ContributionRecord<'poll'>>): PollResults => ({
    voters: list.reduce((sum, contribution) => sum + contribution.participants, 0),
    options: totals.options.map(({ id }) => ({
      id,
      votes: list.reduce((sum, { details }) => sum + (details.find((option) => option.id === id)?.votes ?? 0), 0),
    })),
  });
  const offline = tally(contributions);
  return {
    ...eachChannel((channel) => tally(contributions.filter((contribution) => contribution.channel === channel))),
    web: {
      voters: totals.voters - offline.voters,
      options: totals.options.map(({ id, votes }, index) => ({ id, votes: votes - offline.options[index].votes })),
    },
  };
}

/** The admin's view, with each channel apart. */
export function adminPollWithChannels(poll: AdminPoll, contributions: ReadonlyArray<ContributionRecord<'poll'>>) {
  return { ...poll, results: { ...poll.results, byChannel: pollResultsByChannel(poll.results, contributions) } };
}

/** results.json as an open-data portal takes it: each channel apart, and the metadata. */
export function pollResultsOpenData(
  results: PollResultsExport,
  poll: PollRecord,
  contributions: ReadonlyArray<ContributionRecord<'poll'>>,
  publisher: string,
): PollResultsExport {
  const about = {
    title: `Poll results: ${poll.question}`,
    description: describe(
      poll.description,
      `Results of the poll "${poll.question}": the voters who took part and the votes for each option. ` +
        CHANNELS_SAID,
    ),
    opensAt: poll.opensAt,
    closesAt: poll.closesAt,
  };
  return {
    ...results,
    byChannel: pollResultsByChannel(results, contributions),
    metadata: openDataMetadata(about, RESULTS_FIELDS, publisher, results.generatedAt),
  };
}

function resultsOf(poll: PollRecord): PollResults {
  return { voters: poll.voters, options: poll.options.map((option) => ({ id: option.id, votes: option.votes })) };
}

function settingsView(poll: PollRecord) {
  return {
    id: poll.id,
    question: poll.question,
    description: poll.description,
    options: poll.options.map((option) => ({ id: option.id, label: option.label })),
    multiple: poll.multiple,
    minChoices: poll.minChoices,
    maxChoices: poll.maxChoices,
    opensAt: poll.opensAt,
    closesAt: poll.closesAt,
    resultsVisibility: poll.resultsVisibility,
    allowChange: poll.allowChange,
    requiresVerification: poll.requiresVerification,
  };
}
