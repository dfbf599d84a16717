import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { ParvisElement } from '../elements/parvis-element.js';
import {
  chooseLanguage,
  consoleLanguage,
  CONSOLE_LANGUAGES,
  LANGUAGE_NAMES,
  type ConsoleLanguage,
} from './language.js';
import { ROUTES } from './routes.js';
import { currentPath, followLink, href, match, section, shellEvents, type NavigateDetail } from './router.js';
import type { AdminScreen } from './screen.js';
import { session } from './session.js';
import './not-found.js';
import './sign-in.js';

/**
 * The console's frame: the skip link, the header with the language switch,
 * the navigation built from `ROUTES`, the live region that says what was just
 * done, and the screen of the current address. It renders into the page itself (no shadow root), so
 * that its landmarks and skip link are the document's own; each screen keeps
 * its styles and ids in a shadow root of its own.
 */
export class ParvisAdmin extends ParvisElement {
  static override properties = {
    _notice: { state: true },
    _failed: { state: true },
  };

  /** @internal What the live region says. */
  declare _notice: string;
  /** @internal A screen's code could not be loaded. */
  declare _failed: boolean;

  #screen: AdminScreen | null = null;
  /** Counts the screens asked for, so that a slow one never replaces a later one. */
  #shown = 0;
  /** The address (path and query) of the screen shown. */
  #address = '';

  constructor() {
    super();
    this._notice = '';
    this._failed = false;
  }

  protected override createRenderRoot(): HTMLElement {
    this.replaceChildren();
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('popstate', this.#onPopState);
    this.addEventListener('click', followLink);
    shellEvents.addEventListener('navigate', this.#onNavigate);
    shellEvents.addEventListener('notice', this.#onNotice);
    session.addEventListener('change', this.#onSession);
    void this.#show(false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('popstate', this.#onPopState);
    this.removeEventListener('click', followLink);
    shellEvents.removeEventListener('navigate', this.#onNavigate);
    shellEvents.removeEventListener('notice', this.#onNotice);
    session.removeEventListener('change', this.#onSession);
  }

  readonly #onPopState = () => {
    // The skip link's `#main` changes only the fragment: the screen stays, focus stays where the link put it.
    if (`${location.pathname}${location.search}` === this.#address) return;
    this._notice = '';
    void this.#show(true);
  };

  readonly #onNavigate = (event: Event) => {
    this._notice = (event as CustomEvent<NavigateDetail>).detail.notice ?? '';
    void this.#show(true);
  };

  readonly #onNotice = (event: Event) => {
    this._notice = (event as CustomEvent<string>).detail;
  };

  readonly #onSession = () => {
    this._notice = '';
    void this.#show(true);
  };

  async #show(focus: boolean): Promise<void> {
    const shown = ++this.#shown;
    this.#address = `${location.pathname}${location.search}`;
    this._failed = false;
    let screen: AdminScreen;
    if (session.token === null) {
      const signIn = document.createElement('parvis-admin-sign-in');
      signIn.reason = session.reason;
      screen = signIn;
    } else {
      const found = match(ROUTES, currentPath());
      try {
        await found?.route.load();
      } catch (error) {
        console.error('Parvis: a screen of the console could not be loaded.', error);
        if (shown === this.#shown) this._failed = true;
        return;
      }
      if (shown !== this.#shown) return;
      screen = document.createElement(found?.route.tag ?? 'parvis-admin-not-found') as AdminScreen;
      screen.params = found?.params ?? {};
      screen.query = new URLSearchParams(location.search);
    }
    this.#screen = screen;
    this.requestUpdate();
    await this.updateComplete;
    await screen.present(focus);
  }

  /**
   * Switches the console to `language`, as a page loaded anew in it would: the
   * frame re-renders, the screen is shown afresh (its data, counts and dates
   * included) with focus left on the switch, and the live region says so.
   */
  async #switchTo(language: ConsoleLanguage): Promise<void> {
    try {
      await chooseLanguage(language);
    } catch (error) {
      console.error('Parvis: the console’s strings could not be loaded.', error);
      this._notice = msg('Cette langue n’a pas pu être chargée. Vérifiez votre connexion, puis réessayez.');
      return;
    }
    this._notice = msg('La console est maintenant en français.', {
      desc: 'Said once the officer has switched the console to this language: each translation names its own language.',
    });
    await this.#show(false);
  }

  protected override render() {
    const signedIn = session.token !== null;
    return html`
      <a class="skip-link" href="#main">${msg('Aller au contenu')}</a>
      <header class="header">
        <div class="wrap header-row">
          <p class="brand">
            <a href=${href('/')}>Parvis <span class="brand-tagline">${msg('console d’administration')}</span></a>
          </p>
          <div class="header-actions">
            ${this.#renderLanguages()}
            ${signedIn
              ? html`<button type="button" class="sign-out" @click=${() => session.signOut()}>
                  ${msg('Se déconnecter')}
                </button>`
              : nothing}
          </div>
        </div>
        ${signedIn ? this.#renderNav() : nothing}
      </header>
      <main id="main" class="wrap" tabindex="-1">
        <div class="notice" role="status">${this._notice}</div>
        ${this._failed
          ? html`<p class="alert" role="alert">
              ${msg('Cet écran n’a pas pu être chargé. Vérifiez votre connexion, puis rechargez la page.')}
            </p>`
          : this.#screen}
      </main>
    `;
  }

  /** A button for each other language, named in that language, which it says through `lang`. */
  #renderLanguages() {
    const current = consoleLanguage();
    return CONSOLE_LANGUAGES.filter((language) => language !== current).map(
      (language) =>
        html`<button type="button" class="language" lang=${language} @click=${() => void this.#switchTo(language)}>
          ${LANGUAGE_NAMES[language]}
        </button>`,
    );
  }

  #renderNav() {
    const path = currentPath();
    return html`
      <nav class="nav" aria-label=${msg('Menu principal')}>
        <ul class="wrap">
          ${ROUTES.filter((route) => route.nav).map((route) => {
            const current = route.path === path ? 'page' : section(route.path) === section(path) ? 'true' : nothing;
            return html`<li><a href=${href(route.path)} aria-current=${current}>${route.nav!()}</a></li>`;
          })}
        </ul>
      </nav>
    `;
  }
}

// Defined by the entry (main.ts) once the console's language is in.

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin': ParvisAdmin;
  }
}
