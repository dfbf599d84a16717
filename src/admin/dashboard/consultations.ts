import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import { AdminBudgetList } from '../../contract/budget.js';
import { AdminIdeaBoxList } from '../../contract/idea.js';
import { AdminPollList } from '../../contract/poll.js';
import { AdminSubjectList, OWN_SITE, type VoteMode } from '../../contract/subject.js';
import { read } from '../api.js';
import { formatDate, plural, statusLabel, voters, votes, type ConsultationStatus } from '../format.js';
import { href } from '../router.js';

export type Kind = 'poll' | 'subject' | 'idea-box' | 'budget';

/** One row of the dashboard: any kind of consultation, said the same way. */
export interface Consultation {
  kind: Kind;
  id: string;
  title: string;
  /** The site of a vote subject. */
  site: string | null;
  /** How a vote subject is voted on, set by its first vote. */
  mode?: VoteMode;
  status: ConsultationStatus;
  opensAt: string | null;
  closesAt: string | null;
  participation: string;
  /** Its screen in the console, for the kinds that have one. */
  screen: string | null;
}

/** The kinds in the order the dashboard lists them, with what each is called. */
export const KINDS: ReadonlyArray<{ kind: Kind; heading: () => string; empty: () => string }> = [
  { kind: 'poll', heading: () => msg('Sondages'), empty: () => msg('Aucun sondage pour l’instant.') },
  { kind: 'idea-box', heading: () => msg('Boîtes à idées'), empty: () => msg('Aucune boîte à idées pour l’instant.') },
  { kind: 'budget', heading: () => msg('Budgets participatifs'), empty: () => msg('Aucun budget pour l’instant.') },
  {
    kind: 'subject',
    heading: () => msg('Boutons de vote'),
    empty: () => msg('Aucun bouton de vote n’a encore reçu de vote.'),
  },
];

export function siteName(site: string): string {
  return site === OWN_SITE ? msg('Pages de ce serveur') : site;
}

export async function loadPolls(signal: AbortSignal): Promise<Consultation[]> {
  const { polls } = await read('/v1/admin/polls', AdminPollList, { signal });
  return polls.map((poll) => ({
    kind: 'poll',
    id: poll.id,
    title: poll.question,
    site: null,
    status: poll.status,
    opensAt: poll.opensAt ?? poll.createdAt,
    closesAt: poll.closesAt,
    participation: voters(poll.results.voters),
    screen: `/polls/${encodeURIComponent(poll.id)}`,
  }));
}

export async function loadIdeaBoxes(signal: AbortSignal): Promise<Consultation[]> {
  const { ideaBoxes } = await read('/v1/admin/idea-boxes', AdminIdeaBoxList, { signal });
  return ideaBoxes.map((box) => ({
    kind: 'idea-box',
    id: box.id,
    title: box.title,
    site: null,
    status: box.status,
    opensAt: box.opensAt ?? box.createdAt,
    closesAt: box.closesAt,
    participation: [
      plural(
        box.ideaCount,
        (n) => msg(str`${n} idée publiée`),
        (n) => msg(str`${n} idées publiées`),
      ),
      box.awaitingModeration ? msg(str`${box.awaitingModeration} à modérer`) : '',
    ]
      .filter(Boolean)
      .join(', '),
    screen: `/idea-boxes/${encodeURIComponent(box.id)}`,
  }));
}

export async function loadBudgets(signal: AbortSignal): Promise<Consultation[]> {
  const { budgets } = await read('/v1/admin/budgets', AdminBudgetList, { signal });
  return budgets.map((budget) => ({
    kind: 'budget',
    id: budget.id,
    title: budget.title,
    site: null,
    status: budget.status,
    opensAt: budget.opensAt ?? budget.createdAt,
    closesAt: budget.closesAt,
    participation: plural(
      budget.results.ballots,
      (n) => msg(str`${n} bulletin`),
      (n) => msg(str`${n} bulletins`),
    ),
    screen: `/budgets/${encodeURIComponent(budget.id)}`,
  }));
}

/** Every consultation of the server, in one list: the four admin lists read side by side. */
export async function loadConsultations(signal: AbortSignal): Promise<Consultation[]> {
  const [polls, ideaBoxes, budgets, { subjects }] = await Promise.all([
    loadPolls(signal),
    loadIdeaBoxes(signal),
    loadBudgets(signal),
    read('/v1/admin/subjects', AdminSubjectList, { signal }),
  ]);
  return [
    ...polls,
    ...ideaBoxes,
    ...budgets,
    ...subjects.map(
      (subject): Consultation => ({
        kind: 'subject',
        id: subject.id,
        title: subject.key,
        site: subject.site,
        mode: subject.mode,
        status: subject.closed ? 'closed' : 'open',
        // A subject is created by its first vote.
        opensAt: subject.createdAt,
        closesAt: null,
        participation: votes(subject.up + subject.down),
        screen: `/subjects/${encodeURIComponent(subject.id)}`,
      }),
    ),
  ];
}

/** The snippet builder's address with a consultation chosen. */
export function snippetLink(row: Pick<Consultation, 'kind' | 'id' | 'title'>): string {
  const query = new URLSearchParams({ kind: row.kind, id: row.kind === 'subject' ? row.title : row.id });
  return href(`/snippet?${query}`);
}

/** A table of consultations of one kind, which a screen reader reads row by row with its headers. */
export function renderConsultationTable(kind: Kind, caption: string, rows: readonly Consultation[]) {
  const captionId = `caption-${kind}`;
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby=${captionId}>
      <table>
        <caption id=${captionId}>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${kind === 'subject' ? msg('Sujet') : msg('Consultation')}</th>
            ${kind === 'subject' ? html`<th scope="col">${msg('Site')}</th>` : nothing}
            <th scope="col">${msg('Statut')}</th>
            <th scope="col">${kind === 'subject' ? msg('Premier vote') : msg('Ouverture')}</th>
            ${kind === 'subject' ? nothing : html`<th scope="col">${msg('Clôture')}</th>`}
            <th scope="col">${msg('Participation')}</th>
            <th scope="col"><span class="visually-hidden">${msg('Actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`
              <tr>
                <th scope="row">${row.screen ? html`<a href=${href(row.screen)}>${row.title}</a>` : row.title}</th>
                ${kind === 'subject' ? html`<td>${siteName(row.site ?? '')}</td>` : nothing}
                <td><span class="status ${row.status}">${statusLabel(row.status)}</span></td>
                <td>${formatDate(row.opensAt)}</td>
                ${kind === 'subject' ? nothing : html`<td>${formatDate(row.closesAt)}</td>`}
                <td>${row.participation}</td>
                <td>
                  <a href=${snippetLink(row)}
                    >${msg('Intégrer')}<span class="visually-hidden"> « ${row.title} »</span></a
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
