import type { Kysely } from 'kysely';
import type { BallotRule, Budget, BudgetCategory, District, Project } from '../../contract/budget.js';
import { listContributions } from './contributions.js';
import { prepared } from './prepared.js';
import type { BudgetProjectTable, BudgetTable, Database } from './schema.js';

type Db = Kysely<Database>;

export interface ProjectRecord extends Project {
  votes: number;
}

/** A budget as stored, with its projects and counters. */
export interface BudgetRecord extends Omit<Budget, 'status' | 'projects' | 'myBallot' | 'results'> {
  closed: boolean;
  resultsPublishedAt: string | null;
  /** Ballots stored; each project counts its own in `votes`. */
  ballots: number;
  createdAt: string;
  updatedAt: string;
  projects: ProjectRecord[];
}

export type BudgetSettings = Omit<BudgetRecord, 'id' | 'ballots' | 'createdAt' | 'updatedAt' | 'projects'>;

export interface BallotRecord {
  projectIds: string[];
  district: string | null;
  castAt: string;
}

const selectBudget = prepared<{ id: string }, BudgetTable>((db, arg) =>
  db.selectFrom('budgets').selectAll().where('id', '=', arg('id')),
);
const selectProjects = prepared<{ budgetId: string }, BudgetProjectTable>((db, arg) =>
  db.selectFrom('budget_projects').selectAll().where('budget_id', '=', arg('budgetId')).orderBy('position'),
);

export async function findBudget(db: Db, id: string): Promise<BudgetRecord | null> {
  const [row] = (await selectBudget(db, { id })).rows;
  if (!row) return null;
  return toRecord(row, (await selectProjects(db, { budgetId: id })).rows);
}

/**
 * The budget about to take ballots, its counter rows locked until the
 * transaction ends on engines with row locks (see findPollForVotes).
 */
export async function findBudgetForBallots(db: Db, id: string, lockRows: boolean): Promise<BudgetRecord | null> {
  const [row] = (await (lockRows ? selectBudgetForUpdate : selectBudget)(db, { id })).rows;
  if (!row) return null;
  return toRecord(row, (await (lockRows ? selectProjectsForUpdate : selectProjects)(db, { budgetId: id })).rows);
}

export async function listBudgets(db: Db): Promise<BudgetRecord[]> {
  const rows = await db.selectFrom('budgets').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();
  const projects = await db
    .selectFrom('budget_projects')
    .selectAll()
    .orderBy('budget_id')
    .orderBy('position')
    .execute();
  const byBudget = new Map<string, BudgetProjectTable[]>();
  for (const project of projects) {
    const list = byBudget.get(project.budget_id);
    if (list) list.push(project);
    else byBudget.set(project.budget_id, [project]);
  }
  return rows.map((row) => toRecord(row, byBudget.get(row.id) ?? []));
}

