import { randomBytes } from 'node:crypto';
import type { BudgetContributionList, RecordBudgetContribution } from '../../contract/budget.js';
import type { IdeaContributionList, RecordIdeaContribution } from '../../contract/idea.js';
import type { ContributionNote } from '../../contract/open-data.js';
import type { PollContributionList, RecordPollContribution } from '../../contract/poll.js';
import { ApiError } from '../errors.js';
import * as budgets from '../store/budgets.js';
import {
  type ContributionKind,
  type ContributionRecord,
  deleteContribution,
  insertContribution,
  listContributions,
} from '../store/contributions.js';
import type { Store } from '../store/database.js';
import { recordResponse } from '../store/idempotency.js';
import * as ideas from '../store/ideas.js';
import * as polls from '../store/polls.js';
import { recordAction } from './audit.js';
import { checkBallotRules } from './budget-rules.js';
import { budgetContributionView, ideaContributionView, pollContributionView } from './contribution-views.js';
import { earlierAnswer, isRefusal, KeyTakenError } from './idempotency.js';
import { forgetTallies } from './ideas.js';
import { checkCounts } from './poll-rules.js';

type Db = Store['db'];

/** Who records, and the key that makes a retried request count once (paper ballots must never count twice). */
export interface AdminWrite {
  /** The admin token's name, as the audit log says it. */
  actor: string;
  idempotency: { key: string; requestHash: string } | null;
}

export interface RecordOutcome {
  body: string;
  /** True when the body is the answer to an earlier request with the same key. */
  replayed: boolean;
}

/**
 * Counts paper ballots of a poll (or answers taken at a meeting, by phone,
 * by text message) in its counters, beside the web votes, in the transaction
 * that stores them. Votes of a batch that read the poll before this write
 * answer with counts that do not show it yet; the counters themselves are
 * only ever added to, so they stay exact.
 */
export async function recordPollContribution(
  store: Store,
  write: AdminWrite,
  pollId: string,
  input: RecordPollContribution,
): Promise<RecordOutcome> {
  return recorded(store, write, input, async (trx, contribution) => {
    const poll = await polls.findPollForVotes(trx, pollId, store.engine === 'postgres');
    if (!poll) throw new ApiError('poll_not_found');
    const { voters, options } = checkCounts(poll, input);
    const record = { ...contribution, targetId: pollId, participants: voters, details: options };
    await insertContribution(trx, 'poll', record);
    await polls.addToCounters(trx, pollId, voters, new Map(options.map(({ id, votes }) => [id, votes])));
    await audit(trx, write.actor, 'record', 'poll', record, { voters, options });
    return pollContributionView(record);
  });
}

/** Counts ballots collected outside the web, each checked by the rules of a ballot cast through the widget. */
export async function recordBudgetContribution(
  store: Store,
  write: AdminWrite,
  budgetId: string,
  input: RecordBudgetContribution,
): Promise<RecordOutcome> {
  return recorded(store, write, input, async (trx, contribution) => {
    const budget = await budgets.findBudgetForBallots(trx, budgetId, store.engine === 'postgres');
    if (!budget) throw new ApiError('budget_not_found');
    const ballots = input.ballots.map((ballot, index) => {
      const counted = { projectIds: ballot.projectIds, district: ballot.district ?? null, count: ballot.count ?? 1 };
      try {
        checkBallotRules(budget, counted);
      } catch (error) {
        // The rule's own code, and which ballot broke it.
        if (error instanceof ApiError) throw new ApiError(error.code, { [`ballots.${index}`]: error.code });
        throw error;
      }
      return counted;
    });
    const votes = new Map<string, number>();
    for (const { projectIds, count } of ballots) {
      for (const id of projectIds) votes.set(id, (votes.get(id) ?? 0) + count);
    }
    const participants = ballots.reduce((sum, ballot) => sum + ballot.count, 0);
    const record = { ...contribution, targetId: budgetId, participants, details: ballots };
    await insertContribution(trx, 'budget', record);
    await budgets.addToCounters(trx, budgetId, participants, votes);
    await audit(trx, write.actor, 'record', 'budget', record, { ballots: participants });
    return budgetContributionView(record);
  });
}

