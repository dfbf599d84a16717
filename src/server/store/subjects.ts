import type { Kysely } from 'kysely';
import type { VoteMode, VoteValue } from '../../contract/subject.js';
import { prepared } from './prepared.js';
import type { Database, SubjectCommentTable, SubjectTable } from './schema.js';

type Db = Kysely<Database>;

/** A subject as stored, with its counters. */
export interface SubjectRecord {
  id: string;
  site: string;
  key: string;
  mode: VoteMode;
  up: number;
  down: number;
  closed: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface SubjectVoteRecord {
  value: VoteValue;
  commented: boolean;
}

export interface CommentCounts {
  comments: number;
  hiddenComments: number;
}

export interface CommentRecord {
  id: string;
  subjectId: string;
  site: string;
  key: string;
  value: VoteValue;
  comment: string;
  hidden: boolean;
  createdAt: string;
}

const selectSubject = prepared<{ site: string; key: string }, SubjectTable>((db, arg) =>
  db.selectFrom('subjects').selectAll().where('site', '=', arg('site')).where('key', '=', arg('key')),
);
const selectSubjectForUpdate = prepared<{ site: string; key: string }, SubjectTable>((db, arg) =>
  db.selectFrom('subjects').selectAll().where('site', '=', arg('site')).where('key', '=', arg('key')).forUpdate(),
);
const selectVote = prepared<{ subjectId: string; voter: string }, { value: number; commented: number }>((db, arg) =>
  db
    .selectFrom('subject_votes')
    .select(['value', 'commented'])
    .where('subject_id', '=', arg('subjectId'))
    .where('voter', '=', arg('voter')),
);

export async function findSubject(db: Db, site: string, key: string): Promise<SubjectRecord | null> {
  const [row] = (await selectSubject(db, { site, key })).rows;
  return row ? toRecord(row) : null;
}

/**
 * The subject about to take votes, its row locked until the transaction ends
 * on engines with row locks: every write to its votes takes this lock first,
 * so the counters read are exact and the transaction's votes can be added to
 * them in memory.
 */
export async function findSubjectForVotes(
  db: Db,
  site: string,
  key: string,
  lockRow: boolean,
): Promise<SubjectRecord | null> {
  const [row] = (await (lockRow ? selectSubjectForUpdate : selectSubject)(db, { site, key })).rows;
  return row ? toRecord(row) : null;
}

export async function findSubjectById(db: Db, id: string): Promise<SubjectRecord | null> {
  const row = await db.selectFrom('subjects').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The subjects of `site` among `keys`, by key. */
export async function findSubjects(db: Db, site: string, keys: string[]): Promise<Map<string, SubjectRecord>> {
  const rows = await db.selectFrom('subjects').selectAll().where('site', '=', site).where('key', 'in', keys).execute();
  return new Map(rows.map((row) => [row.key, toRecord(row)]));
}

/** False when the site already has a subject with this key (another instance created it a moment ago). */
export async function insertSubject(db: Db, subject: Pick<SubjectRecord, 'id' | 'site' | 'key' | 'mode'>, now: string) {
  const inserted = await insertSubjectRow(db, { ...subject, now });
  return inserted.rows.length > 0;
}

/** Deletes a subject (or undoes `insertSubject` in the same transaction); its votes and comments go with it. */
export async function deleteSubject(db: Db, id: string): Promise<void> {
  await db.deleteFrom('subjects').where('id', '=', id).execute();
}

export async function listSubjects(db: Db, site: string | null): Promise<SubjectRecord[]> {
  let query = db.selectFrom('subjects').selectAll();
  if (site !== null) query = query.where('site', '=', site);
  return (await query.orderBy('site').orderBy('key').execute()).map(toRecord);
}

/** How many comments each subject received, hidden ones apart: one subject, or a site's (every site's when null). */
export async function countComments(
  db: Db,
  of: { subjectId: string } | { site: string | null },
): Promise<Map<string, CommentCounts>> {
  let query = db
    .selectFrom('subject_comments')
    .innerJoin('subjects', 'subjects.id', 'subject_comments.subject_id')
    .select((eb) => [
      'subject_comments.subject_id',
      eb.fn.countAll<number | string>().as('comments'),
      eb.fn.sum<number | string>('subject_comments.hidden').as('hidden'),
    ])
    .groupBy('subject_comments.subject_id');
  if ('subjectId' in of) query = query.where('subject_comments.subject_id', '=', of.subjectId);
  else if (of.site !== null) query = query.where('subjects.site', '=', of.site);
  // PostgreSQL answers counts and sums as text (bigint and numeric).
  return new Map(
    (await query.execute()).map((row) => [
      row.subject_id,
      { comments: Number(row.comments), hiddenComments: Number(row.hidden) },
    ]),
  );
}

export async function findVote(db: Db, subjectId: string, voter: string): Promise<SubjectVoteRecord | null> {
  const [row] = (await selectVote(db, { subjectId, voter })).rows;
  return row ? toVote(row) : null;
}

/** The votes of `voter` on the subjects `subjectIds`, by subject id. */
export async function findVotes(db: Db, subjectIds: string[], voter: string): Promise<Map<string, SubjectVoteRecord>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('subject_votes')
    .select(['subject_id', 'value', 'commented'])
    .where('voter', '=', voter)
    .where('subject_id', 'in', subjectIds)
    .execute();
  return new Map(rows.map((row) => [row.subject_id, toVote(row)]));
}

/**
 * Inserts a vote unless the voter already has one on the subject: false then,
 * and nothing written. The unique constraint decides, not a prior read.
 */
export async function insertVote(db: Db, subjectId: string, voter: string, vote: SubjectVoteRecord, now: string) {
  const inserted = await insertVoteRow(db, { subjectId, voter, ...toColumns(vote), now });
  return inserted.rows.length > 0;
}

/** Undoes `insertVote` in the same transaction. */
export async function deleteVote(db: Db, subjectId: string, voter: string): Promise<void> {
  await deleteVoteRow(db, { subjectId, voter });
}

export async function updateVote(db: Db, subjectId: string, voter: string, vote: SubjectVoteRecord, now: string) {
  await updateVoteRow(db, { subjectId, voter, ...toColumns(vote), now });
}

export async function insertComment(
  db: Db,
  comment: { id: string; subjectId: string; voter: string; value: VoteValue; comment: string },
  now: string,
): Promise<void> {
  await insertCommentRow(db, { ...comment, now });
}

/** Adds what a transaction's votes changed to the counters of a subject: once per subject and transaction. */
export async function addToCounters(db: Db, subjectId: string, up: number, down: number): Promise<void> {
  await addVotes(db, { subjectId, up, down });
}

/** The counters recomputed from the stored votes: what the counters must always equal. */
export async function recount(db: Db, subjectId: string): Promise<{ up: number; down: number }> {
  const rows = await db.selectFrom('subject_votes').select('value').where('subject_id', '=', subjectId).execute();
  return {
    up: rows.filter((row) => row.value === 1).length,
    down: rows.filter((row) => row.value === -1).length,
  };
}

/** The comments of one subject, or of a site's subjects (every site's when null), oldest first. */
export async function listComments(
  db: Db,
  of: { subjectId: string } | { site: string | null },
): Promise<CommentRecord[]> {
  let query = selectComments(db);
  if ('subjectId' in of) query = query.where('subject_comments.subject_id', '=', of.subjectId);
  else if (of.site !== null) query = query.where('subjects.site', '=', of.site);
  const rows = await query
    .orderBy('subjects.site')
    .orderBy('subjects.key')
    .orderBy('subject_comments.created_at')
    .orderBy('subject_comments.id')
    .execute();
  return rows.map(toComment);
}

/** The comment as it now is; null when the subject has no comment with this id. */
export async function setCommentHidden(
  db: Db,
  subjectId: string,
  commentId: string,
  hidden: boolean,
): Promise<CommentRecord | null> {
  await db
    .updateTable('subject_comments')
    .set({ hidden: hidden ? 1 : 0 })
    .where('subject_id', '=', subjectId)
    .where('id', '=', commentId)
    .execute();
  const row = await selectComments(db)
    .where('subject_comments.subject_id', '=', subjectId)
    .where('subject_comments.id', '=', commentId)
    .executeTakeFirst();
  return row ? toComment(row) : null;
}

/** Deletes the votes and comments of a subject; its counters start again from zero. */
export async function resetSubject(db: Db, id: string, now: string): Promise<void> {
  // The subject's row first: it is the lock every vote on the subject takes.
  await db.updateTable('subjects').set({ up: 0, down: 0, updated_at: now }).where('id', '=', id).execute();
  await db.deleteFrom('subject_votes').where('subject_id', '=', id).execute();
  await db.deleteFrom('subject_comments').where('subject_id', '=', id).execute();
}

export async function setMode(db: Db, id: string, mode: SubjectRecord['mode'], now: string): Promise<void> {
  await db.updateTable('subjects').set({ mode, updated_at: now }).where('id', '=', id).execute();
}

export async function setClosed(db: Db, id: string, closed: boolean, now: string): Promise<void> {
  await db
    .updateTable('subjects')
    .set({ closed: closed ? 1 : 0, updated_at: now })
    .where('id', '=', id)
    .execute();
}

const insertSubjectRow = prepared<{ id: string; site: string; key: string; mode: string; now: string }, { id: string }>(
  (db, arg) =>
    db
      .insertInto('subjects')
      .values({
        id: arg('id'),
        site: arg('site'),
        key: arg('key'),
        mode: arg('mode'),
        up: 0,
        down: 0,
        closed: 0,
        created_at: arg('now'),
        updated_at: arg('now'),
      })
      .onConflict((oc) => oc.columns(['site', 'key']).doNothing())
      .returning('id'),
);
const insertVoteRow = prepared<
  { subjectId: string; voter: string; value: number; commented: number; now: string },
  { voter: string }
>((db, arg) =>
  db
    .insertInto('subject_votes')
    .values({
      subject_id: arg('subjectId'),
      voter: arg('voter'),
      value: arg('value'),
      commented: arg('commented'),
      created_at: arg('now'),
      updated_at: arg('now'),
    })
    .onConflict((oc) => oc.columns(['subject_id', 'voter']).doNothing())
    .returning('voter'),
);
const deleteVoteRow = prepared<{ subjectId: string; voter: string }, never>((db, arg) =>
  db.deleteFrom('subject_votes').where('subject_id', '=', arg('subjectId')).where('voter', '=', arg('voter')),
);
const updateVoteRow = prepared<
  { subjectId: string; voter: string; value: number; commented: number; now: string },
  never
>((db, arg) =>
  db
    .updateTable('subject_votes')
    .set({ value: arg('value'), commented: arg('commented'), updated_at: arg('now') })
    .where('subject_id', '=', arg('subjectId'))
    .where('voter', '=', arg('voter')),
);
const insertCommentRow = prepared<
  { id: string; subjectId: string; voter: string; value: number; comment: string; now: string },
  never
>((db, arg) =>
  db.insertInto('subject_comments').values({
    id: arg('id'),
    subject_id: arg('subjectId'),
    voter: arg('voter'),
    value: arg('value'),
    comment: arg('comment'),
    hidden: 0,
    created_at: arg('now'),
  }),
);
const addVotes = prepared<{ subjectId: string; up: number; down: number }, never>((db, arg) =>
  db
    .updateTable('subjects')
    .set((eb) => ({ up: eb('up', '+', arg('up')), down: eb('down', '+', arg('down')) }))
    .where('id', '=', arg('subjectId')),
);

function selectComments(db: Db) {
  return db
    .selectFrom('subject_comments')
    .innerJoin('subjects', 'subjects.id', 'subject_comments.subject_id')
    .selectAll('subject_comments')
    .select(['subjects.site', 'subjects.key']);
}

function toColumns(vote: SubjectVoteRecord) {
  return { value: vote.value, commented: vote.commented ? 1 : 0 };
}

function toVote(row: { value: number; commented: number }): SubjectVoteRecord {
  return { value: row.value as VoteValue, commented: row.commented === 1 };
}

function toRecord(row: SubjectTable): SubjectRecord {
  return {
    id: row.id,
    site: row.site,
    key: row.key,
    mode: row.mode as VoteMode,
    up: row.up,
    down: row.down,
    closed: row.closed === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toComment(row: SubjectCommentTable & { site: string; key: string }): CommentRecord {
  return {
    id: row.id,
    subjectId: row.subject_id,
    site: row.site,
    key: row.key,
    value: row.value as VoteValue,
    comment: row.comment,
    hidden: row.hidden === 1,
    createdAt: row.created_at,
  };
}
