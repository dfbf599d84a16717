import * as z from 'zod/mini';
import { Instant, Slug, text } from './common.js';
import { byChannel, Channel, ContributionNote, OpenDataMetadata, RecordedContribution } from './open-data.js';

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

// Admin: idea boxes, moderation, exports and the audit log.

export const MAX_CATEGORIES = 30;
export const MAX_OFFICIAL_ANSWER = 5000;
export const MAX_MODERATION_NOTE = 500;
export const DEFAULT_REPORT_THRESHOLD = 3;
export const MAX_QUEUE_PAGE = 100;
export const MAX_AUDIT_PAGE = 200;

const ideaBoxSettings = {
  title: text(200),
  description: z.optional(z.nullable(text(2000))),
  categories: z.optional(z.array(IdeaCategory).check(z.maxLength(MAX_CATEGORIES))),
  moderation: z.optional(ModerationMode),
  /** Reports that hide a published idea of a post-moderation box until a moderator looks at it. */
  reportThreshold: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
  opensAt: z.optional(z.nullable(Instant)),
  closesAt: z.optional(z.nullable(Instant)),
  requiresVerification: z.optional(z.boolean()),
};

/** Admin: create an idea box. Omitted settings take their defaults: no categories, pre-moderation, 3 reports. */
export const CreateIdeaBox = z.object({ id: Slug, ...ideaBoxSettings });
export type CreateIdeaBox = z.infer<typeof CreateIdeaBox>;

/** Admin: change some settings. A category that ideas use cannot be removed. */
export const UpdateIdeaBox = z.partial(z.object(ideaBoxSettings));
export type UpdateIdeaBox = z.infer<typeof UpdateIdeaBox>;

export const AdminIdeaBox = z.object({
  ...IdeaBox.shape,
  reportThreshold: z.int().check(z.positive()),
  closed: z.boolean(),
  /** Ideas in the moderation queue: pending, or hidden by reports. */
  awaitingModeration: z.int().check(z.nonnegative()),
  /** `ideaCount` by the channel the ideas came through; present when reading one box or the list. */
  ideasByChannel: z.optional(/* @__PURE__ */ byChannel(z.int().check(z.nonnegative()))),
  createdAt: Instant,
  updatedAt: Instant,
});
export type AdminIdeaBox = z.infer<typeof AdminIdeaBox>;

export const AdminIdeaBoxList = z.object({ ideaBoxes: z.array(AdminIdeaBox) });
export type AdminIdeaBoxList = z.infer<typeof AdminIdeaBoxList>;

/** Why a hidden idea is hidden: enough reports (it waits in the moderation queue), or a moderator's decision. */
export const HiddenBy = z.enum(['reports', 'moderator']);
export type HiddenBy = z.infer<typeof HiddenBy>;

export const IdeaReportView = z.object({
  reason: ReportReason,
  details: z.nullable(z.string()),
  reportedAt: Instant,
});
export type IdeaReportView = z.infer<typeof IdeaReportView>;

/** Admin view of an idea: every status, with its reports. */
export const AdminIdea = z.object({
  ...z.omit(Idea, { supportedByMe: true }).shape,
  hiddenBy: z.nullable(HiddenBy),
  /** What the moderator who hid the idea wrote; never shown to citizens. */
  moderationNote: z.nullable(z.string()),
  reportCount: z.int().check(z.nonnegative()),
  /** The latest reports, newest first (at most 20). */
  reports: z.array(IdeaReportView),
  /** `web`, or the channel a participation officer recorded it from. */
  channel: z.optional(Channel),
  updatedAt: Instant,
});
export type AdminIdea = z.infer<typeof AdminIdea>;

/** Moderation queue query: oldest first, so that nothing waits forever. */
export const ModerationQueueQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_QUEUE_PAGE))),
});
export type ModerationQueueQuery = z.infer<typeof ModerationQueueQuery>;

export const ModerationQueue = z.object({
  ideas: z.array(AdminIdea),
  total: z.int().check(z.nonnegative()),
  nextCursor: z.nullable(z.string()),
});
export type ModerationQueue = z.infer<typeof ModerationQueue>;

/** Admin list of a box's ideas, in any status or in one: oldest first, page by page. */
export const AdminIdeasQuery = z.object({
  status: z.optional(IdeaStatus),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_QUEUE_PAGE))),
});
export type AdminIdeasQuery = z.infer<typeof AdminIdeasQuery>;

