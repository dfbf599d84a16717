import { randomBytes } from 'node:crypto';
import type {
  AdminSubject,
  AdminSubjectDetail,
  CreateSubject,
  SubjectComment,
  SubjectCommentsExport,
  SubjectVotes,
  SubjectVotesList,
  UpdateSubject,
} from '../../contract/subject.js';
import { ApiError } from '../errors.js';
import type { Store } from '../store/database.js';
import { beforeCommit } from '../store/group-commit.js';
import { recordResponse } from '../store/idempotency.js';
import * as subjects from '../store/subjects.js';
import { earlierAnswer, isRefusal, KeyTakenError } from './idempotency.js';
import type { CastOutcome } from './polls.js';
import { checkVote, counterDeltas, type VoteRequest } from './subject-rules.js';
import { adminSubjectView, commentView, exportedCommentView, subjectVotesView } from './subject-views.js';

export interface SubjectBallot extends VoteRequest {
  /** The origin of the page, or OWN_SITE. */
  site: string;
  key: string;
  /** `token:<Parvis-Voter>` or `subject:<JWT sub>`; null when the request named no voter. */
  voter: string | null;
  /** Present for requests from the network; the seed votes without one. */
  idempotency?: { key: string; requestHash: string };
}

const NO_VOTE: subjects.SubjectVoteRecord = { value: 0, commented: false };

/** A subject's internal id: random, so that it tells nothing of the site or the key. */
export function newSubjectId(): string {
  return randomBytes(12).toString('base64url');
}

export async function readSubjectVotes(
  store: Store,
  site: string,
  key: string,
  voter: string | null,
): Promise<SubjectVotes> {
  const subject = await subjects.findSubject(store.db, site, key);
  const vote = subject && voter ? await subjects.findVote(store.db, subject.id, voter) : null;
  return subjectVotesView(key, subject, vote);
}

/** Many buttons on one page read their counts in one request; answered in the order asked. */
export async function readSubjectVotesList(
  store: Store,
  site: string,
  keys: string[],
  voter: string | null,
): Promise<SubjectVotesList> {
  const found = await subjects.findSubjects(store.db, site, [...new Set(keys)]);
  const ids = [...found.values()].map((subject) => subject.id);
  const votes = voter ? await subjects.findVotes(store.db, ids, voter) : new Map<string, subjects.SubjectVoteRecord>();
  return {
    subjects: keys.map((key) => {
      const subject = found.get(key) ?? null;
      return subjectVotesView(key, subject, subject ? (votes.get(subject.id) ?? null) : null);
    }),
  };
}

/**
 * Records a vote (creating the subject on its first one) and answers with the
 * subject as the voter now sees it. The vote, the comment, the counters and
 * the idempotency record are written in one transaction, shared with the
 * votes that arrive together (see GroupCommit).
 *
 * As for polls, a retried request is recognised only when its write is
 * refused, which every retry is: its idempotency key is taken.
 */
export async function setSubjectVote(store: Store, ballot: SubjectBallot): Promise<CastOutcome> {
  const { idempotency, voter } = ballot;
  if (!voter) throw new ApiError('voter_required');
  try {
    const body = await store.write((trx) => writeVote(trx, store, ballot, voter), isRefusal);
    return { body, replayed: false };
  } catch (error) {
    if (!isRefusal(error) || !idempotency) throw error;
    const earlier = await earlierAnswer(store, voter, idempotency, error);
    return { body: earlier.body, replayed: true };
  }
}

/**
 * Writes one vote without a savepoint of its own: every refusal is decided
 * before anything is written, or undone before it is thrown. The counters
 * are added up in memory and written once per batch (see `tallyOf`).
 */
