import { msg } from '@lit/localize';
import { css, html } from 'lit';
import { announce } from '../router.js';

/**
 * A text to copy, in a read-only field the officer can also select by hand,
 * and a button that copies it with the Clipboard API. Where the browser
 * refuses (no permission, an old browser), the text is selected instead
 * and the officer is told to copy it with the keyboard.
 */
export function renderCopyField(id: string, label: string, text: string, buttonLabel: string) {
  return html`
    <div class="field copy-field">
      <label for=${id}>${label}</label>
      <textarea id=${id} readonly spellcheck="false" rows=${text.split('\n').length + 1} .value=${text}></textarea>
      <button type="button" class="button" @click=${(event: Event) => copy(event, id)}>${buttonLabel}</button>
    </div>
  `;
}

async function copy(event: Event, id: string): Promise<void> {
  const root = (event.currentTarget as HTMLElement).getRootNode() as ShadowRoot;
  const field = root.getElementById(id) as HTMLTextAreaElement;
  try {
    await navigator.clipboard.writeText(field.value);
    announce(msg('Copié dans le presse-papiers.'));
  } catch {
    field.focus();
    field.select();
    announce(
      msg(
        'La copie automatique n’est pas possible ici : le texte est sélectionné, copiez-le avec Ctrl+C (⌘+C sur Mac).',
      ),
    );
  }
}

export const snippetStyles = css`
  .builder {
    display: flex;
    flex-wrap: wrap;
    gap: 1.5rem 3rem;
    align-items: flex-start;
  }

  .builder > * {
    flex: 1 1 22rem;
    min-inline-size: 0;
  }

  .preview h2 {
    margin-block-start: 0;
  }

  iframe {
    display: block;
    inline-size: 100%;
    block-size: 24rem;
    border: 1px solid var(--admin-border);
  }

  .copy-field textarea {
    margin-block-end: 0.75rem;
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    white-space: pre;
    overflow-x: auto;
  }
`;
