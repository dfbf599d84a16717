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
  /** Kept in the transaction that writes a vote; equals the number of rows in poll_votes. */
  voters: number;
  created_at: string;
  updated_at: string;
}

export interface PollOptionTable {
  poll_id: string;
  id: string;
  position: number;
  label: string;
  /** Kept in the transaction that writes a vote; equals the stored votes choosing this option. */
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

export interface Database {
  polls: PollTable;
  poll_options: PollOptionTable;
  poll_votes: PollVoteTable;
  idempotency_keys: IdempotencyKeyTable;
  settings: SettingTable;
}