async function writeVote(trx: Store['db'], store: Store, ballot: SubjectBallot, voter: string): Promise<string> {
  const at = new Date().toISOString();
  const { site, key, value, comment } = ballot;
  let tally = await tallyOf(trx, store, site, key);
  let created = false;
  if (!tally) {
    // Refused before the subject exists, so that a refused vote creates nothing.
    checkVote({ mode: ballot.mode ?? 'support', closed: false }, ballot);
    if (value === 0) {
      const body = JSON.stringify(subjectVotesView(key, null, null));
      await record(trx, voter, ballot, body, at);
      return body;
    }
    const id = newSubjectId();
    created = await subjects.insertSubject(trx, { id, site, key, mode: ballot.mode ?? 'support' }, at);
    tally = await tallyOf(trx, store, site, key);
    if (!tally) throw new Error(`Subject ${key} of ${site} neither created nor found`);
  }
  const subject = tally.subject;
  checkVote(subject, ballot);
  const commented = comment !== undefined;
  const inserted = value !== 0 && (await subjects.insertVote(trx, subject.id, voter, { value, commented }, at));
  const previous = inserted ? null : await subjects.findVote(trx, subject.id, voter);
  const vote = { value, commented: commented || (previous?.commented ?? false) };
  const deltas = counterDeltas((previous ?? NO_VOTE).value, value);
  // A copy takes the new counters: the tally changes only once the vote is written.
  const next = { ...subject, up: subject.up + deltas.up, down: subject.down + deltas.down };
  const body = JSON.stringify(subjectVotesView(key, next, vote));
  try {
    await record(trx, voter, ballot, body, at);
  } catch (error) {
    if (created) {
      await subjects.deleteSubject(trx, subject.id);
      tallies.get(trx)?.delete(tallyKey(site, key));
    } else if (inserted) await subjects.deleteVote(trx, subject.id, voter);
    throw error;
  }
  if (previous && (previous.value !== vote.value || previous.commented !== vote.commented))
    await subjects.updateVote(trx, subject.id, voter, vote, at);
  if (comment !== undefined) {
    const id = randomBytes(12).toString('base64url');
    await subjects.insertComment(trx, { id, subjectId: subject.id, voter, value, comment }, at);
  }
  tally.subject = next;
  tally.up += deltas.up;
  tally.down += deltas.down;
  return body;
}

async function record(trx: Store['db'], voter: string, ballot: SubjectBallot, body: string, at: string) {
  if (!ballot.idempotency) return;
  const response = { requestHash: ballot.idempotency.requestHash, status: 200, body };
  if (!(await recordResponse(trx, voter, ballot.idempotency.key, response, at))) throw new KeyTakenError();
}

/**
 * A subject as a batch of votes sees it: read once per batch (inside the
 * writing transaction, so a subject closed a moment ago refuses the vote),
 * its row locked where the engine has row locks, and what the batch's votes
 * added to its counters, written once before the batch commits.
 */
interface Tally {
  subject: subjects.SubjectRecord;
  /** Added by the votes of the batch, not yet written. */
  up: number;
  down: number;
}

const tallies = new WeakMap<object, Map<string, Tally>>();

const tallyKey = (site: string, key: string) => `${site}\n${key}`;

async function tallyOf(trx: Store['db'], store: Store, site: string, key: string): Promise<Tally | null> {
  let known = tallies.get(trx);
  if (!known) tallies.set(trx, (known = new Map()));
  const cached = known.get(tallyKey(site, key));
  if (cached) return cached;
  const subject = await subjects.findSubjectForVotes(trx, site, key, store.engine === 'postgres');
  if (!subject) return null;
  const tally: Tally = { subject, up: 0, down: 0 };
  known.set(tallyKey(site, key), tally);
  beforeCommit(trx, `subjects:${subject.id}`, async (db) => {
    const { up, down } = tally;
    tally.up = 0;
    tally.down = 0;
    if (up !== 0 || down !== 0) await subjects.addToCounters(db, subject.id, up, down);
  });
  return tally;
}

/**
 * An admin write runs after the batch's counters are written (see
 * beforeCommit); the votes after it read the subject anew.
 */
async function requireSubjectForWrite(trx: Store['db'], id: string): Promise<subjects.SubjectRecord> {
  const subject = await requireSubject(trx, id);
  tallies.get(trx)?.delete(tallyKey(subject.site, subject.key));
  return subject;
}

