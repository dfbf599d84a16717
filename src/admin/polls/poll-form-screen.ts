import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { AdminPoll, CreatePoll, UpdatePoll, type ResultsVisibility } from '../../contract/poll.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import {
  checkBody,
  describedBy,
  fieldId,
  focusSummary,
  invalid,
  refusalErrors,
  renderErrorSummary,
  renderFieldError,
  type FieldErrors,
} from '../form-errors.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { announce, href, navigate } from '../router.js';
import { AdminScreen } from '../screen.js';
import {
  describePollField,
  draftOf,
  emptyDraft,
  placeOptionErrors,
  pollBody,
  POLL_FIELDS,
  slugify,
  type PollDraft,
} from './poll-draft.js';
import {
  renderChoices,
  renderDates,
  renderFrozenOptions,
  renderRules,
  renderVisibility,
  textField,
} from './poll-form-fields.js';

/** Creating a poll (`/polls/new`) or changing one (`/polls/:pollId/edit`), checked against the API's contract. */
export class AdminPollForm extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _draft: { state: true },
    _errors: { state: true },
    _saving: { state: true },
  };

  /** @internal */
  declare _draft: PollDraft;
  /** @internal */
  declare _errors: FieldErrors;
  /** @internal */
  declare _saving: boolean;

  /** Whether the officer typed an id: until then, it follows the question. */
  #idTyped = false;

  readonly #poll = new Loader<AdminPoll | null>(this, async (signal) => {
    const pollId = this.params.pollId;
    if (!pollId) return null;
    const poll = await read(`/v1/admin/polls/${encodeURIComponent(pollId)}`, AdminPoll, { signal });
    this._draft = draftOf(poll);
    return poll;
  });

  constructor() {
    super();
    this._draft = emptyDraft();
    this._errors = {};
    this._saving = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#poll.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#poll.settled;
  }

  get #editing(): boolean {
    return Boolean(this.params.pollId);
  }

  protected override render() {
    const title = this.#editing ? msg('Modifier le sondage') : msg('Créer un sondage');
    return html`
      <h1 tabindex="-1">${title}</h1>
      ${this.#poll.render({
        pending: () => html`<p>${msg('Chargement du sondage…')}</p>`,
        error: (error) =>
          html`<p class="alert" role="alert">${errorMessage(error.code)}</p>
            <p><a href=${href('/polls')}>${msg('Retour aux sondages')}</a></p>`,
        complete: (poll) => this.#renderForm(poll),
      })}
    `;
  }

  #renderForm(poll: AdminPoll | null) {
    const draft = this._draft;
    const errors = this._errors;
    const back = poll ? href(`/polls/${encodeURIComponent(poll.id)}`) : href('/polls');
    return html`
      ${renderErrorSummary(errors, POLL_FIELDS)}
      <form novalidate @submit=${(event: SubmitEvent) => this.#submit(event, poll)} @input=${this.#onInput}>
        ${textField(draft, errors, 'question', msg('Question'))}
        ${poll
          ? nothing
          : textField(draft, errors, 'id', msg('Identifiant'), {
              hint: msg(
                'Fait à partir de la question ; vous pouvez le changer. Il apparaît dans l’extrait à intégrer et dans l’adresse des résultats, et ne pourra plus changer ensuite. Lettres minuscules sans accent, chiffres et tirets, par exemple : marche-de-noel.',
              ),
              spellcheck: false,
            })}
        <div class="field ${errors.description ? 'invalid' : ''}">
          <label for=${fieldId('description')}>${msg('Description (facultatif)')}</label>
          <span class="hint" id="${fieldId('description')}-hint">${msg('Le contexte, affiché sous la question.')}</span>
          ${renderFieldError(errors, 'description')}
          <textarea
            id=${fieldId('description')}
            name="description"
            aria-describedby=${describedBy(errors, 'description', true)}
            aria-invalid=${invalid(errors, 'description')}
            .value=${live(draft.description)}
          ></textarea>
        </div>
        ${poll && poll.results.voters > 0 ? renderFrozenOptions(poll) : this.#renderOptions()}
        ${renderChoices(draft, errors)} ${renderDates(draft, errors)} ${renderVisibility(draft)} ${renderRules(draft)}
        <div class="actions">
          <button type="submit" class="button" aria-disabled=${this._saving ? 'true' : nothing}>
            ${this._saving
              ? msg('Enregistrement…')
              : poll
                ? msg('Enregistrer les modifications')
                : msg('Créer le sondage')}
          </button>
          <a href=${back}>${msg('Annuler')}</a>
        </div>
      </form>
    `;
  }

  #renderOptions() {
    const { options } = this._draft;
    const errors = this._errors;
    return html`
      <fieldset id=${fieldId('options')} class=${errors.options ? 'invalid' : ''}>
        <legend>${msg('Réponses proposées')}</legend>
        <span class="hint">${msg('Deux au moins, dans l’ordre où elles seront affichées.')}</span>
        ${renderFieldError(errors, 'options')}
        ${options.map((option, i) => {
          const field = `options.${i}.label`;
          return html`
            <div class="field option-row ${errors[field] ? 'invalid' : ''}">
              <label for=${fieldId(field)}>${msg(str`Réponse ${i + 1}`)}</label>
              ${renderFieldError(errors, field)}
              <div class="actions">
                <input
                  type="text"
                  id=${fieldId(field)}
                  name="option-${i}"
                  aria-describedby=${describedBy(errors, field)}
                  aria-invalid=${invalid(errors, field)}
                  .value=${live(option.label)}
                />
                ${options.length > 2
                  ? html`<button type="button" class="button secondary" @click=${() => this.#removeOption(i)}>
                      ${msg('Retirer')}<span class="visually-hidden"> ${msg(str`la réponse ${i + 1}`)}</span>
                    </button>`
                  : nothing}
              </div>
            </div>
          `;
        })}
        <button type="button" class="button secondary" @click=${this.#addOption}>${msg('Ajouter une réponse')}</button>
      </fieldset>
    `;
  }

  readonly #onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const draft = { ...this._draft };
    const option = /^option-(\d+)$/.exec(input.name);
    if (option) {
      draft.options = draft.options.map((entry, i) =>
        i === Number(option[1]) ? { ...entry, label: input.value } : entry,
      );
    } else if (input.name === 'multiple' || input.name === 'allowChange' || input.name === 'requiresVerification') {
      draft[input.name] = input.checked;
    } else if (input.name === 'resultsVisibility') {
      draft.resultsVisibility = input.value as ResultsVisibility;
    } else if (input.name in draft) {
      (draft as unknown as Record<string, string>)[input.name] = input.value;
      if (input.name === 'id') this.#idTyped = input.value !== '';
      if (input.name === 'question' && !this.#idTyped && !this.#editing) draft.id = slugify(input.value);
    }
    this._draft = draft;
  };

  readonly #addOption = async () => {
    this._draft = { ...this._draft, options: [...this._draft.options, { id: null, label: '' }] };
    await this.updateComplete;
    this.renderRoot
      .querySelector<HTMLInputElement>(`#${fieldId(`options.${this._draft.options.length - 1}.label`)}`)
      ?.focus();
  };

  async #removeOption(index: number): Promise<void> {
    const label = this._draft.options[index].label.trim();
    this._draft = { ...this._draft, options: this._draft.options.filter((_, i) => i !== index) };
    this._errors = {};
    announce(label ? msg(str`La réponse « ${label} » est retirée.`) : msg(str`La réponse ${index + 1} est retirée.`));
    await this.updateComplete;
    const next = Math.min(index, this._draft.options.length - 1);
    this.renderRoot.querySelector<HTMLInputElement>(`#${fieldId(`options.${next}.label`)}`)?.focus();
  }

  async #submit(event: SubmitEvent, poll: AdminPoll | null): Promise<void> {
    event.preventDefault();
    if (this._saving) return;
    const draft = this._draft;
    const describe = describePollField(draft);
    const withOptions = !poll || poll.results.voters === 0;
    const body = pollBody(draft, poll, withOptions);
    const checked = poll ? checkBody(UpdatePoll, body, describe) : checkBody(CreatePoll, body, describe);
    if (checked.errors) return this.#refuse(checked.errors);
    this._saving = true;
    try {
      const saved = poll
        ? await request('PATCH', `/v1/admin/polls/${encodeURIComponent(poll.id)}`, AdminPoll, checked.data)
        : await request('POST', '/v1/admin/polls', AdminPoll, checked.data);
      const notice = poll
        ? msg(str`Les modifications du sondage « ${saved.question} » sont enregistrées.`)
        : msg(str`Le sondage « ${saved.question} » est créé.`);
      navigate(`/polls/${encodeURIComponent(saved.id)}`, { notice });
    } catch (error) {
      const refusal = error instanceof ParvisError ? error : new ParvisError('internal_error');
      if (refusal.code === 'unauthorized') return;
      if (refusal.code === 'poll_exists') return this.#refuse({ id: describe('id', 'poll_exists') });
      if (refusal.code === 'poll_has_votes') return this.#refuse({ options: describe('options', 'poll_has_votes') });
      return this.#refuse(refusalErrors(refusal, describe));
    } finally {
      this._saving = false;
    }
  }

  #refuse(errors: FieldErrors): Promise<void> {
    this._errors = placeOptionErrors(errors);
    return focusSummary(this);
  }
}

AdminPollForm.define('parvis-admin-poll-form');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-poll-form': AdminPollForm;
  }
}
