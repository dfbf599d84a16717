import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminIdeaBox } from '../../contract/idea.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import { renderChannelTable } from '../channels.js';
import type { AdminConfirm } from '../confirm-dialog.js';
import { snippetLink } from '../dashboard/consultations.js';
import { renderDownloads } from '../exports.js';
import { formatDate, formatNumber, statusLabel } from '../format.js';
import { Loader } from '../loader.js';
import { announce, href, navigate } from '../router.js';
import { refusalMessage } from '../refusals.js';
import { AdminScreen } from '../screen.js';
import { ideaCount } from './idea-format.js';
import '../confirm-dialog.js';
import './idea-table.js';

/** One idea box: its settings, closing and deleting it, its ideas with their status, and their exports. */
export class AdminIdeaBoxScreen extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _failure: { state: true },
  };

  /** @internal Why the last action failed. */
  declare _failure: string;

  readonly #box = new Loader<AdminIdeaBox>(this, (signal) => read(this.#path, AdminIdeaBox, { signal }));

  constructor() {
    super();
    this._failure = '';
  }

  get #path(): string {
    return `/v1/admin/idea-boxes/${encodeURIComponent(this.params.boxId)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#box.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#box.settled;
  }

  protected override render() {
    return this.#box.render({
      pending: () =>
        html`<h1 tabindex="-1">${msg('Boîte à idées')}</h1>
          <p>${msg('Chargement de la boîte à idées…')}</p>`,
      error: (error) =>
        html`<h1 tabindex="-1">${msg('Boîte à idées')}</h1>
          <p class="alert" role="alert">${refusalMessage(error.code)}</p>
          <p><a href=${href('/idea-boxes')}>${msg('Retour aux boîtes à idées')}</a></p>`,
      complete: (box) => this.#renderBox(box),
    });
  }

  #renderBox(box: AdminIdeaBox) {
    const encoded = encodeURIComponent(box.id);
    return html`
      <p><a href=${href('/idea-boxes')}>${msg('Toutes les boîtes à idées')}</a></p>
      <h1 tabindex="-1">${box.title}</h1>
      ${box.description ? html`<p class="lede">${box.description}</p>` : nothing}
      <dl class="facts">
        <dt>${msg('Statut')}</dt>
        <dd><span class="status ${box.status}">${statusLabel(box.status)}</span></dd>
        <dt>${msg('Ouverture')}</dt>
        <dd>${box.opensAt ? formatDate(box.opensAt) : msg(str`dès sa création (${formatDate(box.createdAt)})`)}</dd>
        <dt>${msg('Clôture')}</dt>
        <dd>${box.closesAt ? formatDate(box.closesAt) : msg('aucune date fixée')}</dd>
        <dt>${msg('Modération')}</dt>
        <dd>
          ${box.moderation === 'pre'
            ? msg('avant publication')
            : msg(str`après publication, masquée après ${formatNumber(box.reportThreshold)} signalements`)}
        </dd>
        <dt>${msg('Catégories')}</dt>
        <dd>${box.categories.length ? box.categories.map((category) => category.label).join(', ') : msg('aucune')}</dd>
        <dt>${msg('Idées visibles')}</dt>
        <dd>${ideaCount(box.ideaCount)}</dd>
        <dt>${msg('À modérer')}</dt>
        <dd>${ideaCount(box.awaitingModeration)}</dd>
        <dt>${msg('Identifiant')}</dt>
        <dd><code>${box.id}</code></dd>
      </dl>

      <h2 id="actions" tabindex="-1">${msg('Actions')}</h2>
      ${this._failure ? html`<p class="alert" role="alert">${this._failure}</p>` : nothing}
      <div class="actions">
        <a class="button" href=${href(`/idea-boxes/${encoded}/moderation`)}
          >${msg(str`File de modération (${formatNumber(box.awaitingModeration)})`)}</a
        >
        <a class="button secondary" href=${href(`/idea-boxes/${encoded}/edit`)}>${msg('Modifier')}</a>
        ${box.status !== 'closed'
          ? html`<button type="button" class="button secondary" @click=${() => this.#close(box)}>
              ${msg('Clore maintenant')}
            </button>`
          : nothing}
        <button type="button" class="button danger secondary" @click=${() => this.#delete(box)}>
          ${msg('Supprimer')}
        </button>
      </div>
      <ul>
        <li>
          <a href=${href(`/idea-boxes/${encoded}/contributions`)}
            >${msg('Enregistrer des idées recueillies hors du web (réunion, papier, téléphone, SMS)')}</a
          >
        </li>
        <li>
          <a href=${snippetLink({ kind: 'idea-box', id: box.id, title: box.title })}
            >${msg('Intégrer cette boîte à idées dans une page')}</a
          >
        </li>
      </ul>

      <h2>${msg('Idées par canal')}</h2>
      ${box.ideasByChannel
        ? renderChannelTable('channels-caption', msg('Idées visibles, par canal de dépôt'), msg('Idées'), [
            { label: msg('Idées visibles'), values: (channel) => box.ideasByChannel![channel], total: box.ideaCount },
          ])
        : nothing}

      <h2>${msg('Toutes les idées')}</h2>
      <parvis-admin-idea-table .box=${box}></parvis-admin-idea-table>

      <h2>${msg('Exporter les idées')}</h2>
      <p>
        ${msg(
          'Chaque idée avec ses soutiens, son statut, sa réponse officielle et son canal (Licence Ouverte / Etalab 2.0).',
        )}
      </p>
      ${renderDownloads(
        (['csv', 'json'] as const).map((format) => ({
          path: `${this.#path}/ideas.${format}`,
          fileName: `${box.id}-ideas.${format}`,
          label: format === 'csv' ? msg('Télécharger en CSV') : msg('Télécharger en JSON'),
          what: msg(str`les idées de « ${box.title} »`),
        })),
      )}

      <parvis-admin-confirm
        id="confirm-close"
        heading=${msg('Clore cette boîte à idées ?')}
        confirm-label=${msg('Clore la boîte à idées')}
      >
        <p>${msg('Elle n’acceptera plus d’idées ni de soutiens ; les idées restent affichées avec leurs réponses.')}</p>
      </parvis-admin-confirm>
      <parvis-admin-confirm
        id="confirm-delete"
        heading=${msg(str`Supprimer la boîte à idées « ${box.title} » ?`)}
        confirm-label=${msg('Supprimer la boîte à idées')}
      >
        <p>
          ${msg(
            str`La boîte et toutes ses idées, avec leurs soutiens et leurs réponses, seront effacées définitivement. Idées visibles : ${formatNumber(box.ideaCount)} ; à modérer : ${formatNumber(box.awaitingModeration)}.`,
          )}
        </p>
      </parvis-admin-confirm>
    `;
  }

  async #close(box: AdminIdeaBox) {
    if (!(await this.#confirm('confirm-close'))) return;
    this._failure = '';
    try {
      await request('POST', `${this.#path}/close`, AdminIdeaBox);
      await this.#box.run();
      announce(msg(str`La boîte à idées « ${box.title} » est close.`));
      // The button used is gone: focus stays near it, on the actions' heading.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#actions')?.focus();
    } catch (error) {
      this.#fail(error);
    }
  }

  async #delete(box: AdminIdeaBox) {
    if (!(await this.#confirm('confirm-delete'))) return;
    try {
      await request('DELETE', this.#path, null);
      navigate('/idea-boxes', { notice: msg(str`La boîte à idées « ${box.title} » est supprimée.`) });
    } catch (error) {
      this.#fail(error);
    }
  }

  #confirm(id: string): Promise<boolean> {
    return this.renderRoot.querySelector<AdminConfirm>(`#${id}`)!.ask();
  }

  #fail(error: unknown): void {
    const code = error instanceof ParvisError ? error.code : 'internal_error';
    if (code !== 'unauthorized') this._failure = refusalMessage(code);
  }
}

AdminIdeaBoxScreen.define('parvis-admin-idea-box');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-idea-box': AdminIdeaBoxScreen;
  }
}
