// role="list" is kept on purpose: WebKit drops the list semantics of a <ul> styled with list-style: none.
/* eslint-disable lit-a11y/no-redundant-role */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Budget, Project } from '../../contract/budget.js';
import { type Ballot, type FitProblem, whyNotFit } from '../../client/budgets.js';
import type { BudgetFormat } from './budget-format.js';

/** What the citizen narrowed the list to; `''` for all. */
export interface Filters {
  category: string;
  district: string;
}

/** Where a project list takes the citizen's picks; absent when the list is only to read. */
export interface Picking {
  ballot: Ballot;
  /** On a click, before the checkbox changes: a project that does not fit stays as it is, and says why. */
  onClick: (event: MouseEvent, project: Project, problem: FitProblem | null) => void;
  onChange: (event: Event, project: Project) => void;
}

export interface ListOptions {
  format: BudgetFormat;
  filters: Filters;
  /** Offer the district filter (a ballot under way already keeps to one district). */
  byDistrict: boolean;
  onFilter: (filters: Filters) => void;
  /** Resolves image paths against the Parvis server that serves them. */
  imageUrl: (url: string) => string;
  picking?: Picking;
}

/** The filters, the number of projects they keep (announced), and the projects as cards. */
export function renderProjects(budget: Budget, projects: Project[], options: ListOptions): TemplateResult {
  const { format, filters } = options;
  const shown = projects.filter(
    (project) =>
      (!filters.category || project.category === filters.category) &&
      (!options.byDistrict || !filters.district || project.district === filters.district),
  );
  const cards = html`<ul part="projects" class="project-list" role="list">
    ${shown.map((project) => renderCard(budget, project, options))}
  </ul>`;
  return html`
    ${renderFilters(budget, options)}
    <p part="shown" class="shown" role="status">${format.projects(shown.length)}</p>
    ${options.picking
      ? html`<fieldset class="picking">
          <legend class="visually-hidden">${msg('Projets à choisir')}</legend>
          ${cards}
        </fieldset>`
      : cards}
  `;
}

function renderFilters(budget: Budget, options: ListOptions): TemplateResult | typeof nothing {
  const { filters, onFilter } = options;
  const byCategory = budget.categories.length > 1;
  const byDistrict = options.byDistrict && budget.districts.length > 1;
  if (!byCategory && !byDistrict) return nothing;
  const select = (name: keyof Filters) => (event: Event) =>
    onFilter({ ...filters, [name]: (event.target as HTMLSelectElement).value });
  return html`
    <div part="filters" class="filters">
      ${byCategory
        ? html`<div class="filter">
            <label for="filter-category">${msg('Catégorie')}</label>
            <select part="filter" id="filter-category" @change=${select('category')}>
              <option value="" ?selected=${!filters.category}>${msg('Toutes les catégories')}</option>
              ${budget.categories.map(
                (category) =>
                  html`<option value=${category.id} ?selected=${filters.category === category.id}>
                    ${category.label}
                  </option>`,
              )}
            </select>
          </div>`
        : nothing}
      ${byDistrict
        ? html`<div class="filter">
            <label for="filter-district">${msg('Quartier')}</label>
            <select part="filter" id="filter-district" @change=${select('district')}>
              <option value="" ?selected=${!filters.district}>${msg('Tous les quartiers')}</option>
              ${budget.districts.map(
                (district) =>
                  html`<option value=${district.id} ?selected=${filters.district === district.id}>
                    ${district.name}
                  </option>`,
              )}
            </select>
          </div>`
        : nothing}
    </div>
  `;
}

function renderCard(budget: Budget, project: Project, options: ListOptions): TemplateResult {
  const { format, picking } = options;
  const { id, title, image } = project;
  const facts = [
    budget.categories.find((category) => category.id === project.category)?.label,
    budget.districts.find((district) => district.id === project.district)?.name,
    project.location ? msg(str`Lieu : ${project.location}`) : undefined,
  ].filter((fact): fact is string => Boolean(fact));
  return html`
    <li part="project" class="project">
      ${image
        ? html`<img
            part="image"
            class="image"
            src=${options.imageUrl(image.url)}
            alt=${image.alt}
            width="640"
            height="360"
            loading="lazy"
            decoding="async"
          />`
        : nothing}
      <p part="project-title" class="project-title">${title}</p>
      <p part="cost" id=${`cost-${id}`} class="cost">${format.money(project.cost)}</p>
      ${facts.length ? html`<p part="facts" class="facts">${facts.join(' · ')}</p>` : nothing}
      <p part="summary" class="summary">${project.summary}</p>
      ${project.description
        ? html`<details part="details" class="details">
            <summary>${msg('En savoir plus')}<span class="visually-hidden"> : ${title}</span></summary>
            <p class="long-description">${project.description}</p>
          </details>`
        : nothing}
      ${picking ? renderPick(budget, project, picking, format) : nothing}
    </li>
  `;
}

/**
 * A checkbox per project. One that does not fit is not disabled: it stays
 * focusable, is marked `aria-disabled`, and says why beside it.
 */
function renderPick(budget: Budget, project: Project, picking: Picking, format: BudgetFormat): TemplateResult {
  const { id, title } = project;
  const chosen = picking.ballot.projectIds.includes(id);
  const problem = whyNotFit(budget, picking.ballot, project);
  const describedBy = problem ? `cost-${id} fit-${id}` : `cost-${id}`;
  return html`
    <div part="pick" class=${chosen ? 'option pick chosen' : 'option pick'}>
      <input
        id=${`pick-${id}`}
        type="checkbox"
        .value=${id}
        .checked=${live(chosen)}
        aria-disabled=${problem ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @click=${(event: MouseEvent) => picking.onClick(event, project, problem)}
        @change=${(event: Event) => picking.onChange(event, project)}
      />
      <label part="pick-label" for=${`pick-${id}`}
        >${msg('Je choisis ce projet')}<span class="visually-hidden"> : ${title}</span></label
      >
    </div>
    ${problem ? html`<p part="fit" id=${`fit-${id}`} class="fit">${format.fitProblem(problem)}</p>` : nothing}
  `;
}
