// role="list" is kept on purpose: WebKit drops the list semantics of a <ul> styled with list-style: none.
/* eslint-disable lit-a11y/no-redundant-role */
import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { Poll } from '../../contract/poll.js';
import { cssProperty } from '../css-property.js';
import type { PollFormat } from './poll-format.js';

/** Share of the voters who chose each option (several per voter in a multiple-choice poll). */
export function shares(poll: Poll): Map<string, { votes: number; share: number }> {
  const voters = poll.results?.voters ?? 0;
  return new Map(
    (poll.results?.options ?? []).map(({ id, votes }) => [id, { votes, share: voters ? votes / voters : 0 }]),
  );
}

/** The results, when the server sent them; each bar is drawn, and said as text for screen readers. */
export function renderResults(
  poll: Poll,
  format: PollFormat,
  mine: readonly string[],
): TemplateResult | typeof nothing {
  if (!poll.results) return nothing;
  const byOption = shares(poll);
  return html`
    <section part="results" class="results" aria-labelledby="results-heading question">
      <p part="results-heading" id="results-heading" class="results-heading" tabindex="-1">${msg('Résultats')}</p>
      <ul class="result-list" role="list">
        ${poll.options.map((option) => {
          const { votes, share } = byOption.get(option.id) ?? { votes: 0, share: 0 };
          const isMine = mine.includes(option.id);
          return html`
            <li part="result" class="result">
              <span class="result-text">
                <span part="result-label"
                  >${option.label}${isMine
                    ? html` <span part="mine" class="mine">${msg('(votre choix)')}</span>`
                    : nothing}</span
                >
                <span part="count" class="count">${format.votes(votes)} · ${format.share(share)}</span>
              </span>
              <span part="track" class="track" aria-hidden="true">
                <span part="bar" class="bar" ${cssProperty('--parvis-share', String(share))}></span>
              </span>
            </li>
          `;
        })}
      </ul>
      <p part="total" class="total">${msg('Total :')} ${format.voters(poll.results.voters)}</p>
    </section>
  `;
}

/** Why no results are shown: the poll's visibility policy, said plainly. */
export function resultsPolicy(poll: Poll): string | null {
  if (poll.results) return null;
  switch (poll.resultsVisibility) {
    case 'after_vote':
      return poll.myVote ? null : msg('Les résultats s’afficheront après votre vote.');
    case 'after_close':
      return poll.status === 'closed' ? null : msg('Les résultats seront publiés à la clôture du sondage.');
    case 'never':
      return msg('Les résultats de ce sondage ne sont pas publiés.');
    default:
      return null;
  }
}

/**
 * What the live region says after a vote: the thanks, then the results if the
 * citizen may see them. The results are already drawn as bars, so they are
 * spoken only, not shown twice.
 */
export function voteAnnouncement(poll: Poll, format: PollFormat): TemplateResult {
  const thanks = msg('Merci, votre vote est enregistré.');
  if (!poll.results) return html`${thanks}`;
  const byOption = shares(poll);
  const summary = poll.options.map((option) => {
    const share = format.share(byOption.get(option.id)?.share ?? 0);
    return msg(str`${option.label} : ${share}`);
  });
  return html`${thanks}<span class="visually-hidden"> ${msg('Résultats :')} ${format.list(summary)}.</span>`;
}
