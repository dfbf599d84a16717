import { msg, str } from '@lit/localize';
import { css, html } from 'lit';
import type { AdminPoll } from '../../contract/poll.js';
import { cssProperty } from '../../elements/css-property.js';
import { formatNumber, formatShare, voters, votes } from '../format.js';

/** Each answer's votes and share of the voters (several answers per voter in a multiple-choice poll). */
function rows(poll: AdminPoll) {
  const total = poll.results.voters;
  return poll.options.map((option) => {
    const count = poll.results.options.find((result) => result.id === option.id)?.votes ?? 0;
    return { id: option.id, label: option.label, votes: count, share: total ? count / total : 0 };
  });
}

/**
 * The results as bars, one image for assistive technology with its words as
 * text alternative, and the same numbers in a table beside it.
 */
export function renderPollResults(poll: AdminPoll) {
  const results = rows(poll);
  const alternative = msg(
    str`Diagramme en barres : ${results
      .map((row) => `${row.label}, ${votes(row.votes)} (${formatShare(row.share)})`)
      .join(' ; ')}.`,
  );
  return html`
    <p>
      ${msg(str`Participation : ${voters(poll.results.voters)}.`)}
      ${poll.multiple ? msg('Chacun pouvait choisir plusieurs réponses : les parts dépassent 100 % ensemble.') : ''}
    </p>
    <div class="results">
      <div class="chart" role="img" aria-label=${alternative}>
        ${results.map(
          (row) => html`
            <div class="chart-row">
              <span class="chart-label">${row.label}</span>
              <span class="chart-track">
                <span class="chart-bar" ${cssProperty('--share', String(row.share))}></span>
              </span>
              <span class="chart-value">${formatShare(row.share)}</span>
            </div>
          `,
        )}
      </div>
      <div class="table-scroll" role="region" tabindex="0" aria-labelledby="results-caption">
        <table>
          <caption id="results-caption">
            ${msg('Résultats par réponse')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${msg('Réponse')}</th>
              <th scope="col" class="number">${msg('Votes')}</th>
              <th scope="col" class="number">${msg('Part des votants')}</th>
            </tr>
          </thead>
          <tbody>
            ${results.map(
              (row) => html`
                <tr>
                  <th scope="row">${row.label}</th>
                  <td class="number">${formatNumber(row.votes)}</td>
                  <td class="number">${formatShare(row.share)}</td>
                </tr>
              `,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${msg('Votants')}</th>
              <td class="number">${formatNumber(poll.results.voters)}</td>
              <td></td>
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  `;
}

/** The results of a poll: bars beside their table, one under the other on a narrow screen or at high zoom. */
export const resultStyles = css`
  .results {
    display: flex;
    flex-wrap: wrap;
    gap: 1.5rem 3rem;
    align-items: flex-start;
  }

  .results > * {
    flex: 1 1 20rem;
  }

  .chart {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }

  .chart-row {
    display: grid;
    grid-template-columns: 1fr 4rem;
    gap: 0.25rem 0.75rem;
  }

  .chart-track {
    grid-column: 1;
    block-size: 1.5rem;
    border: 1px solid var(--admin-border);
    background: var(--admin-track);
  }

  .chart-bar {
    display: block;
    block-size: 100%;
    inline-size: calc(var(--share, 0) * 100%);
    background: var(--admin-primary);
  }

  .chart-value {
    grid-column: 2;
    grid-row: 2;
    font-variant-numeric: tabular-nums;
  }

  .chart-label {
    grid-column: 1 / -1;
  }

  @media (forced-colors: active) {
    .chart-bar {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
`;
