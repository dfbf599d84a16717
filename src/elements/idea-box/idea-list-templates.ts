// role="list" is kept on purpose: WebKit drops the list semantics of a <ul> styled with list-style: none.
/* eslint-disable lit-a11y/no-redundant-role */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { IdeaSort, PublicIdeaStatus } from '../../contract/idea.js';
import { sortLabel, statusLabel } from './idea-box-messages.js';
import { heading, renderError } from './idea-box-templates.js';
import { renderIdea, type CardView } from './idea-card-templates.js';
import type { IdeaListController } from './idea-list-controller.js';

/** What the list's templates need from the element. */
export interface ListView extends CardView {
  list: IdeaListController;
  onFilter: (event: Event) => void;
  onMore: () => void;
  onRetryList: () => void;
}

/**
 * The ideas, their count and the controls that sort and filter them. Ideas
 * are keyed by id, so that one added at the top, or a page appended, leaves
 * the others' elements — and the focus in them — where they are.
 */
export function renderListSection(view: ListView): TemplateResult {
  const { list, format } = view;
  return html`
    <section
      part="list-section"
      class="section"
      aria-labelledby="list-heading box-title"
      aria-busy=${list.filtering ? 'true' : 'false'}
    >
      ${heading(view.level, 'list-heading', msg('Les idées proposées'), 'heading')}
      <p part="count" class="count">${format.ideas(list.total)}</p>
      ${renderFilters(view)} ${list.listError ? renderError(list.listError, view.onRetryList, 'list-error') : nothing}
      ${list.ideas.length
        ? html`<ul part="ideas" class="ideas" role="list">
            ${repeat(
              list.ideas,
              (idea) => idea.id,
              (idea) => renderIdea(idea, view),
            )}
          </ul>`
        : list.listError
          ? nothing
          : html`<p part="empty" class="empty">${emptyMessage(view)}</p>`}
      ${list.moreError ? renderError(list.moreError, view.onMore, 'more-error') : nothing}
      ${list.nextCursor
        ? html`<button
            part="more"
            class="button secondary"
            type="button"
            aria-disabled=${list.loadingMore ? 'true' : 'false'}
            @click=${view.onMore}
          >
            ${list.loadingMore ? msg('Chargement…') : msg('Afficher plus d’idées')}
          </button>`
        : nothing}
    </section>
  `;
}

function emptyMessage({ list, box }: ListView): string {
  if (list.filters.category || list.filters.status) return msg('Aucune idée ne correspond à ces critères.');
  return box.status === 'open'
    ? msg('Aucune idée pour le moment. Soyez la première personne à en proposer une !')
    : msg('Aucune idée n’a été publiée.');
}

/** Native selects, applied as soon as one changes: the list below is updated, nothing else moves. */
function renderFilters({ box, list, onFilter }: ListView): TemplateResult {
  const { sort, category, status } = list.filters;
  return html`
    <div part="filters" class="filters" @change=${onFilter}>
      <div class="filter">
        <label for="filter-sort">${msg('Trier par')}</label>
        <select id="filter-sort" name="sort">
          ${IdeaSort.options.map(
            (option) => html`<option value=${option} ?selected=${sort === option}>${sortLabel(option)}</option>`,
          )}
        </select>
      </div>
      ${box.categories.length
        ? html`<div class="filter">
            <label for="filter-category">${msg('Catégorie')}</label>
            <select id="filter-category" name="category">
              <option value="" ?selected=${!category}>${msg('Toutes les catégories')}</option>
              ${box.categories.map(
                (option) =>
                  html`<option value=${option.id} ?selected=${category === option.id}>${option.label}</option>`,
              )}
            </select>
          </div>`
        : nothing}
      <div class="filter">
        <label for="filter-status">${msg('Statut')}</label>
        <select id="filter-status" name="status">
          <option value="" ?selected=${!status}>${msg('Tous les statuts')}</option>
          ${PublicIdeaStatus.options.map(
            (option) => html`<option value=${option} ?selected=${status === option}>${statusLabel(option)}</option>`,
          )}
        </select>
      </div>
    </div>
  `;
}
