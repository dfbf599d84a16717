import * as z from 'zod/mini';
import { Instant, Slug, text } from './common.js';
import {
  byChannel,
  ContributionNote,
  MAX_CONTRIBUTION_COUNT,
  OpenDataMetadata,
  RecordedContribution,
} from './open-data.js';

export const MAX_PROJECTS = 200;

/**
 * `knapsack`: any projects whose costs add up to at most the envelope (with an
 * optional minimum share to spend and limits on the number of projects).
 * `approval`: up to `maxProjects` projects, whatever they cost.
 */
export const BallotRule = z.enum(['knapsack', 'approval']);
export type BallotRule = z.infer<typeof BallotRule>;

/** Computed by the server from the dates and the closed flag. */
export const BudgetStatus = z.enum(['upcoming', 'open', 'closed']);
export type BudgetStatus = z.infer<typeof BudgetStatus>;

/** An amount in whole units of the budget's currency (euros): budgets are voted in round sums. */
export const Amount = z.int().check(z.nonnegative());

/** A part of the town with its own envelope: a citizen votes on the projects of one district. */
export const District = z.object({
  id: Slug,
  name: text(120),
  envelope: Amount,
});
export type District = z.infer<typeof District>;

export const BudgetCategory = z.object({ id: Slug, label: text(80) });
export type BudgetCategory = z.infer<typeof BudgetCategory>;

export const ProjectImage = z.object({
  /**
   * An absolute https URL, or a path on the Parvis server: one leading slash,
   * since `//host/…` (and `/\host/…`, which browsers read alike) is another site.
   */
  url: z.string().check(z.maxLength(2000), z.regex(/^(https:\/\/|\/(?![/\\]))/)),
  /** Alternative text; empty for a purely decorative image. */
  alt: z.string().check(z.maxLength(300)),
});
export type ProjectImage = z.infer<typeof ProjectImage>;

export const Project = z.object({
  id: Slug,
  title: text(200),
  summary: text(500),
  description: z.nullable(text(5000)),
  cost: z.int().check(z.positive()),
  category: z.nullable(Slug),
  /** The district whose envelope pays for it; `null` in a budget without districts. */
  district: z.nullable(Slug),
  /** Where it would be built, in words ("square Jean-Moulin"). */
  location: z.nullable(text(200)),
  image: z.nullable(ProjectImage),
});
export type Project = z.infer<typeof Project>;

export const MyBallot = z.object({
  projectIds: z.array(Slug),
  district: z.nullable(Slug),
  castAt: Instant,
});
export type MyBallot = z.infer<typeof MyBallot>;

export const ProjectResult = z.object({
  id: Slug,
  votes: z.int().check(z.nonnegative()),
  /** 1 for the most supported project of its district (or of the budget). */
  rank: z.int().check(z.positive()),
  /** Taken in order of votes while it fits in what is left of its envelope. */
  funded: z.boolean(),
});
export type ProjectResult = z.infer<typeof ProjectResult>;

export const BudgetResults = z.object({
  ballots: z.int().check(z.nonnegative()),
  projects: z.array(ProjectResult),
});
export type BudgetResults = z.infer<typeof BudgetResults>;

/** getBudget: what a citizen's widget sees. */
export const Budget = z.object({
  id: Slug,
  title: text(200),
  description: z.nullable(text(5000)),
  /** ISO 4217 code, for `Intl.NumberFormat`. */
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
  /** The whole envelope; with districts, the sum of theirs. */
  total: Amount,
  /** Empty when the budget has one envelope for the whole town. */
  districts: z.array(District),
  categories: z.array(BudgetCategory),
  rule: BallotRule,
  /** Knapsack: the share of the envelope (0–1) a ballot must at least spend; `null` for none. */
  minSpendShare: z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
  /** `null` for no limit. */
  minProjects: z.nullable(z.int().check(z.positive())),
  /** Approval: the N of "up to N projects". `null` for no limit (knapsack only). */
  maxProjects: z.nullable(z.int().check(z.positive())),
  opensAt: z.nullable(Instant),
  closesAt: z.nullable(Instant),
  status: BudgetStatus,
  /** Whether a ballot may be cast again, replacing the first, until the vote closes. */
  allowChange: z.boolean(),
  requiresVerification: z.boolean(),
  projects: z.array(Project),
  myBallot: z.nullable(MyBallot),
  /** Present once the city has published the results. */
  results: z.nullable(BudgetResults),
});
export type Budget = z.infer<typeof Budget>;

