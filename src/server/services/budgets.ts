import type {
  AdminBudget,
  BallotsExport,
  Budget,
  BudgetResultsExport,
  CreateBudget,
  Project,
  UpdateBudget,
} from '../../contract/budget.js';
import { ApiError } from '../errors.js';
import * as budgets from '../store/budgets.js';
import type { Store } from '../store/database.js';
import { beforeCommit } from '../store/group-commit.js';
import { recordResponse, type StoredResponse } from '../store/idempotency.js';
import { budgetStatus, changesBallotRules, checkBallot, settingsForCreate, settingsForUpdate } from './budget-rules.js';
import {
  adminBudgetView,
  ballotsExport,
  type BudgetMoment,
  budgetMoment,
  budgetView,
  resultsExport,
  withSettings,
} from './budget-views.js';
import { earlierAnswer, isRefusal, KeyTakenError } from './idempotency.js';
import type { CastOutcome } from './polls.js';

export interface BallotRequest {
  budgetId: string;
  /** `token:<Parvis-Voter>` or `subject:<JWT sub>`; null when the request named no voter. */
  voter: string | null;
  /** Whether the voter is the subject of a verified citizen token. */
  verified: boolean;
  projectIds: string[];
  /** Null when the ballot names none. */
  district: string | null;
  /** Present for requests from the network; the seed casts without one. */
  idempotency?: { key: string; requestHash: string };
}

export async function readBudget(
  store: Store,
  budgetId: string,
  voter: string | null,
  now = new Date(),
): Promise<Budget> {
  const budget = await budgets.findBudget(store.db, budgetId);
  if (!budget) throw new ApiError('budget_not_found');
  const ballot = voter ? await budgets.findBallot(store.db, budgetId, voter) : null;
  return budgetView(budget, ballot, now);
}

/**
 * Records a ballot and answers with the budget as the voter now sees it. The
 * ballot, the project counters and the idempotency record are written in one
 * transaction, shared with the ballots that arrive together (see GroupCommit),
 * and every rule is checked inside it. As for polls, a retried request is
 * recognised when its write is refused, which every retry is.
 */
export async function castBallot(store: Store, request: BallotRequest): Promise<CastOutcome> {
  const { idempotency, voter } = request;
  try {
    const body = await store.write((trx) => writeBallot(trx, store, request), isRefusal);
    return { body, replayed: false };
  } catch (error) {
    if (!isRefusal(error) || !idempotency || !voter) throw error;
    return replay(store, request.budgetId, await earlierAnswer(store, voter, idempotency, error));
  }
}

/**
 * Writes one ballot without a savepoint of its own: every refusal is decided
 * before anything is written, or undone before it is thrown. The counters are
 * added up in memory and written once per batch (see `tallyOf`).
 */
async function writeBallot(trx: Store['db'], store: Store, request: BallotRequest): Promise<string> {
  const now = new Date();
  const at = now.toISOString();
  const tally = await tallyOf(trx, store, request.budgetId);
  if (!tally) throw new ApiError('budget_not_found');
  const known = tally.budget;
  if (known.requiresVerification && !request.verified) throw new ApiError('verification_required');
  const { voter, projectIds, district } = request;
  if (!voter) throw new ApiError('voter_required');
  checkBallot(known, { projectIds, district }, now);
  const ballot = { projectIds, district };
  const inserted = await budgets.insertBallot(trx, known.id, voter, ballot, at);
  if (!inserted && !known.allowChange) throw new ApiError('ballot_exists');
  const deltas = new Map<string, number>();
  if (!inserted) {
    const lock = store.engine === 'postgres';
    for (const id of await budgets.findBallotProjects(trx, known.id, voter, lock)) deltas.set(id, -1);
  }
  for (const id of projectIds) deltas.set(id, (deltas.get(id) ?? 0) + 1);
  const newBallots = inserted ? 1 : 0;
  // A copy takes the new counters: the tally changes only once the ballot is written.
  const budget: budgets.BudgetRecord = {
    ...known,
    ballots: known.ballots + newBallots,
    projects: known.projects.map((project) => ({ ...project, votes: project.votes + (deltas.get(project.id) ?? 0) })),
  };
  const moment = budgetMoment(budget, { ...ballot, castAt: at }, now);
  const body = JSON.stringify(withSettings(budget, moment));
  if (request.idempotency) {
    // The settings (every project) are added back on replay rather than stored with every ballot.
    const response = { requestHash: request.idempotency.requestHash, status: 200, body: JSON.stringify(moment) };
    if (!(await recordResponse(trx, voter, request.idempotency.key, response, at))) {
      if (inserted) await budgets.deleteBallot(trx, known.id, voter);
      throw new KeyTakenError();
    }
  }
  if (!inserted) await budgets.updateBallot(trx, known.id, voter, ballot, at);
  tally.budget = budget;
  tally.ballots += newBallots;
  for (const [id, delta] of deltas) tally.votes.set(id, (tally.votes.get(id) ?? 0) + delta);
  return body;
}

/**
 * A budget as a batch of ballots sees it: read once per batch inside the
 * writing transaction (so a budget closed a moment ago refuses the ballot),
 * its counters locked where the engine has row locks, and what the batch's
 * ballots added to them, written once before the batch commits.
 */
interface Tally {
  budget: budgets.BudgetRecord;
  /** Added by the ballots of the batch, not yet written. */
  ballots: number;
  votes: Map<string, number>;
}

const tallies = new WeakMap<object, Map<string, Tally>>();

