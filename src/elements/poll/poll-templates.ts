import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { ParvisError } from '../../client/errors.js';
import type { ErrorCode } from '../../contract/errors.js';
import { errorMessage } from '../error-messages.js';

/** Bones in the shape of a question with three answers, so the page does not jump when the poll arrives. */
export function renderSkeleton(): TemplateResult {
  return html`
    <div part="base skeleton" class="poll skeleton" aria-busy="true">
      <span class="visually-hidden">${msg('Chargement du sondage…')}</span>
      <span class="bone bone-question"></span>
      <span class="bone"></span><span class="bone"></span><span class="bone"></span>
      <span class="bone bone-button"></span>
    </div>
  `;
}

/** The message for the error's code, and a way to try again. */
export function renderError(error: ParvisError, retry: () => unknown): TemplateResult {
  return html`
    <div class="error-box">
      <p part="error" id="error" class="error" role="alert" tabindex="-1">${errorMessage(error.code as ErrorCode)}</p>
      <button part="retry" class="button secondary" type="button" @click=${retry}>${msg('Réessayer')}</button>
    </div>
  `;
}
