import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { ParvisError } from '../../client/errors.js';
import { AdminIdeaPage, IdeaStatus, type AdminIdea, type AdminIdeaBox } from '../../contract/idea.js';
import { ParvisElement } from '../../elements/parvis-element.js';
import { read } from '../api.js';
import { channelLabel } from '../channels.js';
import { formatDate, formatNumber } from '../format.js';
import { refusalMessage } from '../refusals.js';
import { announce, href } from '../router.js';
import { adminStyles } from '../styles.js';
import { ideaCount, ideaPath, ideaStatusLabel } from './idea-format.js';

const PAGE = 50;

/**
 * A box's ideas for the console, page by page (a box may hold thousands):
 * every status or one, oldest first, each linked to its screen. "Show more"
 * adds the next page below and moves focus to its first idea.
 */
export class AdminIdeaTable extends ParvisElement {
  static override styles = [...ParvisElement.styles, adminStyles];

  static override properties = {
    box: { attribute: false },
    _status: { state: true },
    _ideas: { state: true },
    _total: { state: true },
    _next: { state: true },
    _loading: { state: true },
    _failure: { state: true },
  };

  /** The box whose ideas are listed. */
  declare box: AdminIdeaBox;
  /** @internal The status shown, or every status. */
  declare _status: IdeaStatus | '';
  /** @internal */
  declare _ideas: AdminIdea[];
  /** @internal Ideas of the status shown, in every page. */
  declare _total: number;
  /** @internal */
  declare _next: string | null;
  /** @internal */
  declare _loading: boolean;
  /** @internal */
  declare _failure: string;

  #abort: AbortController | undefined;

  constructor() {
    super();
    this._status = '';
    this._ideas = [];
    this._total = 0;
    this._next = null;
    this._loading = true;
    this._failure = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load(null);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  /** Reads the first page again, or the one after `cursor`, which is added to those shown. */
  async #load(cursor: string | null): Promise<boolean> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this._loading = true;
    this._failure = '';
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (this._status) query.set('status', this._status);
    if (cursor) query.set('cursor', cursor);
    try {
      const path = `/v1/admin/idea-boxes/${encodeURIComponent(this.box.id)}/ideas?${query}`;
      const page = await read(path, AdminIdeaPage, { signal: abort.signal });
      if (abort.signal.aborted) return false;
      this._ideas = cursor ? [...this._ideas, ...page.ideas] : page.ideas;
      this._total = page.total;
      this._next = page.nextCursor;
      return true;
    } catch (error) {
      if (abort.signal.aborted) return false;
      const code = error instanceof ParvisError ? error.code : 'internal_error';
      if (code !== 'unauthorized') this._failure = refusalMessage(code);
      return false;
    } finally {
      if (!abort.signal.aborted) this._loading = false;
    }
  }

  protected override render() {
    return html`
      <div class="field">
        <label for="status">${msg('Idées affichées')}</label>
        <select id="status" @change=${this.#filter}>
          <option value="" ?selected=${this._status === ''}>${msg('Tous les statuts')}</option>
          ${IdeaStatus.options.map(
            (status) =>
              html`<option value=${status} ?selected=${this._status === status}>${ideaStatusLabel(status)}</option>`,
          )}
        </select>
      </div>
      ${this._failure
        ? html`<p class="alert" role="alert">${this._failure}</p>
            <button type="button" class="button secondary" @click=${() => this.#load(null)}>
              ${msg('Réessayer')}
            </button>`
        : nothing}
      ${this._loading && this._ideas.length === 0 ? html`<p>${msg('Chargement des idées…')}</p>` : this.#renderList()}
    `;
  }

  #renderList() {
    if (this._failure && this._ideas.length === 0) return nothing;
    if (this._ideas.length === 0)
      return html`<p class="muted">
        ${this._status ? msg('Aucune idée n’a ce statut.') : msg('Aucune idée pour l’instant.')}
      </p>`;
    const categories = new Map(this.box.categories.map((category) => [category.id, category.label]));
    return html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="ideas-caption">
        <table>
          <caption id="ideas-caption">
            ${msg(
              str`Idées, de la plus ancienne à la plus récente : ${formatNumber(this._ideas.length)} sur ${formatNumber(this._total)}`,
            )}
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
            ${this._ideas.map(
              (idea) => html`
                <tr>
                  <th scope="row"><a href=${href(ideaPath(idea))}>${idea.title}</a></th>
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
      ${this._next
        ? html`<button type="button" class="button secondary" @click=${this.#more}>
            ${this._loading
              ? msg('Chargement des idées…')
              : msg(str`Afficher les idées suivantes (${formatNumber(this._total - this._ideas.length)} de plus)`)}
          </button>`
        : nothing}
    `;
  }

  readonly #filter = async (event: Event) => {
    this._status = (event.target as HTMLSelectElement).value as IdeaStatus | '';
    this._ideas = [];
    if (await this.#load(null)) announce(msg(str`${ideaCount(this._total)} en tout.`));
  };

  readonly #more = async () => {
    if (this._loading || !this._next) return;
    const first = this._ideas.length;
    if (!(await this.#load(this._next))) return;
    await this.updateComplete;
    // The new page's first idea takes focus: the reader goes on where the list grew.
    this.renderRoot.querySelectorAll<HTMLAnchorElement>('tbody th a')[first]?.focus();
  };
}

AdminIdeaTable.define('parvis-admin-idea-table');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-idea-table': AdminIdeaTable;
  }
}
