import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminIdeaBox, CreateIdeaBox, UpdateIdeaBox } from '../../contract/idea.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import { focusControl, renderEditableList } from '../editable-list.js';
import {
  checkboxField,
  inputField,
  inputValue,
  newKey,
  radioGroup,
  renderDateFields,
  textareaField,
  withValue,
} from '../fields.js';
import { checkBody, focusSummary, refusalErrors, renderErrorSummary, type FieldErrors } from '../form-errors.js';
import { Loader } from '../loader.js';
import { refusalMessage } from '../refusals.js';
import { slugify } from '../polls/poll-draft.js';
import { announce, href, navigate } from '../router.js';
import { AdminScreen } from '../screen.js';
import {
  describeIdeaBoxField,
  emptyIdeaBoxDraft,
  IDEA_BOX_FIELDS,
  ideaBoxBody,
  ideaBoxDraftOf,
  placeCategoryErrors,
  type IdeaBoxDraft,
} from './idea-box-draft.js';

/** Creating an idea box (`/idea-boxes/new`) or changing one (`/idea-boxes/:boxId/edit`), checked against the contract. */
export class AdminIdeaBoxForm extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _draft: { state: true },
    _errors: { state: true },
    _saving: { state: true },
  };

  /** @internal */
  declare _draft: IdeaBoxDraft;
  /** @internal */
  declare _errors: FieldErrors;
  /** @internal */
  declare _saving: boolean;

  /** Whether the officer typed an id: until then, it follows the title. */
  #idTyped = false;

  readonly #box = new Loader<AdminIdeaBox | null>(this, async (signal) => {
    const boxId = this.params.boxId;
    if (!boxId) return null;
    const box = await read(`/v1/admin/idea-boxes/${encodeURIComponent(boxId)}`, AdminIdeaBox, { signal });
    this._draft = ideaBoxDraftOf(box);
    return box;
  });

  constructor() {
    super();
    this._draft = emptyIdeaBoxDraft();
    this._errors = {};
    this._saving = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#box.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#box.settled;
  }

  protected override render() {
    const title = this.params.boxId ? msg('Modifier la boîte à idées') : msg('Créer une boîte à idées');
    return html`
      <h1 tabindex="-1">${title}</h1>
      ${this.#box.render({
        pending: () => html`<p>${msg('Chargement de la boîte à idées…')}</p>`,
        error: (error) =>
          html`<p class="alert" role="alert">${refusalMessage(error.code)}</p>
            <p><a href=${href('/idea-boxes')}>${msg('Retour aux boîtes à idées')}</a></p>`,
        complete: (box) => this.#renderForm(box),
      })}
    `;
  }

  #renderForm(box: AdminIdeaBox | null) {
    const draft = this._draft;
    const errors = this._errors;
    const back = box ? href(`/idea-boxes/${encodeURIComponent(box.id)}`) : href('/idea-boxes');
    return html`
      ${renderErrorSummary(errors, IDEA_BOX_FIELDS)}
      <form novalidate @submit=${(event: SubmitEvent) => this.#submit(event, box)} @input=${this.#onInput}>
        ${inputField('title', msg('Titre'), draft.title, errors, {
          hint: msg('La question posée aux habitants, par exemple : Vos idées pour le centre-ville.'),
        })}
        ${box
          ? nothing
          : inputField('id', msg('Identifiant'), draft.id, errors, {
              hint: msg(
                'Fait à partir du titre ; vous pouvez le changer. Il apparaît dans l’extrait à intégrer et ne pourra plus changer ensuite. Lettres minuscules sans accent, chiffres et tirets.',
              ),
              spellcheck: false,
            })}
        ${textareaField(
          'description',
          msg('Description (facultatif)'),
          draft.description,
          errors,
          msg('Le contexte, affiché sous le titre.'),
        )}
        ${renderEditableList(
          {
            name: 'categories',
            legend: msg('Catégories (facultatif)'),
            hint: msg(
              'Les habitants classent leur idée dans l’une d’elles. Une catégorie où des idées sont classées ne peut pas être retirée.',
            ),
            count: draft.categories.length,
            renderEntry: (i) =>
              inputField(`categories.${i}.label`, msg(str`Catégorie ${i + 1}`), draft.categories[i].label, errors),
            entryName: (n) => msg(str`la catégorie ${n}`),
            addLabel: msg('Ajouter une catégorie'),
            onAdd: () => this.#addCategory(),
            onRemove: (i) => this.#removeCategory(i),
          },
          errors,
        )}
        ${radioGroup(
          'moderation',
          msg('Modération'),
          draft.moderation,
          [
            { value: 'pre', label: msg('Avant publication : une idée est publiée une fois approuvée par la ville') },
            {
              value: 'post',
              label: msg('Après publication : une idée est publiée à l’envoi, et masquée après assez de signalements'),
            },
          ],
          errors,
        )}
        ${inputField('reportThreshold', msg('Signalements qui masquent une idée'), draft.reportThreshold, errors, {
          type: 'number',
          min: 1,
          hint: msg(
            'En modération après publication, une idée signalée autant de fois est masquée jusqu’à ce qu’une personne de la ville la relise.',
          ),
        })}
        ${renderDateFields(draft, errors, msg('Laissez vide pour ouvrir la boîte dès maintenant.'))}
        <fieldset>
          <legend>${msg('Règles')}</legend>
          ${checkboxField(
            'requiresVerification',
            msg('Réservé aux habitants identifiés par le site de la ville (jeton signé)'),
            draft.requiresVerification,
          )}
        </fieldset>
        <div class="actions">
          <button type="submit" class="button" aria-disabled=${this._saving ? 'true' : nothing}>
            ${this._saving
              ? msg('Enregistrement…')
              : box
                ? msg('Enregistrer les modifications')
                : msg('Créer la boîte à idées')}
          </button>
          <a href=${back}>${msg('Annuler')}</a>
        </div>
      </form>
    `;
  }

  readonly #onInput = (event: Event) => {
    const input = inputValue(event.target);
    if (!input) return;
    let draft = withValue(this._draft, input.name, input.value);
    if (input.name === 'id') this.#idTyped = input.value !== '';
    if (input.name === 'title' && !this.#idTyped && !this.params.boxId)
      draft = { ...draft, id: slugify(String(input.value)) };
    this._draft = draft;
  };

  #addCategory(): Promise<void> {
    const categories = [...this._draft.categories, { key: newKey(), id: null, label: '' }];
    this._draft = { ...this._draft, categories };
    return focusControl(this, `categories.${categories.length - 1}.label`);
  }

  #removeCategory(index: number): Promise<void> {
    const label = this._draft.categories[index].label.trim();
    const categories = this._draft.categories.filter((_, i) => i !== index);
    this._draft = { ...this._draft, categories };
    this._errors = {};
    announce(
      label ? msg(str`La catégorie « ${label} » est retirée.`) : msg(str`La catégorie ${index + 1} est retirée.`),
    );
    const next = Math.min(index, categories.length - 1);
    return focusControl(this, next === -1 ? 'categories' : `categories.${next}.label`);
  }

  async #submit(event: SubmitEvent, box: AdminIdeaBox | null): Promise<void> {
    event.preventDefault();
    if (this._saving) return;
    const draft = this._draft;
    const describe = describeIdeaBoxField(draft);
    const body = ideaBoxBody(draft, box);
    const checked = box ? checkBody(UpdateIdeaBox, body, describe) : checkBody(CreateIdeaBox, body, describe);
    if (checked.errors) return this.#refuse(checked.errors);
    this._saving = true;
    try {
      const saved = box
        ? await request('PATCH', `/v1/admin/idea-boxes/${encodeURIComponent(box.id)}`, AdminIdeaBox, checked.data)
        : await request('POST', '/v1/admin/idea-boxes', AdminIdeaBox, checked.data);
      const notice = box
        ? msg(str`Les modifications de la boîte à idées « ${saved.title} » sont enregistrées.`)
        : msg(str`La boîte à idées « ${saved.title} » est créée.`);
      navigate(`/idea-boxes/${encodeURIComponent(saved.id)}`, { notice });
    } catch (error) {
      const refusal = error instanceof ParvisError ? error : new ParvisError('internal_error');
      if (refusal.code === 'unauthorized') return;
      if (refusal.code === 'idea_box_exists') return this.#refuse({ id: describe('id', 'idea_box_exists') });
      if (refusal.code === 'category_in_use')
        return this.#refuse({ categories: describe('categories', 'category_in_use') });
      return this.#refuse(refusalErrors(refusal, describe));
    } finally {
      this._saving = false;
    }
  }

  #refuse(errors: FieldErrors): Promise<void> {
    this._errors = placeCategoryErrors(errors);
    return focusSummary(this);
  }
}

AdminIdeaBoxForm.define('parvis-admin-idea-box-form');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-idea-box-form': AdminIdeaBoxForm;
  }
}