/** A page of a box's ideas: the same shape as the moderation queue, `total` counting every page. */
export const AdminIdeaPage = ModerationQueue;
export type AdminIdeaPage = ModerationQueue;

/** Admin: hide an idea from citizens; the note stays between moderators. */
export const HideIdea = z.object({ note: z.optional(text(MAX_MODERATION_NOTE)) });
export type HideIdea = z.infer<typeof HideIdea>;

/** Admin: reject an idea; the reason is published as the city's official answer. */
export const RejectIdea = z.object({ reason: text(MAX_OFFICIAL_ANSWER) });
export type RejectIdea = z.infer<typeof RejectIdea>;

/** The statuses a moderator sets once an idea is public. */
export const ModeratedStatus = z.enum(['under_review', 'accepted', 'rejected', 'done']);
export type ModeratedStatus = z.infer<typeof ModeratedStatus>;

export const SetIdeaStatus = z.object({ status: ModeratedStatus });
export type SetIdeaStatus = z.infer<typeof SetIdeaStatus>;

/** Admin: write or change the official answer; it is dated when written. */
export const AnswerIdea = z.object({ text: text(MAX_OFFICIAL_ANSWER) });
export type AnswerIdea = z.infer<typeof AnswerIdea>;

/** Admin: merge this idea (a duplicate) into another idea of the same box. */
export const MergeIdea = z.object({ into: Slug });
export type MergeIdea = z.infer<typeof MergeIdea>;

/** One idea in ideas.json. */
export const ExportedIdea = z.object({
  id: Slug,
  title: z.string(),
  body: z.string(),
  category: z.nullable(Slug),
  authorName: z.nullable(z.string()),
  status: IdeaStatus,
  supports: z.int(),
  createdAt: Instant,
  answer: z.nullable(z.string()),
  answeredAt: z.nullable(Instant),
  mergedInto: z.nullable(Slug),
  reports: z.int(),
  channel: z.optional(Channel),
});
export type ExportedIdea = z.infer<typeof ExportedIdea>;

/** ideas.json: every idea of a box with its supports and status, as open data. */
export const IdeasExport = z.object({
  box: z.object({
    id: Slug,
    title: z.string(),
    status: IdeaBoxStatus,
    moderation: ModerationMode,
    categories: z.array(IdeaCategory),
  }),
  ideas: z.array(ExportedIdea),
  generatedAt: Instant,
  licence: z.string(),
  metadata: z.optional(OpenDataMetadata),
});
export type IdeasExport = z.infer<typeof IdeasExport>;

export const MAX_RECORDED_IDEAS = 100;

/**
 * Admin: ideas collected at a meeting (or on paper, by phone, by text
 * message), published at once: the officer who records them moderates them.
 */
export const RecordIdeaContribution = z.extend(ContributionNote, {
  ideas: z
    .array(z.pick(SubmitIdea, { title: true, body: true, category: true, authorName: true }))
    .check(z.minLength(1), z.maxLength(MAX_RECORDED_IDEAS)),
});
export type RecordIdeaContribution = z.infer<typeof RecordIdeaContribution>;

export const IdeaContribution = z.extend(RecordedContribution, {
  boxId: Slug,
  /** The ideas it added, in the order given, with their status now. */
  ideas: z.array(z.object({ id: Slug, title: z.string(), status: IdeaStatus })),
});
export type IdeaContribution = z.infer<typeof IdeaContribution>;

export const IdeaContributionList = z.object({ contributions: z.array(IdeaContribution) });
export type IdeaContributionList = z.infer<typeof IdeaContributionList>;

/**
 * One entry of the audit log: what an admin token did, to what. The actor is
 * the token's name (`admin` for the server's own token), `system` or `seed`,
 * never the token.
 */
export const AuditEntry = z.object({
  id: z.int(),
  actor: z.string(),
  action: z.string(),
  targetKind: z.string(),
  targetId: z.string(),
  details: z.record(z.string(), z.unknown()),
  at: Instant,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** Audit log query: newest first, about one kind of target (`poll`, `idea`…) or one target where given. */
export const AuditQuery = z.object({
  targetKind: z.optional(z.string().check(z.minLength(1), z.maxLength(50))),
  targetId: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.minimum(1), z.maximum(MAX_AUDIT_PAGE))),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({ entries: z.array(AuditEntry), nextCursor: z.nullable(z.string()) });
export type AuditPage = z.infer<typeof AuditPage>;
