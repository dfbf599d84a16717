import type { AdminBudget, BallotRule } from '../../contract/budget.js';
import { idsOf, newKey, numberOf, type ListEntry } from '../fields.js';
import { fromLocalInput, toLocalInput } from '../format.js';

export interface DistrictDraft extends ListEntry {
  name: string;
  envelope: string;
}

export interface CategoryDraft extends ListEntry {
  label: string;
}

/** A project as the form holds it: its district and category by the `key` of their entry, '' for none. */
export interface ProjectDraft extends ListEntry {
  title: string;
  summary: string;
  description: string;
  cost: string;
  district: string;
  category: string;
  location: string;
  imageUrl: string;
  imageAlt: string;
}

/** A budget as its form holds it: amounts and limits as typed, the minimum spend in percent. */
export interface BudgetDraft {
  id: string;
  title: string;
  description: string;
  currency: string;
  total: string;
  districts: DistrictDraft[];
  categories: CategoryDraft[];
  rule: BallotRule;
  minSpendPercent: string;
  minProjects: string;
  maxProjects: string;
  opensAt: string;
  closesAt: string;
  allowChange: boolean;
  requiresVerification: boolean;
  projects: ProjectDraft[];
}

/** The form's fields in their order, for the error summary. */
export const BUDGET_FIELDS = [
  'title',
  'id',
  'description',
  'currency',
  'districts',
  'total',
  'rule',
  'minSpendPercent',
  'minProjects',
  'maxProjects',
  'categories',
  'projects',
  'opensAt',
  'closesAt',
] as const;

export function emptyProject(): ProjectDraft {
  return {
    key: newKey(),
    id: null,
    title: '',
    summary: '',
    description: '',
    cost: '',
    district: '',
    category: '',
    location: '',
    imageUrl: '',
    imageAlt: '',
  };
}

export function emptyBudgetDraft(): BudgetDraft {
  return {
    id: '',
    title: '',
    description: '',
    currency: 'EUR',
    total: '',
    districts: [],
    categories: [],
    rule: 'knapsack',
    minSpendPercent: '',
    minProjects: '',
    maxProjects: '',
    opensAt: '',
    closesAt: '',
    allowChange: false,
    requiresVerification: false,
    projects: [emptyProject()],
  };
}

export function budgetDraftOf(budget: AdminBudget): BudgetDraft {
  const districts = budget.districts.map((d) => ({
    key: newKey(),
    id: d.id,
    name: d.name,
    envelope: String(d.envelope),
  }));
  const categories = budget.categories.map((c) => ({ key: newKey(), id: c.id, label: c.label }));
  const keyOf = (entries: ListEntry[], id: string | null) => entries.find((entry) => entry.id === id)?.key ?? '';
  const text = (value: number | null) => (value === null ? '' : String(value));
  return {
    id: budget.id,
    title: budget.title,
    description: budget.description ?? '',
    currency: budget.currency,
    total: String(budget.total),
    districts,
    categories,
    rule: budget.rule,
    minSpendPercent: budget.minSpendShare === null ? '' : String(Math.round(budget.minSpendShare * 10000) / 100),
    minProjects: text(budget.minProjects),
    maxProjects: text(budget.maxProjects),
    opensAt: toLocalInput(budget.opensAt),
    closesAt: toLocalInput(budget.closesAt),
    allowChange: budget.allowChange,
    requiresVerification: budget.requiresVerification,
    projects: budget.projects.map((project) => ({
      key: newKey(),
      id: project.id,
      title: project.title,
      summary: project.summary,
      description: project.description ?? '',
      cost: String(project.cost),
      district: keyOf(districts, project.district),
      category: keyOf(categories, project.category),
      location: project.location ?? '',
      imageUrl: project.image?.url ?? '',
      imageAlt: project.image?.alt ?? '',
    })),
  };
}

/**
 * The body the API receives. Once ballots were cast (`frozen`), what they
 * were judged by — the rule, the limits, the envelopes, the projects' costs
 * and districts — is sent as it was, or not at all.
 */
export function budgetBody(draft: BudgetDraft, original: AdminBudget | null, frozen: boolean) {
  const instant = (value: string, before: string | null) =>
    before !== null && value === toLocalInput(before) ? before : fromLocalInput(value);
  const limit = (value: string) => numberOf(value) ?? null;
  const districtIds = idsOf(draft.districts, (i) => draft.districts[i].name, 'quartier');
  const categoryIds = idsOf(draft.categories, (i) => draft.categories[i].label, 'categorie');
  const projectIds = idsOf(draft.projects, (i) => draft.projects[i].title, 'projet');
  const percent = numberOf(draft.minSpendPercent);
  const ballotRules = {
    ...(draft.districts.length ? {} : { total: numberOf(draft.total) }),
    rule: draft.rule,
    minSpendShare: draft.rule === 'approval' || percent === undefined ? null : percent / 100,
    minProjects: limit(draft.minProjects),
    maxProjects: limit(draft.maxProjects),
  };
  return {
    ...(original ? {} : { id: draft.id.trim() }),
    title: draft.title.trim(),
    description: draft.description.trim() || null,
    currency: draft.currency.trim().toUpperCase(),
    ...(frozen ? {} : ballotRules),
    districts: draft.districts.map((d) => ({
      id: districtIds.get(d.key)!,
      name: d.name.trim(),
      envelope: numberOf(d.envelope),
    })),
    categories: draft.categories.map((c) => ({ id: categoryIds.get(c.key)!, label: c.label.trim() })),
    projects: draft.projects.map((p) => ({
      id: projectIds.get(p.key)!,
      title: p.title.trim(),
      summary: p.summary.trim(),
      description: p.description.trim() || null,
      cost: numberOf(p.cost),
      district: districtIds.get(p.district) ?? null,
      category: categoryIds.get(p.category) ?? null,
      location: p.location.trim() || null,
      image: p.imageUrl.trim() ? { url: p.imageUrl.trim(), alt: p.imageAlt.trim() } : null,
    })),
    opensAt: instant(draft.opensAt, original?.opensAt ?? null),
    closesAt: instant(draft.closesAt, original?.closesAt ?? null),
    allowChange: draft.allowChange,
    requiresVerification: draft.requiresVerification,
  };
}

/** Ids are made from names and titles, and the minimum spend is typed in percent: their mistakes are those fields'. */
export function placeBudgetErrors(errors: Record<string, string>): Record<string, string> {
  const place = (field: string) =>
    field
      .replace(/^(districts\.\d+)\.id$/, '$1.name')
      .replace(/^(categories\.\d+)\.id$/, '$1.label')
      .replace(/^(projects\.\d+)\.id$/, '$1.title')
      .replace(/^(projects\.\d+)\.image\.url$/, '$1.imageUrl')
      .replace(/^(projects\.\d+)\.image\.alt$/, '$1.imageAlt')
      .replace(/^minSpendShare$/, 'minSpendPercent');
  const placed: Record<string, string> = {};
  for (const [field, text] of Object.entries(errors)) placed[place(field)] ??= text;
  return placed;
}