/**
 * Publishes ideas collected outside the web at once, without proof of work:
 * the officer who records them is their moderator.
 */
export async function recordIdeaContribution(
  store: Store,
  write: AdminWrite,
  boxId: string,
  input: RecordIdeaContribution,
): Promise<RecordOutcome> {
  return recorded(store, write, input, async (trx, contribution) => {
    const box = await ideas.findBox(trx, boxId);
    if (!box) throw new ApiError('idea_box_not_found');
    input.ideas.forEach(({ category }, index) => {
      if (category !== undefined && !box.categories.some(({ id }) => id === category))
        throw new ApiError('unknown_category', { [`ideas.${index}.category`]: 'unknown_category' });
    });
    const at = contribution.recordedAt;
    const records: ideas.IdeaRecord[] = input.ideas.map((idea) => ({
      id: newId(),
      boxId,
      title: idea.title,
      body: idea.body,
      category: idea.category ?? null,
      authorName: idea.authorName ?? null,
      author: `contribution:${contribution.id}`,
      status: 'published',
      hiddenBy: null,
      moderationNote: null,
      supports: 0,
      trending: 0,
      reports: 0,
      reportsAtReview: 0,
      answer: null,
      answeredAt: null,
      mergedInto: null,
      createdAt: at,
      updatedAt: at,
      channel: contribution.channel,
      contributionId: contribution.id,
    }));
    const ids = records.map((idea) => idea.id);
    const record = { ...contribution, targetId: boxId, participants: records.length, details: ids };
    await insertContribution(trx, 'idea_box', record);
    for (const idea of records) await ideas.insertIdea(trx, idea);
    await audit(trx, write.actor, 'record', 'idea_box', record, { ideas: ids });
    return ideaContributionView(record, records);
  });
}

export async function listPollContributions(store: Store, pollId: string): Promise<PollContributionList> {
  if (!(await polls.findPoll(store.db, pollId))) throw new ApiError('poll_not_found');
  return { contributions: (await listContributions(store.db, 'poll', [pollId])).map(pollContributionView) };
}

export async function listBudgetContributions(store: Store, budgetId: string): Promise<BudgetContributionList> {
  if (!(await budgets.findBudget(store.db, budgetId))) throw new ApiError('budget_not_found');
  return { contributions: (await listContributions(store.db, 'budget', [budgetId])).map(budgetContributionView) };
}

export async function listIdeaContributions(store: Store, boxId: string): Promise<IdeaContributionList> {
  if (!(await ideas.findBox(store.db, boxId))) throw new ApiError('idea_box_not_found');
  const contributions = await listContributions(store.db, 'idea_box', [boxId]);
  const recorded = await ideas.ideasOfContributions(
    store.db,
    contributions.map(({ id }) => id),
  );
  return { contributions: contributions.map((contribution) => ideaContributionView(contribution, recorded)) };
}

/** Takes a poll contribution back, with its counts: a paper count typed wrong is corrected by typing it again. */
export async function deletePollContribution(store: Store, actor: string, pollId: string, id: string): Promise<void> {
  await store.write(async (trx) => {
    if (!(await polls.findPollForVotes(trx, pollId, store.engine === 'postgres'))) throw new ApiError('poll_not_found');
    const removed = await takeBack(trx, 'poll', pollId, id);
    const votes = new Map(removed.details.map(({ id: optionId, votes }) => [optionId, -votes]));
    await polls.addToCounters(trx, pollId, -removed.participants, votes);
    await audit(trx, actor, 'delete', 'poll', removed, { voters: removed.participants, options: removed.details });
  });
}

