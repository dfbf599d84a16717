import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type { ParvisError } from '../../client/errors.js';
import type { SubjectVotes, VoteMode, VoteValue } from '../../contract/subject.js';
import type { VoteFormat } from './vote-format.js';
import { voteErrorMessage } from './vote-messages.js';

/** What a mode needs to draw its buttons. */
export interface VoteView {
  votes: SubjectVotes;
  format: VoteFormat;
  /** Whether counts are shown (`counts="hidden"` hides them). */
  counts: boolean;
  /** What is voted on, said to screen readers: the `label` attribute, else the host's `aria-label`. */
  label: string;
  /** A vote of this subject is on its way. */
  busy: boolean;
  vote(value: VoteValue): void;
}

/** A number drawn compactly (`· 128`) and said in words (`128 soutiens`). */
export function renderCount(shown: string, said: string): TemplateResult {
  return html`<span class="visually-hidden">, ${said}</span>
    <span part="count" class="count" aria-hidden="true">· ${shown}</span>`;
}

/** The context a button needs when read out of its page, in a list of fifty (`J’appuie – Budget…`). */
export function context(label: string): TemplateResult | typeof nothing {
  return label ? html`<span class="visually-hidden"> – ${label}</span>` : nothing;
}

const pressed = (on: boolean) => (on ? 'true' : 'false');

/** One toggle button: `J’appuie · 128`. */
export function renderSupport({ votes, format, counts, label, busy, vote }: VoteView): TemplateResult {
  const on = votes.mine === 1;
  const total = votes.up ?? votes.score;
  const shownCount = counts ? renderCount(format.number(total), format.supports(total)) : nothing;
  return html`
    <button
      part="button support"
      class="button toggle"
      type="button"
      aria-pressed=${pressed(on)}
      aria-disabled=${pressed(busy)}
      @click=${() => vote(on ? 0 : 1)}
    >
      ${on ? html`<span class="mark" aria-hidden="true">✓</span>` : nothing}
      <span part="button-label">${msg('J’appuie')}</span>${context(label)} ${shownCount}
    </button>
  `;
}

/** Up and down, mutually exclusive, around the score; each shows its count when the subject gives it. */
export function renderUpDown({ votes, format, counts, label, busy, vote }: VoteView): TemplateResult {
  const { mine, up, down, score } = votes;
  const upCount = counts && up !== null ? renderCount(format.number(up), format.ups(up)) : nothing;
  const downCount = counts && down !== null ? renderCount(format.number(down), format.downs(down)) : nothing;
  const shownScore = html`<span part="score" class="score">
    <span class="visually-hidden">${format.scoreText(score)}</span>
    <span aria-hidden="true">${format.score(score)}</span>
  </span>`;
  return html`
    <div part="group" class="group" role="group" aria-label=${label || msg('Pour ou contre')}>
      <button
        part="button up"
        class="button toggle"
        type="button"
        aria-pressed=${pressed(mine === 1)}
        aria-disabled=${pressed(busy)}
        @click=${() => vote(mine === 1 ? 0 : 1)}
      >
        <span class="arrow" aria-hidden="true">▲</span>
        <span part="button-label">${msg('Pour')}</span> ${upCount}
      </button>
      ${counts ? shownScore : nothing}
      <button
        part="button down"
        class="button toggle"
        type="button"
        aria-pressed=${pressed(mine === -1)}
        aria-disabled=${pressed(busy)}
        @click=${() => vote(mine === -1 ? 0 : -1)}
      >
        <span class="arrow" aria-hidden="true">▼</span>
        <span part="button-label">${msg('Contre')}</span> ${downCount}
      </button>
    </div>
  `;
}

/** A closed subject is read-only: the counts, the citizen's own vote, and that voting is over. */
export function renderClosed(mode: VoteMode, { votes, format, counts, label }: VoteView): TemplateResult {
  const { mine, up, down, score } = votes;
  const parts: string[] = [];
  if (mode === 'support') {
    if (counts) parts.push(format.supports(up ?? score));
    if (mine === 1) parts.push(msg('Vous avez appuyé.'));
  } else {
    if (counts) parts.push(format.scoreText(score));
    if (counts && up !== null && down !== null) parts.push(`(${format.ups(up)}, ${format.downs(down)})`);
    if (mine === 1) parts.push(msg('Vous avez voté pour.'));
    if (mine === -1) parts.push(msg('Vous avez voté contre.'));
  }
  return html`<p part="closed" class="closed">
    ${label ? html`<span class="visually-hidden">${label} –</span>` : nothing} ${parts.join(' ')}
    <span class="closed-mark">${msg('Vote clos.')}</span>
  </p>`;
}

/**
 * While loading, the mode's buttons as blank shapes of their final size
 * (room for a three-digit count), hidden from assistive technologies, which
 * hear that the vote is loading: the page does not move when the counts
 * arrive. Drawn without `Intl`, whose first use is slow on a cheap phone.
 */
export function renderSkeleton(mode: VoteMode, counts: boolean): TemplateResult {
  const bone = (word: string) =>
    html`<span class="button bone"
      ><span>${word}</span>${counts ? html`<span class="count">· 888</span>` : nothing}</span
    >`;
  const shapes = {
    support: () => bone(msg('J’appuie')),
    updown: () =>
      html`<span class="group">
        ${bone(`▲ ${msg('Pour')}`)}${counts ? html`<span class="score bone">+88</span>` : nothing}${bone(
          `▼ ${msg('Contre')}`,
        )}
      </span>`,
    helpful: () =>
      html`<span class="group">
        <span class="question">${msg('Cette page vous a-t-elle été utile ?')}</span>
        <span class="answers">${bone(msg('Oui'))}${bone(msg('Non'))}</span>
      </span>`,
  };
  return html`
    <div part="base skeleton" class="vote ${mode} skeleton" aria-busy="true">
      <span class="visually-hidden">${msg('Chargement du vote…')}</span>
      <span class="bones" aria-hidden="true">${shapes[mode]()}</span>
    </div>
  `;
}

/** The message for a read that failed, and a way to try again. */
export function renderLoadError(error: ParvisError, retry: () => unknown): TemplateResult {
  return html`
    <div class="error-box">
      <p part="error" id="error" class="error" role="alert" tabindex="-1">${voteErrorMessage(error.code)}</p>
      <button part="retry" class="button retry" type="button" @click=${retry}>${msg('Réessayer')}</button>
    </div>
  `;
}

/** Why a vote was rolled back; the button itself is the way to try again. */
export function renderVoteError(error: ParvisError): TemplateResult {
  return html`<p part="error" id="error" class="error" role="alert" tabindex="-1">${voteErrorMessage(error.code)}</p>`;
}
