import type { AdminBudget, BudgetResultsExport } from '../../contract/budget.js';
import type { AdminIdeaBox, IdeasExport } from '../../contract/idea.js';
import type { AdminPoll, PollResultsExport } from '../../contract/poll.js';
import type { SubjectCommentsExport } from '../../contract/subject.js';
import { ApiError } from '../errors.js';
import * as budgets from '../store/budgets.js';
import { type ContributionKind, type ContributionRecord, listContributions } from '../store/contributions.js';
import type { Store } from '../store/database.js';
import * as ideas from '../store/ideas.js';
import * as polls from '../store/polls.js';
import { findSubjectById } from '../store/subjects.js';
import { adminBudgetWithChannels, budgetResultsOpenData } from './budget-views.js';
import { exportResults, listBudgets, readAdminBudget } from './budgets.js';
import { exportIdeas, listIdeaBoxes, readAdminIdeaBox } from './idea-moderation.js';
import { adminBoxWithChannels, ideasOpenData } from './idea-views.js';
import { openDataMetadata, RESULTS_LICENCE } from './open-data-views.js';
import { adminPollWithChannels, pollResultsOpenData, resultsExport } from './poll-views.js';
import { listPolls, readAdminPoll } from './polls.js';
import { commentsOpenData } from './subject-views.js';
import { exportComments, listSubjects } from './subjects.js';

/**
 * Reads in one snapshot, so that the counters and the contributions are seen
 * at the same moment and the channels add up to the total. `reader` is the
 * store as the snapshot sees it, for the services that read a store.
 */
function snapshot<T>(store: Store, read: (reader: Store) => Promise<T>): Promise<T> {
  return store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((db) => read({ ...store, db }));
}

/** The contributions of each consultation of `kind`, by its id. */
async function contributionsOf<K extends ContributionKind>(db: Store['db'], kind: K, ids: readonly string[] | null) {
  const byTarget = new Map<string, Array<ContributionRecord<K>>>();
  for (const contribution of await listContributions(db, kind, ids)) {
    byTarget.set(contribution.targetId, [...(byTarget.get(contribution.targetId) ?? []), contribution]);
  }
  return (id: string) => byTarget.get(id) ?? [];
}

export function listPollsWithChannels(store: Store): Promise<AdminPoll[]> {
  return snapshot(store, async (reader) => {
    const of = await contributionsOf(reader.db, 'poll', null);
    return (await listPolls(reader)).map((poll) => adminPollWithChannels(poll, of(poll.id)));
  });
}

export function readPollWithChannels(store: Store, pollId: string): Promise<AdminPoll> {
  return snapshot(store, async (reader) =>
    adminPollWithChannels(await readAdminPoll(reader, pollId), await listContributions(reader.db, 'poll', [pollId])),
  );
}

export function listBudgetsWithChannels(store: Store): Promise<AdminBudget[]> {
  return snapshot(store, async (reader) => {
    const of = await contributionsOf(reader.db, 'budget', null);
    return (await listBudgets(reader)).map((budget) => adminBudgetWithChannels(budget, of(budget.id)));
  });
}

export function readBudgetWithChannels(store: Store, budgetId: string): Promise<AdminBudget> {
  return snapshot(store, async (reader) => {
    const budget = await readAdminBudget(reader, budgetId);
    return adminBudgetWithChannels(budget, await listContributions(reader.db, 'budget', [budgetId]));
  });
}

export function listIdeaBoxesWithChannels(store: Store): Promise<AdminIdeaBox[]> {
  return snapshot(store, async (reader) => {
    const boxes = await listIdeaBoxes(reader);
    const counts = await ideas.countListedByChannel(
      reader.db,
      boxes.map((box) => box.id),
    );
    return boxes.map((box) =>
      adminBoxWithChannels(
        box,
        counts.filter((row) => row.boxId === box.id),
      ),
    );
  });
}

export function readIdeaBoxWithChannels(store: Store, boxId: string): Promise<AdminIdeaBox> {
  return snapshot(store, async (reader) => {
    const box = await readAdminIdeaBox(reader, boxId);
    return adminBoxWithChannels(box, await ideas.countListedByChannel(reader.db, [boxId]));
  });
}

