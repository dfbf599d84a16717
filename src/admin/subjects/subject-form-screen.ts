import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { ParvisError } from '../../client/errors.js';
import { AdminSubject, CreateSubject, OWN_SITE, type VoteMode } from '../../contract/subject.js';
import { request } from '../api.js';
import { inputField, radioGroup } from '../fields.js';
import { checkBody, focusSummary, refusalErrors, renderErrorSummary, type FieldErrors } from '../form-errors.js';
import { href, navigate } from '../router.js';
import { AdminScreen } from '../screen.js';
import { modeLabel, MODES } from './subject-format.js';

interface SubjectDraft {
  /** `self` for this server's own pages, `other` for a city site named in `origin`. */
  where: 'self' | 'other';
  origin: string;
  key: string;
  mode: VoteMode;
}

const FIELDS = ['where', 'site', 'key', 'mode'] as const;

/**
 * The origin a browser sends for a page of the site: an officer may paste a
 * page's whole address (`https://www.ville.fr/actualites/`), of which only the
 * scheme and host count. What is not an address is left for the contract to refuse.
 */
export function siteOf(draft: SubjectDraft): string {
  if (draft.where === 'self') return OWN_SITE;
  const typed = draft.origin.trim();
  try {
    const url = new URL(typed);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : typed;
  } catch {
    return typed;
  }
}

function describe(field: string, reason: string): string {
  switch (field) {
    case 'site':
      return msg('Saisissez l’adresse du site qui affiche le bouton, par exemple https://www.ville-exemple.fr.');
    case 'key':
      return reason === 'subject_exists'
        ? msg('Ce site a déjà un sujet de ce nom : ouvrez-le depuis la liste, ou choisissez un autre nom.')
        : msg(
            'Saisissez le sujet : lettres, chiffres et . _ ~ : / @ % + - seulement, sans espace, 200 caractères au plus.',
          );
    case 'mode':
      return msg('Choisissez comment les habitants votent.');
    default:
      return msg('Vérifiez ce champ.');
  }
}

/**
 * Creating a vote subject before its first vote (`/subjects/new`): its site,
 * its key and its mode, so that the buttons find it as the officer chose it.
 */
export class AdminSubjectForm extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _draft: { state: true },
    _errors: { state: true },
    _saving: { state: true },
  };

  /** @internal */
  declare _draft: SubjectDraft;
  /** @internal */
  declare _errors: FieldErrors;
  /** @internal */
  declare _saving: boolean;

  constructor() {
    super();
    this._draft = { where: 'other', origin: '', key: '', mode: 'support' };
    this._errors = {};
    this._saving = false;
  }

  protected override render() {
    const draft = this._draft;
    const errors = this._errors;
    return html`
      <h1 tabindex="-1">${msg('Créer un bouton de vote')}</h1>
      <p class="lede">
        ${msg(
          'Un sujet naît aussi de lui-même au premier vote. Le créer d’avance permet de choisir son mode et de le retrouver ici avant la mise en ligne de la page.',
        )}
      </p>
      ${renderErrorSummary(errors, FIELDS)}
      <form novalidate @submit=${this.#submit} @input=${this.#onInput}>
        ${radioGroup(
          'where',
          msg('Où le bouton est-il affiché ?'),
          draft.where,
          [
            { value: 'other', label: msg('Sur le site de la ville (ou un autre site)') },
            { value: 'self', label: msg('Sur les pages de ce serveur Parvis') },
          ],
          errors,
        )}
        ${draft.where === 'other'
          ? inputField('site', msg('Adresse du site'), draft.origin, errors, {
              type: 'url',
              hint: msg(
                'Par exemple https://www.ville-exemple.fr : seule l’adresse du site compte, pas celle de la page. Le site doit figurer dans PARVIS_ALLOWED_ORIGINS.',
              ),
              spellcheck: false,
              autocomplete: 'url',
            })
          : nothing}
        ${inputField('key', msg('Sujet'), draft.key, errors, {
          hint: msg(
            'La valeur de l’attribut subject du bouton, par exemple actu-budget-2027. Pour un bouton sans subject, l’adresse de sa page sans https:// (www.ville-exemple.fr/demarches/etat-civil).',
          ),
          spellcheck: false,
        })}
        ${radioGroup(
          'mode',
          msg('Mode de vote'),
          draft.mode,
          MODES.map((mode) => ({ value: mode, label: modeLabel(mode) })),
          errors,
        )}
        <div class="actions">
          <button type="submit" class="button" aria-disabled=${this._saving ? 'true' : nothing}>
            ${this._saving ? msg('Enregistrement…') : msg('Créer le bouton de vote')}
          </button>
          <a href=${href('/subjects')}>${msg('Annuler')}</a>
        </div>
      </form>
    `;
  }

  readonly #onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const draft = { ...this._draft };
    if (input.name === 'where') draft.where = input.value as SubjectDraft['where'];
    else if (input.name === 'site') draft.origin = input.value;
    else if (input.name === 'key') draft.key = input.value;
    else if (input.name === 'mode') draft.mode = input.value as VoteMode;
    this._draft = draft;
  };

  readonly #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this._saving) return;
    const { key, mode } = this._draft;
    const checked = checkBody(CreateSubject, { site: siteOf(this._draft), key: key.trim(), mode }, describe);
    if (checked.errors) return this.#refuse(checked.errors);
    this._saving = true;
    try {
      const saved = await request('POST', '/v1/admin/subjects', AdminSubject, checked.data);
      navigate(`/subjects/${encodeURIComponent(saved.id)}`, {
        notice: msg(str`Le bouton de vote « ${saved.key} » est créé.`),
      });
    } catch (error) {
      const refusal = error instanceof ParvisError ? error : new ParvisError('internal_error');
      if (refusal.code === 'unauthorized') return;
      if (refusal.code === 'subject_exists') return this.#refuse({ key: describe('key', 'subject_exists') });
      return this.#refuse(refusalErrors(refusal, describe));
    } finally {
      this._saving = false;
    }
  };

  #refuse(errors: FieldErrors): Promise<void> {
    this._errors = errors;
    return focusSummary(this);
  }
}

AdminSubjectForm.define('parvis-admin-subject-form');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-subject-form': AdminSubjectForm;
  }
}
