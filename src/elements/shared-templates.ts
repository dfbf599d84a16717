import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';

/** A bone the size of `count` words: stand-in text, never shown, makes it wrap like the words it stands for. */
export const bone = (count: number): TemplateResult =>
  html`<span class="bone"><span class="filler">${'mmmmm '.repeat(count).trim()}</span></span>`;

/** An error's message, and a way to try again; `id` lets the element move focus to it. */
export function renderErrorBox(message: string, retry: () => unknown, id = 'error'): TemplateResult {
  return html`
    <div class="error-box">
      <p part="error" id=${id} class="error" role="alert" tabindex="-1">${message}</p>
      <button part="retry" class="button secondary" type="button" @click=${retry}>${msg('Réessayer')}</button>
    </div>
  `;
}
