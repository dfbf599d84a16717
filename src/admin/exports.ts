import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { ParvisError } from '../client/errors.js';
import { download } from './api.js';
import { announce } from './router.js';
import { errorMessage } from './messages.js';

export interface ExportFile {
  /** The API path of the export (`/v1/polls/marche-de-noel/results.csv`). */
  path: string;
  fileName: string;
  /** The button's text: "Télécharger en CSV". */
  label: string;
  /** Said to screen readers after the label: what is downloaded. */
  what: string;
}

/** Download buttons: they send the admin token, which exports not yet public require and a link could not carry. */
export function renderDownloads(files: readonly ExportFile[]) {
  return html`
    <div class="actions">
      ${files.map(
        (file) => html`
          <button type="button" class="button secondary" @click=${() => save(file)}>
            ${file.label}<span class="visually-hidden"> ${file.what}</span>
          </button>
        `,
      )}
    </div>
  `;
}

async function save(file: ExportFile): Promise<void> {
  try {
    await download(file.path, file.fileName);
    announce(msg(str`Le fichier ${file.fileName} est téléchargé.`));
  } catch (error) {
    if (error instanceof ParvisError && error.code === 'unauthorized') return;
    announce(errorMessage(error instanceof ParvisError ? error.code : 'internal_error'));
  }
}
