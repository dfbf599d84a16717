import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ParvisError } from '../../client/errors.js';
import type { ErrorCode } from '../../contract/errors.js';
import type { Poll } from '../../contract/poll.js';
import { errorMessage } from '../error-messages.js';
import { bone, renderErrorBox } from '../shared-templates.js';
import type { PollFormat } from './poll-format.js';

/**
 * Bones in the shape of a typical poll — a question, a short description, the
 * hint, four choices, the closing date and the button — laid out with the
 * poll's own classes, so the page barely moves when the poll arrives.
 */
export function renderSkeleton(): TemplateResult {
  return html`
    <div part="base skeleton" class="poll skeleton" aria-busy="true">
      <span class="visually-hidden">${msg('Chargement du sondage…')}</span>
      <div class="form" aria-hidden="true">
        <div class="options">
          <p class="question">${bone(9)}</p>
          <p>${bone(24)}</p>
          <p>${bone(3)}</p>
          ${[5, 4, 6, 3].map((count) => html`<p class="option">${bone(count)}</p>`)}
        </div>
        <p>${bone(4)}</p>
        <span class="bone bone-button"></span>
      </div>
    </div>
  `;
}

/** The message for the error's code, and a way to try again. */
export function renderError(error: ParvisError, retry: () => unknown): TemplateResult {
  return renderErrorBox(errorMessage(error.code as ErrorCode), retry);
}

export function renderDescription(poll: Poll): TemplateResult | typeof nothing {
  return poll.description ? html`<p part="description" class="description">${poll.description}</p>` : nothing;
}

/** When the poll opens, and what it will ask. */
export function renderUpcoming(poll: Poll, format: PollFormat): TemplateResult {
  return html`
    <p part="notice" class="notice">
      ${poll.opensAt
        ? msg(str`Ce sondage ouvrira le ${format.date(poll.opensAt)}.`)
        : msg('Ce sondage n’est pas encore ouvert.')}
    </p>
    <ul part="options" class="upcoming-options">
      ${poll.options.map((option) => html`<li part="option"><span part="option-label">${option.label}</span></li>`)}
    </ul>
  `;
}

export function renderClosed(poll: Poll, format: PollFormat): TemplateResult {
  return html`<p part="notice" class="notice">
    ${poll.closesAt
      ? msg(str`Ce sondage est clos depuis le ${format.date(poll.closesAt)}.`)
      : msg('Ce sondage est clos.')}
  </p>`;
}
