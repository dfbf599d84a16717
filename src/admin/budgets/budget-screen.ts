import { msg, str } from '@lit/localize';
import { css, html, nothing } from 'lit';
import { AdminBudget } from '../../contract/budget.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import type { AdminConfirm } from '../confirm-dialog.js';
import { snippetLink } from '../dashboard/consultations.js';
import { renderDownloads } from '../exports.js';
import { formatDate, statusLabel } from '../format.js';
import { Loader } from '../loader.js';
import { resultStyles } from '../polls/poll-results.js';
import { refusalMessage } from '../refusals.js';
import { announce, href, navigate } from '../router.js';
import { AdminScreen } from '../screen.js';
import { budgetFormat, ruleLabel } from './budget-format.js';
import { renderBudgetResults } from './budget-results.js';
import '../confirm-dialog.js';

/** One participatory budget: its settings, opening, closing, publishing its results, deleting it, and its exports. */
export class AdminBudgetScreen extends AdminScreen {
  static override styles = [
    ...AdminScreen.styles,
    resultStyles,
    // A project's table has more columns than a poll's: it takes the wider share of the row.
    css`
      .results > .table-scroll {
        flex-basis: 34rem;
        flex-grow: 2;
      }
    `,
  ];

  static override properties = {
    ...AdminScreen.properties,
    _failure: { state: true },
  };

  /** @internal Why the last action failed. */
  declare _failure: string;

  readonly #budget = new Loader<AdminBudget>(this, (signal) => read(this.#path, AdminBudget, { signal }));

  constructor() {
    super();
    this._failure = '';
  }

  get #path(): string {
    return `/v1/admin/budgets/${encodeURIComponent(this.params.budgetId)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#budget.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#budget.settled;
  }

  protected override render() {
    return this.#budget.render({
      pending: () =>
        html`<h1 tabindex="-1">${msg('Budget participatif')}</h1>
          <p>${msg('Chargement du budget…')}</p>`,
      error: (error) =>
        html`<h1 tabindex="-1">${msg('Budget participatif')}</h1>
          <p class="alert" role="alert">${refusalMessage(error.code)}</p>
          <p><a href=${href('/budgets')}>${msg('Retour aux budgets')}</a></p>`,
      complete: (budget) => this.#renderBudget(budget),
    });
  }

  #renderBudget(budget: AdminBudget) {
    const encoded = encodeURIComponent(budget.id);
    const format = budgetFormat(budget);
    return html`
      <p><a href=${href('/budgets')}>${msg('Tous les budgets')}</a></p>
      <h1 tabindex="-1">${budget.title}</h1>
      ${budget.description ? html`<p class="lede">${budget.description}</p>` : nothing}
      <dl class="facts">
        <dt>${msg('Statut')}</dt>
        <dd><span class="status ${budget.status}">${statusLabel(budget.status)}</span></dd>
        <dt>${msg('Ouverture')}</dt>
        <dd>
          ${budget.opensAt ? formatDate(budget.opensAt) : msg(str`dès sa création (${formatDate(budget.createdAt)})`)}
        </dd>
        <dt>${msg('Clôture')}</dt>
        <dd>${budget.closesAt ? formatDate(budget.closesAt) : msg('aucune date fixée')}</dd>
        <dt>${msg('Enveloppe')}</dt>
        <dd>
          ${format.money(budget.total)}${budget.districts.length
            ? msg(str`, en ${budget.districts.length} quartiers`)
            : ''}
        </dd>
        <dt>${msg('Règle')}</dt>
        <dd>${ruleLabel(budget)}</dd>
        <dt>${msg('Projets')}</dt>
        <dd>${format.projects(budget.projects.length)}</dd>
        <dt>${msg('Participation')}</dt>
        <dd>${format.ballots(budget.results.ballots)}</dd>
        <dt>${msg('Résultats')}</dt>
        <dd>
          ${budget.resultsPublishedAt
            ? msg(str`publiés le ${formatDate(budget.resultsPublishedAt)}`)
            : msg('non publiés : seule la console les voit')}
        </dd>
        <dt>${msg('Identifiant')}</dt>
        <dd><code>${budget.id}</code></dd>
      </dl>

