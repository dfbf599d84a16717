import type { Kysely } from 'kysely';
import type { ResultsVisibility } from '../../contract/poll.js';
import { listContributions } from './contributions.js';
import { prepared } from './prepared.js';
import type { Database, PollTable } from './schema.js';

type Db = Kysely<Database>;

export interface PollOptionRecord {
  id: string;
  label: string;
  votes: number;
}

/** A poll as stored, with its counters. */
export interface PollRecord {
  id: string;
  question: string;
  description: string | null;
  multiple: boolean;
  minChoices: number;
  maxChoices: number;
  opensAt: string | null;
  closesAt: string | null;
  resultsVisibility: ResultsVisibility;
  allowChange: boolean;
  requiresVerification: boolean;
  closed: boolean;
  voters: number;
  createdAt: string;
  updatedAt: string;
  options: PollOptionRecord[];
}

export type PollSettings = Omit<PollRecord, 'id' | 'voters' | 'createdAt' | 'updatedAt' | 'options'>;

export interface VoteRecord {
  choices: string[];
  votedAt: string;
}

const selectPoll = prepared<{ id: string }, PollTable>((db, arg) =>
  db.selectFrom('polls').selectAll().where('id', '=', arg('id')),
);
const selectOptions = prepared<{ pollId: string }, PollOptionRecord>((db, arg) =>
  db
    .selectFrom('poll_options')
    .select(['id', 'label', 'votes'])
    .where('poll_id', '=', arg('pollId'))
    .orderBy('position'),
);

export async function findPoll(db: Db, id: string): Promise<PollRecord | null> {
  const [row] = (await selectPoll(db, { id })).rows;
  if (!row) return null;
  return toRecord(row, (await selectOptions(db, { pollId: id })).rows);
}

export async function listPolls(db: Db): Promise<PollRecord[]> {
  const rows = await db.selectFrom('polls').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  const options = await db
    .selectFrom('poll_options')
    .select(['poll_id', 'id', 'label', 'votes'])
    .orderBy('poll_id')
    .orderBy('position')
    .execute();
  const byPoll = new Map<string, typeof options>();
  for (const option of options) {
    const list = byPoll.get(option.poll_id);
    if (list) list.push(option);
    else byPoll.set(option.poll_id, [option]);
  }
  return rows.map((row) => toRecord(row, byPoll.get(row.id) ?? []));
}

