import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminPollList } from '../contract/poll.js';
import { ParvisError } from '../client/errors.js';
import { read } from './api.js';
import {
  describedBy,
  FORM,
  focusSummary,
  invalid,
  renderErrorSummary,
  renderFieldError,
  type FieldErrors,
} from './form-errors.js';
import { errorMessage } from './messages.js';
import { AdminScreen } from './screen.js';
import { session, type SignedOutReason } from './session.js';

/** Signing in with an admin token, which is checked against the server before it is kept. */
export class AdminSignIn extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    reason: { attribute: false },
    _errors: { state: true },
    _checking: { state: true },
  };

  /** Why the officer is asked to sign in again, if they were signed in. */
  declare reason: SignedOutReason | null;
  /** @internal */
  declare _errors: FieldErrors;
  /** @internal */
  declare _checking: boolean;

  constructor() {
    super();
    this.reason = null;
    this._errors = {};
    this._checking = false;
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${msg('Se connecter à la console')}</h1>
      ${this.#renderReason()} ${renderErrorSummary(this._errors, ['token'])}
      <form novalidate @submit=${this.#submit}>
        <div class="field ${this._errors.token ? 'invalid' : ''}">
          <label for="field-token">${msg('Jeton d’administration')}</label>
          <span class="hint" id="field-token-hint">
            ${msg(
              'Le jeton affiché au démarrage du serveur, ou celui que l’équipe technique vous a remis. Il reste dans cet onglet et s’efface quand vous le fermez ou vous déconnectez.',
            )}
          </span>
          ${renderFieldError(this._errors, 'token')}
          <input
            type="password"
            id="field-token"
            name="token"
            autocomplete="current-password"
            spellcheck="false"
            aria-describedby=${describedBy(this._errors, 'token', true)}
            aria-invalid=${invalid(this._errors, 'token')}
          />
        </div>
        <button type="submit" class="button" aria-disabled=${this._checking ? 'true' : nothing}>
          ${this._checking ? msg('Vérification…') : msg('Se connecter')}
        </button>
      </form>
    `;
  }

  #renderReason() {
    if (this.reason === 'expired') {
      return html`<p class="alert" role="alert">
        ${msg('Votre session a pris fin : le jeton n’est plus accepté par le serveur. Saisissez un jeton valide.')}
      </p>`;
    }
    if (this.reason === 'signed-out') return html`<p class="note">${msg('Vous êtes déconnecté.')}</p>`;
    return nothing;
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._checking) return;
    const form = event.currentTarget as HTMLFormElement;
    const token = (form.elements.namedItem('token') as HTMLInputElement).value.trim();
    if (token === '') return this.#refuse({ token: msg('Saisissez votre jeton d’administration.') });
    this._checking = true;
    try {
      await read('/v1/admin/polls', AdminPollList, { token });
    } catch (error) {
      const code = error instanceof ParvisError ? error.code : 'internal_error';
      return this.#refuse(
        code === 'unauthorized'
          ? {
              token: msg('Ce jeton n’est pas reconnu. Vérifiez-le (sans espace ni caractère en trop), puis réessayez.'),
            }
          : { [FORM]: errorMessage(code) },
      );
    } finally {
      this._checking = false;
    }
    session.signIn(token);
  }

  #refuse(errors: FieldErrors): Promise<void> {
    this._errors = errors;
    return focusSummary(this);
  }
}

AdminSignIn.define('parvis-admin-sign-in');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-sign-in': AdminSignIn;
  }
}