/** False when a budget with this id exists already. */
export async function insertBudget(
  db: Db,
  id: string,
  settings: BudgetSettings,
  projects: Project[],
  now: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('budgets')
    .values({ id, ...toColumns(settings), ballots: 0, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await writeProjects(db, id, projects);
  return true;
}

export async function updateBudget(db: Db, id: string, settings: BudgetSettings, now: string): Promise<void> {
  await db
    .updateTable('budgets')
    .set({ ...toColumns(settings), updated_at: now })
    .where('id', '=', id)
    .execute();
}

/**
 * Makes `projects` the budget's projects, in this order, keeping the counters
 * of those it had: the service changes which projects exist, or their costs,
 * only while the budget has no ballots.
 */
export async function writeProjects(db: Db, budgetId: string, projects: Project[]): Promise<void> {
  const ids = projects.map((project) => project.id);
  await db.deleteFrom('budget_projects').where('budget_id', '=', budgetId).where('id', 'not in', ids).execute();
  await db
    .insertInto('budget_projects')
    .values(
      projects.map((project, position) => ({ budget_id: budgetId, ...projectColumns(project), position, votes: 0 })),
    )
    .onConflict((oc) =>
      oc.columns(['budget_id', 'id']).doUpdateSet((eb) => ({
        position: eb.ref('excluded.position'),
        title: eb.ref('excluded.title'),
        summary: eb.ref('excluded.summary'),
        description: eb.ref('excluded.description'),
        cost: eb.ref('excluded.cost'),
        category: eb.ref('excluded.category'),
        district: eb.ref('excluded.district'),
        location: eb.ref('excluded.location'),
        image_url: eb.ref('excluded.image_url'),
        image_alt: eb.ref('excluded.image_alt'),
      })),
    )
    .execute();
}

export async function deleteBudget(db: Db, id: string): Promise<boolean> {
  const deleted = await db.deleteFrom('budgets').where('id', '=', id).returning('id').executeTakeFirst();
  return deleted !== undefined;
}

type BallotRow = { district: string | null; project_ids: string; updated_at: string };

const selectBallot = prepared<{ budgetId: string; voter: string }, BallotRow>((db, arg) =>
  db
    .selectFrom('budget_ballots')
    .select(['district', 'project_ids', 'updated_at'])
    .where('budget_id', '=', arg('budgetId'))
    .where('voter', '=', arg('voter')),
);

export async function findBallot(db: Db, budgetId: string, voter: string): Promise<BallotRecord | null> {
  const [row] = (await selectBallot(db, { budgetId, voter })).rows;
  return row ? toBallot(row) : null;
}

/** The projects of a stored ballot. `lockRow` locks it on engines with row locks. */
export async function findBallotProjects(db: Db, budgetId: string, voter: string, lockRow: boolean): Promise<string[]> {
  const [row] = (await (lockRow ? selectBallotForUpdate : selectBallot)(db, { budgetId, voter })).rows;
  return JSON.parse(row.project_ids) as string[];
}

interface BallotArgs extends Record<string, unknown> {
  budgetId: string;
  voter: string;
  district: string | null;
  projectIds: string;
  now: string;
}

/**
 * Inserts a ballot unless the voter already cast one in the budget: false
 * then, and nothing written. The unique constraint decides, not a prior read.
 */
export async function insertBallot(
  db: Db,
  budgetId: string,
  voter: string,
  ballot: { district: string | null; projectIds: string[] },
  now: string,
): Promise<boolean> {
  const args = { budgetId, voter, district: ballot.district, projectIds: JSON.stringify(ballot.projectIds), now };
  return (await insertBallotRow(db, args)).rows.length > 0;
}

/** Undoes `insertBallot` in the same transaction. */
export async function deleteBallot(db: Db, budgetId: string, voter: string): Promise<void> {
  await deleteBallotRow(db, { budgetId, voter });
}

export async function updateBallot(
  db: Db,
  budgetId: string,
  voter: string,
  ballot: { district: string | null; projectIds: string[] },
  now: string,
): Promise<void> {
  await updateBallotRow(db, {
    budgetId,
    voter,
    district: ballot.district,
    projectIds: JSON.stringify(ballot.projectIds),
    now,
  });
}

/**
 * Adds to the counters of a budget what a transaction's ballots changed, once
 * per budget and transaction. Projects are updated in id order, the same in
 * every transaction, so that two transactions never wait for each other in a cycle.
 */
export async function addToCounters(
  db: Db,
  budgetId: string,
  ballots: number,
  votes: ReadonlyMap<string, number>,
): Promise<void> {
  if (ballots !== 0) await addBallots(db, { budgetId, delta: ballots });
  for (const projectId of [...votes.keys()].sort()) {
    const delta = votes.get(projectId)!;
    if (delta !== 0) await addVotes(db, { budgetId, projectId, delta });
  }
}

/** The counters recomputed from the stored ballots and contributions: what the counters must always equal. */
export async function recount(db: Db, budgetId: string): Promise<{ ballots: number; votes: Record<string, number> }> {
  const rows = await db.selectFrom('budget_ballots').select('project_ids').where('budget_id', '=', budgetId).execute();
  const ballots = rows.map((row) => ({ projectIds: JSON.parse(row.project_ids) as string[], count: 1 }));
  for (const contribution of await listContributions(db, 'budget', [budgetId])) ballots.push(...contribution.details);
  const votes: Record<string, number> = {};
  for (const { projectIds, count } of ballots) {
    for (const id of projectIds) votes[id] = (votes[id] ?? 0) + count;
  }
  return { ballots: ballots.reduce((sum, ballot) => sum + ballot.count, 0), votes };
}

/** Every ballot, in the order first cast; the voter is left out. */
export async function listBallots(db: Db, budgetId: string): Promise<BallotRecord[]> {
  const rows = await db
    .selectFrom('budget_ballots')
    .select(['district', 'project_ids', 'updated_at'])
    .where('budget_id', '=', budgetId)
    // The voter only orders ballots cast in the same millisecond, so that the numbering is stable.
    .orderBy('created_at')
    .orderBy('voter')
    .execute();
  return rows.map(toBallot);
}

/** Ballots per district (the key `null` for a budget without districts), those of its contributions included. */
export async function countBallotsByDistrict(db: Db, budgetId: string): Promise<Map<string | null, number>> {
  const rows = await db
    .selectFrom('budget_ballots')
    .select((eb) => ['district', eb.fn.countAll<number | string>().as('count')])
    .where('budget_id', '=', budgetId)
    .groupBy('district')
    .execute();
  // PostgreSQL counts in bigint, which pg reads as a string.
  const counts = new Map(rows.map((row) => [row.district, Number(row.count)]));
  for (const contribution of await listContributions(db, 'budget', [budgetId])) {
    for (const { district, count } of contribution.details) counts.set(district, (counts.get(district) ?? 0) + count);
  }
  return counts;
}

const selectBudgetForUpdate = prepared<{ id: string }, BudgetTable>((db, arg) =>
  db.selectFrom('budgets').selectAll().where('id', '=', arg('id')).forUpdate(),
);
const selectProjectsForUpdate = prepared<{ budgetId: string }, BudgetProjectTable>((db, arg) =>
  db.selectFrom('budget_projects').selectAll().where('budget_id', '=', arg('budgetId')).orderBy('position').forUpdate(),
);
const insertBallotRow = prepared<BallotArgs, { voter: string }>((db, arg) =>
  db
    .insertInto('budget_ballots')
    .values({
      budget_id: arg('budgetId'),
      voter: arg('voter'),
      district: arg('district'),
      project_ids: arg('projectIds'),
      created_at: arg('now'),
      updated_at: arg('now'),
    })
    .onConflict((oc) => oc.columns(['budget_id', 'voter']).doNothing())
    .returning('voter'),
);
const deleteBallotRow = prepared<{ budgetId: string; voter: string }, never>((db, arg) =>
  db.deleteFrom('budget_ballots').where('budget_id', '=', arg('budgetId')).where('voter', '=', arg('voter')),
);
const selectBallotForUpdate = prepared<{ budgetId: string; voter: string }, BallotRow>((db, arg) =>
  db
    .selectFrom('budget_ballots')
    .select(['district', 'project_ids', 'updated_at'])
    .where('budget_id', '=', arg('budgetId'))
    .where('voter', '=', arg('voter'))
    .forUpdate(),
);
const updateBallotRow = prepared<BallotArgs, never>((db, arg) =>
  db
    .updateTable('budget_ballots')
    .set({ district: arg('district'), project_ids: arg('projectIds'), updated_at: arg('now') })
    .where('budget_id', '=', arg('budgetId'))
    .where('voter', '=', arg('voter')),
);
const addBallots = prepared<{ budgetId: string; delta: number }, never>((db, arg) =>
  db
    .updateTable('budgets')
    .set((eb) => ({ ballots: eb('ballots', '+', arg('delta')) }))
    .where('id', '=', arg('budgetId')),
);
const addVotes = prepared<{ budgetId: string; projectId: string; delta: number }, never>((db, arg) =>
  db
    .updateTable('budget_projects')
    .set((eb) => ({ votes: eb('votes', '+', arg('delta')) }))
    .where('budget_id', '=', arg('budgetId'))
    .where('id', '=', arg('projectId')),
);

function toBallot(row: BallotRow): BallotRecord {
  return { projectIds: JSON.parse(row.project_ids) as string[], district: row.district, castAt: row.updated_at };
}

function toColumns(settings: BudgetSettings) {
  return {
    title: settings.title,
    description: settings.description,
    currency: settings.currency,
    total: settings.total,
    districts: JSON.stringify(settings.districts),
    categories: JSON.stringify(settings.categories),
    rule: settings.rule,
    min_spend_share: settings.minSpendShare,
    min_projects: settings.minProjects,
    max_projects: settings.maxProjects,
    opens_at: settings.opensAt,
    closes_at: settings.closesAt,
    allow_change: settings.allowChange ? 1 : 0,
    requires_verification: settings.requiresVerification ? 1 : 0,
    closed: settings.closed ? 1 : 0,
    results_published_at: settings.resultsPublishedAt,
  };
}

function projectColumns(project: Project) {
  return {
    id: project.id,
    title: project.title,
    summary: project.summary,
    description: project.description,
    cost: project.cost,
    category: project.category,
    district: project.district,
    location: project.location,
    image_url: project.image?.url ?? null,
    image_alt: project.image?.alt ?? null,
  };
}

function toRecord(row: BudgetTable, projects: BudgetProjectTable[]): BudgetRecord {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    currency: row.currency,
    total: row.total,
    districts: JSON.parse(row.districts) as District[],
    categories: JSON.parse(row.categories) as BudgetCategory[],
    rule: row.rule as BallotRule,
    minSpendShare: row.min_spend_share,
    minProjects: row.min_projects,
    maxProjects: row.max_projects,
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    allowChange: row.allow_change === 1,
    requiresVerification: row.requires_verification === 1,
    closed: row.closed === 1,
    resultsPublishedAt: row.results_published_at,
    ballots: row.ballots,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    projects: projects.map((project) => ({
      id: project.id,
      title: project.title,
      summary: project.summary,
      description: project.description,
      cost: project.cost,
      category: project.category,
      district: project.district,
      location: project.location,
      image: project.image_url === null ? null : { url: project.image_url, alt: project.image_alt ?? '' },
      votes: project.votes,
    })),
  };
}
