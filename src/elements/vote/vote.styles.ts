import { css } from 'lit';

const space = css`var(--parvis-vote-space, var(--parvis-space, 1rem))`;
const radius = css`var(--parvis-vote-radius, var(--parvis-radius, 0.25rem))`;
const color = css`var(--parvis-vote-color, var(--parvis-color-primary, #000091))`;
const surface = css`var(--parvis-vote-surface, var(--parvis-color-surface, #fff))`;
const text = css`var(--parvis-vote-text-color, var(--parvis-color-text, #1e1e1e))`;
const muted = css`var(--parvis-vote-muted-color, var(--parvis-color-muted, #595959))`;
const danger = css`var(--parvis-vote-danger-color, var(--parvis-color-danger, #c9191e))`;

/** Compact by default: a support button sits on one line of a list item or at the foot of a card. */
export const voteStyles = css`
  :host {
    display: inline-block;
    max-inline-size: 100%;
    vertical-align: middle;
  }

  :host([mode='helpful']) {
    display: block;
  }

  .vote {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(${space} * 0.5);
    color: ${text};
    overflow-wrap: anywhere;
  }

  .vote.helpful {
    flex-direction: column;
    align-items: flex-start;
  }

  .notice,
  .error,
  .error-box {
    flex-basis: 100%;
  }

  .group,
  .answers {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(${space} * 0.5);
  }

  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    min-block-size: 2.25rem;
    min-inline-size: 2.25rem;
    padding: 0.25em 0.75em;
    border: 2px solid ${color};
    border-radius: ${radius};
    background: ${surface};
    color: ${color};
    font: inherit;
    font-weight: 700;
    line-height: 1.25;
    cursor: pointer;
  }

  .button[aria-pressed='true'] {
    background: ${color};
    color: var(--parvis-vote-pressed-text-color, var(--parvis-color-on-primary, #fff));
  }

  .button[aria-disabled='true'] {
    cursor: progress;
  }

  .count {
    font-weight: 400;
    font-variant-numeric: tabular-nums;
  }

  .arrow {
    font-size: 0.75em;
  }

  .score {
    min-inline-size: 3ch;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    text-align: center;
  }

  .question {
    font-weight: 700;
  }

  .closed-mark,
  .hint,
  .notice {
    color: ${muted};
  }

  .hint,
  .notice {
    font-size: 0.875em;
  }

  .thanks {
    padding-inline-start: calc(${space} * 0.5);
    border-inline-start: 4px solid var(--parvis-vote-success-color, var(--parvis-color-success, #18753c));
  }

  .comment-form {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(${space} * 0.5);
    inline-size: 100%;
    max-inline-size: 40rem;
  }

  .comment {
    inline-size: 100%;
    min-block-size: 5rem;
    padding: 0.5em;
    border: 1px solid var(--parvis-vote-border-color, var(--parvis-color-border, #757575));
    border-radius: ${radius};
    background: ${surface};
    color: ${text};
    font: inherit;
    resize: vertical;
  }

  .over,
  .error {
    color: ${danger};
    font-weight: 700;
  }

  .error-box {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(${space} * 0.5);
  }

  .skeleton {
    user-select: none;
  }

  .bones {
    display: flex;
    min-inline-size: 0;
  }

  .bone {
    border-color: transparent;
    background: var(--parvis-vote-skeleton-color, #e3e3fd);
    color: transparent;
  }

  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.5s ease-in-out infinite alternate;
    }
  }

  @keyframes pulse {
    to {
      opacity: 0.5;
    }
  }

  @media (forced-colors: active) {
    .button {
      border-color: ButtonText;
    }

    .button[aria-pressed='true'] {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }

    /* Forced colours would paint the stand-in words and counts ("888"): the shapes stay, blank. */
    .bone {
      border: 1px solid CanvasText;
      background: Canvas;
      color: transparent;
      forced-color-adjust: none;
    }
  }
`;
