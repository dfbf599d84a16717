import type {
  AdminIdea,
  AdminIdeaBox,
  AdminIdeaPage,
  AdminIdeasQuery,
  AnswerIdea,
  CreateIdeaBox,
  HideIdea,
  IdeasExport,
  IdeaStatus,
  MergeIdea,
  ModerationQueue,
  ModerationQueueQuery,
  RejectIdea,
  SetIdeaStatus,
  UpdateIdeaBox,
} from '../../contract/idea.js';
import { ApiError } from '../errors.js';
import type { Store } from '../store/database.js';
import * as ideas from '../store/ideas.js';
import { recordAction } from './audit.js';
import { boxSettingsForCreate, boxSettingsForUpdate, isListed, trendingOf } from './idea-rules.js';
import { adminBoxView, adminIdeaView, decodeCursor, encodeCursor, ideasExport } from './idea-views.js';
import { forgetTallies } from './ideas.js';

type Db = Store['db'];
type IdeaChange = Parameters<typeof ideas.updateIdea>[2];

const DEFAULT_QUEUE_PAGE = 20;

export async function listIdeaBoxes(store: Store, now = new Date()): Promise<AdminIdeaBox[]> {
  const boxes = await ideas.listBoxes(store.db);
  return Promise.all(boxes.map(async (box) => adminBoxView(box, await ideas.countByStatus(store.db, box.id), now)));
}

export async function readAdminIdeaBox(store: Store, boxId: string, now = new Date()): Promise<AdminIdeaBox> {
  return adminBox(store.db, boxId, now);
}

export async function createIdeaBox(store: Store, actor: string, input: CreateIdeaBox): Promise<AdminIdeaBox> {
  const settings = boxSettingsForCreate(input);
  return store.write(async (trx) => {
    const now = new Date();
    const at = now.toISOString();
    if (!(await ideas.insertBox(trx, input.id, settings, at))) throw new ApiError('idea_box_exists');
    await recordAction(trx, actor, 'idea_box.create', { kind: 'idea_box', id: input.id }, { settings }, at);
    return adminBox(trx, input.id, now);
  });
}

export async function updateIdeaBox(
  store: Store,
  actor: string,
  boxId: string,
  patch: UpdateIdeaBox,
): Promise<AdminIdeaBox> {
  return store.write(async (trx) => {
    forgetTallies(trx);
    const now = new Date();
    const at = now.toISOString();
    const box = await requireBox(trx, boxId);
    const settings = boxSettingsForUpdate(box, patch);
    const kept = new Set(settings.categories.map((category) => category.id));
    const removed = box.categories.map((category) => category.id).filter((id) => !kept.has(id));
    const inUse = await ideas.categoriesInUse(trx, boxId, removed);
    if (inUse.length > 0)
      throw new ApiError('category_in_use', Object.fromEntries(inUse.map((id) => [`categories.${id}`, 'in_use'])));
    await ideas.updateBox(trx, boxId, settings, at);
    await recordAction(trx, actor, 'idea_box.update', { kind: 'idea_box', id: boxId }, { changes: patch }, at);
    return adminBox(trx, boxId, now);
  });
}

export async function closeIdeaBox(store: Store, actor: string, boxId: string): Promise<AdminIdeaBox> {
  return store.write(async (trx) => {
    forgetTallies(trx);
    const now = new Date();
    const at = now.toISOString();
    const box = await requireBox(trx, boxId);
    if (!box.closed) {
      await ideas.updateBox(trx, boxId, { ...box, closed: true }, at);
      await recordAction(trx, actor, 'idea_box.close', { kind: 'idea_box', id: boxId }, {}, at);
    }
    return adminBox(trx, boxId, now);
  });
}

