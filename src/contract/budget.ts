import * as z from 'zod/mini';
import { Instant, Slug, text } from './common.js';

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
  /** An absolute https URL, or a path on the Parvis server. */
  url: z.string().check(z.maxLength(2000), z.regex(/^(https:\/\/|\/)/)),
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
