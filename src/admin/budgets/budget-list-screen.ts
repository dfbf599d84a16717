import { msg } from '@lit/localize';
import { html } from 'lit';
import { loadBudgets, renderConsultationTable, type Consultation } from '../dashboard/consultations.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { href } from '../router.js';
import { AdminScreen } from '../screen.js';

/** The participatory budgets of the server, with their ballots so far, and the way to a new one. */
export class AdminBudgetList extends AdminScreen {
  readonly #budgets = new Loader<Consultation[]>(this, (signal) => loadBudgets(signal));

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#budgets.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#budgets.settled;
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${msg('Budgets participatifs')}</h1>
      <p class="actions"><a class="button" href=${href('/budgets/new')}>${msg('Créer un budget')}</a></p>
      ${this.#budgets.render({
        pending: () => html`<p>${msg('Chargement des budgets…')}</p>`,
        error: (error) => html`
          <p class="alert" role="alert">${errorMessage(error.code)}</p>
          <button type="button" class="button secondary" @click=${() => this.#budgets.run()}>
            ${msg('Réessayer')}
          </button>
        `,
        complete: (budgets) =>
          budgets.length === 0
            ? html`<p class="muted">${msg('Aucun budget pour l’instant.')}</p>`
            : renderConsultationTable('budget', msg('Budgets participatifs : statut, dates et participation'), budgets),
      })}
    `;
  }
}

AdminBudgetList.define('parvis-admin-budget-list');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-budget-list': AdminBudgetList;
  }
}
