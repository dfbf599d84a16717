import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { AdminPoll, ResultsVisibility } from '../../contract/poll.js';
import { plural } from '../format.js';
import { describedBy, fieldId, invalid, renderFieldError, type FieldErrors } from '../form-errors.js';
import type { PollDraft } from './poll-draft.js';

const VISIBILITIES: ReadonlyArray<{ value: ResultsVisibility; label: () => string }> = [
  { value: 'after_vote', label: () => msg('Après avoir voté (et pour tous à la clôture)') },
  { value: 'always', label: () => msg('Toujours, même avant de voter') },
  { value: 'after_close', label: () => msg('À la clôture seulement') },
  { value: 'never', label: () => msg('Jamais (résultats réservés à la ville)') },
];

/** A one-line text field with its label, hint and error. */
export function textField(
  draft: PollDraft,
  errors: FieldErrors,
  name: 'id' | 'question',
  label: string,
  options: { hint?: string; spellcheck?: boolean } = {},
) {
  return html`
    <div class="field ${errors[name] ? 'invalid' : ''}">
      <label for=${fieldId(name)}>${label}</label>
      ${options.hint ? html`<span class="hint" id="${fieldId(name)}-hint">${options.hint}</span>` : nothing}
      ${renderFieldError(errors, name)}
      <input
        type="text"
        id=${fieldId(name)}
        name=${name}
        spellcheck=${options.spellcheck === false ? 'false' : nothing}
        aria-describedby=${describedBy(errors, name, Boolean(options.hint))}
        aria-invalid=${invalid(errors, name)}
        .value=${live(draft[name])}
      />
    </div>
  `;
}

/** Why the answers of a poll with votes are shown, not offered for editing. */
export function renderFrozenOptions(poll: AdminPoll) {
  return html`
    <section class="note" aria-labelledby="frozen-heading">
      <h2 id="frozen-heading">${msg('Réponses proposées')}</h2>
      <p>
        ${plural(
          poll.results.voters,
          (n) => msg(str`Les réponses ne peuvent plus changer : ${n} personne a déjà répondu.`),
          (n) => msg(str`Les réponses ne peuvent plus changer : ${n} personnes ont déjà répondu.`),
        )}
        ${msg('Les modifier changerait le sens des votes. Pour proposer d’autres réponses, créez un nouveau sondage.')}
      </p>
      <ol>
        ${poll.options.map((option) => html`<li>${option.label}</li>`)}
      </ol>
    </section>
  `;
}

export function renderChoices(draft: PollDraft, errors: FieldErrors) {
  return html`
    <fieldset>
      <legend>${msg('Nombre de réponses par participant')}</legend>
      ${checkbox(draft, 'multiple', msg('Les participants peuvent choisir plusieurs réponses'))}
      ${draft.multiple
        ? html`${numberField(draft, errors, 'minChoices', msg('Au moins (facultatif, 1 par défaut)'))}
          ${numberField(draft, errors, 'maxChoices', msg('Au plus (facultatif, toutes par défaut)'))}`
        : nothing}
    </fieldset>
  `;
}

function numberField(draft: PollDraft, errors: FieldErrors, name: 'minChoices' | 'maxChoices', label: string) {
  return html`
    <div class="field ${errors[name] ? 'invalid' : ''}">
      <label for=${fieldId(name)}>${label}</label>
      ${renderFieldError(errors, name)}
      <input
        type="number"
        inputmode="numeric"
        min="1"
        id=${fieldId(name)}
        name=${name}
        aria-describedby=${describedBy(errors, name)}
        aria-invalid=${invalid(errors, name)}
        .value=${live(draft[name])}
      />
    </div>
  `;
}

export function renderDates(draft: PollDraft, errors: FieldErrors) {
  const date = (name: 'opensAt' | 'closesAt', label: string, hint: string) => html`
    <div class="field ${errors[name] ? 'invalid' : ''}">
      <label for=${fieldId(name)}>${label}</label>
      <span class="hint" id="${fieldId(name)}-hint">${hint}</span>
      ${renderFieldError(errors, name)}
      <input
        type="datetime-local"
        id=${fieldId(name)}
        name=${name}
        aria-describedby=${describedBy(errors, name, true)}
        aria-invalid=${invalid(errors, name)}
        .value=${live(draft[name])}
      />
    </div>
  `;
  return html`
    <fieldset>
      <legend>${msg('Dates (heure de votre ordinateur)')}</legend>
      ${date('opensAt', msg('Ouverture (facultatif)'), msg('Laissez vide pour ouvrir le sondage dès maintenant.'))}
      ${date('closesAt', msg('Clôture (facultatif)'), msg('Laissez vide pour le clore vous-même, quand vous voudrez.'))}
    </fieldset>
  `;
}

export function renderVisibility(draft: PollDraft) {
  return html`
    <fieldset id=${fieldId('resultsVisibility')}>
      <legend>${msg('Quand les participants voient-ils les résultats ?')}</legend>
      ${VISIBILITIES.map(
        ({ value, label }) => html`
          <div class="choice">
            <input
              type="radio"
              id="visibility-${value}"
              name="resultsVisibility"
              value=${value}
              .checked=${live(draft.resultsVisibility === value)}
            />
            <label for="visibility-${value}">${label()}</label>
          </div>
        `,
      )}
    </fieldset>
  `;
}

export function renderRules(draft: PollDraft) {
  return html`
    <fieldset>
      <legend>${msg('Règles')}</legend>
      ${checkbox(
        draft,
        'allowChange',
        msg('Les participants peuvent changer leur vote tant que le sondage est ouvert'),
      )}
      ${checkbox(
        draft,
        'requiresVerification',
        msg('Réservé aux habitants identifiés par le site de la ville (jeton signé)'),
      )}
    </fieldset>
  `;
}

function checkbox(draft: PollDraft, name: 'multiple' | 'allowChange' | 'requiresVerification', label: string) {
  return html`
    <div class="choice">
      <input type="checkbox" id=${fieldId(name)} name=${name} .checked=${live(draft[name])} />
      <label for=${fieldId(name)}>${label}</label>
    </div>
  `;
}
