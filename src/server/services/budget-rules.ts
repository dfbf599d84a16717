import type { BudgetStatus, CreateBudget, Project, ProjectInput, UpdateBudget } from '../../contract/budget.js';
import { ApiError } from '../errors.js';
import type { BudgetRecord, BudgetSettings } from '../store/budgets.js';

/** The largest amount a budget holds: a 32-bit integer column on PostgreSQL. */
export const MAX_AMOUNT = 2_000_000_000;

export function budgetStatus(budget: Pick<BudgetRecord, 'closed' | 'opensAt' | 'closesAt'>, now: Date): BudgetStatus {
  const instant = now.toISOString();
  if (budget.closed || (budget.closesAt !== null && budget.closesAt <= instant)) return 'closed';
  if (budget.opensAt !== null && budget.opensAt > instant) return 'upcoming';
  return 'open';
}

/** Citizens see results the city published, and only while the vote is closed. */
export function resultsArePublic(budget: BudgetRecord, status: BudgetStatus): boolean {
  return budget.resultsPublishedAt !== null && status === 'closed';
}

/** The envelope a ballot of `district` spends: the district's, or the whole budget's. */
export function envelopeOf(budget: Pick<BudgetRecord, 'districts' | 'total'>, district: string | null): number {
  return district === null ? budget.total : (budget.districts.find((d) => d.id === district)?.envelope ?? 0);
}

/**
 * What a knapsack ballot must at least spend. The product is rounded to a
 * millionth first, so that 0.7 × 100,000 asks for 70,000 and not 70,001.
 */
export function minimumSpend(envelope: number, share: number): number {
  return Math.ceil(Math.round(share * envelope * 1e6) / 1e6);
}

/** Refuses a ballot the budget cannot take, with the code a widget shows a message for. */
export function checkBallot(
  budget: BudgetRecord,
  ballot: { projectIds: string[]; district: string | null },
  now: Date,
): void {
  const status = budgetStatus(budget, now);
  if (status === 'upcoming') throw new ApiError('budget_not_open');
  if (status === 'closed') throw new ApiError('budget_closed');
  checkBallotRules(budget, ballot);
}

/**
 * The rules a ballot follows wherever it was cast: through the widget while
 * the vote is open, or on paper and counted whenever the officer records it.
 */
export function checkBallotRules(
  budget: BudgetRecord,
  ballot: { projectIds: string[]; district: string | null },
): void {
  const { projectIds, district } = ballot;
  if (new Set(projectIds).size !== projectIds.length) throw new ApiError('duplicate_project');
  const projects = new Map(budget.projects.map((project) => [project.id, project]));
  const chosen = projectIds.map((id) => projects.get(id));
  if (chosen.some((project) => project === undefined)) throw new ApiError('unknown_project');
  if (budget.districts.length > 0 && district === null) throw new ApiError('district_required');
  if (district !== null && !budget.districts.some((d) => d.id === district)) throw new ApiError('unknown_district');
  if (chosen.some((project) => project!.district !== district)) throw new ApiError('project_not_in_district');
  if (budget.minProjects !== null && projectIds.length < budget.minProjects) throw new ApiError('too_few_projects');
  if (budget.maxProjects !== null && projectIds.length > budget.maxProjects) throw new ApiError('too_many_projects');
  if (budget.rule === 'approval') return;
  const envelope = envelopeOf(budget, district);
  const spent = chosen.reduce((sum, project) => sum + project!.cost, 0);
  if (spent > envelope) throw new ApiError('over_budget');
  if (budget.minSpendShare !== null && spent < minimumSpend(envelope, budget.minSpendShare))
    throw new ApiError('under_min_spend');
}

export interface BudgetDraft {
  settings: BudgetSettings;
  projects: Project[];
}

/** The settings of a new budget, with defaults: euros, knapsack without limits, open from now. */
export function settingsForCreate(input: CreateBudget): BudgetDraft {
  return settle(
    {
      title: input.title,
      description: input.description ?? null,
      currency: input.currency ?? 'EUR',
      total: input.total ?? 0,
      districts: input.districts ?? [],
      categories: input.categories ?? [],
      rule: input.rule ?? 'knapsack',
      minSpendShare: input.minSpendShare ?? null,
      minProjects: input.minProjects ?? null,
      maxProjects: input.maxProjects ?? null,
      opensAt: input.opensAt ?? null,
      closesAt: input.closesAt ?? null,
      allowChange: input.allowChange ?? false,
      requiresVerification: input.requiresVerification ?? false,
      closed: false,
      resultsPublishedAt: null,
    },
    input.total,
    input.projects.map(projectOf),
  );
}

