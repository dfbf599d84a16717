import { msg } from '@lit/localize';
import { html } from 'lit';
import { loadBudgets, loadIdeaBoxes, loadPolls, type Consultation } from '../dashboard/consultations.js';
import { statusLabel } from '../format.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { href } from '../router.js';
import { AdminScreen } from '../screen.js';

/**
 * Where an officer back from a meeting, a market stall or the library starts:
 * the consultations that take contributions from outside the web, each with
 * the way to record them.
 */
export class AdminContributionsScreen extends AdminScreen {
  readonly #consultations = new Loader<Consultation[][]>(this, (signal) =>
    Promise.all([loadPolls(signal), loadBudgets(signal), loadIdeaBoxes(signal)]),
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#consultations.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#consultations.settled;
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${msg('Contributions hors web')}</h1>
      <p class="lede">
        ${msg(
          'Les réunions publiques, les stands, les formulaires papier, le téléphone et les SMS comptent autant que le web. Choisissez la consultation, puis enregistrez ce qui a été recueilli : bulletins d’un sondage ou d’un budget, idées d’une réunion.',
        )}
      </p>
      ${this.#consultations.render({
        pending: () => html`<p>${msg('Chargement des consultations…')}</p>`,
        error: (error) => html`
          <p class="alert" role="alert">${errorMessage(error.code)}</p>
          <button type="button" class="button secondary" @click=${() => this.#consultations.run()}>
            ${msg('Réessayer')}
          </button>
        `,
        complete: ([polls, budgets, boxes]) => html`
          ${this.#renderKind(msg('Sondages : bulletins comptés par réponse'), polls)}
          ${this.#renderKind(msg('Budgets participatifs : bulletins'), budgets)}
          ${this.#renderKind(msg('Boîtes à idées : idées recueillies'), boxes)}
        `,
      })}
    `;
  }

  #renderKind(heading: string, rows: Consultation[]) {
    return html`
      <h2>${heading}</h2>
      ${rows.length === 0
        ? html`<p class="muted">${msg('Aucune consultation de ce type.')}</p>`
        : html`<ul>
            ${rows.map(
              (row) =>
                html`<li>
                  <a href=${href(`${row.screen}/contributions`)}>${row.title}</a>
                  (${statusLabel(row.status)}, ${row.participation})
                </li>`,
            )}
          </ul>`}
    `;
  }
}

AdminContributionsScreen.define('parvis-admin-contributions');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-contributions': AdminContributionsScreen;
  }
}
