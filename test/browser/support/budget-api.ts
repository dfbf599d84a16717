import { fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../../src/elements/budget/define.js';
import type { BudgetState, ParvisBudget } from '../../../src/elements/budget/budget.js';
import type { Budget, BudgetResults, CastBallot, Project } from '../../../src/contract/budget.js';
import { API, error, worker } from './api.js';
import { part, parts, text } from './dom.js';

export { API, error, never, startApi, worker } from './api.js';
export { part, parts, text } from './dom.js';

const project = (overrides: Partial<Project> & Pick<Project, 'id' | 'title' | 'cost'>): Project => ({
  summary: `${overrides.title} : résumé.`,
  description: null,
  category: null,
  district: null,
  location: null,
  image: null,
  ...overrides,
});

/** Five projects for 172 000 € in a 100 000 € envelope: not all of them fit. */
export function makeBudget(overrides: Partial<Budget> = {}): Budget {
  return {
    id: 'budget-participatif-2027',
    title: 'Budget participatif 2027',
    description: 'Choisissez les projets que la ville réalisera en 2027.',
    currency: 'EUR',
    total: 100_000,
    districts: [],
    categories: [
      { id: 'jeunesse', label: 'Jeunesse' },
      { id: 'mobilite', label: 'Mobilité' },
      { id: 'nature', label: 'Nature en ville' },
    ],
    rule: 'knapsack',
    minSpendShare: null,
    minProjects: null,
    maxProjects: null,
    opensAt: '2027-01-04T08:00:00+01:00',
    closesAt: '2027-03-31T18:00:00+02:00',
    status: 'open',
    allowChange: false,
    requiresVerification: false,
    projects: [
      project({
        id: 'aire-de-jeux',
        title: 'Aire de jeux du square Jean-Moulin',
        cost: 45_000,
        category: 'jeunesse',
        location: 'square Jean-Moulin',
        description: 'Des jeux pour les 2 à 10 ans, un sol souple et deux bancs à l’ombre.',
        image: { url: '/images/aire-de-jeux.svg', alt: 'Un toboggan et des balançoires sur un sol souple' },
      }),
      project({ id: 'piste-cyclable', title: 'Piste cyclable rue des Écoles', cost: 60_000, category: 'mobilite' }),
      project({ id: 'jardin-partage', title: 'Jardin partagé des Tilleuls', cost: 25_000, category: 'nature' }),
      project({ id: 'arbres', title: 'Cent arbres dans les cours d’école', cost: 30_000, category: 'nature' }),
      project({ id: 'abris-velos', title: 'Abris à vélos couverts', cost: 12_000, category: 'mobilite' }),
    ],
    myBallot: null,
    results: null,
    ...overrides,
  };
}

/** Two districts, 60 000 € and 40 000 €, two projects each. */
export function makeDistrictBudget(overrides: Partial<Budget> = {}): Budget {
  return makeBudget({
    districts: [
      { id: 'nord', name: 'Nord', envelope: 60_000 },
      { id: 'sud', name: 'Sud', envelope: 40_000 },
    ],
    projects: [
      project({ id: 'aire-de-jeux', title: 'Aire de jeux du square Jean-Moulin', cost: 45_000, district: 'nord' }),
      project({ id: 'abris-velos', title: 'Abris à vélos couverts', cost: 12_000, district: 'nord' }),
      project({ id: 'jardin-partage', title: 'Jardin partagé des Tilleuls', cost: 25_000, district: 'sud' }),
      project({ id: 'arbres', title: 'Cent arbres dans les cours d’école', cost: 30_000, district: 'sud' }),
    ],
    ...overrides,
  });
}

export interface RecordedBallot extends CastBallot {
  voter: string | null;
  idempotencyKey: string | null;
}

/**
 * A tiny stand-in for the server: it serves one budget, judges ballots by the
 * rules of the contract (written out here on their own, not with the widget's
 * functions), records the accepted one as `myBallot`, and remembers what it received.
 */
export class FakeBudgetServer {
  budget: Budget;
  received: RecordedBallot[] = [];

  constructor(budget: Budget) {
    this.budget = budget;
  }

  listen(options: { cast?: () => Response | Promise<Response> | undefined } = {}): this {
    worker.use(
      http.get(`${API}/v1/budgets/:budgetId`, ({ params }) =>
        params.budgetId === this.budget.id ? HttpResponse.json(this.budget) : error(404, 'budget_not_found'),
      ),
      http.post(`${API}/v1/budgets/:budgetId/ballots`, async ({ request }) => {
        const body = (await request.json()) as CastBallot;
        this.received.push({
          ...body,
          voter: request.headers.get('Parvis-Voter'),
          idempotencyKey: request.headers.get('Idempotency-Key'),
        });
        const replaced = await options.cast?.();
        if (replaced) return replaced;
        const refusal = this.judge(body);
        if (refusal) return error(refusal === 'budget_closed' || refusal === 'ballot_exists' ? 409 : 422, refusal);
        const castAt = new Date().toISOString();
        this.budget = {
          ...this.budget,
          myBallot: { projectIds: body.projectIds, district: body.district ?? null, castAt },
        };
        return HttpResponse.json(this.budget);
      }),
      http.get(`${API}/images/:name`, () =>
        HttpResponse.text('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="9"/>', {
          headers: { 'Content-Type': 'image/svg+xml' },
        }),
      ),
    );
    return this;
  }

  judge({ projectIds, district }: CastBallot): string | null {
    const budget = this.budget;
    if (budget.status === 'closed') return 'budget_closed';
    if (budget.status === 'upcoming') return 'budget_not_open';
    if (budget.myBallot && !budget.allowChange) return 'ballot_exists';
    const envelope = budget.districts.length
      ? budget.districts.find((each) => each.id === district)?.envelope
      : budget.total;
    if (budget.districts.length && !district) return 'district_required';
    if (envelope === undefined) return 'unknown_district';
    if (new Set(projectIds).size !== projectIds.length) return 'duplicate_project';
    const chosen = projectIds.map((id) => budget.projects.find((each) => each.id === id));
    if (chosen.some((each) => !each)) return 'unknown_project';
    if (chosen.some((each) => (each!.district ?? undefined) !== district)) return 'project_not_in_district';
    const spent = chosen.reduce((sum, each) => sum + each!.cost, 0);
    if (budget.maxProjects !== null && projectIds.length > budget.maxProjects) return 'too_many_projects';
    if (budget.minProjects !== null && projectIds.length < budget.minProjects) return 'too_few_projects';
    if (budget.rule === 'knapsack' && spent > envelope) return 'over_budget';
    if (budget.rule === 'knapsack' && budget.minSpendShare && spent < budget.minSpendShare * envelope) {
      return 'under_min_spend';
    }
    return null;
  }
}

/** Results where the three most voted projects were funded while they fit. */
export function makeResults(): BudgetResults {
  return {
    ballots: 412,
    projects: [
      { id: 'aire-de-jeux', votes: 301, rank: 1, funded: true },
      { id: 'piste-cyclable', votes: 250, rank: 2, funded: false },
      { id: 'jardin-partage', votes: 198, rank: 3, funded: true },
      { id: 'arbres', votes: 120, rank: 4, funded: false },
      { id: 'abris-velos', votes: 1, rank: 5, funded: true },
    ],
  };
}

export async function renderBudget(budgetId = 'budget-participatif-2027', api = API): Promise<ParvisBudget> {
  return fixture<ParvisBudget>(
    html`<parvis-budget budget=${budgetId} api=${api}
      ><a href="/b/${budgetId}">Voter au budget participatif</a></parvis-budget
    >`,
  );
}

export async function until(element: ParvisBudget, state: BudgetState): Promise<void> {
  await waitUntil(() => element.state === state, `the budget never reached "${state}" (it is "${element.state}")`, {
    timeout: 4000,
  });
  await element.updateComplete;
}

/** Ticks or unticks projects the way a pointer would: a click on each one's label. */
export async function pick(element: ParvisBudget, ...titles: string[]): Promise<void> {
  for (const title of titles) {
    const card = parts(element, 'project').find(
      (node) => text(node.querySelector('[part~="project-title"]')) === title,
    );
    if (!card) throw new Error(`No project titled ${title}`);
    card.querySelector<HTMLLabelElement>('[part~="pick-label"]')!.click();
    await element.updateComplete;
  }
}

export function checkbox(element: ParvisBudget, projectId: string): HTMLInputElement {
  return element.shadowRoot!.querySelector<HTMLInputElement>(`#pick-${projectId}`)!;
}

export function announcement(element: ParvisBudget): string {
  return text(element.shadowRoot!.querySelector('.visually-hidden[role="status"]'));
}

/**
 * Money as the widget writes it in French, through the same `Intl` rules, with
 * its narrow no-break spaces made plain as `text()` makes them.
 */
export function euros(amount: number, locale = 'fr'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
  return spaced(format.format(amount));
}

/** An attribute's text with its spaces made plain, as `text()` does for content. */
export function spaced(value: string | null): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** The text of each item of a list. */
export function items(list: Element | null): string[] {
  return [...(list?.querySelectorAll('li') ?? [])].map(text);
}

export async function click(element: ParvisBudget, name: string): Promise<void> {
  part<HTMLButtonElement>(element, name)!.click();
  await element.updateComplete;
}
