import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Budget, Project } from '../../contract/budget.js';
import { type Ballot, type FitProblem, hasDistricts, projectsOf } from '../../client/budgets.js';
import type { ParvisError } from '../../client/errors.js';
import { renderBallotBar, renderDistricts, renderMyBallot, renderReview } from './budget-ballot.js';
import type { BudgetFormat } from './budget-format.js';
import { renderError, renderOverview } from './budget-overview.js';
import { type Filters, renderProjects } from './budget-projects.js';
import { renderResults } from './budget-results.js';

export type BudgetState =
  | 'loading'
  | 'error'
  | 'district'
  | 'building'
  | 'review'
  | 'submitting'
  | 'cast'
  | 'queued'
  | 'upcoming'
  | 'closed';

/** What the element knows and how it reacts, for the templates of each state. */
export interface BudgetView {
  budget: Budget;
  state: BudgetState;
  format: BudgetFormat;
  /** The ballot being built. */
  ballot: Ballot;
  /** The ballot as cast, or as it waits in the outbox. */
  mine: Ballot | null;
  submitting: boolean;
  ballotError: ParvisError | null;
  changing: boolean;
  showProblem: boolean;
  filters: Filters;
  /** The API base: project images given as paths are on that server. */
  api: string;
  on: {
    district: (event: Event) => void;
    filter: (filters: Filters) => void;
    pickClick: (event: MouseEvent, project: Project, problem: FitProblem | null) => void;
    pickChange: (event: Event, project: Project) => void;
    review: () => void;
    back: () => void;
    submit: () => void;
    reload: () => void;
    startChange: () => void;
    cancelChange: () => void;
  };
}

/** The budget in each of its states, after the overview every state shows. */
export function renderBudget(view: BudgetView): TemplateResult {
  const { budget, state, format, ballot, mine, ballotError, on } = view;
  const building = state === 'district' || state === 'building';
  const error = (retry: () => unknown) => (ballotError ? renderError(ballotError, retry) : nothing);
  return html`
    ${renderOverview(budget, format, building || state === 'review' ? ballot.district : (mine?.district ?? null))}
    ${state === 'review' || state === 'submitting'
      ? renderReview(budget, ballot, format, {
          submitting: view.submitting,
          error: error(on.submit),
          onSubmit: on.submit,
          onBack: on.back,
        })
      : nothing}
    ${building ? renderBuilding(view) : nothing} ${building ? error(on.review) : nothing}
    ${mine && (state === 'cast' || state === 'queued' || state === 'closed')
      ? renderMyBallot(budget, mine, format, { castAt: budget.myBallot?.castAt, queued: state === 'queued' })
      : nothing}
    ${state === 'cast' || state === 'closed' || state === 'upcoming' ? error(on.reload) : nothing}
    ${state === 'cast' && budget.allowChange
      ? html`<button part="change" class="button secondary" type="button" @click=${on.startChange}>
          ${msg('Modifier mon vote')}
        </button>`
      : nothing}
    ${budget.results ? renderResults(budget, budget.results, format, mine?.projectIds ?? []) : nothing}
    ${state === 'closed' && !budget.results
      ? html`<p part="notice" class="notice">${msg('Les résultats seront publiés après le dépouillement.')}</p>`
      : nothing}
    ${(state === 'upcoming' || state === 'closed') && !budget.results
      ? renderList(view, budget.projects, true)
      : nothing}
  `;
}

/** The district first where there are districts, then its projects to pick and the ballot bar. */
function renderBuilding(view: BudgetView): TemplateResult {
  const { budget, ballot, format, on } = view;
  const ready = !hasDistricts(budget) || ballot.district !== null;
  return html`
    ${hasDistricts(budget) ? renderDistricts(budget, ballot.district, format, on.district) : nothing}
    ${ready
      ? html`${renderList(view, projectsOf(budget, ballot.district), false, ballot)}
        ${renderBallotBar(budget, ballot, format, view.showProblem, on.review)}`
      : nothing}
    ${view.changing
      ? html`<button part="cancel" class="button secondary" type="button" @click=${on.cancelChange}>
          ${msg('Garder mon vote')}
        </button>`
      : nothing}
  `;
}

function renderList(view: BudgetView, projects: Project[], byDistrict: boolean, ballot?: Ballot): TemplateResult {
  const { on } = view;
  return renderProjects(view.budget, projects, {
    format: view.format,
    filters: view.filters,
    byDistrict,
    onFilter: on.filter,
    imageUrl: (url) => new URL(url, `${view.api}/`).href,
    picking: ballot && { ballot, onClick: on.pickClick, onChange: on.pickChange },
  });
}
