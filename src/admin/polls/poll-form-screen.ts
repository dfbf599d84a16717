import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { AdminPoll, CreatePoll, UpdatePoll } from '../../contract/poll.js';
import { ConsultationForm, type ConsultationKind } from '../consultation-form.js';
import {
  describedBy,
  fieldId,
  invalid,
  renderErrorSummary,
  renderFieldError,
  type FieldErrors,
} from '../form-errors.js';
import { announce } from '../router.js';
import {
  describePollField,
  draftOf,
  emptyDraft,
  placeOptionErrors,
  pollBody,
  POLL_FIELDS,
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

const POLL_KIND: ConsultationKind<AdminPoll, PollDraft> = {
  param: 'pollId',
  home: '/polls',
  api: '/v1/admin/polls',
  schema: AdminPoll,
  emptyDraft,
  draftOf,
  idSource: 'question',
};

/** Creating a poll (`/polls/new`) or changing one (`/polls/:pollId/edit`), checked against the API's contract. */
export class AdminPollForm extends ConsultationForm<AdminPoll, PollDraft> {
  constructor() {
    super(POLL_KIND);
  }

  protected override titles() {
    return {
      create: msg('Créer un sondage'),
      edit: msg('Modifier le sondage'),
      loading: msg('Chargement du sondage…'),
      back: msg('Retour aux sondages'),
    };
  }

  protected override renderForm(poll: AdminPoll | null) {
    const draft = this._draft;
    const errors = this._errors;
    return html`
      ${renderErrorSummary(errors, POLL_FIELDS)}
      <form novalidate @submit=${(event: SubmitEvent) => this.#submit(event, poll)} @input=${this.onInput}>
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
        ${this.renderActions(poll, msg('Créer le sondage'))}
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
                  name=${field}
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

  #submit(event: SubmitEvent, poll: AdminPoll | null): Promise<void> {
    const withOptions = !poll || poll.results.voters === 0;
    return this.send(event, poll, {
      body: pollBody(this._draft, poll, withOptions),
      describe: describePollField(this._draft),
      create: CreatePoll,
      update: UpdatePoll,
      notice: (saved) =>
        poll
          ? msg(str`Les modifications du sondage « ${saved.question} » sont enregistrées.`)
          : msg(str`Le sondage « ${saved.question} » est créé.`),
      fields: { poll_exists: 'id', poll_has_votes: 'options' },
    });
  }

  protected override placeErrors(errors: FieldErrors): FieldErrors {
    return placeOptionErrors(errors);
  }
}

AdminPollForm.define('parvis-admin-poll-form');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-poll-form': AdminPollForm;
  }
}
