import { Budget, CastBallot, type Project } from '../contract/budget.js';
import type { ApiErrorCode } from '../contract/errors.js';
import { type ApiClient, type CallOptions, type WriteOptions, checked } from './api-client.js';

/** getBudget: the budget as the identified voter sees it. */
export function getBudget(client: ApiClient, budgetId: string, options: CallOptions = {}): Promise<Budget> {
  return client.read('getBudget', Budget, options, (adapter, context) => adapter.getBudget(budgetId, context));
}

/** castBallot: answers the budget as this voter now sees it, with `myBallot`. */
export async function castBallot(
  client: ApiClient,
  budgetId: string,
  ballot: Ballot,
  options: WriteOptions = {},
): Promise<Budget> {
  const body = checked(CastBallot, ballotBody(ballot), 'The projects');
  return client.write('castBallot', Budget, options, (adapter, context) => adapter.castBallot(budgetId, body, context));
}

/** The contract's body: `district` is left out, not `null`, in a budget without districts. */
export function ballotBody({ district, projectIds }: Ballot): CastBallot {
  return district ? { projectIds: [...projectIds], district } : { projectIds: [...projectIds] };
}

/*
 * The ballot rules, as the server enforces them when it writes a ballot. The
 * widget applies the same ones while the citizen builds it, so that what it
 * lets them send is what the server accepts; the server stays the judge.
 */

/** A ballot: the projects of one district, or of the whole budget when it has no districts. */
export interface Ballot {
  district: string | null;
  projectIds: readonly string[];
}

/** Why a project cannot be added to a ballot, by the code the server would answer. */
export type FitProblem =
  | { code: Extract<ApiErrorCode, 'over_budget'>; /** How much more it costs than what is left. */ excess: number }
  | { code: Extract<ApiErrorCode, 'too_many_projects'>; max: number }
  | { code: Extract<ApiErrorCode, 'project_not_in_district'> };

/** Why a ballot cannot be sent yet, by the code the server would answer. */
export type BallotProblem =
  | { code: Extract<ApiErrorCode, 'district_required'> }
  | { code: Extract<ApiErrorCode, 'too_few_projects'>; min: number }
  | { code: Extract<ApiErrorCode, 'too_many_projects'>; max: number }
  | { code: Extract<ApiErrorCode, 'project_not_in_district'> }
  | { code: Extract<ApiErrorCode, 'over_budget'>; excess: number }
  | { code: Extract<ApiErrorCode, 'under_min_spend'>; minimum: number; missing: number };

export function hasDistricts(budget: Budget): boolean {
  return budget.districts.length > 0;
}

/** What a ballot may spend: its district's envelope, or the whole budget's. */
export function envelopeOf(budget: Budget, district: string | null): number {
  if (!hasDistricts(budget)) return budget.total;
  return budget.districts.find((candidate) => candidate.id === district)?.envelope ?? 0;
}

/** The projects a ballot of this district may hold, in the budget's order. */
export function projectsOf(budget: Budget, district: string | null): Project[] {
  if (!hasDistricts(budget)) return budget.projects;
  return budget.projects.filter((project) => project.district === district);
}

export function spentOn(budget: Budget, projectIds: readonly string[]): number {
  const chosen = new Set(projectIds);
  return budget.projects.reduce((sum, project) => (chosen.has(project.id) ? sum + project.cost : sum), 0);
}

/** What is left of the envelope; negative when a ballot spends more than it. */
export function leftOf(budget: Budget, ballot: Ballot): number {
  return envelopeOf(budget, ballot.district) - spentOn(budget, ballot.projectIds);
}

/** The least a knapsack ballot must spend, in whole units; 0 when the budget asks for no minimum. */
export function minimumSpend(budget: Budget, district: string | null): number {
  if (budget.rule !== 'knapsack' || !budget.minSpendShare) return 0;
  // Rounded to a millionth first, as the server does, so that 0.7 × 100 000 asks for 70 000 and not 70 001.
  return Math.ceil(Math.round(budget.minSpendShare * envelopeOf(budget, district) * 1e6) / 1e6);
}

/** The fewest projects a ballot may hold: a ballot always holds one at least. */
export function minProjectsOf(budget: Budget): number {
  return Math.max(1, budget.minProjects ?? 1);
}

/** Whether a project can join the ballot now, and if not why; `null` when it can (or is already in it). */
export function whyNotFit(budget: Budget, ballot: Ballot, project: Project): FitProblem | null {
  if (ballot.projectIds.includes(project.id)) return null;
  if (hasDistricts(budget) && project.district !== ballot.district) return { code: 'project_not_in_district' };
  const max = budget.maxProjects;
  if (max !== null && ballot.projectIds.length >= max) return { code: 'too_many_projects', max };
  if (budget.rule === 'knapsack') {
    const excess = project.cost - leftOf(budget, ballot);
    if (excess > 0) return { code: 'over_budget', excess };
  }
  return null;
}

/** Whether the ballot can be sent as it is, and if not why; `null` when it can. */
export function whyNotSubmittable(budget: Budget, ballot: Ballot): BallotProblem | null {
  if (hasDistricts(budget) && !budget.districts.some((district) => district.id === ballot.district)) {
    return { code: 'district_required' };
  }
  const own = new Set(projectsOf(budget, ballot.district).map((project) => project.id));
  if (ballot.projectIds.some((id) => !own.has(id))) return { code: 'project_not_in_district' };
  const count = ballot.projectIds.length;
  const max = budget.maxProjects;
  if (max !== null && count > max) return { code: 'too_many_projects', max };
  if (budget.rule === 'knapsack') {
    const excess = -leftOf(budget, ballot);
    if (excess > 0) return { code: 'over_budget', excess };
  }
  const min = minProjectsOf(budget);
  if (count < min) return { code: 'too_few_projects', min };
  const minimum = minimumSpend(budget, ballot.district);
  const spent = spentOn(budget, ballot.projectIds);
  if (spent < minimum) return { code: 'under_min_spend', minimum, missing: minimum - spent };
  return null;
}

/**
 * A ballot kept from earlier (a draft, a cast ballot to change) made to fit
 * the budget as it is now: unknown districts and projects that are gone or
 * belong elsewhere are dropped, and the budget's order is kept.
 */
export function sanitizeBallot(budget: Budget, ballot: Ballot): Ballot {
  const district =
    hasDistricts(budget) && budget.districts.some((candidate) => candidate.id === ballot.district)
      ? ballot.district
      : null;
  const chosen = new Set(ballot.projectIds);
  const projectIds = projectsOf(budget, district)
    .filter((project) => chosen.has(project.id))
    .map((project) => project.id);
  return { district, projectIds };
}
