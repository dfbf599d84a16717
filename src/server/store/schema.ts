import type { Generated } from 'kysely';

/**
 * Table shapes, identical on SQLite and PostgreSQL: booleans are 0/1 integers
 * and instants ISO 8601 text, so one set of queries serves both engines.
 */
export interface PollTable {
  id: string;
  question: string;
  description: string | null;
  multiple: number;
  min_choices: number;
  max_choices: number;
  opens_at: string | null;
  closes_at: string | null;
  results_visibility: string;
  allow_change: number;
  requires_verification: number;
  closed: number;
  /** Kept in the transaction that writes a vote; equals the rows in poll_votes plus the voters of its contributions. */
  voters: number;
  created_at: string;
  updated_at: string;
}

export interface PollOptionTable {
  poll_id: string;
  id: string;
  position: number;
  label: string;
  /** Kept in the transaction that writes a vote; equals the stored votes and contributions choosing this option. */
  votes: number;
}

export interface PollVoteTable {
  poll_id: string;
  voter: string;
  /** JSON array of option ids. */
  choices: string;
  created_at: string;
  updated_at: string;
}

export interface IdempotencyKeyTable {
  /** The voter who sent the key: keys of different voters never collide. */
  scope: string;
  key: string;
  request_hash: string;
  status: number;
  /** The answer's body, or what rebuilds it (a vote keeps only what its poll's settings cannot give back). */
  body: string;
  created_at: string;
}

export interface SettingTable {
  key: string;
  value: string;
}

export interface SubjectTable {
  /** Internal, random: admin paths use it, since a key may hold slashes. */
  id: string;
  /** The origin of the site that created the subject, or `self` for this server's own pages. */
  site: string;
  key: string;
  mode: string;
  /** Kept in the transaction that writes a vote; equal the stored votes of value 1 and -1. */
  up: number;
  down: number;
  closed: number;
  created_at: string;
  updated_at: string;
}

export interface SubjectVoteTable {
  subject_id: string;
  voter: string;
  /** 1 or -1; 0 once withdrawn (the row keeps `commented`). */
  value: number;
  /** Whether the voter left a comment on the subject. */
  commented: number;
  created_at: string;
  updated_at: string;
}

export interface SubjectCommentTable {
  id: string;
  subject_id: string;
  voter: string;
  /** The vote the comment was sent with. */
  value: number;
  comment: string;
  /** Hidden by a moderator: kept, but marked. */
  hidden: number;
  created_at: string;
}

export interface IdeaBoxTable {
  id: string;
  title: string;
  description: string | null;
  /** JSON array of `{ id, label }`, in the order citizens see them. */
  categories: string;
  moderation: string;
  report_threshold: number;
  opens_at: string | null;
  closes_at: string | null;
  requires_verification: number;
  closed: number;
  created_at: string;
  updated_at: string;
}

export interface IdeaTable {
  id: string;
  box_id: string;
  title: string;
  body: string;
  category: string | null;
  author_name: string | null;
  /** The voter who submitted it; never shown. */
  author: string;
  status: string;
  /** `reports` or `moderator` while hidden. */
  hidden_by: string | null;
  moderation_note: string | null;
  /** Kept in the transaction that writes a support; equals the rows in idea_supports. */
  supports: number;
  /** ln Σ e^(t/τ) over the supports' times t: see idea-rules.ts. */
  trending: number;
  reports: number;
  /** Reports already seen by a moderator who approved the idea: only later ones count towards hiding it again. */
  reports_at_review: number;
  answer: string | null;
  answered_at: string | null;
  merged_into: string | null;
  created_at: string;
  updated_at: string;
  /** `web`, or the channel of the contribution an officer recorded it with. */
  channel: Generated<string>;
  /** The contribution it came with, if any: deleting the contribution deletes it. */
  contribution_id: string | null;
}

export interface IdeaSupportTable {
  idea_id: string;
  voter: string;
  created_at: string;
}

export interface IdeaReportTable {
  idea_id: string;
  voter: string;
  reason: string;
  details: string | null;
  created_at: string;
}

/** Proofs of work already redeemed, kept until they expire so that none is used twice. */
export interface UsedProofTable {
  signature: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  /** Who acted: the name of the admin token (`admin` for PARVIS_ADMIN_TOKEN), `system` or `seed`. */
  actor: string;
  action: string;
  target_kind: string;
  target_id: string;
  /** JSON object. */
  details: string;
  at: string;
}

/** Named admin tokens; only their SHA-256 is kept. */
export interface AdminTokenTable {
  name: string;
  /** Hex SHA-256 of the token; null for `admin`, whose token is PARVIS_ADMIN_TOKEN or the generated one. */
  token_hash: string | null;
  created_at: string;
  /** Written at most once a minute: a date for the city's IT, not a trace of each request. */
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface BudgetTable {
  id: string;
  title: string;
  description: string | null;
  currency: string;
  /** The envelope; with districts, the sum of theirs. */
  total: number;
  /** JSON array of `{ id, name, envelope }`, in the order citizens see them. */
  districts: string;
  /** JSON array of `{ id, label }`. */
  categories: string;
  rule: string;
  min_spend_share: number | null;
  min_projects: number | null;
  max_projects: number | null;
  opens_at: string | null;
  closes_at: string | null;
  allow_change: number;
  requires_verification: number;
  closed: number;
  results_published_at: string | null;
  /** Kept in the transaction that writes a ballot; equals the rows in budget_ballots plus its contributions' ballots. */
  ballots: number;
  created_at: string;
  updated_at: string;
}

export interface BudgetProjectTable {
  budget_id: string;
  id: string;
  position: number;
  title: string;
  summary: string;
  description: string | null;
  cost: number;
  category: string | null;
  district: string | null;
  location: string | null;
  image_url: string | null;
  image_alt: string | null;
  /** Kept in the transaction that writes a ballot; equals the stored and contributed ballots choosing this project. */
  votes: number;
}

export interface BudgetBallotTable {
  budget_id: string;
  voter: string;
  district: string | null;
  /** JSON array of project ids. */
  project_ids: string;
  created_at: string;
  updated_at: string;
}

/**
 * Participation collected outside the web (paper, meeting, phone, SMS) and
 * recorded by an officer, for one poll, budget or idea box. Polls and budgets
 * count it in their counters in the transaction that records it.
 */
export interface ContributionTable {
  id: string;
  poll_id: string | null;
  budget_id: string | null;
  box_id: string | null;
  channel: string;
  location: string;
  /** YYYY-MM-DD */
  collected_on: string;
  /** Voters of a poll, ballots of a budget, ideas of a box. */
  participants: number;
  /** JSON: a poll's `[{ id, votes }]`, a budget's `[{ district, projectIds, count }]`, a box's idea ids. */
  details: string;
  recorded_by: string;
  created_at: string;
}

export interface Database {
  contributions: ContributionTable;
  budgets: BudgetTable;
  budget_projects: BudgetProjectTable;
  budget_ballots: BudgetBallotTable;
  idea_boxes: IdeaBoxTable;
  ideas: IdeaTable;
  idea_supports: IdeaSupportTable;
  idea_reports: IdeaReportTable;
  used_proofs: UsedProofTable;
  audit_log: AuditLogTable;
  admin_tokens: AdminTokenTable;
  polls: PollTable;
  poll_options: PollOptionTable;
  poll_votes: PollVoteTable;
  idempotency_keys: IdempotencyKeyTable;
  settings: SettingTable;
  subjects: SubjectTable;
  subject_votes: SubjectVoteTable;
  subject_comments: SubjectCommentTable;
}
