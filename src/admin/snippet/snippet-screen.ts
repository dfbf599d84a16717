import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { SubjectKey, type VoteMode } from '../../contract/subject.js';
import { KINDS, loadConsultations, siteName, type Consultation } from '../dashboard/consultations.js';
import { checkBody, describedBy, fieldId, invalid, renderFieldError, type FieldErrors } from '../form-errors.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { href } from '../router.js';
import { AdminScreen } from '../screen.js';
import { modeLabel, MODES } from '../subjects/subject-format.js';
import { renderCopyField, snippetStyles } from './copy-field.js';
import {
  choiceFromQuery,
  cspDirectives,
  isFallbackUrl,
  previewQuery,
  snippetHtml,
  THEMES,
  WIDGET_LANGS,
  type SnippetChoice,
  type WidgetLang,
  type WidgetTheme,
} from './snippet.js';

const NEW_SUBJECT = 'new-subject';

/** The widget's language, named in the console's. */
function langLabel(lang: WidgetLang): string {
  return {
    fr: msg('Français'),
    en: msg('Anglais'),
    es: msg('Espagnol'),
    de: msg('Allemand'),
    it: msg('Italien'),
    nl: msg('Néerlandais'),
    ca: msg('Catalan'),
    ar: msg('Arabe (de droite à gauche)'),
  }[lang];
}

/**
 * The snippet a webmaster pastes: a consultation, a widget mode, a language
 * and a theme; the real widget previewed; the snippet and the lines of the
 * host page's Content-Security-Policy, each with a copy button.
 */
export class AdminSnippet extends AdminScreen {
  static override styles = [...AdminScreen.styles, snippetStyles];

  static override properties = {
    ...AdminScreen.properties,
    _choice: { state: true },
    _newSubject: { state: true },
  };

  /** @internal */
  declare _choice: SnippetChoice;
  /** @internal A vote button on a subject no one voted on yet, or on the page itself. */
  declare _newSubject: boolean;