export async function deleteBudgetContribution(store: Store, actor: string, budgetId: string, id: string) {
  await store.write(async (trx) => {
    if (!(await budgets.findBudgetForBallots(trx, budgetId, store.engine === 'postgres')))
      throw new ApiError('budget_not_found');
    const removed = await takeBack(trx, 'budget', budgetId, id);
    const votes = new Map<string, number>();
    for (const { projectIds, count } of removed.details) {
      for (const projectId of projectIds) votes.set(projectId, (votes.get(projectId) ?? 0) - count);
    }
    await budgets.addToCounters(trx, budgetId, -removed.participants, votes);
    await audit(trx, actor, 'delete', 'budget', removed, { ballots: removed.participants });
  });
}

/**
 * Takes ideas recorded together back: they go with their supports and
 * reports. Refused while another idea is merged into one of them, since
 * that idea's supporters now support it.
 */
export async function deleteIdeaContribution(store: Store, actor: string, boxId: string, id: string) {
  await store.write(async (trx) => {
    // Supports of the batch read these ideas before: they must read them again, and find them gone.
    forgetTallies(trx);
    if (!(await ideas.findBox(trx, boxId))) throw new ApiError('idea_box_not_found');
    const removed = await takeBack(trx, 'idea_box', boxId, id);
    const merged = (await ideas.mergedInto(trx, removed.details)).filter((idea) => !removed.details.includes(idea));
    if (merged.length > 0)
      throw new ApiError('invalid_request', { contributionId: 'other_ideas_merged_into_its_ideas' });
    await audit(trx, actor, 'delete', 'idea_box', removed, { ideas: removed.details });
  });
}

type Note = Omit<ContributionRecord, 'targetId' | 'participants' | 'details'>;

/**
 * Runs an admin write that records a contribution, in a transaction (a
 * savepoint of the batch) of its own, and answers a retry of it with its
 * first answer, as a citizen's write would be.
 */
async function recorded(
  store: Store,
  write: AdminWrite,
  input: ContributionNote,
  work: (trx: Db, note: Note) => Promise<unknown>,
): Promise<RecordOutcome> {
  const { actor, idempotency } = write;
  const scope = `admin:${actor}`;
  checkCollectedOn(input.collectedOn);
  try {
    const body = await store.write(async (trx) => {
      const at = new Date().toISOString();
      const { channel, location, collectedOn } = input;
      const note = { id: newId(), channel, location, collectedOn, recordedBy: actor, recordedAt: at };
      const body = JSON.stringify(await work(trx, note));
      if (idempotency) {
        const response = { requestHash: idempotency.requestHash, status: 201, body };
        // Throwing takes back everything the write did: it runs in a savepoint of its own.
        if (!(await recordResponse(trx, scope, idempotency.key, response, at))) throw new KeyTakenError();
      }
      return body;
    });
    return { body, replayed: false };
  } catch (error) {
    if (!isRefusal(error) || !idempotency) throw error;
    return { body: (await earlierAnswer(store, scope, idempotency, error)).body, replayed: true };
  }
}

/** A day can be "today" up to 14 hours ahead of UTC (UTC+14): later than that is a typing mistake. */
function checkCollectedOn(day: string): void {
  const latest = new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);
  if (day > latest) throw new ApiError('invalid_request', { collectedOn: 'in_the_future' });
}

/** The delete decides which of two racing deletes takes the counts back (see deleteContribution). */
async function takeBack<K extends ContributionKind>(
  trx: Db,
  kind: K,
  targetId: string,
  id: string,
): Promise<ContributionRecord<K>> {
  const removed = await deleteContribution(trx, kind, targetId, id);
  if (!removed) throw new ApiError('not_found');
  return removed;
}

function audit(
  trx: Db,
  actor: string,
  action: 'record' | 'delete',
  kind: ContributionKind,
  contribution: ContributionRecord,
  counts: Record<string, unknown>,
): Promise<void> {
  const { id, channel, location, collectedOn } = contribution;
  const details = { contributionId: id, channel, location, collectedOn, ...counts };
  const target = { kind, id: contribution.targetId };
  return recordAction(trx, actor, `${kind}.contribution.${action}`, target, details, new Date().toISOString());
}

function newId(): string {
  return randomBytes(8).toString('hex');
}
