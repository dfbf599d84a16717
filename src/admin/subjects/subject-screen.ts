import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminSubject, AdminSubjectDetail, SubjectComment, type VoteMode } from '../../contract/subject.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import type { AdminConfirm } from '../confirm-dialog.js';
import { siteName, snippetLink } from '../dashboard/consultations.js';
import { renderDownloads } from '../exports.js';
import { formatDate, formatNumber, statusLabel } from '../format.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { announce, href, navigate } from '../router.js';
import { AdminScreen } from '../screen.js';
import { downLabel, helpfulRatio, modeLabel, MODES, upLabel } from './subject-format.js';
import '../confirm-dialog.js';

/** One vote subject: its counts, closing or resetting it, and its comments, each hidden or shown. */
export class AdminSubjectScreen extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _failure: { state: true },
  };

  /** @internal Why the last action failed. */
  declare _failure: string;

  readonly #subject = new Loader<AdminSubjectDetail>(this, (signal) =>
    read(this.#path, AdminSubjectDetail, { signal }),
  );

  constructor() {
    super();
    this._failure = '';
  }

  get #path(): string {
    return `/v1/admin/subjects/${encodeURIComponent(this.params.subjectId)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#subject.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#subject.settled;
  }

  protected override render() {
    return this.#subject.render({
      pending: () =>
        html`<h1 tabindex="-1">${msg('Bouton de vote')}</h1>
          <p>${msg('Chargement du sujet…')}</p>`,
      error: (error) =>
        html`<h1 tabindex="-1">${msg('Bouton de vote')}</h1>
          <p class="alert" role="alert">${errorMessage(error.code)}</p>
          <p><a href=${href('/subjects')}>${msg('Retour aux boutons de vote')}</a></p>`,
      complete: (detail) => this.#renderSubject(detail),
    });
  }

  #renderSubject({ subject, comments }: AdminSubjectDetail) {
    return html`
      <p><a href=${href('/subjects')}>${msg('Tous les boutons de vote')}</a></p>
      <h1 tabindex="-1">${subject.key}</h1>
      <dl class="facts">
        <dt>${msg('Site')}</dt>
        <dd>${siteName(subject.site)}</dd>
        <dt>${msg('Mode')}</dt>
        <dd>${modeLabel(subject.mode)}</dd>
        <dt>${upLabel(subject.mode)}</dt>
        <dd>${formatNumber(subject.up)}</dd>
        ${subject.mode === 'support'
          ? nothing
          : html`<dt>${downLabel(subject.mode)}</dt>
              <dd>${formatNumber(subject.down)}</dd>`}
        ${subject.mode === 'helpful'
          ? html`<dt>${msg('Part de « utile »')}</dt>
              <dd>${helpfulRatio(subject)}</dd>`
          : nothing}
        <dt>${msg('Statut')}</dt>
        <dd>
          <span class="status ${subject.closed ? 'closed' : 'open'}"
            >${statusLabel(subject.closed ? 'closed' : 'open')}</span
          >
        </dd>
        <dt>${msg('Premier vote')}</dt>
        <dd>${formatDate(subject.createdAt)}</dd>
      </dl>

      <h2>${msg('Actions')}</h2>
      ${this._failure ? html`<p class="alert" role="alert">${this._failure}</p>` : nothing}
      <div class="actions">
        <button type="button" class="button secondary" @click=${() => this.#setClosed(subject, !subject.closed)}>
          ${subject.closed ? msg('Rouvrir aux votes') : msg('Clore (les votes restent affichés)')}
        </button>
        <button type="button" class="button danger secondary" @click=${() => this.#reset(subject)}>
          ${msg('Remettre à zéro')}
        </button>
        <button type="button" class="button danger secondary" @click=${() => this.#delete(subject)}>
          ${msg('Supprimer')}
        </button>
        <a href=${snippetLink({ kind: 'subject', id: subject.id, title: subject.key })}>${msg('Intégrer ce bouton')}</a>
      </div>
      ${subject.up + subject.down === 0 ? this.#renderModeChange(subject) : nothing}

      <h2>${msg(str`Commentaires (${formatNumber(comments.length)})`)}</h2>
      ${comments.length === 0
        ? html`<p class="muted">${msg('Aucun commentaire.')}</p>`
        : this.#renderComments(comments)}
      ${renderDownloads(
        (['csv', 'json'] as const).map((format) => ({
          path: `${this.#path}/comments.${format}`,
          fileName: `subject-${subject.id}-comments.${format}`,
          label: format === 'csv' ? msg('Télécharger en CSV') : msg('Télécharger en JSON'),
          what: msg(str`les commentaires de « ${subject.key} »`),
        })),
      )}

      <parvis-admin-confirm
        id="confirm-reset"
        heading=${msg(str`Remettre « ${subject.key} » à zéro ?`)}
        confirm-label=${msg('Effacer les votes et les commentaires')}
      >
        <p>${msg('Tous ses votes et tous ses commentaires seront effacés définitivement.')}</p>
      </parvis-admin-confirm>
      <parvis-admin-confirm
        id="confirm-delete"
        heading=${msg(str`Supprimer « ${subject.key} » ?`)}
        confirm-label=${msg('Supprimer le sujet')}
      >
        <p>
          ${msg(
            'Le sujet, ses votes et ses commentaires seront effacés définitivement. Un nouveau vote sur ce bouton créera un nouveau sujet.',
          )}
        </p>
      </parvis-admin-confirm>
    `;
  }

  /** The mode changes only before the first vote: a vote's meaning would change with it. */
  #renderModeChange(subject: AdminSubject) {
    return html`
      <form @submit=${(event: SubmitEvent) => this.#changeMode(event, subject)}>
        <div class="field">
          <label for="mode">${msg('Mode de vote')}</label>
          <span class="hint" id="mode-hint">${msg('Il peut changer tant que le sujet n’a reçu aucun vote.')}</span>
          <select id="mode" name="mode" aria-describedby="mode-hint">
            ${MODES.map(
              (mode) => html`<option value=${mode} ?selected=${mode === subject.mode}>${modeLabel(mode)}</option>`,
            )}
          </select>
        </div>
        <button type="submit" class="button secondary">${msg('Changer le mode')}</button>
      </form>
    `;
  }

  #renderComments(comments: SubjectComment[]) {
    return html`
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="comments-caption">
        <table>
          <caption id="comments-caption" class="visually-hidden">
            ${msg('Commentaires, du plus ancien au plus récent')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Date')}</th>
              <th scope="col">${msg('Réponse')}</th>
              <th scope="col">${msg('Commentaire')}</th>
              <th scope="col">${msg('État')}</th>
              <th scope="col"><span class="visually-hidden">${msg('Action')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${comments.map(
              (comment) => html`
                <tr>
                  <th scope="row">${formatDate(comment.createdAt)}</th>
                  <td>${comment.value === 1 ? msg('Oui') : comment.value === -1 ? msg('Non') : msg('—')}</td>
                  <td>${comment.comment}</td>
                  <td>${comment.hidden ? msg('Masqué') : msg('Visible')}</td>
                  <td>
                    <button type="button" class="button secondary" @click=${() => this.#setHidden(comment)}>
                      ${comment.hidden ? msg('Afficher') : msg('Masquer')}<span class="visually-hidden">
                        ${msg(str`le commentaire du ${formatDate(comment.createdAt)}`)}</span
                      >
                    </button>
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  async #setHidden(comment: SubjectComment): Promise<void> {
    await this.#act(
      async () => {
        await request('PATCH', `${this.#path}/comments/${encodeURIComponent(comment.id)}`, SubjectComment, {
          hidden: !comment.hidden,
        });
        return read(this.#path, AdminSubjectDetail);
      },
      comment.hidden ? msg('Le commentaire est de nouveau visible.') : msg('Le commentaire est masqué.'),
    );
  }

  async #setClosed(subject: AdminSubject, closed: boolean): Promise<void> {
    await this.#act(
      async () => {
        await request('POST', `${this.#path}/${closed ? 'close' : 'reopen'}`, AdminSubject);
        return read(this.#path, AdminSubjectDetail);
      },
      closed ? msg(str`« ${subject.key} » est clos.`) : msg(str`« ${subject.key} » est rouvert aux votes.`),
    );
  }

  async #reset(subject: AdminSubject): Promise<void> {
    if (!(await this.renderRoot.querySelector<AdminConfirm>('#confirm-reset')!.ask())) return;
    await this.#act(
      async () => {
        await request('POST', `${this.#path}/reset`, AdminSubject);
        return read(this.#path, AdminSubjectDetail);
      },
      msg(str`« ${subject.key} » est remis à zéro.`),
    );
  }

  async #changeMode(event: SubmitEvent, subject: AdminSubject): Promise<void> {
    event.preventDefault();
    const mode = new FormData(event.currentTarget as HTMLFormElement).get('mode') as VoteMode;
    await this.#act(
      async () => {
        await request('PATCH', this.#path, AdminSubject, { mode });
        return read(this.#path, AdminSubjectDetail);
      },
      msg(str`« ${subject.key} » se vote désormais en mode « ${modeLabel(mode)} ».`),
    );
  }

  async #delete(subject: AdminSubject): Promise<void> {
    if (!(await this.renderRoot.querySelector<AdminConfirm>('#confirm-delete')!.ask())) return;
    this._failure = '';
    try {
      await request('DELETE', this.#path, null);
      navigate('/subjects', { notice: msg(str`« ${subject.key} » est supprimé.`) });
    } catch (error) {
      const code = error instanceof ParvisError ? error.code : 'internal_error';
      if (code !== 'unauthorized') this._failure = errorMessage(code);
    }
  }

  async #act(run: () => Promise<AdminSubjectDetail>, done: string): Promise<void> {
    this._failure = '';
    try {
      this.#subject.value = await run();
      this.requestUpdate();
      announce(done);
    } catch (error) {
      const code = error instanceof ParvisError ? error.code : 'internal_error';
      if (code !== 'unauthorized') this._failure = errorMessage(code);
    }
  }
}

AdminSubjectScreen.define('parvis-admin-subject');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-subject': AdminSubjectScreen;
  }
}