  readonly #consultations = new Loader<Consultation[]>(this, async (signal) => {
    const all = await loadConsultations(signal);
    if (this._choice.id === '' && !this._newSubject && all.length > 0) this.#choose(all[0], all);
    else if (this._choice.kind === 'subject') this.#choose(this.#find(all, this._choice) ?? null, all);
    return all;
  });

  constructor() {
    super();
    this._choice = choiceFromQuery(new URLSearchParams());
    this._newSubject = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._choice = choiceFromQuery(this.query);
    void this.#consultations.run();
    addEventListener('message', this.#onPreviewResize);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('message', this.#onPreviewResize);
  }

  protected override ready(): Promise<unknown> {
    return this.#consultations.settled;
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${msg('Intégrer un widget dans une page')}</h1>
      <p class="lede">
        ${msg(
          'Choisissez une consultation et son apparence, vérifiez l’aperçu, puis copiez l’extrait dans la page du site de la ville.',
        )}
      </p>
      ${this.#consultations.render({
        pending: () => html`<p>${msg('Chargement des consultations…')}</p>`,
        error: (error) =>
          html`<p class="alert" role="alert">${errorMessage(error.code)}</p>
            <button type="button" class="button secondary" @click=${() => this.#consultations.run()}>
              ${msg('Réessayer')}
            </button>`,
        complete: (all) => this.#renderBuilder(all),
      })}
    `;
  }

  #renderBuilder(all: Consultation[]) {
    const choice = this._choice;
    const errors = this.#errors();
    const valid = Object.keys(errors).length === 0;
    const origin = location.origin;
    return html`
      <div class="builder">
        <form
          novalidate
          @submit=${(event: Event) => event.preventDefault()}
          @input=${(e: Event) => this.#onInput(e, all)}
        >
          ${this.#renderConsultation(all)} ${choice.kind === 'subject' ? this.#renderVoteOptions(all, errors) : nothing}
          <fieldset>
            <legend>${msg('Langue du widget')}</legend>
            ${WIDGET_LANGS.map((lang) => this.#radio('lang', lang, choice.lang === lang, langLabel(lang)))}
          </fieldset>
          <div class="field">
            <label for=${fieldId('theme')}>${msg('Thème')}</label>
            <span class="hint" id="${fieldId('theme')}-hint">
              ${msg(
                'Par défaut, le widget est clair et reprend la police de la page. DSFR : l’apparence des sites de l’État, claire ou sombre comme le site. Sombre : pour les pages sombres.',
              )}
            </span>
            <select id=${fieldId('theme')} name="theme" aria-describedby="${fieldId('theme')}-hint">
              ${THEMES.map(
                (theme) =>
                  html`<option value=${theme} ?selected=${choice.theme === theme}>${themeLabel(theme)}</option>`,
              )}
            </select>
          </div>
          ${choice.kind === 'subject'
            ? nothing
            : html`<div class="field ${errors.fallbackUrl ? 'invalid' : ''}">
                <label for=${fieldId('fallbackUrl')}>${msg('Page de secours (facultatif)')}</label>
                <span class="hint" id="${fieldId('fallbackUrl')}-hint">
                  ${msg(
                    'L’adresse où participer autrement, montrée tant que le widget n’est pas chargé ou si les scripts sont bloqués. Par exemple : https://www.ville-exemple.fr/participer',
                  )}
                </span>
                ${renderFieldError(errors, 'fallbackUrl')}
                <input
                  type="url"
                  id=${fieldId('fallbackUrl')}
                  name="fallbackUrl"
                  spellcheck="false"
                  aria-describedby=${describedBy(errors, 'fallbackUrl', true)}
                  aria-invalid=${invalid(errors, 'fallbackUrl')}
                  .value=${live(choice.fallbackUrl)}
                />
              </div>`}
        </form>
        <section class="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">${msg('Aperçu')}</h2>
          <p class="hint">
            ${msg(
              'C’est le vrai widget, servi par ce serveur : un vote fait ici compte. Un bouton de vote y a ses propres compteurs, car chaque site a ses sujets.',
            )}
          </p>
          ${valid
            ? html`<iframe
                id="preview"
                title=${msg('Aperçu du widget')}
                src=${href(`/preview.html?${previewQuery(choice)}`)}
              ></iframe>`
            : html`<p class="muted">${msg('Corrigez le formulaire pour voir l’aperçu.')}</p>`}
        </section>
      </div>
      <h2>${msg('Extrait à copier')}</h2>
      ${valid
        ? html`
            <p>
              ${msg(
                'Collez-le dans la page, à l’endroit où le widget doit apparaître (en mode « HTML » de l’éditeur).',
              )}
            </p>
            ${renderCopyField('snippet', msg('Extrait HTML'), snippetHtml(choice, origin), msg('Copier l’extrait'))}
          `
        : html`<p class="muted">${msg('Corrigez le formulaire pour obtenir l’extrait.')}</p>`}
      <h2>${msg('Réglages du site de la ville')}</h2>
      <p>
        ${msg(
          'Si le site envoie une politique de sécurité du contenu (en-tête Content-Security-Policy), ajoutez ce serveur à ces directives :',
        )}
      </p>
      ${renderCopyField(
        'csp',
        msg('Directives à compléter'),
        cspDirectives(origin, choice.theme),
        msg('Copier les directives'),
      )}
      <p class="note">
        ${msg(
          str`Le site doit aussi être autorisé par ce serveur : demandez à l’équipe technique d’ajouter son adresse (par exemple https://www.ville-exemple.fr) au réglage PARVIS_ALLOWED_ORIGINS de ${origin}.`,
        )}
      </p>
    `;
  }

  #renderConsultation(all: Consultation[]) {
    const current = this._newSubject ? NEW_SUBJECT : this.#valueOf(this._choice);
    return html`
      <div class="field">
        <label for=${fieldId('consultation')}>${msg('Consultation')}</label>
        <select id=${fieldId('consultation')} name="consultation">
          ${KINDS.map(({ kind, heading }) => {
            const ofKind = all.filter((row) => row.kind === kind);
            return html`<optgroup label=${heading()}>
              ${ofKind.map(
                (row) =>
                  html`<option value=${this.#valueOf(row)} ?selected=${current === this.#valueOf(row)}>
                    ${row.site ? `${row.title} – ${siteName(row.site)}` : row.title}
                  </option>`,
              )}
              ${kind === 'subject'
                ? html`<option value=${NEW_SUBJECT} ?selected=${current === NEW_SUBJECT}>
                    ${msg('Nouveau bouton de vote')}
                  </option>`
                : nothing}
            </optgroup>`;
          })}
        </select>
      </div>
      ${all.length === 0
        ? html`<p class="note">
            ${msg('Aucune consultation pour l’instant :')} <a href=${href('/polls/new')}>${msg('créer un sondage')}</a>.
          </p>`
        : nothing}
    `;
  }

  #renderVoteOptions(all: Consultation[], errors: FieldErrors) {
    const choice = this._choice;
    const existing = this._newSubject ? null : this.#find(all, choice);
    return html`
      ${this._newSubject
        ? html`<div class="field ${errors.id ? 'invalid' : ''}">
            <label for=${fieldId('id')}>${msg('Clé du sujet (facultatif)')}</label>
            <span class="hint" id="${fieldId('id')}-hint">
              ${msg(
                'Ce sur quoi l’on vote, par exemple : projet-pistes-cyclables. Laissez vide pour que le bouton porte sur la page où il est placé.',
              )}
            </span>
            ${renderFieldError(errors, 'id')}
            <input
              type="text"
              id=${fieldId('id')}
              name="id"
              spellcheck="false"
              aria-describedby=${describedBy(errors, 'id', true)}
              aria-invalid=${invalid(errors, 'id')}
              .value=${live(choice.id)}
            />
          </div>`
        : nothing}
      ${existing?.mode
        ? html`<p>${msg(str`Mode : ${modeLabel(existing.mode)} (fixé par le premier vote de ce sujet).`)}</p>`
        : html`<fieldset>
            <legend>${msg('Mode du bouton')}</legend>
            ${MODES.map((mode) => this.#radio('mode', mode, choice.mode === mode, modeLabel(mode)))}
          </fieldset>`}
      <div class="choice">
        <input
          type="checkbox"
          id=${fieldId('countsHidden')}
          name="countsHidden"
          .checked=${live(choice.countsHidden)}
        />
        <label for=${fieldId('countsHidden')}>${msg('Masquer les compteurs (pas de course à la popularité)')}</label>
      </div>
    `;
  }

  #radio(name: 'lang' | 'mode', value: string, checked: boolean, label: string) {
    return html`
      <div class="choice">
        <input type="radio" id="${name}-${value}" name=${name} value=${value} .checked=${live(checked)} />
        <label for="${name}-${value}">${label}</label>
      </div>
    `;
  }

  #errors(): FieldErrors {
    const { kind, id, fallbackUrl } = this._choice;
    const errors: Record<string, string> = {};
    if (kind === 'subject' && this._newSubject && id !== '') {
      const checked = checkBody(SubjectKey, id, () =>
        msg(
          'Une clé commence par une lettre ou un chiffre, puis lettres, chiffres et . _ ~ : / @ % + - (200 caractères au plus, sans espace).',
        ),
      );
      if (checked.errors) errors.id = Object.values(checked.errors)[0];
    }
    if (kind !== 'subject' && fallbackUrl !== '' && !isFallbackUrl(fallbackUrl))
      errors.fallbackUrl = msg('Saisissez une adresse complète, qui commence par https://');
    return errors;
  }

  #onInput(event: Event, all: Consultation[]): void {
    const input = event.target as HTMLInputElement;
    const choice = { ...this._choice };
    switch (input.name) {
      case 'consultation': {
        if (input.value === NEW_SUBJECT) {
          this._newSubject = true;
          this._choice = { ...choice, kind: 'subject', id: '' };
        } else {
          this.#choose(all.find((row) => this.#valueOf(row) === input.value) ?? null, all);
        }
        return;
      }
      case 'lang':
        choice.lang = input.value as WidgetLang;
        break;
      case 'theme':
        choice.theme = input.value as WidgetTheme;
        break;
      case 'mode':
        choice.mode = input.value as VoteMode;
        break;
      case 'countsHidden':
        choice.countsHidden = input.checked;
        break;
      case 'id':
        choice.id = input.value.trim();
        break;
      case 'fallbackUrl':
        choice.fallbackUrl = input.value.trim();
        break;
    }
    this._choice = choice;
  }

  /** Chooses a consultation; a vote subject brings its key and the mode its first vote set. */
  #choose(row: Consultation | null, all: Consultation[]): void {
    if (!row) {
      this._newSubject = this._choice.kind === 'subject';
      if (this._choice.kind !== 'subject' && all.length > 0) this.#choose(all[0], all);
      return;
    }
    this._newSubject = false;
    this._choice = {
      ...this._choice,
      kind: row.kind,
      id: row.kind === 'subject' ? row.title : row.id,
      mode: row.mode ?? this._choice.mode,
    };
  }

  #find(all: Consultation[], choice: Pick<SnippetChoice, 'kind' | 'id'>): Consultation | undefined {
    return all.find((row) => row.kind === choice.kind && (row.kind === 'subject' ? row.title : row.id) === choice.id);
  }

  #valueOf(row: Pick<Consultation, 'kind' | 'id' | 'title'> | SnippetChoice): string {
    const id = 'title' in row && row.kind === 'subject' ? row.title : row.id;
    return `${row.kind}:${id}`;
  }

  readonly #onPreviewResize = (event: MessageEvent) => {
    const frame = this.renderRoot.querySelector<HTMLIFrameElement>('#preview');
    const height = (event.data as { parvisPreviewHeight?: unknown } | null)?.parvisPreviewHeight;
    if (event.origin !== location.origin || !frame || event.source !== frame.contentWindow) return;
    if (typeof height === 'number') frame.style.blockSize = `${Math.ceil(height)}px`;
  };
}

function themeLabel(theme: WidgetTheme): string {
  return { default: msg('Par défaut'), dsfr: msg('DSFR (sites de l’État)'), dark: msg('Sombre') }[theme];
}

AdminSnippet.define('parvis-admin-snippet');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-snippet': AdminSnippet;
  }
}
