import { type Insertable, type Kysely, type Selectable, sql, type Updateable } from 'kysely';
import type { HiddenBy, IdeaCategory, IdeaStatus, ModerationMode } from '../../contract/idea.js';
import type { Channel } from '../../contract/open-data.js';
import { prepared } from './prepared.js';
import type { Database, IdeaBoxTable, IdeaTable } from './schema.js';

type Db = Kysely<Database>;

/** An idea box as stored. */
export interface IdeaBoxRecord {
  id: string;
  title: string;
  description: string | null;
  categories: IdeaCategory[];
  moderation: ModerationMode;
  reportThreshold: number;
  opensAt: string | null;
  closesAt: string | null;
  requiresVerification: boolean;
  closed: boolean;
  createdAt: string;
  updatedAt: string;
}

export type IdeaBoxSettings = Omit<IdeaBoxRecord, 'id' | 'createdAt' | 'updatedAt'>;

/** An idea as stored, with its counters. */
export interface IdeaRecord {
  id: string;
  boxId: string;
  title: string;
  body: string;
  category: string | null;
  authorName: string | null;
  author: string;
  status: IdeaStatus;
  hiddenBy: HiddenBy | null;
  moderationNote: string | null;
  supports: number;
  trending: number;
  reports: number;
  reportsAtReview: number;
  answer: string | null;
  answeredAt: string | null;
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
  /** `web` when left out: a citizen submitted it through the widget. */
  channel?: Channel;
  /** The contribution an officer recorded it with. */
  contributionId?: string | null;
}

/** The statuses citizens never see. */
export const UNLISTED: IdeaStatus[] = ['pending', 'hidden'];

export async function findBox(db: Db, id: string): Promise<IdeaBoxRecord | null> {
  const [row] = (await selectBox(db, { id })).rows;
  return row ? toBox(row) : null;
}

export async function listBoxes(db: Db): Promise<IdeaBoxRecord[]> {
  const rows = await db.selectFrom('idea_boxes').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toBox);
}

