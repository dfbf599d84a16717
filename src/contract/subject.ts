import * as z from 'zod/mini';
import { Instant, text } from './common.js';
import { OpenDataMetadata } from './open-data.js';

/**
 * What a `<parvis-vote>` votes on: a key chosen by the site (`budget-2027-relance`)
 * or derived from a page's canonical URL (`www.ville.fr/actualites/budget`).
 * Letters, digits and `. _ ~ : / @ % + -`, up to 200 characters; a subject is
 * namespaced by the site that created it, so two sites never share one.
 */
export const SubjectKey = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._~:/@%+-]{0,199}$/));

/** How a subject is voted on; set by its first vote. */
export const VoteMode = z.enum(['support', 'updown', 'helpful']);
export type VoteMode = z.infer<typeof VoteMode>;

/** 1: support, up or "yes, helpful"; -1: down or "not helpful"; 0: no vote (withdrawn). */
export const VoteValue = z.union([z.literal(1), z.literal(-1), z.literal(0)]);
export type VoteValue = z.infer<typeof VoteValue>;

export const MAX_COMMENT = 500;
/** How many subjects one batched read may ask for. */
export const MAX_SUBJECTS_PER_READ = 100;

/** getSubjectVotes: the counts of a subject and the identified voter's own vote. */
export const SubjectVotes = z.object({
  key: SubjectKey,
  /** `null` until the subject's first vote, which creates it. */
  mode: z.nullable(VoteMode),
  /** Votes of value 1 (supports, ups, "yes"); `null` when the subject shows only its score. */
  up: z.nullable(z.int().check(z.nonnegative())),
  /** Votes of value -1; `null` when the subject shows only its score. */
  down: z.nullable(z.int().check(z.nonnegative())),
  /** up − down. */
  score: z.int(),
  /** Closed subjects are read-only. */
  closed: z.boolean(),
  /** The identified voter's vote, 0 when none. */
  mine: VoteValue,
  /** Whether the identified voter already left a comment. */
  commented: z.boolean(),
});
export type SubjectVotes = z.infer<typeof SubjectVotes>;

/** Batched getSubjectVotes: `GET /v1/subjects?key=a&key=b`, in the order asked. */
export const SubjectVotesList = z.object({ subjects: z.array(SubjectVotes) });
export type SubjectVotesList = z.infer<typeof SubjectVotesList>;

/** setSubjectVote body. `mode` is recorded when the vote creates the subject, and must match it afterwards. */
export const SetSubjectVote = z.object({
  value: VoteValue,
  mode: z.optional(VoteMode),
  /** A short comment, for the "helpful" mode: what would make the page better. */
  comment: z.optional(text(MAX_COMMENT)),
});
export type SetSubjectVote = z.infer<typeof SetSubjectVote>;

/** A comment left with a "helpful" vote, as the admin reads it. */
export const SubjectComment = z.object({
  id: z.string(),
  value: VoteValue,
  comment: z.string(),
  hidden: z.boolean(),
  createdAt: Instant,
});
export type SubjectComment = z.infer<typeof SubjectComment>;

/**
 * The site of the subjects voted on from the pages this server serves itself
 * (the demo), whatever host name it is reached by: other sites are named by
 * their origin (`https://www.ville.fr`).
 */
export const OWN_SITE = 'self';

/** The internal id of a subject or a comment, used in admin paths (a key may hold slashes). */
export const SubjectId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/));

/** Admin view of a subject: its counters and how many comments it received. */
export const AdminSubject = z.object({
  id: SubjectId,
  /** An origin, or `self` for this server's own pages. */
  site: z.string(),
  key: SubjectKey,
  mode: VoteMode,
  up: z.int().check(z.nonnegative()),
  down: z.int().check(z.nonnegative()),
  score: z.int(),
  /** Share of "yes" among the answers of a `helpful` subject; null for other modes or without answers. */
  helpfulRatio: z.nullable(z.number()),
  /** Every comment, hidden ones included. */
  comments: z.int().check(z.nonnegative()),
  hiddenComments: z.int().check(z.nonnegative()),
  closed: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
});
export type AdminSubject = z.infer<typeof AdminSubject>;

/**
 * The site a subject belongs to: `self` for this server's own pages, else the
 * origin of the site that shows the button (`https://www.ville.fr`), written
 * as browsers send it in `Origin`: scheme, host and port, lower case, no path.
 */
export const SubjectSite = z.union([
  z.literal(OWN_SITE),
  z.string().check(z.maxLength(300), z.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/)),
]);

/**
 * createSubject body: a subject made before its first vote, so that an officer
 * can choose its mode and find it in the console before the page goes live.
 */
export const CreateSubject = z.object({ site: SubjectSite, key: SubjectKey, mode: VoteMode });
export type CreateSubject = z.infer<typeof CreateSubject>;

/** updateSubject body: the mode changes only while the subject has no vote. */
export const UpdateSubject = z.object({ mode: VoteMode });
export type UpdateSubject = z.infer<typeof UpdateSubject>;

export const AdminSubjectList = z.object({ subjects: z.array(AdminSubject) });
export type AdminSubjectList = z.infer<typeof AdminSubjectList>;

/** Admin: one subject with all its comments, oldest first. */
export const AdminSubjectDetail = z.object({ subject: AdminSubject, comments: z.array(SubjectComment) });
export type AdminSubjectDetail = z.infer<typeof AdminSubjectDetail>;

/** Admin: hide a comment (it is kept, marked hidden) or show it again. */
export const UpdateSubjectComment = z.object({ hidden: z.boolean() });
export type UpdateSubjectComment = z.infer<typeof UpdateSubjectComment>;

/** A comment in an export, with the subject it was left on. */
export const ExportedSubjectComment = z.object({
  ...SubjectComment.shape,
  subjectId: SubjectId,
  site: z.string(),
  key: SubjectKey,
});
export type ExportedSubjectComment = z.infer<typeof ExportedSubjectComment>;

/** comments.json: the comments of a subject, of a site or of every site, hidden ones included and marked. */
export const SubjectCommentsExport = z.object({
  comments: z.array(ExportedSubjectComment),
  metadata: z.optional(OpenDataMetadata),
});
export type SubjectCommentsExport = z.infer<typeof SubjectCommentsExport>;