      <h2 id="actions" tabindex="-1">${msg('Actions')}</h2>
      ${this._failure ? html`<p class="alert" role="alert">${this._failure}</p>` : nothing}
      <div class="actions">
        <a class="button secondary" href=${href(`/budgets/${encoded}/edit`)}>${msg('Modifier')}</a>
        ${budget.status !== 'open'
          ? html`<button type="button" class="button secondary" @click=${() => this.#open(budget)}>
              ${msg('Ouvrir le vote maintenant')}
            </button>`
          : nothing}
        ${budget.status !== 'closed'
          ? html`<button type="button" class="button secondary" @click=${() => this.#close(budget)}>
              ${msg('Clore le vote')}
            </button>`
          : nothing}
        ${budget.status === 'closed' && !budget.resultsPublishedAt
          ? html`<button type="button" class="button" @click=${() => this.#publish(budget)}>
              ${msg('Publier les résultats')}
            </button>`
          : nothing}
        <button type="button" class="button danger secondary" @click=${() => this.#delete(budget)}>
          ${msg('Supprimer')}
        </button>
      </div>
      <ul>
        <li>
          <a href=${href(`/budgets/${encoded}/contributions`)}
            >${msg('Enregistrer des bulletins recueillis hors du web (papier, réunion, téléphone, SMS)')}</a
          >
        </li>
        <li>
          <a href=${snippetLink({ kind: 'budget', id: budget.id, title: budget.title })}
            >${msg('Intégrer ce budget dans une page')}</a
          >
        </li>
      </ul>

      <h2>${msg('Résultats')}</h2>
      ${renderBudgetResults(budget)}

      <h2>${msg('Exporter')}</h2>
      <p>
        ${budget.resultsPublishedAt
          ? msg('Les résultats sont publics : chacun peut les télécharger à l’adresse ci-dessous.')
          : msg('Les résultats seront publics une fois publiés ; d’ici là, seule la console peut les télécharger.')}
      </p>
      ${renderDownloads(
        (['csv', 'json'] as const).map((fileFormat) => ({
          path: `/v1/budgets/${encoded}/results.${fileFormat}`,
          fileName: `${budget.id}-results.${fileFormat}`,
          label: fileFormat === 'csv' ? msg('Télécharger en CSV') : msg('Télécharger en JSON'),
          what: msg(str`les résultats de « ${budget.title} »`),
        })),
      )}
      <p>
        ${msg('Adresse publique des données ouvertes (Licence Ouverte / Etalab 2.0) :')}
        <code>${location.origin}/v1/budgets/${encoded}/results.csv</code>
      </p>
      <p>${msg('Les bulletins déposés par le web, un par ligne, sans rien qui identifie qui a voté :')}</p>
      ${renderDownloads(
        (['csv', 'json'] as const).map((fileFormat) => ({
          path: `${this.#path}/ballots.${fileFormat}`,
          fileName: `${budget.id}-ballots.${fileFormat}`,
          label: fileFormat === 'csv' ? msg('Télécharger en CSV') : msg('Télécharger en JSON'),
          what: msg(str`les bulletins de « ${budget.title} »`),
        })),
      )}

      <parvis-admin-confirm id="confirm-close" heading=${msg('Clore ce vote ?')} confirm-label=${msg('Clore le vote')}>
        <p>${msg('Il n’acceptera plus de bulletins par le web. Vous pourrez le rouvrir.')}</p>
      </parvis-admin-confirm>
      <parvis-admin-confirm
        id="confirm-publish"
        heading=${msg('Publier les résultats ?')}
        confirm-label=${msg('Publier les résultats')}
      >
        <p>
          ${msg(
            'Les habitants verront les projets financés dans le widget, et chacun pourra télécharger les résultats. Rouvrir le vote les retirerait.',
          )}
        </p>
      </parvis-admin-confirm>
      <parvis-admin-confirm
        id="confirm-delete"
        heading=${msg(str`Supprimer le budget « ${budget.title} » ?`)}
        confirm-label=${msg('Supprimer le budget')}
      >
        <p>
          ${msg(
            str`Le budget, ses projets et ses bulletins (${format.ballots(budget.results.ballots)}) seront effacés définitivement.`,
          )}
        </p>
      </parvis-admin-confirm>
    `;
  }

  #open(budget: AdminBudget) {
    return this.#act('open', msg(str`Le vote du budget « ${budget.title} » est ouvert.`));
  }

  async #close(budget: AdminBudget) {
    if (!(await this.#confirm('confirm-close'))) return;
    return this.#act('close', msg(str`Le vote du budget « ${budget.title} » est clos.`));
  }

  async #publish(budget: AdminBudget) {
    if (!(await this.#confirm('confirm-publish'))) return;
    return this.#act('publish', msg(str`Les résultats du budget « ${budget.title} » sont publiés.`));
  }

  async #delete(budget: AdminBudget) {
    if (!(await this.#confirm('confirm-delete'))) return;
    try {
      await request('DELETE', this.#path, null);
      navigate('/budgets', { notice: msg(str`Le budget « ${budget.title} » est supprimé.`) });
    } catch (error) {
      this.#fail(error);
    }
  }

  #confirm(id: string): Promise<boolean> {
    return this.renderRoot.querySelector<AdminConfirm>(`#${id}`)!.ask();
  }

  /** An action, then the budget read again: the answer of an action leaves out the results by channel. */
  async #act(action: 'open' | 'close' | 'publish', done: string): Promise<void> {
    this._failure = '';
    try {
      await request('POST', `${this.#path}/${action}`, AdminBudget);
      await this.#budget.run();
      announce(done);
      // The button used may be gone: focus stays near it, on the actions' heading.
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#actions')?.focus();
    } catch (error) {
      this.#fail(error);
    }
  }

  #fail(error: unknown): void {
    const code = error instanceof ParvisError ? error.code : 'internal_error';
    if (code !== 'unauthorized') this._failure = refusalMessage(code);
  }
}

AdminBudgetScreen.define('parvis-admin-budget');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-budget': AdminBudgetScreen;
  }
}
