import { msg } from '@lit/localize';
import { html } from 'lit';
import { loadIdeaBoxes, renderConsultationTable, type Consultation } from '../dashboard/consultations.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { href } from '../router.js';
import { AdminScreen } from '../screen.js';

/** The idea boxes of the server, with what waits for moderation, and the way to a new one. */
export class AdminIdeaBoxList extends AdminScreen {
  readonly #boxes = new Loader<Consultation[]>(this, (signal) => loadIdeaBoxes(signal));

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#boxes.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#boxes.settled;
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${msg('Boîtes à idées')}</h1>
      <p class="actions"><a class="button" href=${href('/idea-boxes/new')}>${msg('Créer une boîte à idées')}</a></p>
      ${this.#boxes.render({
        pending: () => html`<p>${msg('Chargement des boîtes à idées…')}</p>`,
        error: (error) => html`
          <p class="alert" role="alert">${errorMessage(error.code)}</p>
          <button type="button" class="button secondary" @click=${() => this.#boxes.run()}>${msg('Réessayer')}</button>
        `,
        complete: (boxes) =>
          boxes.length === 0
            ? html`<p class="muted">${msg('Aucune boîte à idées pour l’instant.')}</p>`
            : renderConsultationTable('idea-box', msg('Boîtes à idées : statut, dates et participation'), boxes),
      })}
    `;
  }
}

AdminIdeaBoxList.define('parvis-admin-idea-box-list');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-idea-box-list': AdminIdeaBoxList;
  }
}
