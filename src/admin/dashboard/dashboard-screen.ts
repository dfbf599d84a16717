import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { renderDownloads } from '../exports.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { href } from '../router.js';
import { AdminScreen } from '../screen.js';
import { KINDS, loadConsultations, renderConsultationTable, type Consultation } from './consultations.js';

/** Every consultation of the server at a glance: kind, status, dates and participation so far. */
export class AdminDashboard extends AdminScreen {
  readonly #consultations = new Loader<Consultation[]>(this, (signal) => loadConsultations(signal));

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#consultations.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#consultations.settled;
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${msg('Tableau de bord')}</h1>
      <p class="lede">${msg('Toutes les consultations de ce serveur, avec leur participation à cet instant.')}</p>
      <p class="actions"><a class="button" href=${href('/polls/new')}>${msg('Créer un sondage')}</a></p>
      ${this.#consultations.render({
        pending: () => html`<p>${msg('Chargement des consultations…')}</p>`,
        error: (error) => html`
          <p class="alert" role="alert">${errorMessage(error.code)}</p>
          <button type="button" class="button secondary" @click=${() => this.#consultations.run()}>
            ${msg('Réessayer')}
          </button>
        `,
        complete: (rows) =>
          html`${KINDS.map(({ kind, heading, empty }) => {
            const ofKind = rows.filter((row) => row.kind === kind);
            return html`
              <section>
                <h2>${heading()} (${ofKind.length})</h2>
                ${ofKind.length === 0
                  ? html`<p class="muted">${empty()}</p>`
                  : renderConsultationTable(kind, msg(str`${heading()} : statut, dates et participation`), ofKind)}
              </section>
            `;
          })}`,
      })}
      <h2>${msg('Données ouvertes')}</h2>
      <p>
        ${msg(
          'Toutes les consultations, leurs résultats et leurs métadonnées (licence, dates, description des champs) en un seul fichier JSON, prêt pour un portail de données ouvertes.',
        )}
      </p>
      ${renderDownloads([
        {
          path: '/v1/admin/export.json',
          fileName: 'parvis-export.json',
          label: msg('Tout exporter en JSON'),
          what: msg('toutes les consultations'),
        },
      ])}
    `;
  }
}

AdminDashboard.define('parvis-admin-dashboard');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-dashboard': AdminDashboard;
  }
}
