import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminPoll } from '../../contract/poll.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import type { AdminConfirm } from '../confirm-dialog.js';
import { renderDownloads } from '../exports.js';
import { formatDate, statusLabel, voters } from '../format.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { announce, href, navigate } from '../router.js';
import { AdminScreen } from '../screen.js';
import { renderPollResults, resultStyles } from './poll-results.js';
import '../confirm-dialog.js';

/** One poll: its settings, opening and closing it, deleting it, its results and their exports. */
export class AdminPollScreen extends AdminScreen {
  static override styles = [...AdminScreen.styles, resultStyles];

  static override properties = {
    ...AdminScreen.properties,
    _failure: { state: true },
  };

  /** @internal Why the last action failed. */
  declare _failure: string;

  readonly #poll = new Loader<AdminPoll>(this, (signal) => read(this.#path, AdminPoll, { signal }));

  constructor() {
    super();
    this._failure = '';
  }

  get #path(): string {
    return `/v1/admin/polls/${encodeURIComponent(this.params.pollId)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#poll.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#poll.settled;
  }

  protected override render() {
    return this.#poll.render({
      pending: () =>
        html`<h1 tabindex="-1">${msg('Sondage')}</h1>
          <p>${msg('Chargement du sondage…')}</p>`,
      error: (error) =>
        html`<h1 tabindex="-1">${msg('Sondage')}</h1>
          <p class="alert" role="alert">${errorMessage(error.code)}</p>
          <p><a href=${href('/polls')}>${msg('Retour aux sondages')}</a></p>`,
      complete: (poll) => this.#renderPoll(poll),
    });
  }

  #renderPoll(poll: AdminPoll) {
    const encoded = encodeURIComponent(poll.id);
    return html`
      <p><a href=${href('/polls')}>${msg('Tous les sondages')}</a></p>
      <h1 tabindex="-1">${poll.question}</h1>
      ${poll.description ? html`<p class="lede">${poll.description}</p>` : nothing}
      <dl class="facts">
        <dt>${msg('Statut')}</dt>
        <dd><span class="status ${poll.status}">${statusLabel(poll.status)}</span></dd>
        <dt>${msg('Ouverture')}</dt>
        <dd>${poll.opensAt ? formatDate(poll.opensAt) : msg(str`dès sa création (${formatDate(poll.createdAt)})`)}</dd>
        <dt>${msg('Clôture')}</dt>
        <dd>${poll.closesAt ? formatDate(poll.closesAt) : msg('aucune date fixée')}</dd>
        <dt>${msg('Participation')}</dt>
        <dd>${voters(poll.results.voters)}</dd>
        <dt>${msg('Réponses par participant')}</dt>
        <dd>${poll.multiple ? msg(str`de ${poll.minChoices} à ${poll.maxChoices}`) : msg('une seule')}</dd>
        <dt>${msg('Identifiant')}</dt>
        <dd><code>${poll.id}</code></dd>
      </dl>