/** results.json of a poll, whatever its visibility: the caller decides who may read it. */
export function pollResultsForOpenData(
  store: Store,
  pollId: string,
  publisher: string,
  now: Date,
): Promise<PollResultsExport> {
  return snapshot(store, async (reader) => {
    const poll = await polls.findPoll(reader.db, pollId);
    if (!poll) throw new ApiError('poll_not_found');
    const contributions = await listContributions(reader.db, 'poll', [pollId]);
    return pollResultsOpenData(resultsExport(poll, now), poll, contributions, publisher);
  });
}

/** results.json of a budget, whatever its publication: the caller decides who may read it. */
export function budgetResultsForOpenData(
  store: Store,
  budgetId: string,
  publisher: string,
  now: Date,
): Promise<BudgetResultsExport> {
  return snapshot(store, async (reader) => {
    const budget = await budgets.findBudget(reader.db, budgetId);
    if (!budget) throw new ApiError('budget_not_found');
    const contributions = await listContributions(reader.db, 'budget', [budgetId]);
    return budgetResultsOpenData(await exportResults(reader, budget, now), budget, contributions, publisher);
  });
}

export function ideasForOpenData(store: Store, boxId: string, publisher: string, now: Date): Promise<IdeasExport> {
  return snapshot(store, async (reader) => {
    const data = await exportIdeas(reader, boxId, now);
    return ideasOpenData(data, (await ideas.findBox(reader.db, boxId))!, publisher);
  });
}

/** The comments of a subject, of a site, or of every site (`{ site: null }`). */
export async function commentsForOpenData(
  store: Store,
  of: { subjectId: string } | { site: string | null },
  publisher: string,
  now: Date,
): Promise<SubjectCommentsExport> {
  const data = await exportComments(store, of);
  const whose = 'subjectId' in of ? (await findSubjectById(store.db, of.subjectId))! : of;
  return commentsOpenData(data, whose, publisher, now);
}

const EVERYTHING = {
  title: 'Every consultation',
  description:
    'Every poll, participatory budget and idea box with its results, each with the metadata of its own ' +
    'export, and the vote buttons with their counts and comments.',
  opensAt: null,
  closesAt: null,
};

/**
 * The export of everything, written piece by piece: idea boxes one at a
 * time, since each may hold thousands of ideas. Each consultation is read in
 * a snapshot of its own; the export as a whole is not one.
 */
export async function writeFullExport(
  store: Store,
  publisher: string,
  write: (text: string) => Promise<void>,
  now = new Date(),
): Promise<void> {
  const generatedAt = now.toISOString();
  const metadata = openDataMetadata(EVERYTHING, [], publisher, generatedAt);
  const head = { metadata, generatedAt, licence: RESULTS_LICENCE };
  await write(JSON.stringify(head).slice(0, -1));
  const pollIds = (await polls.listPolls(store.db)).map((poll) => poll.id);
  await writeList(',"polls":', pollIds, (id) => pollResultsForOpenData(store, id, publisher, now), write);
  const budgetIds = (await budgets.listBudgets(store.db)).map((budget) => budget.id);
  await writeList(',"budgets":', budgetIds, (id) => budgetResultsForOpenData(store, id, publisher, now), write);
  const boxIds = (await ideas.listBoxes(store.db)).map((box) => box.id);
  await writeList(',"ideaBoxes":', boxIds, (id) => ideasForOpenData(store, id, publisher, now), write);
  await write(`,"subjects":${JSON.stringify(await listSubjects(store, null))}`);
  const comments = await commentsForOpenData(store, { site: null }, publisher, now);
  await write(`,"subjectComments":${JSON.stringify(comments)}}`);
}

/** A JSON array, one item at a time; one deleted meanwhile is left out. */
async function writeList(
  name: string,
  ids: string[],
  read: (id: string) => Promise<unknown>,
  write: (text: string) => Promise<void>,
): Promise<void> {
  await write(`${name}[`);
  let first = true;
  for (const id of ids) {
    const item = await read(id).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    });
    if (item === null) continue;
    await write(`${first ? '' : ','}${JSON.stringify(item)}`);
    first = false;
  }
  await write(']');
}
