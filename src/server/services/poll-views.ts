import type { AdminPoll, Poll, PollResults, PollResultsExport } from '../../contract/poll.js';
import type { PollRecord, VoteRecord } from '../store/polls.js';
import { csv } from './csv.js';
import { pollStatus, resultsVisibleTo } from './poll-rules.js';

export const RESULTS_LICENCE = 'Licence Ouverte / Etalab 2.0';
export const RESULTS_LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

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

export function resultsCsv(results: PollResultsExport): string {
  return csv([
    ['option_id', 'label', 'votes', 'share', 'voters'],
    ...results.options.map((option) => [option.id, option.label, option.votes, option.share, results.voters]),
  ]);
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