/** False when a box with this id exists already. */
export async function insertBox(db: Db, id: string, settings: IdeaBoxSettings, now: string): Promise<boolean> {
  const inserted = await db
    .insertInto('idea_boxes')
    .values({ id, ...boxColumns(settings), created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function updateBox(db: Db, id: string, settings: IdeaBoxSettings, now: string): Promise<void> {
  await db
    .updateTable('idea_boxes')
    .set({ ...boxColumns(settings), updated_at: now })
    .where('id', '=', id)
    .execute();
}

export async function deleteBox(db: Db, id: string): Promise<boolean> {
  return (await db.deleteFrom('idea_boxes').where('id', '=', id).returning('id').executeTakeFirst()) !== undefined;
}

/** How many ideas of a box are in each status, hidden ones split by who hid them. */
export async function countByStatus(
  db: Db,
  boxId: string,
): Promise<Array<{ status: string; hiddenBy: string | null; count: number }>> {
  const rows = await db
    .selectFrom('ideas')
    .select(['status', 'hidden_by', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('box_id', '=', boxId)
    .groupBy(['status', 'hidden_by'])
    .execute();
  return rows.map((row) => ({ status: row.status, hiddenBy: row.hidden_by, count: Number(row.count) }));
}

export async function categoriesInUse(db: Db, boxId: string, categories: string[]): Promise<string[]> {
  if (categories.length === 0) return [];
  const rows = await db
    .selectFrom('ideas')
    .select('category')
    .distinct()
    .where('box_id', '=', boxId)
    .where('category', 'in', categories)
    .execute();
  return rows.map((row) => row.category!);
}

export async function insertIdea(db: Db, idea: IdeaRecord): Promise<void> {
  await db.insertInto('ideas').values(ideaColumns(idea)).execute();
}

export async function findIdea(db: Db, id: string): Promise<IdeaRecord | null> {
  const [row] = (await selectIdea(db, { id })).rows;
  return row ? toIdea(row) : null;
}

/** The idea about to take supports, locked until the transaction ends on engines with row locks. */
export async function findIdeaForSupports(db: Db, id: string, lockRow: boolean): Promise<IdeaRecord | null> {
  const [row] = (await (lockRow ? selectIdeaForUpdate : selectIdea)(db, { id })).rows;
  return row ? toIdea(row) : null;
}

/** Changes what a moderator changes: status, answer, merge; counters are left to the support paths. */
export async function updateIdea(
  db: Db,
  id: string,
  change: Partial<
    Pick<
      IdeaRecord,
      'status' | 'hiddenBy' | 'moderationNote' | 'reportsAtReview' | 'answer' | 'answeredAt' | 'mergedInto'
    >
  >,
  now: string,
): Promise<void> {
  const columns: Updateable<IdeaTable> = { updated_at: now };
  if (change.status !== undefined) columns.status = change.status;
  if (change.hiddenBy !== undefined) columns.hidden_by = change.hiddenBy;
  if (change.moderationNote !== undefined) columns.moderation_note = change.moderationNote;
  if (change.reportsAtReview !== undefined) columns.reports_at_review = change.reportsAtReview;
  if (change.answer !== undefined) columns.answer = change.answer;
  if (change.answeredAt !== undefined) columns.answered_at = change.answeredAt;
  if (change.mergedInto !== undefined) columns.merged_into = change.mergedInto;
  await db.updateTable('ideas').set(columns).where('id', '=', id).execute();
}

export interface IdeaFilter {
  boxId: string;
  /** One status, or every status citizens see. */
  status?: IdeaStatus;
  category?: string;
}

/** The sort keys of each order, all descending; `id` makes every key unique. */
export const SORT_KEYS = {
  top: ['supports', 'created_at', 'id'],
  new: ['created_at', 'id'],
  trending: ['trending', 'created_at', 'id'],
} as const;
export type SortName = keyof typeof SORT_KEYS;
export type SortValue = string | number;

/**
 * One page in the order of `sort`, after the row whose keys are `after`
 * (keyset pagination): ideas inserted meanwhile never shift a page.
 */
export async function listIdeas(
  db: Db,
  filter: IdeaFilter,
  sort: SortName,
  after: SortValue[] | null,
  limit: number,
): Promise<IdeaRecord[]> {
  return (await ideaPageQuery(db, filter, sort, after, limit).execute()).map(toIdea);
}

/** The query of a page, apart so that its plan can be checked: it must walk an index from the cursor and sort nothing. */
export function ideaPageQuery(db: Db, filter: IdeaFilter, sort: SortName, after: SortValue[] | null, limit: number) {
  const keys = SORT_KEYS[sort];
  let query = filtered(db, filter).selectAll();
  if (after) {
    const refs = sql.join(keys.map((key) => sql.ref(key)));
    query = query.where(sql<boolean>`(${refs}) < (${sql.join(after)})`);
  }
  for (const key of keys) query = query.orderBy(key, 'desc');
  return query.limit(limit);
}

export async function countIdeas(db: Db, filter: IdeaFilter): Promise<number> {
  const row = await filtered(db, filter)
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

function filtered(db: Db, filter: IdeaFilter) {
  let query = db.selectFrom('ideas').where('box_id', '=', filter.boxId);
  query = filter.status ? query.where('status', '=', filter.status) : query.where('status', 'not in', UNLISTED);
  if (filter.category) query = query.where('category', '=', filter.category);
  return query;
}

/**
 * A page of a box's ideas for moderators, oldest first, with how many match
 * in all: the moderation queue (pending, or hidden by reports), the ideas of
 * one status, or every idea.
 */
export async function listForModerators(
  db: Db,
  boxId: string,
  filter: 'queue' | IdeaStatus | null,
  after: SortValue[] | null,
  limit: number,
): Promise<{ ideas: IdeaRecord[]; total: number }> {
  const matching = () => {
    const ofBox = db.selectFrom('ideas').where('box_id', '=', boxId);
    if (filter === null) return ofBox;
    if (filter !== 'queue') return ofBox.where('status', '=', filter);
    return ofBox.where((eb) =>
      eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'hidden'), eb('hidden_by', '=', 'reports')])]),
    );
  };
  let page = matching().selectAll();
  if (after) page = page.where(sql<boolean>`(created_at, id) > (${sql.join(after)})`);
  const rows = await page.orderBy('created_at').orderBy('id').limit(limit).execute();
  const total = await matching()
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return { ideas: rows.map(toIdea), total: Number(total.count) };
}

/** Every idea of a box, oldest first, for the exports. */
export async function allIdeas(db: Db, boxId: string): Promise<IdeaRecord[]> {
  const rows = await db
    .selectFrom('ideas')
    .selectAll()
    .where('box_id', '=', boxId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toIdea);
}

/** The ideas citizens see in each box, by the channel they came through. */
export async function countListedByChannel(
  db: Db,
  boxIds: readonly string[],
): Promise<Array<{ boxId: string; channel: Channel; count: number }>> {
  if (boxIds.length === 0) return [];
  const rows = await db
    .selectFrom('ideas')
    .select(['box_id', 'channel', (eb) => eb.fn.countAll<number | string>().as('count')])
    .where('box_id', 'in', boxIds)
    .where('status', 'not in', UNLISTED)
    .groupBy(['box_id', 'channel'])
    .execute();
  return rows.map((row) => ({ boxId: row.box_id, channel: row.channel as Channel, count: Number(row.count) }));
}

/** The ideas recorded with some contributions. */
export async function ideasOfContributions(db: Db, contributionIds: readonly string[]): Promise<IdeaRecord[]> {
  if (contributionIds.length === 0) return [];
  const rows = await db
    .selectFrom('ideas')
    .selectAll()
    .where('contribution_id', 'in', contributionIds)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toIdea);
}