/** False when a poll with this id exists already. */
export async function insertPoll(
  db: Db,
  id: string,
  settings: PollSettings,
  options: Array<{ id: string; label: string }>,
  now: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('polls')
    .values({ id, ...toColumns(settings), voters: 0, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await insertOptions(db, id, options);
  return true;
}

export async function updatePoll(db: Db, id: string, settings: PollSettings, now: string): Promise<void> {
  await db
    .updateTable('polls')
    .set({ ...toColumns(settings), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Only for a poll without votes: the counters start again from zero. */
export async function replaceOptions(db: Db, id: string, options: Array<{ id: string; label: string }>): Promise<void> {
  await db.deleteFrom('poll_options').where('poll_id', '=', id).execute();
  await insertOptions(db, id, options);
}

export async function deletePoll(db: Db, id: string): Promise<boolean> {
  const deleted = await db.deleteFrom('polls').where('id', '=', id).returning('id').executeTakeFirst();
  return deleted !== undefined;
}

const selectVote = prepared<{ pollId: string; voter: string }, { choices: string; updated_at: string }>((db, arg) =>
  db
    .selectFrom('poll_votes')
    .select(['choices', 'updated_at'])
    .where('poll_id', '=', arg('pollId'))
    .where('voter', '=', arg('voter')),
);

export async function findVote(db: Db, pollId: string, voter: string): Promise<VoteRecord | null> {
  const [row] = (await selectVote(db, { pollId, voter })).rows;
  return row ? { choices: JSON.parse(row.choices) as string[], votedAt: row.updated_at } : null;
}

/**
 * Inserts a vote unless the voter already voted in the poll: false then, and
 * nothing written. The unique constraint decides, not a prior read.
 */
export async function insertVote(
  db: Db,
  pollId: string,
  voter: string,
  choices: string[],
  now: string,
): Promise<boolean> {
  const inserted = await insertVoteRow(db, { pollId, voter, choices: JSON.stringify(choices), now });
  return inserted.rows.length > 0;
}

/** Undoes `insertVote` in the same transaction. */
export async function deleteVote(db: Db, pollId: string, voter: string): Promise<void> {
  await deleteVoteRow(db, { pollId, voter });
}

/** The choices of a stored vote. `lockRow` locks it on engines with row locks (SQLite's writer holds the whole database). */
export async function findChoices(db: Db, pollId: string, voter: string, lockRow: boolean): Promise<string[]> {
  const [row] = (await (lockRow ? selectVoteForUpdate : selectVote)(db, { pollId, voter })).rows;
  return JSON.parse(row.choices) as string[];
}

export async function updateVote(db: Db, pollId: string, voter: string, choices: string[], now: string): Promise<void> {
  await updateVoteRow(db, { pollId, voter, choices: JSON.stringify(choices), now });
}

/**
 * The poll about to take votes, its counter rows locked until the
 * transaction ends on engines with row locks: the counters read are exact,
 * and the votes of the transaction can be added to them in memory.
 */
export async function findPollForVotes(db: Db, id: string, lockRows: boolean): Promise<PollRecord | null> {
  const [row] = (await (lockRows ? selectPollForUpdate : selectPoll)(db, { id })).rows;
  if (!row) return null;
  return toRecord(row, (await (lockRows ? selectOptionsForUpdate : selectOptions)(db, { pollId: id })).rows);
}

/**
 * Adds to the counters of a poll what a transaction's votes changed: once per
 * poll and transaction rather than once per vote. Options are updated in id
 * order, the same in every transaction, so that two transactions locking the
 * same counters never wait for each other in a cycle.
 */
export async function addToCounters(
  db: Db,
  pollId: string,
  voters: number,
  votes: ReadonlyMap<string, number>,
): Promise<void> {
  if (voters !== 0) await addVoters(db, { pollId, delta: voters });
  for (const optionId of [...votes.keys()].sort()) {
    const delta = votes.get(optionId)!;
    if (delta !== 0) await addVotes(db, { pollId, optionId, delta });
  }
}

const selectPollForUpdate = prepared<{ id: string }, PollTable>((db, arg) =>
  db.selectFrom('polls').selectAll().where('id', '=', arg('id')).forUpdate(),
);
const selectOptionsForUpdate = prepared<{ pollId: string }, PollOptionRecord>((db, arg) =>
  db
    .selectFrom('poll_options')
    .select(['id', 'label', 'votes'])
    .where('poll_id', '=', arg('pollId'))
    .orderBy('position')
    .forUpdate(),
);
const insertVoteRow = prepared<{ pollId: string; voter: string; choices: string; now: string }, { voter: string }>(
  (db, arg) =>
    db
      .insertInto('poll_votes')
      .values({
        poll_id: arg('pollId'),
        voter: arg('voter'),
        choices: arg('choices'),
        created_at: arg('now'),
        updated_at: arg('now'),
      })
      .onConflict((oc) => oc.columns(['poll_id', 'voter']).doNothing())
      .returning('voter'),
);
const deleteVoteRow = prepared<{ pollId: string; voter: string }, never>((db, arg) =>
  db.deleteFrom('poll_votes').where('poll_id', '=', arg('pollId')).where('voter', '=', arg('voter')),
);
const selectVoteForUpdate = prepared<{ pollId: string; voter: string }, { choices: string; updated_at: string }>(
  (db, arg) =>
    db
      .selectFrom('poll_votes')
      .select(['choices', 'updated_at'])
      .where('poll_id', '=', arg('pollId'))
      .where('voter', '=', arg('voter'))
      .forUpdate(),
);
const updateVoteRow = prepared<{ pollId: string; voter: string; choices: string; now: string }, never>((db, arg) =>
  db
    .updateTable('poll_votes')
    .set({ choices: arg('choices'), updated_at: arg('now') })
    .where('poll_id', '=', arg('pollId'))
    .where('voter', '=', arg('voter')),
);
const addVoters = prepared<{ pollId: string; delta: number }, never>((db, arg) =>
  db
    .updateTable('polls')
    .set((eb) => ({ voters: eb('voters', '+', arg('delta')) }))
    .where('id', '=', arg('pollId')),
);
const addVotes = prepared<{ pollId: string; optionId: string; delta: number }, never>((db, arg) =>
  db
    .updateTable('poll_options')
    .set((eb) => ({ votes: eb('votes', '+', arg('delta')) }))
    .where('poll_id', '=', arg('pollId'))
    .where('id', '=', arg('optionId')),
);

/** The counters recomputed from the stored votes and contributions: what the counters must always equal. */
export async function recount(db: Db, pollId: string): Promise<{ voters: number; votes: Record<string, number> }> {
  const rows = await db.selectFrom('poll_votes').select('choices').where('poll_id', '=', pollId).execute();
  const votes: Record<string, number> = {};
  for (const row of rows) {
    for (const id of JSON.parse(row.choices) as string[]) votes[id] = (votes[id] ?? 0) + 1;
  }
  let voters = rows.length;
  for (const contribution of await listContributions(db, 'poll', [pollId])) {
    voters += contribution.participants;
    for (const option of contribution.details) votes[option.id] = (votes[option.id] ?? 0) + option.votes;
  }
  return { voters, votes };
}

async function insertOptions(db: Db, pollId: string, options: Array<{ id: string; label: string }>): Promise<void> {
  await db
    .insertInto('poll_options')
    .values(
      options.map((option, position) => ({ poll_id: pollId, id: option.id, label: option.label, position, votes: 0 })),
    )
    .execute();
}

function toColumns(settings: PollSettings) {
  return {
    question: settings.question,
    description: settings.description,
    multiple: settings.multiple ? 1 : 0,
    min_choices: settings.minChoices,
    max_choices: settings.maxChoices,
    opens_at: settings.opensAt,
    closes_at: settings.closesAt,
    results_visibility: settings.resultsVisibility,
    allow_change: settings.allowChange ? 1 : 0,
    requires_verification: settings.requiresVerification ? 1 : 0,
    closed: settings.closed ? 1 : 0,
  };
}

function toRecord(row: PollTable, options: Array<{ id: string; label: string; votes: number }>): PollRecord {
  return {
    id: row.id,
    question: row.question,
    description: row.description,
    multiple: row.multiple === 1,
    minChoices: row.min_choices,
    maxChoices: row.max_choices,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    resultsVisibility: row.results_visibility as ResultsVisibility,
    allowChange: row.allow_change === 1,
    requiresVerification: row.requires_verification === 1,
    closed: row.closed === 1,
    voters: row.voters,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    options: options.map(({ id, label, votes }) => ({ id, label, votes })),
  };
}
