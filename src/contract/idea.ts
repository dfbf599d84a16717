import * as z from 'zod/mini';
import { Instant, Slug, text } from './common.js';

export const MAX_IDEA_TITLE = 120;
export const MAX_IDEA_BODY = 2000;
export const MAX_AUTHOR_NAME = 80;
export const MAX_REPORT_DETAILS = 500;
export const DEFAULT_IDEAS_PER_PAGE = 20;
export const MAX_IDEAS_PER_PAGE = 50;

/**
 * Where an idea stands. Citizens see every status but `pending` (awaiting
 * moderation; shown only in the author's confirmation) and `hidden`.
 */
export const IdeaStatus = z.enum([
  'pending',
  'published',
  'under_review',
  'accepted',
  'rejected',
  'done',
  'merged',
  'hidden',
]);
export type IdeaStatus = z.infer<typeof IdeaStatus>;

/** The statuses a citizen may filter on. */
export const PublicIdeaStatus = z.enum(['published', 'under_review', 'accepted', 'rejected', 'done', 'merged']);
export type PublicIdeaStatus = z.infer<typeof PublicIdeaStatus>;

/** `pre`: an idea is visible once approved. `post`: visible at once, hidden after enough reports. */
export const ModerationMode = z.enum(['pre', 'post']);
export type ModerationMode = z.infer<typeof ModerationMode>;

/** Computed by the server from the dates and the closed flag. */
export const IdeaBoxStatus = z.enum(['upcoming', 'open', 'closed']);
export type IdeaBoxStatus = z.infer<typeof IdeaBoxStatus>;

export const IdeaCategory = z.object({ id: Slug, label: text(80) });
export type IdeaCategory = z.infer<typeof IdeaCategory>;

/** getIdeaBox */
export const IdeaBox = z.object({
  id: Slug,
  title: text(200),
  description: z.nullable(text(2000)),
  /** Empty when the box has no categories. */
  categories: z.array(IdeaCategory),
  moderation: ModerationMode,
  status: IdeaBoxStatus,
  opensAt: z.nullable(Instant),
  closesAt: z.nullable(Instant),
  /** Whether only citizens verified by the host site (signed token) may submit and support. */
  requiresVerification: z.boolean(),
  /** Ideas a citizen can see. */
  ideaCount: z.int().check(z.nonnegative()),
});
export type IdeaBox = z.infer<typeof IdeaBox>;

/** The city's public, dated answer to an idea. */
export const OfficialAnswer = z.object({
  text: text(5000),
  answeredAt: Instant,
});
export type OfficialAnswer = z.infer<typeof OfficialAnswer>;

export const Idea = z.object({
  id: Slug,
  boxId: Slug,
  title: text(MAX_IDEA_TITLE),
  body: text(MAX_IDEA_BODY),
  category: z.nullable(Slug),
  /** `null`: anonymous. */
  authorName: z.nullable(text(MAX_AUTHOR_NAME)),
  status: IdeaStatus,
  supports: z.int().check(z.nonnegative()),
  /** Whether the identified voter supports it. */
  supportedByMe: z.boolean(),
  createdAt: Instant,
  answer: z.nullable(OfficialAnswer),
  /** For a `merged` idea: the idea it was merged into. */
  mergedInto: z.nullable(z.object({ id: Slug, title: z.string() })),
});
export type Idea = z.infer<typeof Idea>;

export const IdeaSort = z.enum(['top', 'new', 'trending']);
export type IdeaSort = z.infer<typeof IdeaSort>;

/** listIdeas query. `cursor` is opaque: the `nextCursor` of the previous page. */
export const ListIdeasQuery = z.object({
  sort: z.optional(IdeaSort),
  category: z.optional(Slug),
  status: z.optional(PublicIdeaStatus),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_IDEAS_PER_PAGE))),
});
export type ListIdeasQuery = z.infer<typeof ListIdeasQuery>;

/** listIdeas: one page of ideas, with the count of every idea the filters match. */
export const IdeaPage = z.object({
  ideas: z.array(Idea),
  total: z.int().check(z.nonnegative()),
  /** `null` on the last page. */
  nextCursor: z.nullable(z.string()),
});
export type IdeaPage = z.infer<typeof IdeaPage>;

/** submitIdea body. */
export const SubmitIdea = z.object({
  title: text(MAX_IDEA_TITLE),
  body: text(MAX_IDEA_BODY),
  category: z.optional(Slug),
  authorName: z.optional(text(MAX_AUTHOR_NAME)),
  /** The solved proof-of-work challenge (ALTCHA payload, base64). */
  proof: z.optional(z.string().check(z.maxLength(4000))),
  /** The honeypot: a field people never see or fill. Anything in it marks the submission as spam. */
  website: z.optional(z.string().check(z.maxLength(500))),
});
export type SubmitIdea = z.infer<typeof SubmitIdea>;

/** supportIdea / withdrawSupport answer. */
export const IdeaSupport = z.object({
  ideaId: Slug,
  supports: z.int().check(z.nonnegative()),
  supportedByMe: z.boolean(),
});
export type IdeaSupport = z.infer<typeof IdeaSupport>;

export const ReportReason = z.enum(['spam', 'abusive', 'off_topic', 'personal_data', 'other']);
export type ReportReason = z.infer<typeof ReportReason>;

/** reportIdea body. */
export const ReportIdea = z.object({
  reason: ReportReason,
  details: z.optional(text(MAX_REPORT_DETAILS)),
});
export type ReportIdea = z.infer<typeof ReportIdea>;

export const ReportReceipt = z.object({ received: z.literal(true) });
export type ReportReceipt = z.infer<typeof ReportReceipt>;

/** getChallenge: an ALTCHA proof-of-work challenge, solved in the background before submitting. */
export const Challenge = z.object({
  algorithm: z.string(),
  challenge: z.string(),
  maxnumber: z.optional(z.int()),
  salt: z.string(),
  signature: z.string(),
});
export type Challenge = z.infer<typeof Challenge>;