      <h2>${msg('Actions')}</h2>
      ${this._failure ? html`<p class="alert" role="alert">${this._failure}</p>` : nothing}
      <div class="actions">
        <a class="button secondary" href=${href(`/polls/${encoded}/edit`)}>${msg('Modifier')}</a>
        ${poll.status === 'upcoming'
          ? html`<button type="button" class="button secondary" @click=${() => this.#openNow(poll)}>
              ${msg('Ouvrir maintenant')}
            </button>`
          : nothing}
        ${poll.status === 'closed' && !poll.closed
          ? html`<button type="button" class="button secondary" @click=${() => this.#reopen(poll)}>
              ${msg('Rouvrir (retirer la date de clôture)')}
            </button>`
          : nothing}
        ${poll.status !== 'closed'
          ? html`<button type="button" class="button secondary" @click=${() => this.#close(poll)}>
              ${msg('Clore maintenant')}
            </button>`
          : nothing}
        <button type="button" class="button danger secondary" @click=${() => this.#delete(poll)}>
          ${msg('Supprimer')}
        </button>
      </div>
      <ul>
        <li>
          <a href=${href(`/polls/${encoded}/contributions`)}
            >${msg('Enregistrer des bulletins recueillis hors du web (papier, réunion, téléphone, SMS)')}</a
          >
        </li>
        <li>
          <a href=${href(`/snippet?${new URLSearchParams({ kind: 'poll', id: poll.id })}`)}
            >${msg('Intégrer ce sondage dans une page')}</a
          >
        </li>
      </ul>
      ${poll.closed
        ? html`<p class="muted">${msg('Ce sondage a été clos depuis la console : il ne peut plus être rouvert.')}</p>`
        : nothing}

      <h2>${msg('Résultats')}</h2>
      ${renderPollResults(poll)}

      <h2>${msg('Exporter les résultats')}</h2>
      <p>${this.#publicity(poll)}</p>
      ${renderDownloads(
        (['csv', 'json'] as const).map((format) => ({
          path: `/v1/polls/${encoded}/results.${format}`,
          fileName: `${poll.id}-results.${format}`,
          label: format === 'csv' ? msg('Télécharger en CSV') : msg('Télécharger en JSON'),
          what: msg(str`les résultats de « ${poll.question} »`),
        })),
      )}
      <p>
        ${msg('Adresse publique des données ouvertes (Licence Ouverte / Etalab 2.0) :')}
        <code>${location.origin}/v1/polls/${encoded}/results.csv</code>
      </p>

      <parvis-admin-confirm
        id="confirm-close"
        heading=${msg('Clore ce sondage ?')}
        confirm-label=${msg('Clore le sondage')}
      >
        <p>${msg('Il n’acceptera plus de votes, et ne pourra pas être rouvert.')}</p>
      </parvis-admin-confirm>
      <parvis-admin-confirm
        id="confirm-delete"
        heading=${msg(str`Supprimer le sondage « ${poll.question} » ?`)}
        confirm-label=${msg('Supprimer le sondage')}
      >
        <p>
          ${msg(
            str`Le sondage et ses résultats (${voters(poll.results.voters)}) seront effacés définitivement. Les pages qui l’intègrent afficheront qu’il n’existe plus.`,
          )}
        </p>
      </parvis-admin-confirm>
    `;
  }

  /** Whether anyone may download the results, as the server decides it. */
  #publicity(poll: AdminPoll): string {
    if (poll.resultsVisibility === 'never')
      return msg('Les résultats ne sont pas publics : seule la console peut les télécharger.');
    if (poll.resultsVisibility === 'always' || poll.status === 'closed')
      return msg('Les résultats sont publics : chacun peut les télécharger à l’adresse ci-dessous.');
    return msg('Les résultats seront publics à la clôture ; d’ici là, seule la console peut les télécharger.');
  }

  #openNow(poll: AdminPoll) {
    return this.#act(
      () => request('PATCH', this.#path, AdminPoll, { opensAt: new Date().toISOString() }),
      msg(str`Le sondage « ${poll.question} » est ouvert.`),
    );
  }

  #reopen(poll: AdminPoll) {
    return this.#act(
      () => request('PATCH', this.#path, AdminPoll, { closesAt: null }),
      msg(str`Le sondage « ${poll.question} » est rouvert, sans date de clôture.`),
    );
  }

  async #close(poll: AdminPoll) {
    if (!(await this.#confirm('confirm-close'))) return;
    return this.#act(
      () => request('POST', `${this.#path}/close`, AdminPoll),
      msg(str`Le sondage « ${poll.question} » est clos.`),
    );
  }

  async #delete(poll: AdminPoll) {
    if (!(await this.#confirm('confirm-delete'))) return;
    try {
      await request('DELETE', this.#path, null);
      navigate('/polls', { notice: msg(str`Le sondage « ${poll.question} » est supprimé.`) });
    } catch (error) {
      this.#fail(error);
    }
  }

  #confirm(id: string): Promise<boolean> {
    return this.renderRoot.querySelector<AdminConfirm>(`#${id}`)!.ask();
  }

  async #act(run: () => Promise<AdminPoll>, done: string): Promise<void> {
    this._failure = '';
    try {
      this.#poll.value = await run();
      this.requestUpdate();
      announce(done);
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    const code = error instanceof ParvisError ? error.code : 'internal_error';
    if (code !== 'unauthorized') this._failure = errorMessage(code);
  }
}

AdminPollScreen.define('parvis-admin-poll');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-poll': AdminPollScreen;
  }
}
