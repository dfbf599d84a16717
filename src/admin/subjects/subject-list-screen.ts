import { msg, str } from '@lit/localize';
import { html } from 'lit';
import { AdminSubjectList, type AdminSubject } from '../../contract/subject.js';
import { read } from '../api.js';
import { siteName } from '../dashboard/consultations.js';
import { renderDownloads } from '../exports.js';
import { formatNumber, statusLabel } from '../format.js';
import { Loader } from '../loader.js';
import { errorMessage } from '../messages.js';
import { href } from '../router.js';
import { AdminScreen } from '../screen.js';
import { helpfulRatio, modeLabel } from './subject-format.js';

/** The vote buttons' subjects, site by site, with their counts and the share of "yes" of the "helpful" ones. */
export class AdminSubjectListScreen extends AdminScreen {
  readonly #subjects = new Loader<AdminSubject[]>(
    this,
    async (signal) => (await read('/v1/admin/subjects', AdminSubjectList, { signal })).subjects,
  );

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#subjects.run();
  }

  protected override ready(): Promise<unknown> {
    return this.#subjects.settled;
  }

  protected override render() {
    return html`
      <h1 tabindex="-1">${msg('Boutons de vote')}</h1>
      <p class="lede">
        ${msg(
          'Chaque sujet est créé par son premier vote, sur le site qui l’affiche, ou d’avance ici pour choisir son mode. Les commentaires accompagnent les réponses « Cette page vous a-t-elle été utile ? ».',
        )}
      </p>
      <p class="actions"><a class="button" href=${href('/subjects/new')}>${msg('Créer un bouton de vote')}</a></p>
      ${this.#subjects.render({
        pending: () => html`<p>${msg('Chargement des sujets…')}</p>`,
        error: (error) =>
          html`<p class="alert" role="alert">${errorMessage(error.code)}</p>
            <button type="button" class="button secondary" @click=${() => this.#subjects.run()}>
              ${msg('Réessayer')}
            </button>`,
        complete: (subjects) => this.#renderSites(subjects),
      })}
    `;
  }

  #renderSites(subjects: AdminSubject[]) {
    if (subjects.length === 0) return html`<p class="muted">${msg('Aucun bouton de vote pour l’instant.')}</p>`;
    const sites = [...new Set(subjects.map((subject) => subject.site))].sort();
    return html`
      <h2>${msg('Tous les commentaires')}</h2>
      ${renderDownloads(
        (['csv', 'json'] as const).map((format) => ({
          path: `/v1/admin/subjects/comments.${format}`,
          fileName: `subject-comments.${format}`,
          label: format === 'csv' ? msg('Télécharger en CSV') : msg('Télécharger en JSON'),
          what: msg('les commentaires de tous les sites'),
        })),
      )}
      ${sites.map((site, i) =>
        this.#renderSite(
          site,
          i,
          subjects.filter((subject) => subject.site === site),
        ),
      )}
    `;
  }

  #renderSite(site: string, index: number, subjects: AdminSubject[]) {
    const captionId = `site-${index}`;
    return html`
      <h2>${siteName(site)}</h2>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby=${captionId}>
        <table>
          <caption id=${captionId}>
            ${msg(str`Boutons de vote : ${siteName(site)}`)}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Sujet')}</th>
              <th scope="col">${msg('Mode')}</th>
              <th scope="col" class="number">${msg('Oui, pour ou soutiens')}</th>
              <th scope="col" class="number">${msg('Non ou contre')}</th>
              <th scope="col" class="number">${msg('Part de « utile »')}</th>
              <th scope="col" class="number">${msg('Commentaires')}</th>
              <th scope="col">${msg('Statut')}</th>
            </tr>
          </thead>
          <tbody>
            ${subjects.map(
              (subject) => html`
                <tr>
                  <th scope="row"><a href=${href(`/subjects/${encodeURIComponent(subject.id)}`)}>${subject.key}</a></th>
                  <td>${modeLabel(subject.mode)}</td>
                  <td class="number">${formatNumber(subject.up)}</td>
                  <td class="number">${subject.mode === 'support' ? msg('—') : formatNumber(subject.down)}</td>
                  <td class="number">${helpfulRatio(subject)}</td>
                  <td class="number">
                    ${formatNumber(subject.comments)}${subject.hiddenComments
                      ? msg(str` (masqués : ${formatNumber(subject.hiddenComments)})`)
                      : ''}
                  </td>
                  <td>
                    <span class="status ${subject.closed ? 'closed' : 'open'}"
                      >${statusLabel(subject.closed ? 'closed' : 'open')}</span
                    >
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

AdminSubjectListScreen.define('parvis-admin-subject-list');

declare global {
  interface HTMLElementTagNameMap {
    'parvis-admin-subject-list': AdminSubjectListScreen;
  }
}
