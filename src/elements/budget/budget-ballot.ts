// role="list" is kept on purpose: WebKit drops the list semantics of a <ul> styled with list-style: none.
/* eslint-disable lit-a11y/no-redundant-role */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Budget } from '../../contract/budget.js';
import {
  type Ballot,
  envelopeOf,
  leftOf,
  minimumSpend,
  projectsOf,
  spentOn,
  whyNotSubmittable,
} from '../../client/budgets.js';
import { cssProperty } from '../css-property.js';
import type { BudgetFormat } from './budget-format.js';

/** The districts as radio buttons: a ballot holds the projects of one. */
export function renderDistricts(
  budget: Budget,
  district: string | null,
  format: BudgetFormat,
  onChange: (event: Event) => void,
): TemplateResult {
  return html`
    <fieldset part="districts" class="districts" aria-describedby="districts-hint">
      <legend part="districts-legend" class="step-heading">${msg('Votre quartier')}</legend>
      <p id="districts-hint" class="hint">
        ${msg('Chaque quartier a sa propre enveloppe : vous votez pour les projets d’un seul quartier.')}
      </p>
      ${budget.districts.map(
        (each) => html`
          <div part="district" class="option">
            <input
              id=${`district-${each.id}`}
              type="radio"
              name="district"
              .value=${each.id}
              .checked=${live(each.id === district)}
              @change=${onChange}
            />
            <label for=${`district-${each.id}`}>
              ${each.name}
              <span class="muted"
                >(${format.money(each.envelope)} · ${format.projects(projectsOf(budget, each.id).length)})</span
              >
            </label>
          </div>
        `,
      )}
    </fieldset>
  `;
}

/**
 * What is spent and what is left, always in view while building: a gauge
 * (`role="meter"`, with its value said in words) and the same in text, so
 * that neither colour nor the bar carries it alone.
 */
export function renderBallotBar(
  budget: Budget,
  ballot: Ballot,
  format: BudgetFormat,
  showProblem: boolean,
  onReview: () => void,
): TemplateResult {
  const problem = whyNotSubmittable(budget, ballot);
  const knapsack = budget.rule === 'knapsack';
  const max = knapsack ? envelopeOf(budget, ballot.district) : budget.maxProjects;
  const now = knapsack ? spentOn(budget, ballot.projectIds) : ballot.projectIds.length;
  const minimum = minimumSpend(budget, ballot.district);
  return html`
    <section part="ballot" class="ballot" aria-labelledby="ballot-heading budget-title">
      <p id="ballot-heading" class="ballot-heading">${msg('Votre sélection')}</p>
      ${max
        ? html`<div
            part="meter"
            class="meter"
            role="meter"
            aria-labelledby="ballot-heading"
            aria-valuemin="0"
            aria-valuemax=${max}
            aria-valuenow=${Math.min(now, max)}
            aria-valuetext=${format.gauge(budget, ballot)}
          >
            <span
              part="meter-bar"
              class="meter-bar"
              ${cssProperty('--parvis-fill', String(Math.min(1, now / max)))}
            ></span>
            ${minimum
              ? html`<span class="meter-minimum" ${cssProperty('--parvis-at', String(minimum / max))}></span>`
              : nothing}
          </div>`
        : nothing}
      <p part="spent" class="spent">${spentText(budget, ballot, format)}</p>
      ${problem && showProblem
        ? html`<p part="error" id="ballot-problem" class="error" role="alert">${format.ballotProblem(problem)}</p>`
        : nothing}
      ${problem && !showProblem
        ? html`<p part="hint" id="ballot-problem" class="hint">${format.ballotProblem(problem)}</p>`
        : nothing}
      <button
        part="review"
        class="button"
        type="button"
        aria-describedby=${ifDefined(problem ? 'ballot-problem' : undefined)}
        @click=${onReview}
      >
        ${msg('Vérifier mon vote')}
      </button>
    </section>
  `;
}

