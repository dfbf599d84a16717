import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminIdeaBox, IdeasExport, type ExportedIdea } from '../../contract/idea.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import { channelLabel, renderChannelTable } from '../channels.js';
import type { AdminConfirm } from '../confirm-dialog.js';
import { snippetLink } from '../dashboard/consultations.js';
import { renderDownloads } from '../exports.js';
import { formatDate, formatNumber, statusLabel } from '../format.js';
import { Loader } from '../loader.js';
import { announce, href, navigate } from '../router.js';
import { refusalMessage } from '../refusals.js';
import { AdminScreen } from '../screen.js';
import { ideaCount, ideaPath, ideaStatusLabel } from './idea-format.js';
import '../confirm-dialog.js';

interface BoxAndIdeas {
  box: AdminIdeaBox;
  ideas: ExportedIdea[];
}

/** One idea box: its settings, closing and deleting it, its ideas with their status, and their exports. */
export class AdminIdeaBoxScreen extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _failure: { state: true },
  };

  /** @internal Why the last action failed. */
  declare _failure: string;

  readonly #data = new Loader<BoxAndIdeas>(this, async (signal) => {
    // The export holds every idea of the box, whatever its status: the console reads it as the box's list.
    const [box, { ideas }] = await Promise.all([
      read(this.#path, AdminIdeaBox, { signal }),
      read(`${this.#path}/ideas.json`, IdeasExport, { signal }),
    ]);
    return { box, ideas };
  });

  constructor() {
    super();
    this._failure = '';
  }

  get #path(): string {
    return `/v1/admin/idea-boxes/${encodeURIComponent(this.params.boxId)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#data.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#data.settled;
  }

  protected override render() {
    return this.#data.render({
      pending: () =>
        html`<h1 tabindex="-1">${msg('Boîte à idées')}</h1>
          <p>${msg('Chargement de la boîte à idées…')}</p>`,
      error: (error) =>
        html`<h1 tabindex="-1">${msg('Boîte à idées')}</h1>
          <p class="alert" role="alert">${refusalMessage(error.code)}</p>
          <p><a href=${href('/idea-boxes')}>${msg('Retour aux boîtes à idées')}</a></p>`,
      complete: (data) => this.#renderBox(data),
    });
  }

  #renderBox({ box, ideas }: BoxAndIdeas) {
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

      <h2>${msg(str`Toutes les idées (${formatNumber(ideas.length)})`)}</h2>
      ${ideas.length === 0
        ? html`<p class="muted">${msg('Aucune idée pour l’instant.')}</p>`
        : this.#renderIdeas(box, ideas)}

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
            str`La boîte et ses idées (${ideaCount(ideas.length)}), avec leurs soutiens et leurs réponses, seront effacées définitivement.`,
          )}
        </p>
      </parvis-admin-confirm>
    `;
  }

  #renderIdeas(box: AdminIdeaBox, ideas: ExportedIdea[]) {
    const categories = new Map(box.categories.map((category) => [category.id, category.label]));
    return html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="ideas-caption">
        <table>
          <caption id="ideas-caption">
            ${msg('Idées, de la plus ancienne à la plus récente')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Idée')}</th>
              <th scope="col">${msg('Statut')}</th>
              <th scope="col" class="number">${msg('Soutiens')}</th>
              <th scope="col">${msg('Catégorie')}</th>
              <th scope="col">${msg('Canal')}</th>
              <th scope="col">${msg('Déposée le')}</th>
              <th scope="col">${msg('Réponse officielle')}</th>
            </tr>
          </thead>
          <tbody>
            ${ideas.map(
              (idea) => html`
                <tr>
                  <th scope="row"><a href=${href(ideaPath({ id: idea.id, boxId: box.id }))}>${idea.title}</a></th>
                  <td>${ideaStatusLabel(idea.status)}</td>
                  <td class="number">${formatNumber(idea.supports)}</td>
                  <td>${idea.category ? (categories.get(idea.category) ?? idea.category) : msg('—')}</td>
                  <td>${channelLabel(idea.channel ?? 'web')}</td>
                  <td>${formatDate(idea.createdAt)}</td>
                  <td>${idea.answer ? msg('Oui') : msg('Non')}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  async #close(box: AdminIdeaBox) {
    if (!(await this.#confirm('confirm-close'))) return;
    this._failure = '';
    try {
      await request('POST', `${this.#path}/close`, AdminIdeaBox);
      await this.#data.run();
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
