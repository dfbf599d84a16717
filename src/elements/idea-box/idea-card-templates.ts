import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Idea, IdeaBox, IdeaStatus } from '../../contract/idea.js';
import type { IdeaBoxFormat } from './idea-box-format.js';
import { ideaErrorMessage, statusLabel } from './idea-box-messages.js';
import type { IdeaSupportController } from './idea-support-controller.js';
import { renderReport, type ReportView } from './idea-report-templates.js';

/** What an idea's card needs from the element. */
export interface CardView extends ReportView {
  box: IdeaBox;
  format: IdeaBoxFormat;
  level: number;
  supports: IdeaSupportController;
  onSupport: (ideaId: string) => void;
}

/** The statuses in which the server takes a support (withdrawing one is always possible while the box is open). */
const SUPPORTABLE: ReadonlySet<IdeaStatus> = new Set(['published', 'under_review', 'accepted', 'done']);

/** The id of an idea's title, where focus goes when it is the first of a new page. */
export const titleId = (ideaId: string) => `idea-${ideaId}`;

/** One idea: everything a citizen wrote is rendered as text, isolated for right-to-left scripts. */
export function renderIdea(idea: Idea, view: CardView): TemplateResult {
  const { format } = view;
  const category = view.box.categories.find((known) => known.id === idea.category);
  const date = format.date(idea.createdAt);
  return html`
    <li part="idea" class="idea">
      <article class="idea-card" aria-labelledby=${titleId(idea.id)}>
        <p
          part="idea-title"
          id=${titleId(idea.id)}
          class="idea-title"
          role="heading"
          aria-level=${view.level + 1}
          tabindex="-1"
          dir="auto"
        >
          ${idea.title}
        </p>
        <p part="idea-meta" class="idea-meta">
          ${idea.authorName
            ? msg(html`Proposée par <bdi>${idea.authorName}</bdi> le ${date}`)
            : msg(html`Proposée anonymement le ${date}`)}
          ${category ? html`<span part="idea-category" class="idea-category">${category.label}</span>` : nothing}
        </p>
        <p part="idea-status" class=${`idea-status status-${idea.status}`}>
          <span class="visually-hidden">${msg('Statut :')}</span> ${statusLabel(idea.status)}
        </p>
        <p part="idea-text" class="idea-text" dir="auto">${idea.body}</p>
        ${idea.mergedInto
          ? html`<p part="merged" class="notice">
              ${msg(html`Fusionnée avec l’idée « <bdi>${idea.mergedInto.title}</bdi> ».`)}
            </p>`
          : nothing}
        ${idea.answer
          ? html`<div part="answer" class="answer">
              <p part="answer-heading" class="answer-heading">
                ${msg(html`Réponse de la ville, le ${format.date(idea.answer.answeredAt)}`)}
              </p>
              <p part="answer-text" class="answer-text" dir="auto">${idea.answer.text}</p>
            </div>`
          : nothing}
        <div class="idea-actions">${renderSupport(idea, view)} ${renderReport(idea, view)}</div>
        ${renderSupportError(idea, view)}
      </article>
    </li>
  `;
}

function renderSupport(idea: Idea, view: CardView): TemplateResult {
  const { supports, format } = view;
  const count = html`<span part="support-count" class="support-count">${format.supports(idea.supports)}</span>`;
  const open = view.box.status === 'open';
  if (!open || !(SUPPORTABLE.has(idea.status) || idea.supportedByMe)) return count;
  const sending = supports.isSending(idea.id);
  return html`
    <span class="support">
      <button
        part="support"
        class=${idea.supportedByMe ? 'button support-button pressed' : 'button secondary support-button'}
        type="button"
        aria-pressed=${idea.supportedByMe ? 'true' : 'false'}
        aria-disabled=${sending ? 'true' : 'false'}
        @click=${() => view.onSupport(idea.id)}
      >
        <span class="check" aria-hidden="true"></span>${msg('Soutenir')}<span class="visually-hidden">
          <bdi>${idea.title}</bdi></span
        >
      </button>
      ${count}
      ${supports.isQueued(idea.id)
        ? html`<span part="support-note" class="support-note">${msg('Sera envoyé au retour de la connexion')}</span>`
        : nothing}
    </span>
  `;
}

function renderSupportError(idea: Idea, { supports }: CardView): TemplateResult | typeof nothing {
  const error = supports.errorFor(idea.id);
  return error ? html`<p part="error" class="error" role="alert">${ideaErrorMessage(error.code)}</p>` : nothing;
}
