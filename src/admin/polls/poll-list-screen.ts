import { msg } from '@lit/localize';
import { html } from 'lit';
import { loadPolls, renderConsultationTable, type Consultation } from '../dashboard/consultations.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { href } from '../router.js';
import { AdminScreen } from '../screen.js';

/** The polls of the server, and the way to a new one. */
export class AdminPollList extends AdminScreen {
  readonly #polls = new Loader<Consultation[]>(this, (signal) => loadPolls(signal));

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#polls.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#polls.settled;
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${msg('Sondages')}</h1>
      <p class="actions"><a class="button" href=${href('/polls/new')}>${msg('Créer un sondage')}</a></p>
      ${this.#polls.render({
        pending: () => html`<p>${msg('Chargement des sondages…')}</p>`,
        error: (error) => html`
          <p class="alert" role="alert">${errorMessage(error.code)}</p>
          <button type="button" class="button secondary" @click=${() => this.#polls.run()}>${msg('Réessayer')}</button>
        `,
        complete: (polls) =>
          polls.length === 0
            ? html`<p class="muted">${msg('Aucun sondage pour l’instant.')}</p>`
            : renderConsultationTable('poll', msg('Sondages : statut, dates et participation'), polls),
      })}
    `;
  }
}

AdminPollList.define('parvis-admin-poll-list');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-poll-list': AdminPollList;
  }
}