/** The ideas merged into some others. */
export async function mergedInto(db: Db, ideaIds: readonly string[]): Promise<string[]> {
  if (ideaIds.length === 0) return [];
  const rows = await db.selectFrom('ideas').select('id').where('merged_into', 'in', ideaIds).execute();
  return rows.map((row) => row.id);
}

export async function titlesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('ideas').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.title]));
}

export async function supportedAmong(db: Db, voter: string, ideaIds: string[]): Promise<Set<string>> {
  if (ideaIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('idea_supports')
    .select('idea_id')
    .where('voter', '=', voter)
    .where('idea_id', 'in', ideaIds)
    .execute();
  return new Set(rows.map((row) => row.idea_id));
}

/** Inserts a support unless the voter already supports the idea: false then. The unique constraint decides. */
export async function insertSupport(db: Db, ideaId: string, voter: string, at: string): Promise<boolean> {
  return (await insertSupportRow(db, { ideaId, voter, at })).rows.length > 0;
}

/** Removes a support; the time it was given, or null when there was none. */
export async function deleteSupport(db: Db, ideaId: string, voter: string): Promise<string | null> {
  const [row] = (await deleteSupportRow(db, { ideaId, voter })).rows;
  return row?.created_at ?? null;
}

export async function supportTimes(db: Db, ideaId: string): Promise<string[]> {
  return (await selectSupportTimes(db, { ideaId })).rows.map((row) => row.created_at);
}

/** Writes what a transaction's supports changed: once per idea and batch. */
export async function addToCounters(db: Db, ideaId: string, delta: number, trending: number): Promise<void> {
  await addSupports(db, { ideaId, delta, trending });
}

/** Sets the counters to what the stored supports say (after a merge). */
export async function setCounters(db: Db, ideaId: string, supports: number, trending: number): Promise<void> {
  await db.updateTable('ideas').set({ supports, trending }).where('id', '=', ideaId).execute();
}

/** Carries the supports of `from` over to `to`, once per voter; `from` keeps none. Returns how many were new to `to`. */
export async function moveSupports(db: Db, from: string, to: string): Promise<number> {
  const moved = await db
    .insertInto('idea_supports')
    .columns(['idea_id', 'voter', 'created_at'])
    .expression((eb) =>
      eb
        .selectFrom('idea_supports')
        .select([eb.val(to).as('idea_id'), 'voter', 'created_at'])
        .where('idea_id', '=', from),
    )
    .onConflict((oc) => oc.columns(['idea_id', 'voter']).doNothing())
    .returning('voter')
    .execute();
  await db.deleteFrom('idea_supports').where('idea_id', '=', from).execute();
  return moved.length;
}

/** False when this voter already reported the idea. */
export async function insertReport(
  db: Db,
  report: { ideaId: string; voter: string; reason: string; details: string | null; at: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('idea_reports')
    .values({
      idea_id: report.ideaId,
      voter: report.voter,
      reason: report.reason,
      details: report.details,
      created_at: report.at,
    })
    .onConflict((oc) => oc.columns(['idea_id', 'voter']).doNothing())
    .returning('voter')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .updateTable('ideas')
    .set((eb) => ({ reports: eb('reports', '+', 1) }))
    .where('id', '=', report.ideaId)
    .execute();
  return true;
}

/** The reports of some ideas, newest first. */
export async function reportsOf(
  db: Db,
  ideaIds: string[],
): Promise<Map<string, Array<{ reason: string; details: string | null; createdAt: string }>>> {
  const byIdea = new Map<string, Array<{ reason: string; details: string | null; createdAt: string }>>();
  if (ideaIds.length === 0) return byIdea;
  const rows = await db
    .selectFrom('idea_reports')
    .select(['idea_id', 'reason', 'details', 'created_at'])
    .where('idea_id', 'in', ideaIds)
    .orderBy('created_at', 'desc')
    .orderBy('voter')
    .execute();
  for (const row of rows) {
    const list = byIdea.get(row.idea_id) ?? [];
    list.push({ reason: row.reason, details: row.details, createdAt: row.created_at });
    byIdea.set(row.idea_id, list);
  }
  return byIdea;
}

/** Marks a proof of work used until it expires: false when it already was. */
export async function redeemProof(db: Db, signature: string, expiresAt: string, now: string): Promise<boolean> {
  // Submissions are few: each one sweeps the expired proofs, so no timer is needed.
  await db.deleteFrom('used_proofs').where('expires_at', '<', now).execute();
  const inserted = await db
    .insertInto('used_proofs')
    .values({ signature, expires_at: expiresAt })
    .onConflict((oc) => oc.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst();
  return inserted !== undefined;
}

const selectBox = prepared<{ id: string }, IdeaBoxTable>((db, arg) =>
  db.selectFrom('idea_boxes').selectAll().where('id', '=', arg('id')),
);
const selectIdea = prepared<{ id: string }, Selectable<IdeaTable>>((db, arg) =>
  db.selectFrom('ideas').selectAll().where('id', '=', arg('id')),
);
const selectIdeaForUpdate = prepared<{ id: string }, Selectable<IdeaTable>>((db, arg) =>
  db.selectFrom('ideas').selectAll().where('id', '=', arg('id')).forUpdate(),
);
const insertSupportRow = prepared<{ ideaId: string; voter: string; at: string }, { voter: string }>((db, arg) =>
  db
    .insertInto('idea_supports')
    .values({ idea_id: arg('ideaId'), voter: arg('voter'), created_at: arg('at') })
    .onConflict((oc) => oc.columns(['idea_id', 'voter']).doNothing())
    .returning('voter'),
);
const deleteSupportRow = prepared<{ ideaId: string; voter: string }, { created_at: string }>((db, arg) =>
  db
    .deleteFrom('idea_supports')
    .where('idea_id', '=', arg('ideaId'))
    .where('voter', '=', arg('voter'))
    .returning('created_at'),
);
const selectSupportTimes = prepared<{ ideaId: string }, { created_at: string }>((db, arg) =>
  db.selectFrom('idea_supports').select('created_at').where('idea_id', '=', arg('ideaId')),
);
const addSupports = prepared<{ ideaId: string; delta: number; trending: number }, never>((db, arg) =>
  db
    .updateTable('ideas')
    .set((eb) => ({ supports: eb('supports', '+', arg('delta')), trending: arg('trending') }))
    .where('id', '=', arg('ideaId')),
);

function boxColumns(settings: IdeaBoxSettings) {
  return {
    title: settings.title,
    description: settings.description,
    categories: JSON.stringify(settings.categories),
    moderation: settings.moderation,
    report_threshold: settings.reportThreshold,
    opens_at: settings.opensAt,
    closes_at: settings.closesAt,
    requires_verification: settings.requiresVerification ? 1 : 0,
    closed: settings.closed ? 1 : 0,
  };
}

function toBox(row: IdeaBoxTable): IdeaBoxRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    categories: JSON.parse(row.categories) as IdeaCategory[],
    moderation: row.moderation as ModerationMode,
    reportThreshold: row.report_threshold,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    requiresVerification: row.requires_verification === 1,
    closed: row.closed === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function ideaColumns(idea: IdeaRecord): Insertable<IdeaTable> {
  return {
    id: idea.id,
    box_id: idea.boxId,
    title: idea.title,
    body: idea.body,
    category: idea.category,
    author_name: idea.authorName,
    author: idea.author,
    status: idea.status,
    hidden_by: idea.hiddenBy,
    moderation_note: idea.moderationNote,
    supports: idea.supports,
    trending: idea.trending,
    reports: idea.reports,
    reports_at_review: idea.reportsAtReview,
    answer: idea.answer,
    answered_at: idea.answeredAt,
    merged_into: idea.mergedInto,
    created_at: idea.createdAt,
    updated_at: idea.updatedAt,
    channel: idea.channel ?? 'web',
    contribution_id: idea.contributionId ?? null,
  };
}

function toIdea(row: Selectable<IdeaTable>): IdeaRecord {
  return {
    id: row.id,
    boxId: row.box_id,
    title: row.title,
    body: row.body,
    category: row.category,
    authorName: row.author_name,
    author: row.author,
    status: row.status as IdeaStatus,
    hiddenBy: row.hidden_by as HiddenBy | null,
    moderationNote: row.moderation_note,
    supports: row.supports,
    trending: Number(row.trending),
    reports: row.reports,
    reportsAtReview: row.reports_at_review,
    answer: row.answer,
    answeredAt: row.answered_at,
    mergedInto: row.merged_into,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    channel: row.channel as Channel,
    contributionId: row.contribution_id,
  };
}
