import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import {
  AdminIdea,
  AnswerIdea,
  IdeasExport,
  MergeIdea,
  ModeratedStatus,
  SetIdeaStatus,
  type ExportedIdea,
} from '../../contract/idea.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import { channelLabel } from '../channels.js';
import type { AdminConfirm } from '../confirm-dialog.js';
import { inputField, radioGroup, textareaField } from '../fields.js';
import { checkBody, type FieldErrors } from '../form-errors.js';
import { formatDate, formatNumber, plural } from '../format.js';
import { Loader } from '../loader.js';
import { announce, href } from '../router.js';
import { refusalMessage } from '../refusals.js';
import { AdminScreen } from '../screen.js';
import { hiddenReason, ideaPath, ideaStatusLabel, reportReasonLabel } from './idea-format.js';
import type { ModeratedEvent } from './idea-moderation.js';
import './idea-moderation.js';
import '../confirm-dialog.js';

/** The ideas another can be merged into: those citizens see, merged ones aside. */
const LISTED = new Set(['published', 'under_review', 'accepted', 'rejected', 'done']);
const MATCHES_SHOWN = 10;

interface IdeaAndOthers {
  idea: AdminIdea;
  others: ExportedIdea[];
}

/** Any idea: its moderation, its status, the city's official answer, and merging it into another idea. */
export class AdminIdeaScreen extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _status: { state: true },
    _answer: { state: true },
    _search: { state: true },
    _target: { state: true },
    _errors: { state: true },
    _failure: { state: true },
  };

  /** @internal */
  declare _status: string;
  /** @internal */
  declare _answer: string;
  /** @internal */
  declare _search: string;
  /** @internal The id of the idea chosen to merge into. */
  declare _target: string;
  /** @internal */
  declare _errors: FieldErrors;
  /** @internal Why the last action failed. */
  declare _failure: string;

  readonly #data = new Loader<IdeaAndOthers>(this, async (signal) => {
    const box = `/v1/admin/idea-boxes/${encodeURIComponent(this.params.boxId)}`;
    const [idea, { ideas }] = await Promise.all([
      read(this.#path, AdminIdea, { signal }),
      read(`${box}/ideas.json`, IdeasExport, { signal }),
    ]);
    this.#fill(idea);
    return { idea, others: ideas.filter((other) => other.id !== idea.id && LISTED.has(other.status)) };
  });

  constructor() {
    super();
    this._status = '';
    this._answer = '';
    this._search = '';
    this._target = '';
    this._errors = {};
    this._failure = '';
  }

  get #path(): string {
    return `/v1/admin/ideas/${encodeURIComponent(this.params.ideaId)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#data.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#data.settled;
  }

  #fill(idea: AdminIdea): void {
    this._status = ModeratedStatus.safeParse(idea.status).success ? idea.status : '';
    this._answer = idea.answer?.text ?? '';
    this._errors = {};
  }

  protected override render() {
    const back = href(`/idea-boxes/${encodeURIComponent(this.params.boxId)}`);
    return this.#data.render({
      pending: () =>
        html`<h1 tabindex="-1">${msg('Idée')}</h1>
          <p>${msg('Chargement de l’idée…')}</p>`,
      error: (error) =>
        html`<h1 tabindex="-1">${msg('Idée')}</h1>
          <p class="alert" role="alert">${refusalMessage(error.code)}</p>
          <p><a href=${back}>${msg('Retour à la boîte à idées')}</a></p>`,
      complete: ({ idea, others }) => html`
        <p><a href=${back}>${msg('Retour à la boîte à idées')}</a></p>
        <h1 tabindex="-1">${idea.title}</h1>
        ${this.#renderFacts(idea)} ${this._failure ? html`<p class="alert" role="alert">${this._failure}</p>` : nothing}
        ${idea.status === 'merged' ? nothing : this.#renderDecisions(idea)} ${this.#renderAnswer(idea)}
        ${idea.status === 'merged' ? nothing : this.#renderMerge(idea, others)}
      `,
    });
  }

  #renderFacts(idea: AdminIdea) {
    return html`
      <p class="lede">${idea.body}</p>
      <dl class="facts">
        <dt>${msg('Statut')}</dt>
        <dd>${ideaStatusLabel(idea.status)} ${hiddenReason(idea) ?? ''}</dd>
        ${idea.mergedInto
          ? html`<dt>${msg('Fusionnée dans')}</dt>
              <dd>
                <a href=${href(ideaPath({ id: idea.mergedInto.id, boxId: idea.boxId }))}>${idea.mergedInto.title}</a>
              </dd>`
          : nothing}
        <dt>${msg('Soutiens')}</dt>
        <dd>${formatNumber(idea.supports)}</dd>
        <dt>${msg('Déposée')}</dt>
        <dd>
          ${formatDate(idea.createdAt)}, ${idea.authorName ?? msg('sans nom')}, ${channelLabel(idea.channel ?? 'web')}
        </dd>
        ${idea.moderationNote
          ? html`<dt>${msg('Note de modération')}</dt>
              <dd>${idea.moderationNote}</dd>`
          : nothing}
        <dt>${msg('Signalements')}</dt>
        <dd>
          ${formatNumber(idea.reportCount)}
          ${idea.reports.length
            ? html`<ul>
                ${idea.reports.map(
                  (report) =>
                    html`<li>
                      ${reportReasonLabel(report.reason)},
                      ${formatDate(report.reportedAt)}${report.details ? ` : « ${report.details} »` : ''}
                    </li>`,
                )}
              </ul>`
            : nothing}
        </dd>
      </dl>
    `;
  }

  #renderDecisions(idea: AdminIdea) {
    return html`
      <h2>${msg('Modération')}</h2>
      <parvis-admin-idea-moderation .idea=${idea} @moderated=${this.#onModerated}></parvis-admin-idea-moderation>
      <h2>${msg('Statut')}</h2>
      <form novalidate @submit=${this.#setStatus} @input=${this.#onInput}>
        ${radioGroup(
          'status',
          msg('Où en est cette idée ?'),
          this._status,
          ModeratedStatus.options.map((status) => ({ value: status, label: ideaStatusLabel(status) })),
          this._errors,
        )}
        <button type="submit" class="button">${msg('Enregistrer le statut')}</button>
      </form>
    `;
  }

  #renderAnswer(idea: AdminIdea) {
    return html`
      <h2>${msg('Réponse officielle')}</h2>
      ${idea.answer
        ? html`<p class="muted">${msg(str`Publiée le ${formatDate(idea.answer.answeredAt)}.`)}</p>`
        : html`<p class="muted">${msg('La ville n’a pas encore répondu.')}</p>`}
      <form novalidate @submit=${this.#answer} @input=${this.#onInput}>
        ${textareaField(
          'answer',
          msg('Réponse de la ville'),
          this._answer,
          this._errors,
          msg('Affichée sous l’idée, datée du jour où vous la publiez.'),
        )}
        <button type="submit" class="button">
          ${idea.answer ? msg('Publier la réponse modifiée') : msg('Publier la réponse')}
        </button>
      </form>
    `;
  }

  #renderMerge(idea: AdminIdea, others: ExportedIdea[]) {
    const words = this._search.trim().toLocaleLowerCase('fr');
    const matches = words ? others.filter((other) => other.title.toLocaleLowerCase('fr').includes(words)) : [];
    const shown = matches.slice(0, MATCHES_SHOWN);
    const target = others.find((other) => other.id === this._target);
    return html`
      <h2>${msg('Fusionner avec une autre idée')}</h2>
      <p>
        ${msg(
          'Si cette idée en répète une autre, fusionnez-la dans celle-ci : ses soutiens y sont reportés (une fois par personne), et les habitants voient un lien vers elle.',
        )}
      </p>
      <form novalidate @submit=${(event: SubmitEvent) => this.#merge(event, idea, target)} @input=${this.#onInput}>
        ${inputField('search', msg('Rechercher l’idée qui la remplace, par son titre'), this._search, this._errors, {
          hint: msg('Tapez quelques mots du titre, puis choisissez l’idée dans la liste.'),
          autocomplete: 'off',
        })}
        <p role="status" class="muted">
          ${words
            ? matches.length === 0
              ? msg('Aucune idée ne correspond.')
              : matches.length > shown.length
                ? msg(str`${matches.length} idées correspondent ; les ${shown.length} premières sont proposées.`)
                : plural(
                    matches.length,
                    (n) => msg(str`${n} idée correspond.`),
                    (n) => msg(str`${n} idées correspondent.`),
                  )
            : ''}
        </p>
        ${shown.length
          ? radioGroup(
              'into',
              msg('Idée qui la remplace'),
              this._target,
              shown.map((other) => ({ value: other.id, label: `${other.title} (${ideaStatusLabel(other.status)})` })),
              this._errors,
            )
          : nothing}
        <button type="submit" class="button secondary">${msg('Fusionner…')}</button>
      </form>
      <parvis-admin-confirm
        id="confirm-merge"
        heading=${msg('Fusionner ces idées ?')}
        confirm-label=${msg('Fusionner')}
      >
        <p>
          ${msg(
            str`« ${idea.title} » sera fusionnée dans « ${target?.title ?? ''} ». Une fusion ne peut pas être défaite.`,
          )}
        </p>
      </parvis-admin-confirm>
    `;
  }

  readonly #onInput = (event: Event) => {
    const input = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (input.name === 'status') this._status = input.value;
    else if (input.name === 'answer') this._answer = input.value;
    else if (input.name === 'search') this._search = input.value;
    else if (input.name === 'into') this._target = input.value;
  };

  readonly #onModerated = (event: Event) => {
    this.#show((event as ModeratedEvent).detail);
  };

  readonly #setStatus = async (event: SubmitEvent) => {
    event.preventDefault();
    const checked = checkBody(SetIdeaStatus, { status: this._status }, () => msg('Choisissez un statut.'));
    if (checked.errors) return this.#refuse(checked.errors);
    await this.#act(request('PUT', `${this.#path}/status`, AdminIdea, checked.data), (idea) =>
      msg(str`Le statut de l’idée est « ${ideaStatusLabel(idea.status)} ».`),
    );
  };

  readonly #answer = async (event: SubmitEvent) => {
    event.preventDefault();
    const checked = checkBody(AnswerIdea, { text: this._answer.trim() }, (_, reason) =>
      reason === 'too_big'
        ? msg('La réponse doit faire 5 000 caractères au plus.')
        : msg('Saisissez la réponse de la ville.'),
    );
    if (checked.errors) return this.#refuse({ answer: checked.errors.text ?? checked.errors.form });
    await this.#act(request('PUT', `${this.#path}/answer`, AdminIdea, checked.data), () =>
      msg('La réponse officielle est publiée.'),
    );
  };

  async #merge(event: SubmitEvent, idea: AdminIdea, target: ExportedIdea | undefined): Promise<void> {
    event.preventDefault();
    const checked = checkBody(MergeIdea, { into: target?.id ?? '' }, () =>
      msg('Cherchez puis choisissez l’idée qui remplace celle-ci.'),
    );
    if (checked.errors) return this.#refuse({ search: checked.errors.into });
    if (!(await this.renderRoot.querySelector<AdminConfirm>('#confirm-merge')!.ask())) return;
    await this.#act(request('POST', `${this.#path}/merge`, AdminIdea, checked.data), () =>
      msg(str`« ${idea.title} » est fusionnée dans « ${target!.title} ».`),
    );
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  async #refuse(errors: FieldErrors): Promise<void> {
    this._errors = errors;
    await this.updateComplete;
    const field = Object.keys(errors)[0];
    this.renderRoot.querySelector<HTMLElement>(`[name="${field}"], #field-${field}`)?.focus();
  }

  async #act(pending: Promise<AdminIdea>, done: (idea: AdminIdea) => string): Promise<void> {
    this._failure = '';
    try {
      const idea = await pending;
      this.#show(idea);
      announce(done(idea));
    } catch (error) {
      const code = error instanceof ParvisError ? error.code : 'internal_error';
      if (code !== 'unauthorized') this._failure = refusalMessage(code);
    }
  }

  #show(idea: AdminIdea): void {
    this.#data.value = { ...this.#data.value!, idea };
    this.#fill(idea);
    this.requestUpdate();
  }
}

AdminIdeaScreen.define('parvis-admin-idea');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-idea': AdminIdeaScreen;
  }
}
