// role="list" is kept on purpose: WebKit drops the list semantics of a <ul> styled with list-style: none.
/* eslint-disable lit-a11y/no-redundant-role */
import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { MAX_IDEA_BODY, MAX_IDEA_TITLE, type IdeaBox } from '../../contract/idea.js';
import type { IdeaBoxFormat } from './idea-box-format.js';
import { fieldMessage, type IdeaField } from './idea-box-messages.js';
import { heading, renderError } from './idea-box-templates.js';
import type { IdeaFormController } from './idea-form-controller.js';

/** What the form's templates need from the element. */
export interface FormView {
  box: IdeaBox;
  form: IdeaFormController;
  format: IdeaBoxFormat;
  level: number;
  onInput: (event: Event) => void;
  onStart: () => void;
  onSubmit: (event: SubmitEvent) => void;
  onSummaryLink: (event: Event) => void;
  onAgain: () => void;
  onRetry: () => void;
}

/** Each field's id, which the error summary links to. */
export const FIELD_IDS: Record<IdeaField, string> = {
  title: 'idea-title',
  body: 'idea-body',
  category: 'idea-category',
  authorName: 'idea-author',
};

/** The form, or the confirmation of the idea just sent; and any idea still waiting for the network. */
export function renderFormSection(view: FormView): TemplateResult {
  const { form, level } = view;
  return html`
    <section part="form-section" class="section" aria-labelledby="form-heading box-title">
      ${heading(level, 'form-heading', msg('Proposer une idée'), 'heading')}
      ${form.queued.length
        ? html`<ul part="queued" class="queued" role="list">
            ${form.queued.map(
              (entry) =>
                html`<li>
                  ${msg(html`<bdi>${entry.body.title}</bdi> : sera envoyée dès le retour de la connexion.`)}
                </li>`,
            )}
          </ul>`
        : nothing}
      ${form.phase === 'submitted' || form.phase === 'queued' ? renderConfirmation(view) : renderForm(view)}
    </section>
  `;
}

function renderConfirmation({ form, onAgain }: FormView): TemplateResult {
  const idea = form.submitted;
  let thanks: string;
  let next: string;
  if (form.phase === 'queued') {
    thanks = msg('Vous semblez hors ligne : votre idée est gardée sur cet appareil.');
    next = msg('Elle sera envoyée dès le retour de la connexion.');
  } else if (idea?.status === 'pending') {
    thanks = msg('Merci, votre idée a bien été reçue.');
    next = msg('Elle sera publiée après relecture par la ville.');
  } else {
    thanks = msg('Merci, votre idée est publiée.');
    next = msg('Les autres habitants peuvent dès maintenant la lire et la soutenir.');
  }
  return html`
    <div part="confirmation" id="confirmation" class="confirmation" tabindex="-1">
      <p class="confirmation-title">${thanks}</p>
      ${idea ? html`<p class="confirmation-idea" dir="auto">${idea.title}</p>` : nothing}
      <p>${next}</p>
    </div>
    <button part="again" class="button secondary" type="button" @click=${onAgain}>
      ${msg('Proposer une autre idée')}
    </button>
  `;
}

function renderForm(view: FormView): TemplateResult {
  const { box, form, format } = view;
  const submitting = form.phase === 'submitting';
  return html`
    <form
      part="form"
      class="form"
      novalidate
      aria-describedby="form-hint"
      @submit=${view.onSubmit}
      @input=${view.onInput}
      @change=${view.onInput}
      @focusin=${view.onStart}
    >
      ${renderSummary(view)}
      <p part="hint" id="form-hint" class="hint">
        ${box.moderation === 'pre'
          ? msg('Votre idée sera publiée après relecture par la ville.')
          : msg('Votre idée sera publiée dès son envoi.')}
        ${msg('Les champs sont obligatoires, sauf mention contraire.')}
      </p>
      ${renderField(view, 'title', msg('Titre de votre idée'), format.limit(MAX_IDEA_TITLE))}
      ${renderField(
        view,
        'body',
        msg('Description'),
        msg('Expliquez votre idée : ce qu’elle changerait, pour qui, à quel endroit.'),
      )}
      ${box.categories.length ? renderField(view, 'category', msg('Catégorie (facultatif)')) : nothing}
      ${renderField(
        view,
        'authorName',
        msg('Nom affiché (facultatif)'),
        msg('Laissez vide pour proposer votre idée anonymement.'),
      )}
      <div class="honeypot" aria-hidden="true">
        <label for="idea-website">${msg('Ne remplissez pas ce champ')}</label>
        <input
          id="idea-website"
          name="website"
          type="text"
          tabindex="-1"
          autocomplete="off"
          .value=${live(form.draft.website)}
        />
      </div>
      ${form.error ? renderError(form.error, view.onRetry, 'form-error') : nothing}
      <div class="actions">
        <button part="submit" class="button" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
          ${submitting ? msg('Envoi en cours…') : msg('Envoyer mon idée')}
        </button>
      </div>
    </form>
  `;
}

