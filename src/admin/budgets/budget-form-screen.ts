import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminBudget, CreateBudget, UpdateBudget } from '../../contract/budget.js';
import { ConsultationForm, type ConsultationKind } from '../consultation-form.js';
import { focusControl } from '../editable-list.js';
import { checkboxField, inputField, newKey, renderDateFields, textareaField } from '../fields.js';
import { renderErrorSummary, type FieldErrors } from '../form-errors.js';
import { announce } from '../router.js';
import {
  BUDGET_FIELDS,
  budgetBody,
  budgetDraftOf,
  emptyBudgetDraft,
  emptyProject,
  placeBudgetErrors,
  type BudgetDraft,
} from './budget-draft.js';
import { describeBudgetField } from './budget-field-errors.js';
import {
  renderCategories,
  renderDistricts,
  renderFrozenNote,
  renderProjects,
  renderRule,
  type ListHandlers,
} from './budget-form-fields.js';

type List = 'districts' | 'categories' | 'projects';

/** The field focused first in a new entry of each list, and what an entry is called once removed. */
const LISTS: Record<List, { first: string; removed: (label: string, n: number) => string }> = {
  districts: {
    first: 'name',
    removed: (label, n) =>
      label ? msg(str`Le quartier « ${label} » est retiré.`) : msg(str`Le quartier ${n} est retiré.`),
  },
  categories: {
    first: 'label',
    removed: (label, n) =>
      label ? msg(str`La catégorie « ${label} » est retirée.`) : msg(str`La catégorie ${n} est retirée.`),
  },
  projects: {
    first: 'title',
    removed: (label, n) =>
      label ? msg(str`Le projet « ${label} » est retiré.`) : msg(str`Le projet ${n} est retiré.`),
  },
};

const BUDGET_KIND: ConsultationKind<AdminBudget, BudgetDraft> = {
  param: 'budgetId',
  home: '/budgets',
  api: '/v1/admin/budgets',
  schema: AdminBudget,
  emptyDraft: emptyBudgetDraft,
  draftOf: budgetDraftOf,
  idSource: 'title',
};

/**
 * Creating a budget (`/budgets/new`) or changing one (`/budgets/:budgetId/edit`):
 * its settings, rule and limits, districts with their envelopes, categories
 * and projects, checked against the API's contract.
 */
export class AdminBudgetForm extends ConsultationForm<AdminBudget, BudgetDraft> {
  readonly #lists: ListHandlers = {
    add: (list) => this.#add(list),
    remove: (list, index) => this.#remove(list, index),
  };

  constructor() {
    super(BUDGET_KIND);
  }

  protected override titles() {
    return {
      create: msg('Créer un budget participatif'),
      edit: msg('Modifier le budget'),
      loading: msg('Chargement du budget…'),
      back: msg('Retour aux budgets'),
    };
  }

  protected override renderForm(budget: AdminBudget | null) {
    const draft = this._draft;
    const errors = this._errors;
    const frozen = budget !== null && budget.results.ballots > 0;
    return html`
      ${renderErrorSummary(errors, BUDGET_FIELDS)}
      <form novalidate @submit=${(event: SubmitEvent) => this.#submit(event, budget)} @input=${this.onInput}>
        ${inputField('title', msg('Titre'), draft.title, errors, {
          hint: msg('Par exemple : Budget participatif 2027.'),
        })}
        ${budget
          ? nothing
          : inputField('id', msg('Identifiant'), draft.id, errors, {
              hint: msg(
                'Fait à partir du titre ; vous pouvez le changer. Il apparaît dans l’extrait à intégrer et dans l’adresse des résultats, et ne pourra plus changer ensuite. Lettres minuscules sans accent, chiffres et tirets.',
              ),
              spellcheck: false,
            })}
        ${textareaField(
          'description',
          msg('Description (facultatif)'),
          draft.description,
          errors,
          msg('Ce que la ville consacre au budget, et comment voter.'),
        )}
        ${inputField('currency', msg('Monnaie'), draft.currency, errors, {
          hint: msg('Code en trois lettres : EUR pour l’euro.'),
          spellcheck: false,
        })}
        ${frozen ? renderFrozenNote(budget) : nothing} ${renderDistricts(draft, errors, frozen, this.#lists)}
        ${frozen ? nothing : renderRule(draft, errors)} ${renderCategories(draft, errors, this.#lists)}
        ${renderProjects(draft, errors, frozen, this.#lists)}
        ${renderDateFields(draft, errors, msg('Laissez vide pour ouvrir le vote dès maintenant.'))}
        <fieldset>
          <legend>${msg('Règles')}</legend>
          ${checkboxField('allowChange', msg('Chacun peut changer son bulletin jusqu’à la clôture'), draft.allowChange)}
          ${checkboxField(
            'requiresVerification',
            msg('Réservé aux habitants identifiés par le site de la ville (jeton signé)'),
            draft.requiresVerification,
          )}
        </fieldset>
        ${this.renderActions(budget, msg('Créer le budget'))}
      </form>
    `;
  }

  #add(list: List): Promise<void> {
    const entry =
      list === 'projects'
        ? emptyProject()
        : list === 'districts'
          ? { key: newKey(), id: null, name: '', envelope: '' }
          : { key: newKey(), id: null, label: '' };
    const entries = [...this._draft[list], entry];
    this._draft = { ...this._draft, [list]: entries };
    return focusControl(this, `${list}.${entries.length - 1}.${LISTS[list].first}`);
  }

  #remove(list: List, index: number): Promise<void> {
    const removed = this._draft[list][index] as unknown as Record<string, string>;
    const entries = this._draft[list].filter((_, i) => i !== index);
    this._draft = { ...this._draft, [list]: entries };
    this._errors = {};
    announce(LISTS[list].removed((removed[LISTS[list].first] ?? '').trim(), index + 1));
    const next = Math.min(index, entries.length - 1);
    return focusControl(this, next === -1 ? list : `${list}.${next}.${LISTS[list].first}`);
  }

  #submit(event: SubmitEvent, budget: AdminBudget | null): Promise<void> {
    const frozen = budget !== null && budget.results.ballots > 0;
    return this.send(event, budget, {
      body: budgetBody(this._draft, budget, frozen),
      describe: describeBudgetField(this._draft),
      create: CreateBudget,
      update: UpdateBudget,
      notice: (saved) =>
        budget
          ? msg(str`Les modifications du budget « ${saved.title} » sont enregistrées.`)
          : msg(str`Le budget « ${saved.title} » est créé.`),
      fields: { budget_exists: 'id' },
    });
  }

  protected override placeErrors(errors: FieldErrors): FieldErrors {
    return placeBudgetErrors(errors);
  }
}

AdminBudgetForm.define('parvis-admin-budget-form');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-budget-form': AdminBudgetForm;
  }
}
