import { msg, str } from '@lit/localize';
import { ParvisElement } from '../elements/parvis-element.js';
import { adminStyles } from './styles.js';

/**
 * The base of every screen: the shared styles and the console's, the
 * parameters of its address, and one heading (`<h1 tabindex="-1">`) that
 * names the page and receives focus when the screen is shown, as a page
 * load would bring a screen reader to the top of a new page.
 */
export class AdminScreen extends ParvisElement {
  static override styles = [...ParvisElement.styles, adminStyles];

  static override properties = {
    params: { attribute: false },
    query: { attribute: false },
  };

  /** The parameters of the screen's address (`pollId` in `/polls/:pollId`). */
  declare params: Readonly<Record<string, string>>;
  /** The query of the address (`?poll=marche-de-noel`). */
  declare query: URLSearchParams;

  constructor() {
    super();
    this.params = {};
    this.query = new URLSearchParams();
  }

  /** Settles once the screen shows what it is about, or why it cannot: its heading then names it. */
  protected ready(): Promise<unknown> {
    return Promise.resolve();
  }

  /** Titles the page after the screen's heading and, when `focus` is set, moves focus to it. */
  async present(focus: boolean): Promise<void> {
    await this.updateComplete;
    await this.ready();
    await this.updateComplete;
    // Replaced meanwhile (the officer went on, or had to sign in again): the new screen names the page.
    const heading = this.isConnected ? this.renderRoot.querySelector<HTMLElement>('h1') : null;
    if (!heading) return;
    const name = heading.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    document.title = msg(str`${name} – Console Parvis`);
    if (focus) heading.focus();
  }
}
