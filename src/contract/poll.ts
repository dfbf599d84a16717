import * as z from 'zod/mini';
import { Instant, Slug, text } from './common.js';
import {
  byChannel,
  ContributionNote,
  MAX_CONTRIBUTION_COUNT,
  OpenDataMetadata,
  RecordedContribution,
} from './open-data.js';

export const MAX_OPTIONS = 50;

export const PollOption = z.object({
  id: Slug,
  label: text(200),
});
export type PollOption = z.infer<typeof PollOption>;

/** When results are shown to citizens. */
export const ResultsVisibility = z.enum(['always', 'after_vote', 'after_close', 'never']);
export type ResultsVisibility = z.infer<typeof ResultsVisibility>;

/** Computed by the server from the dates and the closed flag. */
export const PollStatus = z.enum(['upcoming', 'open', 'closed']);
export type PollStatus = z.infer<typeof PollStatus>;

export const PollResults = z.object({
  /** Number of voters who took part. */
  voters: z.int().check(z.nonnegative()),
  /** Votes per option, in the order of the poll's options. */
  options: z.array(z.object({ id: Slug, votes: z.int().check(z.nonnegative()) })),
});
export type PollResults = z.infer<typeof PollResults>;

export const MyVote = z.object({
  choices: z.array(Slug),
  votedAt: Instant,
});
export type MyVote = z.infer<typeof MyVote>;

/** getPoll: what a citizen's widget sees. */
export const Poll = z.object({
  id: Slug,
  question: text(300),
  description: z.nullable(text(2000)),
  options: z.array(PollOption),
  /** Checkboxes when true, radio buttons when false. */
  multiple: z.boolean(),
  minChoices: z.int().check(z.positive()),
  maxChoices: z.int().check(z.positive()),
  opensAt: z.nullable(Instant),
  closesAt: z.nullable(Instant),
  status: PollStatus,
  resultsVisibility: ResultsVisibility,
  /** Whether a voter may change their vote while the poll is open. */
  allowChange: z.boolean(),
  /** Whether only citizens verified by the host site (signed token) may vote. */
  requiresVerification: z.boolean(),
  /** Present when the visibility policy lets this voter see them. */
  results: z.nullable(PollResults),
  /** The identified voter's vote, if any. */
  myVote: z.nullable(MyVote),
});
export type Poll = z.infer<typeof Poll>;

/** castPollVote body. */
export const CastPollVote = z.object({
  choices: z.array(Slug).check(z.minLength(1), z.maxLength(MAX_OPTIONS)),
});
export type CastPollVote = z.infer<typeof CastPollVote>;

const pollSettings = {
  question: text(300),
  description: z.optional(z.nullable(text(2000))),
  multiple: z.optional(z.boolean()),
  minChoices: z.optional(z.int().check(z.positive())),
  maxChoices: z.optional(z.int().check(z.positive())),
  opensAt: z.optional(z.nullable(Instant)),
  closesAt: z.optional(z.nullable(Instant)),
  resultsVisibility: z.optional(ResultsVisibility),
  allowChange: z.optional(z.boolean()),
  requiresVerification: z.optional(z.boolean()),
};

/** Admin: create a poll. Omitted settings take their defaults (single choice, results after voting). */
export const CreatePoll = z.object({
  id: Slug,
  ...pollSettings,
  options: z.array(PollOption).check(z.minLength(2), z.maxLength(MAX_OPTIONS)),
});
export type CreatePoll = z.infer<typeof CreatePoll>;

/** Admin: change some settings of a poll. Options can change only while it has no votes. */
export const UpdatePoll = z.partial(
  z.object({
    ...pollSettings,
    options: z.array(PollOption).check(z.minLength(2), z.maxLength(MAX_OPTIONS)),
  }),
);
export type UpdatePoll = z.infer<typeof UpdatePoll>;

/** The admin's results: every channel together, as citizens see them, and each channel apart. */
export const AdminPollResults = z.object({
  ...PollResults.shape,
  /** Present when reading one poll or the list; `web` counts the votes cast through widgets. */
  byChannel: z.optional(/* @__PURE__ */ byChannel(PollResults)),
});
export type AdminPollResults = z.infer<typeof AdminPollResults>;

/** Admin view: everything, results always included. */
export const AdminPoll = z.object({
  ...Poll.shape,
  results: AdminPollResults,
  closed: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type AdminPoll = z.infer<typeof AdminPoll>;

export const AdminPollList = z.object({ polls: z.array(AdminPoll) });
export type AdminPollList = z.infer<typeof AdminPollList>;

/** results.json: open data. */
export const PollResultsExport = z.object({
  poll: z.object({
    id: Slug,
    question: z.string(),
    status: PollStatus,
    opensAt: z.nullable(Instant),
    closesAt: z.nullable(Instant),
  }),
  voters: z.int(),
  options: z.array(z.object({ id: Slug, label: z.string(), votes: z.int(), share: z.number() })),
  /** The same counts, each channel apart. */
  byChannel: z.optional(/* @__PURE__ */ byChannel(PollResults)),
  generatedAt: Instant,
  licence: z.string(),
  metadata: z.optional(OpenDataMetadata),
});
export type PollResultsExport = z.infer<typeof PollResultsExport>;

const Count = z.int().check(z.nonnegative(), z.maximum(MAX_CONTRIBUTION_COUNT));

/**
 * Admin: paper ballots (or the answers of a meeting, a phone line, text
 * messages) counted per option. `voters` is the number of ballots; it may be
 * left out for a single-choice poll, where each ballot counts one option.
 * The counts are checked against the poll's rules as far as counts tell: no
 * option on more ballots than there are, and between `minChoices` and
 * `maxChoices` choices per ballot on average.
 */
export const RecordPollContribution = z.extend(ContributionNote, {
  voters: z.optional(z.int().check(z.positive(), z.maximum(MAX_CONTRIBUTION_COUNT))),
  options: z.array(z.object({ id: Slug, votes: Count })).check(z.minLength(1), z.maxLength(MAX_OPTIONS)),
});
export type RecordPollContribution = z.infer<typeof RecordPollContribution>;

export const PollContribution = z.extend(RecordedContribution, {
  pollId: Slug,
  voters: z.int().check(z.positive()),
  /** Every option of the poll, in its order. */
  options: z.array(z.object({ id: Slug, votes: z.int().check(z.nonnegative()) })),
});
export type PollContribution = z.infer<typeof PollContribution>;

export const PollContributionList = z.object({ contributions: z.array(PollContribution) });
export type PollContributionList = z.infer<typeof PollContributionList>;