export async function deleteIdeaBox(store: Store, actor: string, boxId: string): Promise<void> {
  await store.write(async (trx) => {
    forgetTallies(trx);
    const at = new Date().toISOString();
    const box = await requireBox(trx, boxId);
    const counts = await ideas.countByStatus(trx, boxId);
    await ideas.deleteBox(trx, boxId);
    const deletedIdeas = counts.reduce((sum, { count }) => sum + count, 0);
    await recordAction(
      trx,
      actor,
      'idea_box.delete',
      { kind: 'idea_box', id: boxId },
      { title: box.title, deletedIdeas },
      at,
    );
  });
}

/** Pending ideas and ideas hidden by reports, oldest first, with their reports. */
export function readQueue(store: Store, boxId: string, query: ModerationQueueQuery): Promise<ModerationQueue> {
  return readModeratorPage(store, boxId, 'queue', query);
}

/** A box's ideas for the console, in every status or in one; a cursor holds to the filter it was made for. */
export function readAdminIdeas(store: Store, boxId: string, query: AdminIdeasQuery): Promise<AdminIdeaPage> {
  return readModeratorPage(store, boxId, query.status ?? null, query);
}

async function readModeratorPage(
  store: Store,
  boxId: string,
  filter: 'queue' | IdeaStatus | null,
  query: { cursor?: string; limit?: number },
): Promise<ModerationQueue> {
  await requireBox(store.db, boxId);
  const limit = query.limit ?? DEFAULT_QUEUE_PAGE;
  const kind = filter === 'queue' ? 'queue' : `ideas-${filter ?? 'all'}`;
  const after = query.cursor ? decodeCursor(query.cursor, kind, ['string', 'string']) : null;
  const { ideas: rows, total } = await ideas.listForModerators(store.db, boxId, filter, after, limit + 1);
  const page = rows.slice(0, limit);
  const reports = await ideas.reportsOf(
    store.db,
    page.map((idea) => idea.id),
  );
  const last = page.at(-1);
  return {
    ideas: page.map((idea) => adminIdeaView(idea, reports.get(idea.id) ?? [], null)),
    total,
    nextCursor: rows.length > limit && last ? encodeCursor(kind, [last.createdAt, last.id]) : null,
  };
}

export async function readAdminIdea(store: Store, ideaId: string): Promise<AdminIdea> {
  return adminIdea(store.db, ideaId);
}

/** Makes an idea public (pending or hidden → published) and counts its reports as seen. */
export function approveIdea(store: Store, actor: string, ideaId: string): Promise<AdminIdea> {
  return moderate(store, actor, ideaId, 'idea.approve', (idea) => ({
    status: isListed(idea.status) ? idea.status : 'published',
    hiddenBy: null,
    moderationNote: null,
    reportsAtReview: idea.reports,
  }));
}

export function hideIdea(store: Store, actor: string, ideaId: string, input: HideIdea): Promise<AdminIdea> {
  return moderate(store, actor, ideaId, 'idea.hide', (idea) => ({
    status: 'hidden',
    hiddenBy: 'moderator',
    moderationNote: input.note ?? null,
    reportsAtReview: idea.reports,
  }));
}

/** Rejects an idea; the reason is published as the official answer. */
export function rejectIdea(store: Store, actor: string, ideaId: string, input: RejectIdea): Promise<AdminIdea> {
  return moderate(store, actor, ideaId, 'idea.reject', (idea, at) => ({
    status: 'rejected',
    hiddenBy: null,
    moderationNote: null,
    reportsAtReview: idea.reports,
    answer: input.reason,
    answeredAt: at,
  }));
}

export function setIdeaStatus(store: Store, actor: string, ideaId: string, input: SetIdeaStatus): Promise<AdminIdea> {
  return moderate(store, actor, ideaId, 'idea.status', (idea) => ({
    status: input.status,
    hiddenBy: null,
    moderationNote: null,
    reportsAtReview: idea.reports,
  }));
}

/** Writes or replaces the official answer, dated now. */
export function answerIdea(store: Store, actor: string, ideaId: string, input: AnswerIdea): Promise<AdminIdea> {
  return moderate(store, actor, ideaId, 'idea.answer', (_, at) => ({ answer: input.text, answeredAt: at }), true);
}

