import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminIdea, HideIdea, RejectIdea } from '../../contract/idea.js';
import { ParvisError } from '../../client/errors.js';
import { ParvisElement } from '../../elements/parvis-element.js';
import { request } from '../api.js';
import { textareaField } from '../fields.js';
import { checkBody, type FieldErrors } from '../form-errors.js';
import { refusalMessage } from '../refusals.js';
import { announce } from '../router.js';
import { adminStyles } from '../styles.js';

type Decision = 'hide' | 'reject';

/** Fired once the server took a decision, with the idea as it now is. */
export type ModeratedEvent = CustomEvent<AdminIdea>;

/**
 * The moderator's decisions on one idea: approve it, hide it with a note
 * only moderators read, or reject it with a reason published as the city's
 * answer. The note and the reason are asked in a form that opens under the
 * buttons, with focus in its field; cancelling brings focus back.
 *
 * @fires moderated - the decision is taken; the idea as it now is.
 */
export class AdminIdeaModeration extends ParvisElement {
  static override styles = [...ParvisElement.styles, adminStyles];

  static override properties = {
    idea: { attribute: false },
    _open: { state: true },
    _text: { state: true },
    _errors: { state: true },
    _failure: { state: true },
    _saving: { state: true },
  };

  declare idea: AdminIdea | null;
  /** @internal The decision whose form is open. */
  declare _open: Decision | null;
  /** @internal */
  declare _text: string;
  /** @internal */
  declare _errors: FieldErrors;
  /** @internal */
  declare _failure: string;
  /** @internal */
  declare _saving: boolean;

  constructor() {
    super();
    this.idea = null;
    this._open = null;
    this._text = '';
    this._errors = {};
    this._failure = '';
    this._saving = false;
  }

  protected override render() {
    const idea = this.idea;
    if (!idea || idea.status === 'merged') return nothing;
    const title = html`<span class="visually-hidden"> « ${idea.title} »</span>`;
    return html`
      ${this._failure ? html`<p class="alert" role="alert">${this._failure}</p>` : nothing}
      <div class="actions">
        ${idea.status === 'pending' || idea.status === 'hidden'
          ? html`<button type="button" class="button" @click=${this.#approve}>
              ${idea.status === 'pending' ? msg('Approuver') : msg('Republier')}${title}
            </button>`
          : nothing}
        ${idea.status === 'hidden' && idea.hiddenBy === 'moderator'
          ? nothing
          : this.#toggle('hide', msg('Masquer…'), title)}
        ${idea.status === 'rejected' ? nothing : this.#toggle('reject', msg('Rejeter…'), title)}
      </div>
      ${this._open ? this.#renderForm(this._open) : nothing}
    `;
  }

  #toggle(decision: Decision, label: string, title: unknown) {
    return html`<button
      type="button"
      class="button secondary ${decision === 'reject' ? 'danger' : ''}"
      id="toggle-${decision}"
      aria-expanded=${this._open === decision ? 'true' : 'false'}
      aria-controls="decision-form"
      @click=${() => this.#openForm(decision)}
    >
      ${label}${title}
    </button>`;
  }

  #renderForm(decision: Decision) {
    const hide = decision === 'hide';
    return html`
      <form id="decision-form" class="decision" novalidate @submit=${this.#submit} @input=${this.#onInput}>
        ${hide
          ? textareaField(
              'note',
              msg('Note pour les modérateurs (facultatif)'),
              this._text,
              this._errors,
              msg('Pourquoi cette idée est masquée. Les habitants ne lisent jamais cette note.'),
            )
          : textareaField(
              'reason',
              msg('Raison du rejet'),
              this._text,
              this._errors,
              msg('Publiée comme réponse officielle de la ville sous l’idée.'),
            )}
        <div class="actions">
          <button type="submit" class="button ${hide ? '' : 'danger'}" aria-disabled=${this._saving ? 'true' : nothing}>
            ${hide ? msg('Masquer l’idée') : msg('Rejeter l’idée')}
          </button>
          <button type="button" class="button secondary" @click=${this.#cancel}>${msg('Annuler')}</button>
        </div>
      </form>
    `;
  }

  async #openForm(decision: Decision): Promise<void> {
    this._open = this._open === decision ? null : decision;
    this._text = '';
    this._errors = {};
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('textarea')?.focus();
  }

  readonly #cancel = async () => {
    const decision = this._open;
    this._open = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#toggle-${decision}`)?.focus();
  };

  readonly #onInput = (event: Event) => {
    this._text = (event.target as HTMLTextAreaElement).value;
  };

  readonly #approve = () =>
    this.#decide('approve', undefined, (idea) => msg(str`L’idée « ${idea.title} » est publiée.`));

  readonly #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this._saving) return;
    const text = this._text.trim();
    if (this._open === 'hide') {
      const checked = checkBody(HideIdea, text ? { note: text } : {}, () =>
        msg('La note doit faire 500 caractères au plus.'),
      );
      if (checked.errors) return this.#refuse(checked.errors);
      return this.#decide('hide', checked.data, (idea) => msg(str`L’idée « ${idea.title} » est masquée.`));
    }
    const checked = checkBody(RejectIdea, { reason: text }, (_, reason) =>
      reason === 'too_big'
        ? msg('La raison doit faire 5 000 caractères au plus.')
        : msg('Saisissez la raison du rejet : elle est publiée sous l’idée.'),
    );
    if (checked.errors) return this.#refuse(checked.errors);
    return this.#decide('reject', checked.data, (idea) => msg(str`L’idée « ${idea.title} » est rejetée.`));
  };

  async #refuse(errors: FieldErrors): Promise<void> {
    this._errors = errors;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('textarea')?.focus();
  }

  async #decide(action: string, body: unknown, done: (idea: AdminIdea) => string): Promise<void> {
    if (!this.idea) return;
    this._failure = '';
    this._saving = true;
    try {
      const path = `/v1/admin/ideas/${encodeURIComponent(this.idea.id)}/${action}`;
      const idea = await request('POST', path, AdminIdea, body);
      this._open = null;
      announce(done(idea));
      this.dispatchEvent(new CustomEvent<AdminIdea>('moderated', { detail: idea, bubbles: true, composed: true }));
    } catch (error) {
      const code = error instanceof ParvisError ? error.code : 'internal_error';
      if (code !== 'unauthorized') this._failure = refusalMessage(code);
    } finally {
      this._saving = false;
    }
  }
}

AdminIdeaModeration.define('parvis-admin-idea-moderation');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-idea-moderation': AdminIdeaModeration;
  }
}