/** As public-service forms do: every problem listed above the form, each a link to its field. */
function renderSummary({ form, format, onSummaryLink }: FormView): TemplateResult | typeof nothing {
  const problems = (Object.keys(FIELD_IDS) as IdeaField[]).filter((field) => form.errors[field]);
  if (!problems.length) return nothing;
  return html`
    <div part="error-summary" id="error-summary" class="error-summary" tabindex="-1">
      <div role="alert">
        <p class="error-summary-title">${msg('Votre idée n’a pas pu être envoyée')}</p>
        <ul class="error-summary-list" role="list">
          ${problems.map(
            (field) =>
              html`<li>
                <a href=${`#${FIELD_IDS[field]}`} @click=${onSummaryLink}
                  >${fieldMessage(field, form.errors[field]!, format)}</a
                >
              </li>`,
          )}
        </ul>
      </div>
    </div>
  `;
}

function renderField(view: FormView, field: IdeaField, label: string, hint?: string): TemplateResult {
  const { form, format } = view;
  const id = FIELD_IDS[field];
  const reason = form.errors[field];
  const describedBy = [hint ? `${id}-hint` : '', field === 'body' ? `${id}-limit` : '', reason ? `${id}-error` : '']
    .filter(Boolean)
    .join(' ');
  return html`
    <div part="field" class=${reason ? 'field invalid' : 'field'}>
      <label part="label" for=${id}>${label}</label>
      ${hint ? html`<p part="hint" id=${`${id}-hint`} class="hint">${hint}</p>` : nothing}
      ${reason
        ? html`<p part="field-error" id=${`${id}-error`} class="field-error">
            <span class="visually-hidden">${msg('Erreur :')}</span> ${fieldMessage(field, reason, format)}
          </p>`
        : nothing}
      ${renderControl(view, field, id, describedBy, Boolean(reason))}
    </div>
  `;
}

function renderControl(
  { box, form, format }: FormView,
  field: IdeaField,
  id: string,
  describedBy: string,
  invalid: boolean,
): TemplateResult {
  const { draft } = form;
  const invalidAttr = invalid ? 'true' : 'false';
  switch (field) {
    case 'category':
      return html`
        <select
          part="input"
          id=${id}
          name="category"
          aria-describedby=${describedBy || nothing}
          aria-invalid=${invalidAttr}
        >
          <option value="" ?selected=${!draft.category}>${msg('Sans catégorie')}</option>
          ${box.categories.map(
            (category) =>
              html`<option value=${category.id} ?selected=${draft.category === category.id}>${category.label}</option>`,
          )}
        </select>
      `;
    case 'body':
      return html`
        <textarea
          part="input"
          id=${id}
          name="body"
          rows="6"
          dir="auto"
          aria-describedby=${describedBy}
          aria-invalid=${invalidAttr}
          .value=${live(draft.body)}
        ></textarea>
        <p id=${`${id}-limit`} class="visually-hidden">${format.limit(MAX_IDEA_BODY)}</p>
        <p
          part="char-count"
          class=${draft.body.length > MAX_IDEA_BODY ? 'char-count over' : 'char-count'}
          aria-hidden="true"
        >
          ${format.remaining(draft.body.length, MAX_IDEA_BODY)}
        </p>
        <p class="visually-hidden" aria-live="polite">
          ${form.spokenLength === null ? '' : format.remaining(form.spokenLength, MAX_IDEA_BODY)}
        </p>
      `;
    default:
      return html`
        <input
          part="input"
          id=${id}
          name=${field}
          type="text"
          dir="auto"
          autocomplete=${field === 'authorName' ? 'nickname' : 'off'}
          aria-describedby=${describedBy || nothing}
          aria-invalid=${invalidAttr}
          .value=${live(field === 'title' ? draft.title : draft.authorName)}
        />
      `;
  }
}
