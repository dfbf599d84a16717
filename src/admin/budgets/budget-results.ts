import { msg, str } from '@lit/localize';
import { html, nothing } from 'lit';
import type { AdminBudget } from '../../contract/budget.js';
import { CHANNELS, type Channel } from '../../contract/open-data.js';
import { cssProperty } from '../../elements/css-property.js';
import { renderChannelTable } from '../channels.js';
import { formatNumber } from '../format.js';
import { budgetFormat, fundingRule } from './budget-format.js';

interface Row {
  id: string;
  title: string;
  cost: number;
  votes: number;
  web: number;
  rank: number;
  funded: boolean;
}

/** The envelopes of the budget: each district's, or one for the whole town. */
function envelopes(budget: AdminBudget) {
  return budget.districts.length
    ? budget.districts.map((d) => ({ id: d.id as string | null, name: d.name, amount: d.envelope }))
    : [{ id: null, name: budget.title, amount: budget.total }];
}

function rowsOf(budget: AdminBudget, district: string | null): Row[] {
  const projects = new Map(budget.projects.map((project) => [project.id, project]));
  const web = new Map(budget.results.byChannel?.web.projects.map((project) => [project.id, project.votes]));
  return budget.results.projects
    .filter((result) => projects.get(result.id)?.district === district)
    .map((result) => ({
      ...result,
      title: projects.get(result.id)!.title,
      cost: projects.get(result.id)!.cost,
      web: web.get(result.id) ?? 0,
    }));
}

/**
 * The results of each envelope: the projects in their order, as bars (one
 * image with its words as text alternative) and as a table beside them, with
 * the votes of the web and of the other channels apart and together, the
 * rank, and whether each is funded, by the rule said in words above them.
 */
export function renderBudgetResults(budget: AdminBudget) {
  const format = budgetFormat(budget);
  const byChannel = budget.results.byChannel;
  return html`
    <p>${msg(str`Participation : ${format.ballots(budget.results.ballots)}.`)}</p>
    <p><strong>${msg('Règle de financement :')}</strong> ${fundingRule()}</p>
    ${byChannel
      ? renderChannelTable('ballots-caption', msg('Bulletins par canal'), msg('Bulletins'), [
          {
            label: msg('Bulletins'),
            values: (channel: Channel) => byChannel[channel].ballots,
            total: budget.results.ballots,
          },
        ])
      : nothing}
    ${envelopes(budget).map((envelope, index) => {
      const rows = rowsOf(budget, envelope.id);
      const funded = rows.filter((row) => row.funded).reduce((sum, row) => sum + row.cost, 0);
      const most = Math.max(1, ...rows.map((row) => row.votes));
      const captionId = `results-${index}`;
      const alternative = msg(
        str`Diagramme en barres : ${rows
          .map((row) => `${row.title}, ${format.votes(row.votes)}, ${row.funded ? msg('financé') : msg('non financé')}`)
          .join(' ; ')}.`,
      );
      return html`
        <h3>${envelope.name}</h3>
        <p>
          ${msg(
            str`Enveloppe : ${format.money(envelope.amount)}. Projets financés : ${format.money(funded)}, reste ${format.money(envelope.amount - funded)}.`,
          )}
        </p>
        <div class="results">
          <div class="chart" role="img" aria-label=${alternative}>
            ${rows.map(
              (row) => html`
                <div class="chart-row">
                  <span class="chart-label"
                    >${row.title}${row.funded ? html` <strong>(${msg('financé')})</strong>` : nothing}</span
                  >
                  <span class="chart-track">
                    <span class="chart-bar" ${cssProperty('--share', String(row.votes / most))}></span>
                  </span>
                  <span class="chart-value">${formatNumber(row.votes)}</span>
                </div>
              `,
            )}
          </div>
          <div class="table-scroll" role="region" tabindex="0" aria-labelledby=${captionId}>
            <table>
              <caption id=${captionId}>
                ${msg(str`Résultats : ${envelope.name}`)}
              </caption>
              <thead>
                <tr>
                  <th scope="col" class="number">${msg('Rang')}</th>
                  <th scope="col">${msg('Projet')}</th>
                  <th scope="col" class="number">${msg('Coût')}</th>
                  <th scope="col" class="number">${msg('Votes web')}</th>
                  <th scope="col" class="number">${msg('Votes hors web')}</th>
                  <th scope="col" class="number">${msg('Votes, tous canaux')}</th>
                  <th scope="col">${msg('Financé')}</th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (row) => html`
                    <tr>
                      <td class="number">${formatNumber(row.rank)}</td>
                      <th scope="row">${row.title}</th>
                      <td class="number">${format.money(row.cost)}</td>
                      <td class="number">${formatNumber(row.web)}</td>
                      <td class="number">${formatNumber(row.votes - row.web)}</td>
                      <td class="number">${formatNumber(row.votes)}</td>
                      <td>${row.funded ? msg('Oui') : msg('Non')}</td>
                    </tr>
                  `,
                )}
              </tbody>
            </table>
          </div>
        </div>
      `;
    })}
    ${byChannel ? renderOtherChannels(budget) : nothing}
  `;
}

/** The votes each project received through each channel, for the channels beyond the web. */
function renderOtherChannels(budget: AdminBudget) {
  const byChannel = budget.results.byChannel!;
  const votesOf = (channel: Channel, id: string) =>
    byChannel[channel].projects.find((project) => project.id === id)?.votes ?? 0;
  if (CHANNELS.every((channel) => channel === 'web' || byChannel[channel].ballots === 0)) return nothing;
  return html`
    <h3>${msg('Votes par projet et par canal')}</h3>
    ${renderChannelTable(
      'projects-channels-caption',
      msg('Votes de chaque projet, par canal'),
      msg('Projet'),
      budget.results.projects.map((result) => ({
        label: budget.projects.find((project) => project.id === result.id)?.title ?? result.id,
        values: (channel: Channel) => votesOf(channel, result.id),
        total: result.votes,
      })),
    )}
  `;
}