function spentText(budget: Budget, ballot: Ballot, format: BudgetFormat): TemplateResult {
  const count = format.projects(ballot.projectIds.length);
  if (budget.rule === 'approval') return html`${format.chosen(ballot.projectIds.length, budget.maxProjects)}`;
  const spent = format.money(spentOn(budget, ballot.projectIds));
  const envelope = format.money(envelopeOf(budget, ballot.district));
  const left = format.money(Math.max(0, leftOf(budget, ballot)));
  return html`<span>${msg(str`Dépensé : ${spent} sur ${envelope}`)}</span>
    <span class="left">${msg(str`Reste : ${left}`)}</span> <span class="count">(${count})</span>`;
}

/** The chosen projects, their cost and the total: for the review, and for the ballot as cast or queued. */
export function renderChosen(budget: Budget, ballot: Ballot, format: BudgetFormat): TemplateResult {
  const chosen = budget.projects.filter((project) => ballot.projectIds.includes(project.id));
  const district = budget.districts.find((each) => each.id === ballot.district);
  return html`
    ${district ? html`<p class="muted">${msg(str`Quartier : ${district.name}`)}</p>` : nothing}
    <ul part="chosen" class="chosen-list" role="list">
      ${chosen.map(
        (project) =>
          html`<li part="chosen-project" class="chosen-project">
            <span>${project.title}</span> <span class="cost">${format.money(project.cost)}</span>
          </li>`,
      )}
    </ul>
    <p part="chosen-total" class="chosen-total">
      ${msg(str`Total : ${format.money(spentOn(budget, ballot.projectIds))}`)} (${format.projects(chosen.length)})
    </p>
  `;
}

export interface ReviewOptions {
  submitting: boolean;
  error: TemplateResult | typeof nothing;
  onSubmit: () => void;
  onBack: () => void;
}

/** The last step before sending: the ballot in full, whether it can be changed later, send or go back. */
export function renderReview(
  budget: Budget,
  ballot: Ballot,
  format: BudgetFormat,
  options: ReviewOptions,
): TemplateResult {
  return html`
    <section part="review-step" class="review" aria-labelledby="review-heading budget-title">
      <p part="review-heading" id="review-heading" class="step-heading" tabindex="-1">
        ${msg('Vérifiez votre vote avant de l’envoyer')}
      </p>
      ${renderChosen(budget, ballot, format)}
      <p part="notice" class="notice">
        ${budget.allowChange
          ? msg('Vous pourrez modifier votre vote jusqu’à la clôture.')
          : msg('Une fois envoyé, votre vote ne pourra plus être modifié.')}
      </p>
      ${options.error}
      <div class="actions">
        <button
          part="submit"
          class="button"
          type="button"
          aria-disabled=${options.submitting ? 'true' : 'false'}
          @click=${options.onSubmit}
        >
          ${options.submitting ? msg('Envoi en cours…') : msg('Envoyer mon vote')}
        </button>
        <button part="back" class="button secondary" type="button" @click=${options.onBack}>
          ${msg('Modifier ma sélection')}
        </button>
      </div>
    </section>
  `;
}

/** The citizen's ballot as the server recorded it, or as it waits in the outbox. */
export function renderMyBallot(
  budget: Budget,
  ballot: Ballot,
  format: BudgetFormat,
  when: { castAt?: string; queued?: boolean },
): TemplateResult {
  return html`
    <section part="my-ballot" class="my-ballot" aria-labelledby="my-ballot-heading budget-title">
      <p id="my-ballot-heading" class="step-heading">
        ${when.queued ? msg('Votre vote, en attente d’envoi') : msg('Votre vote')}
      </p>
      ${renderChosen(budget, ballot, format)}
      <p part="notice" class="notice">
        ${when.queued
          ? msg('Il sera envoyé dès le retour de la connexion.')
          : when.castAt
            ? msg(str`Enregistré le ${format.date(when.castAt)}.`)
            : nothing}
      </p>
    </section>
  `;
}
