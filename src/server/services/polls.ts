import type { AdminPoll, CreatePoll, Poll, UpdatePoll } from '../../contract/poll.js';
import { ApiError } from '../errors.js';
import type { Store } from '../store/database.js';
import { beforeCommit } from '../store/group-commit.js';
import { recordResponse, type StoredResponse } from '../store/idempotency.js';
import * as polls from '../store/polls.js';
import { earlierAnswer, isRefusal, KeyTakenError } from './idempotency.js';
import { checkBallot, settingsForCreate, settingsForUpdate } from './poll-rules.js';
import { adminPollView, type PollMoment, pollMoment, pollView, withSettings } from './poll-views.js';

export interface Ballot {
  pollId: string;
  /** `token:<Parvis-Voter>` or `subject:<JWT sub>`; null when the request named no voter. */
  voter: string | null;
  /** Whether the voter is the subject of a verified citizen token. */
  verified: boolean;
  choices: string[];
  /** Present for requests from the network; the seed casts without one. */
  idempotency?: { key: string; requestHash: string };
}

export interface CastOutcome {
  body: string;
  /** True when the body is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

export async function readPoll(store: Store, pollId: string, voter: string | null, now = new Date()): Promise<Poll> {
  const poll = await polls.findPoll(store.db, pollId);
  if (!poll) throw new ApiError('poll_not_found');
  const vote = voter ? await polls.findVote(store.db, pollId, voter) : null;
  return pollView(poll, vote, now);
}

/**
 * Records a vote and answers with the poll as the voter now sees it. The vote,
 * the counters and the idempotency record are written in one transaction.
 *
 * A retried request is recognised only when its write is refused (the vote
 * exists, the key is taken, the poll has closed since): retries are rare, and
 * looking the key up before every vote would cost every vote a query.
 */
export async function castVote(store: Store, ballot: Ballot): Promise<CastOutcome> {
  const { idempotency, voter } = ballot;
  try {
    const body = await store.write((trx) => writeBallot(trx, store, ballot), isRefusal);
    return { body, replayed: false };
  } catch (error) {
    if (!isRefusal(error) || !idempotency || !voter) throw error;
    return replay(store, ballot.pollId, await earlierAnswer(store, voter, idempotency, error));
  }
}

/**
 * Writes one vote without a savepoint of its own: every refusal is decided
 * before anything is written, or undone before it is thrown. The counters
 * are added up in memory and written once per batch (see `tallyOf`).
 */
async function writeBallot(trx: Store['db'], store: Store, ballot: Ballot): Promise<string> {
  const now = new Date();
  const at = now.toISOString();
  const tally = await tallyOf(trx, store, ballot.pollId);
  if (!tally) throw new ApiError('poll_not_found');
  const known = tally.poll;
  if (known.requiresVerification && !ballot.verified) throw new ApiError('verification_required');
  const { voter, choices } = ballot;
  if (!voter) throw new ApiError('voter_required');
  checkBallot(known, choices, now);
  const inserted = await polls.insertVote(trx, known.id, voter, choices, at);
  if (!inserted && !known.allowChange) throw new ApiError('already_voted');
  const deltas = new Map<string, number>();
  if (!inserted) {
    for (const id of await polls.findChoices(trx, known.id, voter, store.engine === 'postgres')) deltas.set(id, -1);
  }
  for (const id of choices) deltas.set(id, (deltas.get(id) ?? 0) + 1);
  const newVoters = inserted ? 1 : 0;
  // A copy takes the new counters: the tally changes only once the vote is written.
  const poll: polls.PollRecord = {
    ...known,
    voters: known.voters + newVoters,
    options: known.options.map((option) => ({ ...option, votes: option.votes + (deltas.get(option.id) ?? 0) })),
  };
  const moment = pollMoment(poll, { choices, votedAt: at }, now);
  const body = JSON.stringify(withSettings(poll, moment));
  if (ballot.idempotency) {
    // The settings are added back on replay: storing them with every vote would write several times more.
    const response = { requestHash: ballot.idempotency.requestHash, status: 200, body: JSON.stringify(moment) };
    if (!(await recordResponse(trx, voter, ballot.idempotency.key, response, at))) {
      if (inserted) await polls.deleteVote(trx, known.id, voter);
      throw new KeyTakenError();
    }
  }
  if (!inserted) await polls.updateVote(trx, known.id, voter, choices, at);
  tally.poll = poll;
  tally.voters += newVoters;
  for (const [id, delta] of deltas) tally.votes.set(id, (tally.votes.get(id) ?? 0) + delta);
  return body;
}

/**
 * A poll as a batch of votes sees it: read once per batch (inside the
 * writing transaction, so a poll closed a moment ago refuses the vote), its
 * counters locked where the engine has row locks, and what the batch's votes
 * added to them, written once before the batch commits.
 */
interface Tally {
  poll: polls.PollRecord;
  /** Added by the votes of the batch, not yet written. */
  voters: number;
  votes: Map<string, number>;
}

const tallies = new WeakMap<object, Map<string, Tally>>();

async function tallyOf(trx: Store['db'], store: Store, pollId: string): Promise<Tally | null> {
  let known = tallies.get(trx);
  if (!known) tallies.set(trx, (known = new Map()));
  const cached = known.get(pollId);
  if (cached) return cached;
  const poll = await polls.findPollForVotes(trx, pollId, store.engine === 'postgres');
  if (!poll) return null;
  const tally: Tally = { poll, voters: 0, votes: new Map() };
  known.set(pollId, tally);
  beforeCommit(trx, `counters:${pollId}`, async (db) => {
    const { voters, votes } = tally;
    tally.voters = 0;
    tally.votes = new Map();
    await polls.addToCounters(db, pollId, voters, votes);
  });
  return tally;
}

/** A write to a poll's settings runs after the batch's counters are written (see beforeCommit), and reads it anew. */
function forgetPoll(trx: Store['db'], pollId: string): void {
  tallies.get(trx)?.delete(pollId);
}

/** The first answer again, rebuilt from the stored moment and the poll's settings. */
async function replay(store: Store, pollId: string, earlier: StoredResponse): Promise<CastOutcome> {
  const poll = await polls.findPoll(store.db, pollId);
  if (!poll) throw new ApiError('poll_not_found');
  return { body: JSON.stringify(withSettings(poll, JSON.parse(earlier.body) as PollMoment)), replayed: true };
}

export async function listPolls(store: Store, now = new Date()): Promise<AdminPoll[]> {
  return (await polls.listPolls(store.db)).map((poll) => adminPollView(poll, now));
}

export async function readAdminPoll(store: Store, pollId: string, now = new Date()): Promise<AdminPoll> {
  const poll = await polls.findPoll(store.db, pollId);
  if (!poll) throw new ApiError('poll_not_found');
  return adminPollView(poll, now);
}

export async function createPoll(store: Store, input: CreatePoll): Promise<AdminPoll> {
  const settings = settingsForCreate(input);
  return store.write(async (trx) => {
    const now = new Date();
    forgetPoll(trx, input.id);
    if (!(await polls.insertPoll(trx, input.id, settings, input.options, now.toISOString())))
      throw new ApiError('poll_exists');
    return adminPollView(await requirePoll(trx, input.id), now);
  });
}

export async function updatePoll(store: Store, pollId: string, patch: UpdatePoll): Promise<AdminPoll> {
  return store.write(async (trx) => {
    const now = new Date();
    forgetPoll(trx, pollId);
    const poll = await requirePoll(trx, pollId);
    const settings = settingsForUpdate(poll, patch);
    if (patch.options && !sameOptions(poll.options, patch.options)) {
      if (poll.voters > 0) throw new ApiError('poll_has_votes');
      await polls.replaceOptions(trx, pollId, patch.options);
    }
    await polls.updatePoll(trx, pollId, settings, now.toISOString());
    return adminPollView(await requirePoll(trx, pollId), now);
  });
}

export async function closePoll(store: Store, pollId: string): Promise<AdminPoll> {
  return store.write(async (trx) => {
    const now = new Date();
    forgetPoll(trx, pollId);
    const poll = await requirePoll(trx, pollId);
    if (!poll.closed) await polls.updatePoll(trx, pollId, { ...poll, closed: true }, now.toISOString());
    return adminPollView(await requirePoll(trx, pollId), now);
  });
}

export async function deletePoll(store: Store, pollId: string): Promise<void> {
  const deleted = await store.write((trx) => {
    forgetPoll(trx, pollId);
    return polls.deletePoll(trx, pollId);
  });
  if (!deleted) throw new ApiError('poll_not_found');
}

async function requirePoll(db: Store['db'], pollId: string): Promise<polls.PollRecord> {
  const poll = await polls.findPoll(db, pollId);
  if (!poll) throw new ApiError('poll_not_found');
  return poll;
}

function sameOptions(
  current: ReadonlyArray<{ id: string; label: string }>,
  next: ReadonlyArray<{ id: string; label: string }>,
) {
  return (
    current.length === next.length &&
    current.every((option, i) => option.id === next[i].id && option.label === next[i].label)
  );
}
