import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminBudget, CreateBudget, UpdateBudget } from '../../contract/budget.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import { focusControl } from '../editable-list.js';
import {
  checkboxField,
  inputField,
  inputValue,
  newKey,
  renderDateFields,
  textareaField,
  withValue,
} from '../fields.js';
import { checkBody, FORM, focusSummary, refusalErrors, renderErrorSummary, type FieldErrors } from '../form-errors.js';
import { Loader } from '../loader.js';
import { slugify } from '../polls/poll-draft.js';
import { refusalMessage } from '../refusals.js';
import { announce, href, navigate } from '../router.js';
import { AdminScreen } from '../screen.js';
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

/**
 * Creating a budget (`/budgets/new`) or changing one (`/budgets/:budgetId/edit`):
 * its settings, rule and limits, districts with their envelopes, categories
 * and projects, checked against the API's contract.
 */
export class AdminBudgetForm extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _draft: { state: true },
    _errors: { state: true },
    _saving: { state: true },
  };

  /** @internal */
  declare _draft: BudgetDraft;
  /** @internal */
  declare _errors: FieldErrors;
  /** @internal */
  declare _saving: boolean;

  /** Whether the officer typed an id: until then, it follows the title. */
  #idTyped = false;

  readonly #budget = new Loader<AdminBudget | null>(this, async (signal) => {
    const budgetId = this.params.budgetId;
    if (!budgetId) return null;
    const budget = await read(`/v1/admin/budgets/${encodeURIComponent(budgetId)}`, AdminBudget, { signal });
    this._draft = budgetDraftOf(budget);
    return budget;
  });

  readonly #lists: ListHandlers = {
    add: (list) => this.#add(list),
    remove: (list, index) => this.#remove(list, index),
  };

  constructor() {
    super();
    this._draft = emptyBudgetDraft();
    this._errors = {};
    this._saving = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#budget.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#budget.settled;
  }

  protected override render() {
    const title = this.params.budgetId ? msg('Modifier le budget') : msg('Créer un budget participatif');
    return html`
      <h1 tabindex="-1">${title}</h1>
      ${this.#budget.render({
        pending: () => html`<p>${msg('Chargement du budget…')}</p>`,
        error: (error) =>
          html`<p class="alert" role="alert">${refusalMessage(error.code)}</p>
            <p><a href=${href('/budgets')}>${msg('Retour aux budgets')}</a></p>`,
        complete: (budget) => this.#renderForm(budget),
      })}
    `;
  }

  #renderForm(budget: AdminBudget | null) {
    const draft = this._draft;
    const errors = this._errors;
    const frozen = budget !== null && budget.results.ballots > 0;
    const back = budget ? href(`/budgets/${encodeURIComponent(budget.id)}`) : href('/budgets');
    return html`
      ${renderErrorSummary(errors, BUDGET_FIELDS)}
      <form novalidate @submit=${(event: SubmitEvent) => this.#submit(event, budget)} @input=${this.#onInput}>
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
        <div class="actions">
          <button type="submit" class="button" aria-disabled=${this._saving ? 'true' : nothing}>
            ${this._saving
              ? msg('Enregistrement…')
              : budget
                ? msg('Enregistrer les modifications')
                : msg('Créer le budget')}
          </button>
          <a href=${back}>${msg('Annuler')}</a>
        </div>
      </form>
    `;
  }

  readonly #onInput = (event: Event) => {
    const input = inputValue(event.target);
    if (!input) return;
    let draft = withValue(this._draft, input.name, input.value);
    if (input.name === 'id') this.#idTyped = input.value !== '';
    if (input.name === 'title' && !this.#idTyped && !this.params.budgetId)
      draft = { ...draft, id: slugify(String(input.value)) };
    this._draft = draft;
  };

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

  async #submit(event: SubmitEvent, budget: AdminBudget | null): Promise<void> {
    event.preventDefault();
    if (this._saving) return;
    const draft = this._draft;
    const describe = describeBudgetField(draft);
    const frozen = budget !== null && budget.results.ballots > 0;
    const body = budgetBody(draft, budget, frozen);
    const checked = budget ? checkBody(UpdateBudget, body, describe) : checkBody(CreateBudget, body, describe);
    if (checked.errors) return this.#refuse(checked.errors);
    this._saving = true;
    try {
      const saved = budget
        ? await request('PATCH', `/v1/admin/budgets/${encodeURIComponent(budget.id)}`, AdminBudget, checked.data)
        : await request('POST', '/v1/admin/budgets', AdminBudget, checked.data);
      const notice = budget
        ? msg(str`Les modifications du budget « ${saved.title} » sont enregistrées.`)
        : msg(str`Le budget « ${saved.title} » est créé.`);
      navigate(`/budgets/${encodeURIComponent(saved.id)}`, { notice });
    } catch (error) {
      const refusal = error instanceof ParvisError ? error : new ParvisError('internal_error');
      if (refusal.code === 'unauthorized') return;
      if (refusal.code === 'budget_exists') return this.#refuse({ id: describe('id', 'budget_exists') });
      if (refusal.code === 'invalid_request') return this.#refuse(refusalErrors(refusal, describe));
      return this.#refuse({ [FORM]: refusalMessage(refusal.code) });
    } finally {
      this._saving = false;
    }
  }

  #refuse(errors: FieldErrors): Promise<void> {
    this._errors = placeBudgetErrors(errors);
    return focusSummary(this);
  }
}

AdminBudgetForm.define('parvis-admin-budget-form');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-budget-form': AdminBudgetForm;
  }
}