async function tallyOf(trx: Store['db'], store: Store, budgetId: string): Promise<Tally | null> {
  let known = tallies.get(trx);
  if (!known) tallies.set(trx, (known = new Map()));
  const cached = known.get(budgetId);
  if (cached) return cached;
  const budget = await budgets.findBudgetForBallots(trx, budgetId, store.engine === 'postgres');
  if (!budget) return null;
  const tally: Tally = { budget, ballots: 0, votes: new Map() };
  known.set(budgetId, tally);
  beforeCommit(trx, `budget-counters:${budgetId}`, async (db) => {
    const { ballots, votes } = tally;
    tally.ballots = 0;
    tally.votes = new Map();
    await budgets.addToCounters(db, budgetId, ballots, votes);
  });
  return tally;
}

/** A write to a budget's settings runs after the batch's counters are written (see beforeCommit), and reads it anew. */
function forgetBudget(trx: Store['db'], budgetId: string): void {
  tallies.get(trx)?.delete(budgetId);
}

/** The first answer again, rebuilt from the stored moment and the budget's settings. */
async function replay(store: Store, budgetId: string, earlier: StoredResponse): Promise<CastOutcome> {
  const budget = await budgets.findBudget(store.db, budgetId);
  if (!budget) throw new ApiError('budget_not_found');
  return { body: JSON.stringify(withSettings(budget, JSON.parse(earlier.body) as BudgetMoment)), replayed: true };
}

export async function listBudgets(store: Store, now = new Date()): Promise<AdminBudget[]> {
  return (await budgets.listBudgets(store.db)).map((budget) => adminBudgetView(budget, now));
}

export async function readAdminBudget(store: Store, budgetId: string, now = new Date()): Promise<AdminBudget> {
  return adminBudgetView(await requireBudget(store.db, budgetId), now);
}

export async function createBudget(store: Store, input: CreateBudget): Promise<AdminBudget> {
  const { settings, projects } = settingsForCreate(input);
  return store.write(async (trx) => {
    const now = new Date();
    forgetBudget(trx, input.id);
    if (!(await budgets.insertBudget(trx, input.id, settings, projects, now.toISOString())))
      throw new ApiError('budget_exists');
    return adminBudgetView(await requireBudget(trx, input.id), now);
  });
}

export async function updateBudget(store: Store, budgetId: string, patch: UpdateBudget): Promise<AdminBudget> {
  return changeBudget(store, budgetId, (budget) => {
    const draft = settingsForUpdate(budget, patch);
    if (budget.ballots > 0 && changesBallotRules(budget, draft)) throw new ApiError('budget_has_ballots');
    return patch.projects ? draft : { settings: draft.settings };
  });
}

/**
 * Opens the vote now: clears the closed flag, brings a future opening date to
 * now and drops a closing date already past. Results published earlier are
 * withdrawn, since more ballots may come.
 */
export async function openBudget(store: Store, budgetId: string): Promise<AdminBudget> {
  return changeBudget(store, budgetId, (budget, now) => {
    const instant = now.toISOString();
    const opensAt = budget.opensAt !== null && budget.opensAt > instant ? instant : budget.opensAt;
    const closesAt = budget.closesAt !== null && budget.closesAt <= instant ? null : budget.closesAt;
    return { settings: { ...budget, closed: false, opensAt, closesAt, resultsPublishedAt: null } };
  });
}

export async function closeBudget(store: Store, budgetId: string): Promise<AdminBudget> {
  return changeBudget(store, budgetId, (budget) => ({ settings: { ...budget, closed: true } }));
}

/** Shows the results to citizens, and as open data; only once the vote is closed. */
export async function publishResults(store: Store, budgetId: string): Promise<AdminBudget> {
  return changeBudget(store, budgetId, (budget, now) => {
    if (budgetStatus(budget, now) !== 'closed') throw new ApiError('budget_not_closed');
    return { settings: { ...budget, resultsPublishedAt: budget.resultsPublishedAt ?? now.toISOString() } };
  });
}

export async function deleteBudget(store: Store, budgetId: string): Promise<void> {
  const deleted = await store.write((trx) => {
    forgetBudget(trx, budgetId);
    return budgets.deleteBudget(trx, budgetId);
  });
  if (!deleted) throw new ApiError('budget_not_found');
}

export async function exportResults(
  store: Store,
  budget: budgets.BudgetRecord,
  now: Date,
): Promise<BudgetResultsExport> {
  return resultsExport(budget, await budgets.countBallotsByDistrict(store.db, budget.id), now);
}

export async function exportBallots(store: Store, budgetId: string, now = new Date()): Promise<BallotsExport> {
  const budget = await requireBudget(store.db, budgetId);
  return ballotsExport(budget, await budgets.listBallots(store.db, budgetId), now);
}

/**
 * An admin write: reads the budget in the writing transaction, locked where
 * the engine has row locks, so that the ballots it counts are all there are.
 */
async function changeBudget(
  store: Store,
  budgetId: string,
  change: (budget: budgets.BudgetRecord, now: Date) => { settings: budgets.BudgetSettings; projects?: Project[] },
): Promise<AdminBudget> {
  return store.write(async (trx) => {
    const now = new Date();
    forgetBudget(trx, budgetId);
    const budget = await budgets.findBudgetForBallots(trx, budgetId, store.engine === 'postgres');
    if (!budget) throw new ApiError('budget_not_found');
    const { settings, projects } = change(budget, now);
    await budgets.updateBudget(trx, budgetId, settings, now.toISOString());
    if (projects) await budgets.writeProjects(trx, budgetId, projects);
    return adminBudgetView(await requireBudget(trx, budgetId), now);
  });
}

async function requireBudget(db: Store['db'], budgetId: string): Promise<budgets.BudgetRecord> {
  const budget = await budgets.findBudget(db, budgetId);
  if (!budget) throw new ApiError('budget_not_found');
  return budget;
}
