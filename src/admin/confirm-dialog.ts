import { msg } from '@lit/localize';
import { css, html } from 'lit';
import { ParvisElement } from '../elements/parvis-element.js';
import { adminStyles } from './styles.js';

/**
 * A question asked before an action that cannot be undone, in a native modal
 * `<dialog>`: focus stays inside, Escape cancels, focus starts on the safe
 * choice and returns where it was. The explanation is the element's content.
 */
export class AdminConfirm extends ParvisElement {
  static override styles = [
    ...ParvisElement.styles,
    adminStyles,
    css`
      dialog {
        max-inline-size: min(36rem, calc(100vw - 2rem));
        padding: 1.5rem;
        border: 2px solid var(--admin-text);
      }

      dialog::backdrop {
        background: rgb(0 0 0 / 50%);
      }

      h2 {
        margin-block-start: 0;
      }
    `,
  ];

  static override properties = {
    heading: {},
    confirmLabel: { attribute: 'confirm-label' },
  };

  /** The question, the dialog's title. */
  declare heading: string;
  /** The button that does it, named by what it does ("Supprimer le sondage"). */
  declare confirmLabel: string;

  #answer: ((confirmed: boolean) => void) | null = null;

  constructor() {
    super();
    this.heading = '';
    this.confirmLabel = '';
  }

  /** Opens the dialog; resolves to whether the officer confirmed. */
  async ask(): Promise<boolean> {
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog')!;
    dialog.returnValue = '';
    dialog.showModal();
    return new Promise((resolve) => (this.#answer = resolve));
  }

  #closed(event: Event): void {
    this.#answer?.((event.target as HTMLDialogElement).returnValue === 'confirm');
    this.#answer = null;
  }

  protected override render() {
    return html`
      <dialog aria-labelledby="title" @close=${this.#closed}>
        <h2 id="title">${this.heading}</h2>
        <slot></slot>
        <form method="dialog" class="actions">
          <button class="button secondary" value="cancel">${msg('Annuler')}</button>
          <button class="button danger" value="confirm">${this.confirmLabel}</button>
        </form>
      </dialog>
    `;
  }
}

AdminConfirm.define('parvis-admin-confirm');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-confirm': AdminConfirm;
  }
}
