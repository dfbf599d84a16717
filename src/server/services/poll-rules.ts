import type { CreatePoll, PollStatus, UpdatePoll } from '../../contract/poll.js';
import { ApiError } from '../errors.js';
import type { PollRecord, PollSettings } from '../store/polls.js';

export function pollStatus(poll: PollRecord, now: Date): PollStatus {
  const instant = now.toISOString();
  if (poll.closed || (poll.closesAt !== null && poll.closesAt <= instant)) return 'closed';
  if (poll.opensAt !== null && poll.opensAt > instant) return 'upcoming';
  return 'open';
}

/** Refuses a ballot the poll cannot take, with the code a widget shows a message for. */
export function checkBallot(poll: PollRecord, choices: string[], now: Date): void {
  const status = pollStatus(poll, now);
  if (status === 'upcoming') throw new ApiError('poll_not_open');
  if (status === 'closed') throw new ApiError('poll_closed');
  if (new Set(choices).size !== choices.length) throw new ApiError('duplicate_choice');
  const known = new Set(poll.options.map((option) => option.id));
  if (choices.some((id) => !known.has(id))) throw new ApiError('unknown_option');
  if (choices.length < poll.minChoices) throw new ApiError('too_few_choices');
  if (choices.length > poll.maxChoices) throw new ApiError('too_many_choices');
}

/**
 * Checks ballots counted outside the web against the poll's rules, as far as
 * counts tell: each option on at most every ballot, and between `minChoices`
 * and `maxChoices` choices per ballot on average (exactly one for a single
 * choice). Returns the counts of every option in the poll's order, and the
 * number of ballots, which a single-choice poll may leave out (one choice each).
 */
export function checkCounts(
  poll: PollRecord,
  counts: { voters?: number; options: ReadonlyArray<{ id: string; votes: number }> },
): { voters: number; options: Array<{ id: string; votes: number }> } {
  const given = new Map<string, number>();
  counts.options.forEach(({ id, votes }, index) => {
    if (given.has(id)) throw new ApiError('duplicate_choice', { [`options.${index}.id`]: 'duplicate_option' });
    if (!poll.options.some((option) => option.id === id))
      throw new ApiError('unknown_option', { [`options.${index}.id`]: 'unknown_option' });
    given.set(id, votes);
  });
  const choices = counts.options.reduce((sum, option) => sum + option.votes, 0);
  if (counts.voters === undefined && poll.multiple)
    throw new ApiError('invalid_request', { voters: 'required_for_multiple_choice' });
  const voters = counts.voters ?? choices;
  if (voters === 0) throw new ApiError('invalid_request', { options: 'nothing_counted' });
  counts.options.forEach(({ votes }, index) => {
    // A ballot chooses an option once: an option on more ballots than there are was counted twice somewhere.
    if (votes > voters) throw new ApiError('duplicate_choice', { [`options.${index}.votes`]: 'more_than_voters' });
  });
  if (choices < voters * poll.minChoices) throw new ApiError('too_few_choices', { options: 'fewer_than_voters_need' });
  if (choices > voters * poll.maxChoices) throw new ApiError('too_many_choices', { options: 'more_than_voters_allow' });
  return { voters, options: poll.options.map(({ id }) => ({ id, votes: given.get(id) ?? 0 })) };
}

/** Whether a citizen sees the results in the widget. */
export function resultsVisibleTo(poll: PollRecord, status: PollStatus, hasVoted: boolean): boolean {
  switch (poll.resultsVisibility) {
    case 'always':
      return true;
    case 'after_vote':
      return hasVoted || status === 'closed';
    case 'after_close':
      return status === 'closed';
    case 'never':
      return false;
  }
}

/** Whether anyone may download the results as open data. */
export function resultsArePublic(poll: PollRecord, status: PollStatus): boolean {
  return poll.resultsVisibility === 'always' || (status === 'closed' && poll.resultsVisibility !== 'never');
}

/** The settings of a new poll, with defaults: single choice, results after voting. */
export function settingsForCreate(input: CreatePoll): PollSettings {
  return settle(
    {
      question: input.question,
      description: input.description ?? null,
      multiple: input.multiple ?? false,
      opensAt: input.opensAt ?? null,
      closesAt: input.closesAt ?? null,
      resultsVisibility: input.resultsVisibility ?? 'after_vote',
      allowChange: input.allowChange ?? false,
      requiresVerification: input.requiresVerification ?? false,
      closed: false,
    },
    input.minChoices,
    input.maxChoices,
    input.options,
  );
}

/** `poll`'s settings with `patch` applied; the choice limits follow a change between single and multiple. */
export function settingsForUpdate(poll: PollRecord, patch: UpdatePoll): PollSettings {
  const multiple = patch.multiple ?? poll.multiple;
  const modeChanged = multiple !== poll.multiple;
  return settle(
    {
      question: patch.question ?? poll.question,
      description: patch.description === undefined ? poll.description : patch.description,
      multiple,
      opensAt: patch.opensAt === undefined ? poll.opensAt : patch.opensAt,
      closesAt: patch.closesAt === undefined ? poll.closesAt : patch.closesAt,
      resultsVisibility: patch.resultsVisibility ?? poll.resultsVisibility,
      allowChange: patch.allowChange ?? poll.allowChange,
      requiresVerification: patch.requiresVerification ?? poll.requiresVerification,
      closed: poll.closed,
    },
    patch.minChoices ?? (modeChanged ? undefined : poll.minChoices),
    patch.maxChoices ?? (modeChanged ? undefined : poll.maxChoices),
    patch.options ?? poll.options,
  );
}

type Draft = Omit<PollSettings, 'minChoices' | 'maxChoices'>;

function settle(
  draft: Draft,
  minChoices: number | undefined,
  maxChoices: number | undefined,
  options: ReadonlyArray<{ id: string }>,
): PollSettings {
  const fields: Record<string, string> = {};
  const ids = options.map((option) => option.id);
  if (new Set(ids).size !== ids.length) fields.options = 'duplicate_option_id';
  let min = minChoices ?? 1;
  let max = maxChoices ?? (draft.multiple ? options.length : 1);
  if (!draft.multiple) {
    if (min !== 1) fields.minChoices = 'single_choice_needs_exactly_one';
    if (max !== 1) fields.maxChoices = 'single_choice_needs_exactly_one';
    min = max = 1;
  }
  if (max > options.length) fields.maxChoices = 'more_than_options';
  if (min > max) fields.minChoices = 'greater_than_max_choices';
  const opensAt = normalizeInstant(draft.opensAt);
  const closesAt = normalizeInstant(draft.closesAt);
  if (opensAt && closesAt && closesAt <= opensAt) fields.closesAt = 'not_after_opens_at';
  if (Object.keys(fields).length > 0) throw new ApiError('invalid_request', fields);
  return { ...draft, opensAt, closesAt, minChoices: min, maxChoices: max };
}

/** Instants are stored in UTC so that comparing their text compares the times. */
function normalizeInstant(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
