import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { MAX_COMMENT } from '../../contract/subject.js';
import { context, renderCount, type VoteView } from './vote-templates.js';

/** The "was this page helpful?" mode: the question, then a thank-you and, when asked for, a comment. */
export interface HelpfulView extends VoteView {
  /** The comment form is open: the citizen has just answered, and the page asks for a comment after this answer. */
  asking: boolean;
  /** The comment being written. */
  draft: string;
  /** The comment just sent from this page, quoted back. */
  sent: string | null;
  /** Why the comment cannot be sent as it is. */
  problem: string | null;
  onInput(event: Event): void;
  onSubmit(event: SubmitEvent): void;
}

export function renderHelpful(view: HelpfulView): TemplateResult {
  const { votes } = view;
  if (votes.mine === 0) return renderQuestion(view);
  const thanks = votes.commented
    ? msg('Merci pour votre réponse et votre commentaire : ils aideront la ville à améliorer cette page.')
    : msg('Merci pour votre réponse.');
  return html`
    <p part="thanks" id="thanks" class="thanks" tabindex="-1">${thanks}</p>
    ${view.sent !== null
      ? html`<p part="comment-sent" class="sent">${msg('Votre commentaire :')} <q>${view.sent}</q></p>`
      : nothing}
    ${view.asking && !votes.commented && !votes.closed ? renderCommentForm(view) : nothing}
  `;
}

function renderQuestion({ votes, format, counts, label, busy, vote }: HelpfulView): TemplateResult {
  const { up, down, closed } = votes;
  const yesCount = counts && up !== null ? renderCount(format.number(up), format.yeses(up)) : nothing;
  const noCount = counts && down !== null ? renderCount(format.number(down), format.noes(down)) : nothing;
  const answers = html`<span class="answers">
    <button
      part="button yes"
      class="button"
      type="button"
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => vote(1)}
    >
      <span part="button-label">${msg('Oui')}</span> ${yesCount}
    </button>
    <button
      part="button no"
      class="button"
      type="button"
      aria-disabled=${busy ? 'true' : 'false'}
      @click=${() => vote(-1)}
    >
      <span part="button-label">${msg('Non')}</span> ${noCount}
    </button>
  </span>`;
  return html`
    <div part="group" class="group" role="group" aria-labelledby="question">
      <span part="question" id="question" class="question"
        >${msg('Cette page vous a-t-elle été utile ?')}${context(label)}</span
      >
      ${closed ? html`<span part="closed" class="closed closed-mark">${msg('Vote clos.')}</span>` : answers}
    </div>
  `;
}

function renderCommentForm({ votes, format, draft, problem, busy, onInput, onSubmit }: HelpfulView): TemplateResult {
  const left = MAX_COMMENT - draft.length;
  const describedBy = ['comment-hint', 'comment-remaining', problem ? 'problem' : ''].filter(Boolean).join(' ');
  return html`
    <form part="comment-form" class="comment-form" novalidate @submit=${onSubmit}>
      <label part="comment-label" for="comment" class="comment-label">
        ${votes.mine === -1
          ? msg('Qu’est-ce qui vous a manqué sur cette page ? (facultatif)')
          : msg('Qu’avez-vous trouvé utile sur cette page ? (facultatif)')}
      </label>
      <p part="hint" id="comment-hint" class="hint">
        ${msg('N’indiquez pas d’informations personnelles : la ville lit ces commentaires mais n’y répond pas.')}
      </p>
      <textarea
        part="comment"
        id="comment"
        class="comment"
        rows="3"
        aria-describedby=${describedBy}
        aria-invalid=${left < 0 ? 'true' : 'false'}
        .value=${live(draft)}
        @input=${onInput}
      ></textarea>
      <p part="remaining" id="comment-remaining" class=${left < 0 ? 'hint over' : 'hint'}>
        ${left < 0 ? format.over(-left) : format.remaining(left)}
      </p>
      ${problem ? html`<p part="error" id="problem" class="error" role="alert">${problem}</p>` : nothing}
      <button part="send" class="button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${busy ? msg('Envoi en cours…') : msg('Envoyer')}
      </button>
    </form>
  `;
}