/** castBallot body: the projects of one district (`district` required when the budget has districts). */
export const CastBallot = z.object({
  projectIds: z.array(Slug).check(z.minLength(1), z.maxLength(MAX_PROJECTS)),
  district: z.optional(Slug),
});
export type CastBallot = z.infer<typeof CastBallot>;

// Admin: budgets, their projects and rules; results and ballots as exports.

export const MAX_DISTRICTS = 50;
export const MAX_BUDGET_CATEGORIES = 30;

/** A project as an admin writes it; the optional fields left out are null. */
export const ProjectInput = z.object({
  id: Slug,
  title: text(200),
  summary: text(500),
  description: z.optional(z.nullable(text(5000))),
  cost: z.int().check(z.positive()),
  category: z.optional(z.nullable(Slug)),
  district: z.optional(z.nullable(Slug)),
  location: z.optional(z.nullable(text(200))),
  image: z.optional(z.nullable(ProjectImage)),
});
export type ProjectInput = z.infer<typeof ProjectInput>;

const budgetSettings = {
  title: text(200),
  description: z.optional(z.nullable(text(5000))),
  currency: z.optional(Budget.shape.currency),
  /** The envelope of a budget without districts. With districts, their sum: it may be left out. */
  total: z.optional(Amount),
  districts: z.optional(z.array(District).check(z.maxLength(MAX_DISTRICTS))),
  categories: z.optional(z.array(BudgetCategory).check(z.maxLength(MAX_BUDGET_CATEGORIES))),
  rule: z.optional(BallotRule),
  minSpendShare: z.optional(Budget.shape.minSpendShare),
  minProjects: z.optional(Budget.shape.minProjects),
  maxProjects: z.optional(Budget.shape.maxProjects),
  opensAt: z.optional(z.nullable(Instant)),
  closesAt: z.optional(z.nullable(Instant)),
  allowChange: z.optional(z.boolean()),
  requiresVerification: z.optional(z.boolean()),
};
const projectList = z.array(ProjectInput).check(z.minLength(1), z.maxLength(MAX_PROJECTS));

/**
 * Admin: create a budget. Omitted settings take their defaults: euros, one
 * envelope for the whole town, knapsack rule without limits, open from now
 * with no end, a ballot cannot be changed.
 */
export const CreateBudget = z.object({ id: Slug, ...budgetSettings, projects: projectList });
export type CreateBudget = z.infer<typeof CreateBudget>;

/**
 * Admin: change some settings; a list given replaces the whole list. Once
 * ballots were cast, the projects, their costs and districts, the envelopes
 * and the ballot rule are frozen; wording, images, categories and dates are not.
 */
export const UpdateBudget = z.partial(z.object({ ...budgetSettings, projects: projectList }));
export type UpdateBudget = z.infer<typeof UpdateBudget>;

/** The ballots and votes that came through one channel. */
export const ChannelBudgetResults = z.object({
  ballots: z.int().check(z.nonnegative()),
  projects: z.array(z.object({ id: Slug, votes: z.int().check(z.nonnegative()) })),
});
export type ChannelBudgetResults = z.infer<typeof ChannelBudgetResults>;

/** The admin's results: every channel together, as citizens see them, and each channel apart. */
export const AdminBudgetResults = z.object({
  ...BudgetResults.shape,
  /** Present when reading one budget or the list; `web` counts the ballots cast through widgets. */
  byChannel: z.optional(/* @__PURE__ */ byChannel(ChannelBudgetResults)),
});
export type AdminBudgetResults = z.infer<typeof AdminBudgetResults>;

