import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { AdminIdeaBox, MAX_QUEUE_PAGE, ModerationQueue, type AdminIdea } from '../../contract/idea.js';
import { read } from '../api.js';
import { formatDate, formatNumber } from '../format.js';
import { Loader } from '../loader.js';
import { href } from '../router.js';
import { refusalMessage } from '../refusals.js';
import { AdminScreen } from '../screen.js';
import { hiddenReason, ideaCount, ideaPath, reportReasonLabel } from './idea-format.js';
import type { ModeratedEvent } from './idea-moderation.js';
import './idea-moderation.js';

interface Queue {
  box: AdminIdeaBox;
  ideas: AdminIdea[];
  total: number;
  nextCursor: string | null;
}

/**
 * The ideas of a box that wait for a moderator, oldest first: the pending
 * ones, and the ones reports hid. A decided idea leaves the list, and focus
 * goes to the next one, so a moderator works through the queue by keyboard.
 */
export class AdminModerationScreen extends AdminScreen {
  static override styles = [
    ...AdminScreen.styles,
    css`
      .queue {
        padding: 0;
        list-style: none;
      }

      .queue > li {
        margin-block-end: 1.5rem;
        padding: 1rem;
        border: 1px solid var(--admin-border);
        border-radius: 0.25rem;
      }

      .queue h2 {
        margin-block-start: 0;
        font-size: 1.25rem;
      }

      .body {
        white-space: pre-line;
      }
    `,
  ];

  readonly #queue = new Loader<Queue>(this, async (signal) => {
    const [box, queue] = await Promise.all([
      read(this.#path, AdminIdeaBox, { signal }),
      read(`${this.#path}/queue?limit=${MAX_QUEUE_PAGE}`, ModerationQueue, { signal }),
    ]);
    return { box, ...queue };
  });

  get #path(): string {
    return `/v1/admin/idea-boxes/${encodeURIComponent(this.params.boxId)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#queue.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#queue.settled;
  }

  protected override render() {
    return html`
      <p>
        <a href=${href(`/idea-boxes/${encodeURIComponent(this.params.boxId)}`)}>${msg('Retour à la boîte à idées')}</a>
      </p>
      <h1 tabindex="-1">${msg('File de modération')}</h1>
      ${this.#queue.render({
        pending: () => html`<p>${msg('Chargement des idées à modérer…')}</p>`,
        error: (error) => html`<p class="alert" role="alert">${refusalMessage(error.code)}</p>`,
        complete: (queue) => this.#renderQueue(queue),
      })}
    `;
  }

  #renderQueue(queue: Queue) {
    return html`
      <p class="lede">
        ${queue.box.title} —
        ${queue.total === 0 ? msg('aucune idée n’attend de décision.') : msg(str`${ideaCount(queue.total)} à modérer.`)}
        ${msg(
          'Approuver publie l’idée ; masquer la retire avec une note que seuls les modérateurs lisent ; rejeter publie la raison comme réponse officielle.',
        )}
      </p>
      ${queue.ideas.length === 0
        ? nothing
        : html`<ol class="queue">
            ${repeat(
              queue.ideas,
              (idea) => idea.id,
              (idea) => this.#renderIdea(idea),
            )}
          </ol>`}
      ${queue.nextCursor
        ? html`<p class="muted">
            ${msg(
              str`Les ${formatNumber(MAX_QUEUE_PAGE)} plus anciennes sont affichées ; les suivantes apparaîtront une fois celles-ci traitées.`,
            )}
          </p>`
        : nothing}
    `;
  }

  #renderIdea(idea: AdminIdea) {
    const category = this.#queue.value?.box.categories.find((entry) => entry.id === idea.category);
    return html`
      <li>
        <h2 id="idea-${idea.id}" tabindex="-1">${idea.title}</h2>
        <p class="muted">
          ${msg(str`Déposée le ${formatDate(idea.createdAt)}`)}${idea.authorName
            ? msg(str` par ${idea.authorName}`)
            : msg(' sans nom')}${category ? msg(str`, catégorie « ${category.label} »`) : ''}.
          ${hiddenReason(idea)}
        </p>
        <p class="body">${idea.body}</p>
        ${idea.reports.length
          ? html`
              <h3>${msg(str`Signalements (${formatNumber(idea.reportCount)})`)}</h3>
              <ul>
                ${idea.reports.map(
                  (report) =>
                    html`<li>
                      ${reportReasonLabel(report.reason)},
                      ${formatDate(report.reportedAt)}${report.details ? html` : « ${report.details} »` : nothing}
                    </li>`,
                )}
              </ul>
            `
          : nothing}
        <parvis-admin-idea-moderation .idea=${idea} @moderated=${this.#onModerated}></parvis-admin-idea-moderation>
        <p>
          <a href=${href(ideaPath(idea))}
            >${msg('Statut, réponse officielle, fusion')}<span class="visually-hidden"> : « ${idea.title} »</span></a
          >
        </p>
      </li>
    `;
  }

  readonly #onModerated = async (event: Event) => {
    const decided = (event as ModeratedEvent).detail;
    const queue = this.#queue.value!;
    const index = queue.ideas.findIndex((idea) => idea.id === decided.id);
    const ideas = queue.ideas.filter((idea) => idea.id !== decided.id);
    this.#queue.value = { ...queue, ideas, total: Math.max(0, queue.total - 1) };
    this.requestUpdate();
    await this.updateComplete;
    const next = ideas[Math.min(index, ideas.length - 1)];
    this.renderRoot.querySelector<HTMLElement>(next ? `#idea-${next.id}` : 'h1')?.focus();
  };
}

AdminModerationScreen.define('parvis-admin-moderation');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-moderation': AdminModerationScreen;
  }
}
