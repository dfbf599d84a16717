// role="list" is kept on purpose: WebKit drops the list semantics of a <ul> styled with list-style: none.
/* eslint-disable lit-a11y/no-redundant-role */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Budget } from '../../contract/budget.js';
import type { ParvisError } from '../../client/errors.js';
import type { ErrorCode } from '../../contract/errors.js';
import { bone, renderErrorBox } from '../shared-templates.js';
import { budgetErrorMessage } from './budget-messages.js';
import type { BudgetFormat } from './budget-format.js';

/**
 * Bones in the shape of a typical budget — its title, total and rules, two
 * project cards and the ballot bar — laid out with the budget's own classes,
 * so the page barely moves when the budget arrives.
 */
export function renderSkeleton(): TemplateResult {
  return html`
    <div part="base skeleton" class="budget skeleton" aria-busy="true">
      <span class="visually-hidden">${msg('Chargement du budget participatif…')}</span>
      <div class="overview" aria-hidden="true">
        <p class="title">${bone(6)}</p>
        <p>${bone(22)}</p>
        <p>${bone(5)}</p>
        <p>${bone(16)}</p>
        <ul class="project-list">
          ${[0, 1].map(
            () =>
              html`<li class="project">
                <span class="bone bone-image"></span>
                <p class="project-title">${bone(5)}</p>
                <p>${bone(2)}</p>
                <p>${bone(18)}</p>
              </li>`,
          )}
        </ul>
        <span class="bone bone-button"></span>
      </div>
    </div>
  `;
}

/** The message for the error's code, and a way to try again. */
export function renderError(error: ParvisError, retry: () => unknown): TemplateResult {
  return renderErrorBox(budgetErrorMessage(error.code as ErrorCode), retry);
}

/** Title, description, total (and each district's envelope), the rules in words and the dates. */
export function renderOverview(budget: Budget, format: BudgetFormat, district: string | null): TemplateResult {
  const total = format.money(budget.total);
  const districts = budget.districts.map((each) => msg(str`${each.name} (${format.money(each.envelope)})`));
  return html`
    <div class="overview">
      <p part="title" id="budget-title" class="title">${budget.title}</p>
      ${budget.description ? html`<p part="description" class="description">${budget.description}</p>` : nothing}
      <p part="total" class="total">
        ${districts.length
          ? msg(str`Enveloppe : ${total}, répartie entre les quartiers ${format.list(districts)}.`)
          : msg(str`Enveloppe : ${total}.`)}
      </p>
      <ul part="rules" class="rules" role="list">
        ${format.rules(budget, district).map((rule) => html`<li>${rule}</li>`)}
      </ul>
      <p part="notice" class="notice">${dates(budget, format)}</p>
    </div>
  `;
}

function dates(budget: Budget, format: BudgetFormat): string {
  const { opensAt, closesAt } = budget;
  switch (budget.status) {
    case 'upcoming':
      return opensAt ? msg(str`Le vote ouvrira le ${format.date(opensAt)}.`) : msg('Le vote n’est pas encore ouvert.');
    case 'closed':
      return closesAt ? msg(str`Le vote est clos depuis le ${format.date(closesAt)}.`) : msg('Le vote est clos.');
    default:
      return closesAt ? msg(str`Vote ouvert jusqu’au ${format.date(closesAt)}.`) : msg('Vote ouvert.');
  }
}