/**
 * Merges a duplicate into another idea of the same box: its supporters
 * support the other idea (once, if they supported both), it keeps none, and
 * citizens see it as merged, with a link to the other.
 */
export async function mergeIdea(store: Store, actor: string, ideaId: string, input: MergeIdea): Promise<AdminIdea> {
  return store.write(async (trx) => {
    forgetTallies(trx);
    const at = new Date().toISOString();
    const idea = await requireIdea(trx, ideaId);
    if (idea.status === 'merged') throw new ApiError('idea_merged');
    const target = await ideas.findIdea(trx, input.into);
    const problem = !target
      ? 'unknown_idea'
      : target.id === idea.id
        ? 'same_idea'
        : target.boxId !== idea.boxId
          ? 'other_box'
          : target.status === 'merged' || !isListed(target.status)
            ? 'not_listed'
            : null;
    if (problem) throw new ApiError('invalid_request', { into: problem });
    const carried = await ideas.moveSupports(trx, ideaId, input.into);
    for (const id of [ideaId, input.into]) {
      const times = await ideas.supportTimes(trx, id);
      await ideas.setCounters(trx, id, times.length, trendingOf(times));
    }
    await ideas.updateIdea(trx, ideaId, { status: 'merged', mergedInto: input.into, hiddenBy: null }, at);
    const details = { from: idea.status, into: input.into, supports: idea.supports, carried };
    await recordAction(trx, actor, 'idea.merge', { kind: 'idea', id: ideaId }, details, at);
    return adminIdea(trx, ideaId);
  });
}

export async function exportIdeas(store: Store, boxId: string, now = new Date()): Promise<IdeasExport> {
  const box = await requireBox(store.db, boxId);
  return ideasExport(box, await ideas.allIdeas(store.db, boxId), now);
}

/** One moderator decision on one idea, with its audit entry, in one transaction. */
function moderate(
  store: Store,
  actor: string,
  ideaId: string,
  action: string,
  decide: (idea: ideas.IdeaRecord, at: string) => IdeaChange,
  allowMerged = false,
): Promise<AdminIdea> {
  return store.write(async (trx) => {
    forgetTallies(trx);
    const at = new Date().toISOString();
    const idea = await requireIdea(trx, ideaId);
    if (idea.status === 'merged' && !allowMerged) throw new ApiError('idea_merged');
    const change = decide(idea, at);
    await ideas.updateIdea(trx, ideaId, change, at);
    const { reportsAtReview: _, answeredAt: __, ...said } = change;
    await recordAction(trx, actor, action, { kind: 'idea', id: ideaId }, { from: idea.status, ...said }, at);
    return adminIdea(trx, ideaId);
  });
}

async function adminIdea(db: Db, ideaId: string): Promise<AdminIdea> {
  const idea = await requireIdea(db, ideaId);
  const reports = await ideas.reportsOf(db, [ideaId]);
  const titles = await ideas.titlesOf(db, idea.mergedInto ? [idea.mergedInto] : []);
  return adminIdeaView(idea, reports.get(ideaId) ?? [], titles.get(idea.mergedInto ?? '') ?? null);
}

async function adminBox(db: Db, boxId: string, now: Date): Promise<AdminIdeaBox> {
  const box = await requireBox(db, boxId);
  return adminBoxView(box, await ideas.countByStatus(db, boxId), now);
}

async function requireBox(db: Db, boxId: string): Promise<ideas.IdeaBoxRecord> {
  const box = await ideas.findBox(db, boxId);
  if (!box) throw new ApiError('idea_box_not_found');
  return box;
}

async function requireIdea(db: Db, ideaId: string): Promise<ideas.IdeaRecord> {
  const idea = await ideas.findIdea(db, ideaId);
  if (!idea) throw new ApiError('idea_not_found');
  return idea;
}
