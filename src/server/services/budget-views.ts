import type { AdminBudget, BallotsExport, Budget, BudgetResults, BudgetResultsExport } from '../../contract/budget.js';
import type { BallotRecord, BudgetRecord } from '../store/budgets.js';
import { budgetStatus, resultsArePublic } from './budget-rules.js';
import { type Envelope, FUNDING_RULE, fundProjects } from './budget-results.js';
import { csv } from './csv.js';
import { RESULTS_LICENCE } from './poll-views.js';

/** The part of a Budget that depends on the moment and the voter, not on the budget's settings. */
export type BudgetMoment = Pick<Budget, 'status' | 'results' | 'myBallot'>;

/** What a citizen's widget sees: results once the city has published them. */
export function budgetView(budget: BudgetRecord, myBallot: BallotRecord | null, now: Date): Budget {
  return withSettings(budget, budgetMoment(budget, myBallot, now));
}

export function budgetMoment(budget: BudgetRecord, myBallot: BallotRecord | null, now: Date): BudgetMoment {
  const status = budgetStatus(budget, now);
  return {
    status,
    results: resultsArePublic(budget, status) ? resultsOf(budget) : null,
    myBallot: myBallot && { projectIds: myBallot.projectIds, district: myBallot.district, castAt: myBallot.castAt },
  };
}

/** The whole Budget, its settings taken from `budget`: the same moment gives the same bytes. */
export function withSettings(budget: BudgetRecord, moment: BudgetMoment): Budget {
  return { ...settingsView(budget), status: moment.status, myBallot: moment.myBallot, results: moment.results };
}

export function adminBudgetView(budget: BudgetRecord, now: Date): AdminBudget {
  return {
    ...settingsView(budget),
    status: budgetStatus(budget, now),
    myBallot: null,
    results: resultsOf(budget),
    closed: budget.closed,
    resultsPublishedAt: budget.resultsPublishedAt,
    createdAt: budget.createdAt,
    updatedAt: budget.updatedAt,
  };
}

export function resultsExport(
  budget: BudgetRecord,
  ballotsByDistrict: ReadonlyMap<string | null, number>,
  now: Date,
): BudgetResultsExport {
  const ranked = resultsOf(budget).projects;
  const projects = new Map(budget.projects.map((project) => [project.id, project]));
  const rows = ranked.map((result) => {
    const { title, district, category, cost } = projects.get(result.id)!;
    return {
      id: result.id,
      title,
      district,
      category,
      cost,
      votes: result.votes,
      rank: result.rank,
      funded: result.funded,
    };
  });
  const fundedCost = (inDistrict: (district: string | null) => boolean) =>
    rows.filter((row) => row.funded && inDistrict(row.district)).reduce((total, row) => total + row.cost, 0);
  return {
    budget: {
      id: budget.id,
      title: budget.title,
      status: budgetStatus(budget, now),
      currency: budget.currency,
      total: budget.total,
      rule: budget.rule,
      opensAt: budget.opensAt,
      closesAt: budget.closesAt,
      resultsPublishedAt: budget.resultsPublishedAt,
    },
    ballots: budget.ballots,
    districts: budget.districts.map((district) => ({
      id: district.id,
      name: district.name,
      envelope: district.envelope,
      ballots: ballotsByDistrict.get(district.id) ?? 0,
      funded: fundedCost((id) => id === district.id),
    })),
    projects: rows,
    funded: fundedCost(() => true),
    fundingRule: FUNDING_RULE,
    generatedAt: now.toISOString(),
    licence: RESULTS_LICENCE,
  };
}

/** One row per project, ranked; `ballots` counts the ballots of its district, or of the budget. */
export function resultsCsv(results: BudgetResultsExport): string {
  const ballotsIn = new Map(results.districts.map((district) => [district.id, district.ballots]));
  return csv([
    ['project_id', 'title', 'district', 'category', 'cost', 'votes', 'rank', 'funded', 'ballots'],
    ...results.projects.map((project) => [
      project.id,
      project.title,
      project.district,
      project.category,
      project.cost,
      project.votes,
      project.rank,
      project.funded,
      project.district === null ? results.ballots : (ballotsIn.get(project.district) ?? 0),
    ]),
  ]);
}

/** Numbered in the order first cast: the number says nothing of who cast it. */
export function ballotsExport(budget: BudgetRecord, ballots: BallotRecord[], now: Date): BallotsExport {
  return {
    budget: { id: budget.id, title: budget.title },
    ballots: ballots.map((ballot, index) => ({
      number: index + 1,
      district: ballot.district,
      projectIds: ballot.projectIds,
      castAt: ballot.castAt,
    })),
    generatedAt: now.toISOString(),
  };
}

/** One row per ballot, its project ids separated by spaces (ids never hold one). */
export function ballotsCsv(exported: BallotsExport): string {
  return csv([
    ['ballot', 'district', 'project_ids', 'cast_at'],
    ...exported.ballots.map((ballot) => [ballot.number, ballot.district, ballot.projectIds.join(' '), ballot.castAt]),
  ]);
}

function resultsOf(budget: BudgetRecord): BudgetResults {
  return { ballots: budget.ballots, projects: fundProjects(budget.projects, envelopesOf(budget)) };
}

function envelopesOf(budget: BudgetRecord): Envelope[] {
  if (budget.districts.length === 0) return [{ district: null, amount: budget.total }];
  return budget.districts.map((district) => ({ district: district.id, amount: district.envelope }));
}

function settingsView(budget: BudgetRecord) {
  return {
    id: budget.id,
    title: budget.title,
    description: budget.description,
    currency: budget.currency,
    total: budget.total,
    districts: budget.districts,
    categories: budget.categories,
    rule: budget.rule,
    minSpendShare: budget.minSpendShare,
    minProjects: budget.minProjects,
    maxProjects: budget.maxProjects,
    opensAt: budget.opensAt,
    closesAt: budget.closesAt,
    allowChange: budget.allowChange,
    requiresVerification: budget.requiresVerification,
    projects: budget.projects.map(({ votes: _, ...project }) => project),
  };
}
