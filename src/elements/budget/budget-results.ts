// role="list" is kept on purpose: WebKit drops the list semantics of a list styled with list-style: none.
/* eslint-disable lit-a11y/no-redundant-role */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Budget, BudgetResults, Project, ProjectResult } from '../../contract/budget.js';
import { envelopeOf, hasDistricts } from '../../client/budgets.js';
import type { BudgetFormat } from './budget-format.js';

interface Row {
  project: Project;
  result: ProjectResult;
}

/**
 * The published results: each project's votes and rank, which were funded,
 * and the rule that decided it, per district when the budget has districts.
 * "Funded" is said in words, never by colour alone.
 */
export function renderResults(
  budget: Budget,
  results: BudgetResults,
  format: BudgetFormat,
  mine: readonly string[],
): TemplateResult {
  const byId = new Map(budget.projects.map((project) => [project.id, project]));
  const rows = results.projects
    .map((result) => ({ result, project: byId.get(result.id) }))
    .filter((row): row is Row => Boolean(row.project))
    .sort((a, b) => a.result.rank - b.result.rank || b.result.votes - a.result.votes);
  const groups = hasDistricts(budget)
    ? budget.districts.map((district) => ({
        district,
        rows: rows.filter((row) => row.project.district === district.id),
      }))
    : [{ district: null, rows }];
  return html`
    <section part="results" class="results" aria-labelledby="results-heading budget-title">
      <p part="results-heading" id="results-heading" class="step-heading" tabindex="-1">${msg('Résultats')}</p>
      <p part="results-rule" class="notice">
        ${msg('Les projets sont retenus dans l’ordre des votes, tant qu’ils tiennent dans l’enveloppe restante.')}
      </p>
      <p part="ballots" class="muted">${msg(str`Participation : ${format.ballots(results.ballots)}.`)}</p>
      ${groups.map(({ district, rows: group }) => {
        const funded = group.filter((row) => row.result.funded);
        const spent = funded.reduce((sum, row) => sum + row.project.cost, 0);
        const envelope = format.money(envelopeOf(budget, district?.id ?? null));
        return html`
          <div part="results-group" class="results-group">
            ${district ? html`<p class="group-heading">${district.name}</p>` : nothing}
            <p part="funded-summary" class="funded-summary">
              ${msg(str`Projets retenus : ${format.projects(funded.length)}, ${format.money(spent)} sur ${envelope}.`)}
            </p>
            <ol class="result-list" role="list">
              ${group.map((row) => renderRow(row, format, mine.includes(row.project.id)))}
            </ol>
          </div>
        `;
      })}
    </section>
  `;
}

function renderRow({ project, result }: Row, format: BudgetFormat, isMine: boolean): TemplateResult {
  return html`
    <li part="result" class=${result.funded ? 'result funded' : 'result'}>
      <span part="rank" class="rank">${msg(str`Rang ${format.number(result.rank)}`)}</span>
      <span part="result-label" class="result-label"
        >${project.title}${isMine
          ? html` <span part="mine" class="mine">${msg('(votre choix)')}</span>`
          : nothing}</span
      >
      <span part="count" class="count">${format.votes(result.votes)} · ${format.money(project.cost)}</span>
      <span part="funded" class="funded-mark">${result.funded ? msg('Retenu') : msg('Non retenu')}</span>
    </li>
  `;
}
