import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ParvisError } from '../../client/errors.js';
import type { IdeaBox } from '../../contract/idea.js';
import type { IdeaBoxFormat } from './idea-box-format.js';
import { bone, renderErrorBox } from '../shared-templates.js';
import { ideaErrorMessage } from './idea-box-messages.js';

/**
 * Bones in the shape of an open box — its title and description, the form,
 * then the list's controls and three ideas — laid out with the box's own
 * classes, so the page barely moves when the box arrives.
 */
export function renderSkeleton(): TemplateResult {
  return html`
    <div part="base skeleton" class="box skeleton" aria-busy="true">
      <span class="visually-hidden">${msg('Chargement de la boîte à idées…')}</span>
      <div class="skeleton-body" aria-hidden="true">
        <p class="title">${bone(6)}</p>
        <p>${bone(22)}</p>
        <div class="section">
          <p class="heading">${bone(3)}</p>
          ${[2, 3].map(
            (count) =>
              html`<p>${bone(count)}</p>
                <span class="bone bone-input"></span>`,
          )}
          <span class="bone bone-input bone-textarea"></span>
          <span class="bone bone-button"></span>
        </div>
        <div class="section">
          <p class="heading">${bone(3)}</p>
          <span class="bone bone-input"></span>
          ${[9, 7, 8].map(
            (count) =>
              html`<div class="idea">
                <p class="idea-title">${bone(count)}</p>
                <p>${bone(5)}</p>
                <p>${bone(20)}</p>
                <span class="bone bone-button"></span>
              </div>`,
          )}
        </div>
      </div>
    </div>
  `;
}

/** The message for the error's code, and a way to try again. `id` lets the element move focus to it. */
export function renderError(error: ParvisError, retry: () => unknown, id: string): TemplateResult {
  return renderErrorBox(ideaErrorMessage(error.code), retry, id);
}

/** The box's title and description, and when it opens or closed. */
export function renderHeader(box: IdeaBox, format: IdeaBoxFormat): TemplateResult {
  return html`
    <p part="title" id="box-title" class="title" dir="auto">${box.title}</p>
    ${box.description ? html`<p part="description" class="description" dir="auto">${box.description}</p>` : nothing}
    ${renderPeriod(box, format)}
  `;
}

function renderPeriod(box: IdeaBox, format: IdeaBoxFormat): TemplateResult | typeof nothing {
  let notice: string;
  if (box.status === 'upcoming') {
    notice = box.opensAt
      ? msg(str`Cette boîte à idées ouvrira le ${format.date(box.opensAt)}.`)
      : msg('Cette boîte à idées n’est pas encore ouverte.');
  } else if (box.status === 'closed') {
    notice = box.closesAt
      ? msg(
          str`Cette boîte à idées est close depuis le ${format.date(box.closesAt)}. Vous pouvez encore lire les idées et les réponses de la ville.`,
        )
      : msg('Cette boîte à idées est close. Vous pouvez encore lire les idées et les réponses de la ville.');
  } else if (box.closesAt) {
    notice = msg(str`Vous pouvez proposer et soutenir des idées jusqu’au ${format.date(box.closesAt)}.`);
  } else {
    return nothing;
  }
  return html`<p part="notice" class="notice">${notice}</p>`;
}

/** A heading at the level the page asks for, so that the box fits the page's outline. */
export function heading(level: number, id: string, content: unknown, part: string): TemplateResult {
  return html`<p part=${part} id=${id} class="heading" role="heading" aria-level=${level}>${content}</p>`;
}
