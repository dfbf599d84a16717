import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminIdeaPage, IdeaStatus, type AdminIdea, type AdminIdeaBox } from '../../contract/idea.js';
import { ParvisElement } from '../../elements/parvis-element.js';
import { read } from '../api.js';
import { channelLabel } from '../channels.js';
import { formatDate, formatNumber } from '../format.js';
import { Loader } from '../loader.js';
import { refusalMessage } from '../refusals.js';
import { announce, href } from '../router.js';
import { adminStyles } from '../styles.js';
import { ideaCount, ideaPath, ideaStatusLabel } from './idea-format.js';

const PAGE = 50;

interface ShownIdeas {
  ideas: AdminIdea[];
  /** Ideas of the status shown, in every page. */
  total: number;
  next: string | null;
}

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
  };

  /** The box whose ideas are listed. */
  declare box: AdminIdeaBox;
  /** @internal The status shown, or every status. */
  declare _status: IdeaStatus | '';

  /** The page to read next: null for the first. */
  #after: string | null = null;

  /** The ideas shown so far, the first page's when `#after` is null, else those shown and the next page's. */
  readonly #list: Loader<ShownIdeas> = new Loader(this, async (signal): Promise<ShownIdeas> => {
    const after = this.#after;
    const query = new URLSearchParams({ limit: String(PAGE) });
    if (this._status) query.set('status', this._status);
    if (after) query.set('cursor', after);
    const path = `/v1/admin/idea-boxes/${encodeURIComponent(this.box.id)}/ideas?${query}`;
    const page = await read(path, AdminIdeaPage, { signal });
    const shown: AdminIdea[] = after ? (this.#list.value?.ideas ?? []) : [];
    return { ideas: [...shown, ...page.ideas], total: page.total, next: page.nextCursor };
  });

  constructor() {
    super();
    this._status = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#list.run();
  }

  protected override render() {
    const list = this.#list;
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
      ${list.error
        ? html`<p class="alert" role="alert">${refusalMessage(list.error.code)}</p>
            <button type="button" class="button secondary" @click=${() => list.run()}>${msg('Réessayer')}</button>`
        : nothing}
      ${list.value
        ? this.#renderList(list.value)
        : list.pending
          ? html`<p>${msg('Chargement des idées…')}</p>`
          : nothing}
    `;
  }

  #renderList({ ideas, total, next }: ShownIdeas) {
    if (ideas.length === 0)
      return html`<p class="muted">
        ${this._status ? msg('Aucune idée n’a ce statut.') : msg('Aucune idée pour l’instant.')}
      </p>`;
    const categories = new Map(this.box.categories.map((category) => [category.id, category.label]));
    return html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="ideas-caption">
        <table>
          <caption id="ideas-caption">
            ${msg(
              str`Idées, de la plus ancienne à la plus récente : ${formatNumber(ideas.length)} sur ${formatNumber(total)}`,
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
            ${ideas.map(
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
      ${next
        ? html`<button type="button" class="button secondary" @click=${this.#more}>
            ${this.#list.pending
              ? msg('Chargement des idées…')
              : msg(str`Afficher les idées suivantes (${formatNumber(total - ideas.length)} de plus)`)}
          </button>`
        : nothing}
    `;
  }

  readonly #filter = async (event: Event) => {
    this._status = (event.target as HTMLSelectElement).value as IdeaStatus | '';
    this.#after = null;
    this.#list.value = undefined;
    await this.#list.run();
    const shown = this.#shown();
    if (shown) announce(msg(str`${ideaCount(shown.total)} en tout.`));
  };

  /** The ideas on screen, unless the last read failed. */
  #shown(): ShownIdeas | undefined {
    return this.#list.error ? undefined : this.#list.value;
  }

  readonly #more = async () => {
    const shown = this.#list.value;
    if (this.#list.pending || !shown?.next) return;
    this.#after = shown.next;
    await this.#list.run();
    if (this.#list.error) return;
    await this.updateComplete;
    // The new page's first idea takes focus: the reader goes on where the list grew.
    this.renderRoot.querySelectorAll<HTMLAnchorElement>('tbody th a')[shown.ideas.length]?.focus();
  };
}

AdminIdeaTable.define('parvis-admin-idea-table');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-idea-table': AdminIdeaTable;
  }
}