/** `budget`'s settings with `patch` applied. */
export function settingsForUpdate(budget: BudgetRecord, patch: UpdateBudget): BudgetDraft {
  const pick = <K extends keyof UpdateBudget & keyof BudgetRecord>(key: K) =>
    (patch[key] === undefined ? budget[key] : patch[key]) as BudgetRecord[K];
  const districts = pick('districts');
  return settle(
    {
      title: pick('title'),
      description: pick('description'),
      currency: pick('currency'),
      total: budget.total,
      districts,
      categories: pick('categories'),
      rule: pick('rule'),
      minSpendShare: pick('minSpendShare'),
      minProjects: pick('minProjects'),
      maxProjects: pick('maxProjects'),
      opensAt: pick('opensAt'),
      closesAt: pick('closesAt'),
      allowChange: pick('allowChange'),
      requiresVerification: pick('requiresVerification'),
      closed: budget.closed,
      resultsPublishedAt: budget.resultsPublishedAt,
    },
    // A budget leaving its districts keeps their sum as its envelope unless told another.
    patch.total ?? (districts.length > 0 ? undefined : budget.total),
    patch.projects ? patch.projects.map(projectOf) : budget.projects.map(({ votes: _, ...project }) => project),
  );
}

/** Whether `draft` changes what a ballot already cast was judged by: projects, costs, envelopes, the rule. */
export function changesBallotRules(budget: BudgetRecord, draft: BudgetDraft): boolean {
  const { settings, projects } = draft;
  const envelopes = (districts: BudgetRecord['districts']) =>
    JSON.stringify(districts.map(({ id, envelope }) => [id, envelope]).sort());
  const costs = (list: ReadonlyArray<Project>) =>
    JSON.stringify(list.map(({ id, cost, district }) => [id, cost, district]).sort());
  return (
    settings.rule !== budget.rule ||
    settings.total !== budget.total ||
    settings.minSpendShare !== budget.minSpendShare ||
    settings.minProjects !== budget.minProjects ||
    settings.maxProjects !== budget.maxProjects ||
    envelopes(settings.districts) !== envelopes(budget.districts) ||
    costs(projects) !== costs(budget.projects)
  );
}

function projectOf(input: ProjectInput): Project {
  return {
    id: input.id,
    title: input.title,
    summary: input.summary,
    description: input.description ?? null,
    cost: input.cost,
    category: input.category ?? null,
    district: input.district ?? null,
    location: input.location ?? null,
    image: input.image ?? null,
  };
}

/** Checks that the settings hold together, naming each field that does not, and computes the total. */
function settle(draft: BudgetSettings, total: number | undefined, projects: Project[]): BudgetDraft {
  const fields: Record<string, string> = {};
  const { districts, categories, rule } = draft;
  const duplicated = (ids: string[]) => new Set(ids).size !== ids.length;
  if (duplicated(districts.map((d) => d.id))) fields.districts = 'duplicate_district_id';
  if (duplicated(categories.map((category) => category.id))) fields.categories = 'duplicate_category_id';
  if (duplicated(projects.map((project) => project.id))) fields.projects = 'duplicate_project_id';
  let settled = total ?? 0;
  if (districts.length > 0) {
    settled = districts.reduce((sum, d) => sum + d.envelope, 0);
    if (total !== undefined && total !== settled) fields.total = 'not_sum_of_districts';
  } else if (total === undefined) {
    fields.total = 'required';
  }
  if (settled > MAX_AMOUNT) fields.total = 'too_large';
  const envelopes = new Map<string | null, number>(
    districts.length > 0 ? districts.map((d) => [d.id, d.envelope]) : [[null, settled]],
  );
  const categoryIds = new Set(categories.map((category) => category.id));
  projects.forEach((project, index) => {
    const envelope = envelopes.get(project.district);
    if (envelope === undefined) {
      fields[`projects.${index}.district`] = project.district === null ? 'required' : 'unknown_district';
    } else if (fields.total === undefined && project.cost > envelope) {
      // It could never be funded, nor fit in a knapsack ballot.
      fields[`projects.${index}.cost`] = 'over_envelope';
    }
    if (project.cost > MAX_AMOUNT) fields[`projects.${index}.cost`] = 'too_large';
    if (project.category !== null && !categoryIds.has(project.category))
      fields[`projects.${index}.category`] = 'unknown_category';
  });
  if (rule === 'approval') {
    if (draft.maxProjects === null) fields.maxProjects = 'required_for_approval';
    if (draft.minSpendShare !== null) fields.minSpendShare = 'knapsack_only';
  }
  if (draft.minProjects !== null && draft.maxProjects !== null && draft.minProjects > draft.maxProjects)
    fields.minProjects = 'greater_than_max_projects';
  const opensAt = normalizeInstant(draft.opensAt);
  const closesAt = normalizeInstant(draft.closesAt);
  if (opensAt && closesAt && closesAt <= opensAt) fields.closesAt = 'not_after_opens_at';
  if (Object.keys(fields).length > 0) throw new ApiError('invalid_request', fields);
  return { settings: { ...draft, total: settled, opensAt, closesAt }, projects };
}

/** Instants are stored in UTC so that comparing their text compares the times. */
function normalizeInstant(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