/** Admin view: everything, results always included. */
export const AdminBudget = z.object({
  ...Budget.shape,
  results: AdminBudgetResults,
  closed: z.boolean(),
  /** When citizens were shown the results; `null` while they are not. */
  resultsPublishedAt: z.nullable(Instant),
  createdAt: Instant,
  updatedAt: Instant,
});
export type AdminBudget = z.infer<typeof AdminBudget>;

export const AdminBudgetList = z.object({ budgets: z.array(AdminBudget) });
export type AdminBudgetList = z.infer<typeof AdminBudgetList>;

/** results.json: open data. */
export const BudgetResultsExport = z.object({
  budget: z.object({
    id: Slug,
    title: z.string(),
    status: BudgetStatus,
    currency: z.string(),
    total: Amount,
    rule: BallotRule,
    opensAt: z.nullable(Instant),
    closesAt: z.nullable(Instant),
    resultsPublishedAt: z.nullable(Instant),
  }),
  ballots: z.int(),
  /** Empty for a budget without districts. */
  districts: z.array(
    z.object({
      id: Slug,
      name: z.string(),
      envelope: Amount,
      ballots: z.int(),
      ballotsByChannel: z.optional(/* @__PURE__ */ byChannel(z.int())),
      /** What its funded projects cost. */
      funded: Amount,
    }),
  ),
  /** Ranked within each district, the districts in their order. */
  projects: z.array(
    z.object({
      id: Slug,
      title: z.string(),
      district: z.nullable(Slug),
      category: z.nullable(Slug),
      cost: z.int(),
      votes: z.int(),
      rank: z.int(),
      funded: z.boolean(),
    }),
  ),
  /** What the funded projects cost, all districts together. */
  funded: Amount,
  /** How the funded projects were chosen, in words. */
  fundingRule: z.string(),
  /** The ballots and votes, each channel apart. */
  byChannel: z.optional(/* @__PURE__ */ byChannel(ChannelBudgetResults)),
  generatedAt: Instant,
  licence: z.string(),
  metadata: z.optional(OpenDataMetadata),
});
export type BudgetResultsExport = z.infer<typeof BudgetResultsExport>;

/** One ballot in the admin export: numbered in the order first cast, never with its voter. */
export const ExportedBallot = z.object({
  number: z.int().check(z.positive()),
  district: z.nullable(Slug),
  projectIds: z.array(Slug),
  /** When it was cast, or last changed. */
  castAt: Instant,
});
export type ExportedBallot = z.infer<typeof ExportedBallot>;

export const BallotsExport = z.object({
  budget: z.object({ id: Slug, title: z.string() }),
  ballots: z.array(ExportedBallot),
  generatedAt: Instant,
});
export type BallotsExport = z.infer<typeof BallotsExport>;

/**
 * A paper ballot (or one taken by phone, text message or at a meeting), with
 * how many identical ones were counted; checked by the same rules as a
 * ballot cast through the widget, whatever the budget's dates.
 */
export const CountedBallot = z.extend(CastBallot, {
  count: z.optional(z.int().check(z.positive(), z.maximum(MAX_CONTRIBUTION_COUNT))),
});
export type CountedBallot = z.infer<typeof CountedBallot>;

export const MAX_COUNTED_BALLOTS = 1000;

/** Admin: record the ballots collected through a channel other than the web. */
export const RecordBudgetContribution = z.extend(ContributionNote, {
  ballots: z.array(CountedBallot).check(z.minLength(1), z.maxLength(MAX_COUNTED_BALLOTS)),
});
export type RecordBudgetContribution = z.infer<typeof RecordBudgetContribution>;

export const BudgetContribution = z.extend(RecordedContribution, {
  budgetId: Slug,
  /** Every ballot it counts. */
  ballotCount: z.int().check(z.positive()),
  ballots: z.array(
    z.object({ projectIds: z.array(Slug), district: z.nullable(Slug), count: z.int().check(z.positive()) }),
  ),
});
export type BudgetContribution = z.infer<typeof BudgetContribution>;

export const BudgetContributionList = z.object({ contributions: z.array(BudgetContribution) });
export type BudgetContributionList = z.infer<typeof BudgetContributionList>;