export async function listSubjects(store: Store, site: string | null): Promise<AdminSubject[]> {
  const counts = await subjects.countComments(store.db, { site });
  return (await subjects.listSubjects(store.db, site)).map((subject) =>
    adminSubjectView(subject, counts.get(subject.id)),
  );
}

export async function readAdminSubject(store: Store, id: string): Promise<AdminSubjectDetail> {
  const subject = await requireSubject(store.db, id);
  const comments = await subjects.listComments(store.db, { subjectId: id });
  const hiddenComments = comments.filter((comment) => comment.hidden).length;
  return {
    subject: adminSubjectView(subject, { comments: comments.length, hiddenComments }),
    comments: comments.map(commentView),
  };
}

/** The comments of one subject, or of a site (every site's when null). */
export async function exportComments(
  store: Store,
  of: { subjectId: string } | { site: string | null },
): Promise<SubjectCommentsExport> {
  if ('subjectId' in of) await requireSubject(store.db, of.subjectId);
  return { comments: (await subjects.listComments(store.db, of)).map(exportedCommentView) };
}

export async function setCommentHidden(
  store: Store,
  subjectId: string,
  commentId: string,
  hidden: boolean,
): Promise<SubjectComment> {
  return store.write(async (trx) => {
    await requireSubject(trx, subjectId);
    const comment = await subjects.setCommentHidden(trx, subjectId, commentId, hidden);
    if (!comment) throw new ApiError('comment_not_found');
    return commentView(comment);
  });
}

/**
 * A subject made by an officer before its first vote, in the namespace of the
 * site that will show it: its buttons then find it with the chosen mode.
 */
export async function createSubject(store: Store, id: string, request: CreateSubject): Promise<AdminSubject> {
  return store.write(async (trx) => {
    const created = await subjects.insertSubject(trx, { id, ...request }, new Date().toISOString());
    if (!created) throw new ApiError('subject_exists');
    return adminSubjectView(await requireSubject(trx, id));
  });
}

/** Changes how a subject is voted on; refused once it holds a vote, whose meaning would change with it. */
export async function changeSubjectMode(store: Store, id: string, { mode }: UpdateSubject): Promise<AdminSubject> {
  return store.write(async (trx) => {
    const subject = await requireSubjectForWrite(trx, id);
    if (subject.mode !== mode) {
      const { up, down } = await subjects.recount(trx, id);
      if (up + down > 0) throw new ApiError('subject_has_votes');
      await subjects.setMode(trx, id, mode, new Date().toISOString());
    }
    const counts = await subjects.countComments(trx, { subjectId: id });
    return adminSubjectView(await requireSubject(trx, id), counts.get(id));
  });
}

/** Deletes a subject with its votes and comments; a later vote on its key starts a new one. */
export async function deleteSubject(store: Store, id: string): Promise<void> {
  await store.write(async (trx) => {
    await requireSubjectForWrite(trx, id);
    await subjects.deleteSubject(trx, id);
  });
}

/** Deletes the subject's votes and comments: it starts again from zero, with its mode and state. */
export async function resetSubject(store: Store, id: string): Promise<AdminSubject> {
  return store.write(async (trx) => {
    await requireSubjectForWrite(trx, id);
    await subjects.resetSubject(trx, id, new Date().toISOString());
    return adminSubjectView(await requireSubject(trx, id));
  });
}

/** Closes a subject (it keeps its votes, takes no more) or opens it again. */
export async function setSubjectClosed(store: Store, id: string, closed: boolean): Promise<AdminSubject> {
  return store.write(async (trx) => {
    const subject = await requireSubjectForWrite(trx, id);
    if (subject.closed !== closed) await subjects.setClosed(trx, id, closed, new Date().toISOString());
    const counts = await subjects.countComments(trx, { subjectId: id });
    return adminSubjectView(await requireSubject(trx, id), counts.get(id));
  });
}

async function requireSubject(db: Store['db'], id: string): Promise<subjects.SubjectRecord> {
  const subject = await subjects.findSubjectById(db, id);
  if (!subject) throw new ApiError('subject_not_found');
  return subject;
}
