import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminIdeaBox, CreateIdeaBox, UpdateIdeaBox } from '../../contract/idea.js';
import { ConsultationForm, type ConsultationKind } from '../consultation-form.js';
import { focusControl, renderEditableList } from '../editable-list.js';
import { checkboxField, inputField, newKey, radioGroup, renderDateFields, textareaField } from '../fields.js';
import { renderErrorSummary, type FieldErrors } from '../form-errors.js';
import { announce } from '../router.js';
import {
  describeIdeaBoxField,
  emptyIdeaBoxDraft,
  IDEA_BOX_FIELDS,
  ideaBoxBody,
  ideaBoxDraftOf,
  placeCategoryErrors,
  type IdeaBoxDraft,
} from './idea-box-draft.js';

const IDEA_BOX_KIND: ConsultationKind<AdminIdeaBox, IdeaBoxDraft> = {
  param: 'boxId',
  home: '/idea-boxes',
  api: '/v1/admin/idea-boxes',
  schema: AdminIdeaBox,
  emptyDraft: emptyIdeaBoxDraft,
  draftOf: ideaBoxDraftOf,
  idSource: 'title',
};

/** Creating an idea box (`/idea-boxes/new`) or changing one (`/idea-boxes/:boxId/edit`), checked against the contract. */
export class AdminIdeaBoxForm extends ConsultationForm<AdminIdeaBox, IdeaBoxDraft> {
  constructor() {
    super(IDEA_BOX_KIND);
  }

  protected override titles() {
    return {
      create: msg('Créer une boîte à idées'),
      edit: msg('Modifier la boîte à idées'),
      loading: msg('Chargement de la boîte à idées…'),
      back: msg('Retour aux boîtes à idées'),
    };
  }

  protected override renderForm(box: AdminIdeaBox | null) {
    const draft = this._draft;
    const errors = this._errors;
    return html`
      ${renderErrorSummary(errors, IDEA_BOX_FIELDS)}
      <form novalidate @submit=${(event: SubmitEvent) => this.#submit(event, box)} @input=${this.onInput}>
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
        ${this.renderActions(box, msg('Créer la boîte à idées'))}
      </form>
    `;
  }

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

  #submit(event: SubmitEvent, box: AdminIdeaBox | null): Promise<void> {
    return this.send(event, box, {
      body: ideaBoxBody(this._draft, box),
      describe: describeIdeaBoxField(this._draft),
      create: CreateIdeaBox,
      update: UpdateIdeaBox,
      notice: (saved) =>
        box
          ? msg(str`Les modifications de la boîte à idées « ${saved.title} » sont enregistrées.`)
          : msg(str`La boîte à idées « ${saved.title} » est créée.`),
      fields: { idea_box_exists: 'id', category_in_use: 'categories' },
    });
  }

  protected override placeErrors(errors: FieldErrors): FieldErrors {
    return placeCategoryErrors(errors);
  }
}

AdminIdeaBoxForm.define('parvis-admin-idea-box-form');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-idea-box-form': AdminIdeaBoxForm;
  }
}
