import { css } from 'lit';

const space = css`var(--parvis-poll-space, var(--parvis-space, 1rem))`;
const radius = css`var(--parvis-poll-radius, var(--parvis-radius, 0.25rem))`;
const primary = css`var(--parvis-color-primary, #000091)`;
const border = css`var(--parvis-poll-border-color, var(--parvis-color-border, #757575))`;
const muted = css`var(--parvis-poll-muted-color, var(--parvis-color-muted, #595959))`;
const track = css`var(--parvis-poll-track-color, #e3e3fd)`;

export const pollStyles = css`
  .poll {
    display: flex;
    flex-direction: column;
    gap: calc(${space} * 0.75);
    min-inline-size: 0;
    padding: ${space};
    border: 1px solid ${border};
    border-radius: ${radius};
    background: var(--parvis-poll-surface, var(--parvis-color-surface, #fff));
    overflow-wrap: anywhere;
  }

  p {
    margin: 0;
  }

  .question {
    padding: 0;
    font-size: 1.125em;
    font-weight: 700;
  }

  .description,
  .hint,
  .notice {
    color: ${muted};
  }

  .form,
  .options {
    display: flex;
    flex-direction: column;
    gap: calc(${space} * 0.75);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .options legend {
    margin-block-end: calc(${space} * 0.5);
  }

  .option {
    display: flex;
    align-items: flex-start;
    gap: calc(${space} * 0.5);
  }

  .option input {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0.125em 0 0;
    accent-color: var(--parvis-poll-accent-color, ${primary});
  }

  .option label {
    flex: 1;
    cursor: pointer;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(${space} * 0.5);
  }

  .button {
    min-block-size: 2.75rem;
    padding: 0.5em 1.25em;
    border: 2px solid var(--parvis-poll-button-color, ${primary});
    border-radius: ${radius};
    background: var(--parvis-poll-button-color, ${primary});
    color: var(--parvis-poll-button-text-color, var(--parvis-color-on-primary, #fff));
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    color: var(--parvis-poll-button-color, ${primary});
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }

  .status:not(:empty) {
    padding: calc(${space} * 0.5);
    border-inline-start: 4px solid var(--parvis-poll-success-color, var(--parvis-color-success, #18753c));
  }

  .status:focus {
    outline-offset: 2px;
  }

  .error-box {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(${space} * 0.5);
  }

  .error {
    color: var(--parvis-poll-danger-color, var(--parvis-color-danger, #c9191e));
    font-weight: 700;
  }

  .results {
    display: flex;
    flex-direction: column;
    gap: calc(${space} * 0.5);
  }

  .results-heading {
    font-weight: 700;
  }

  .result-list,
  .upcoming-options {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .result-list {
    display: flex;
    flex-direction: column;
    gap: calc(${space} * 0.5);
  }

  .result-text {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 ${space};
  }

  .count {
    color: ${muted};
    font-variant-numeric: tabular-nums;
  }

  .mine {
    font-weight: 700;
  }

  .track {
    display: block;
    block-size: 0.5rem;
    border-radius: ${radius};
    background: ${track};
    overflow: hidden;
  }

  .bar {
    display: block;
    block-size: 100%;
    inline-size: calc(var(--parvis-share, 0) * 100%);
    background: var(--parvis-poll-bar-color, ${primary});
    transition: inline-size 0.4s ease-out;
  }

  .skeleton {
    min-block-size: var(--parvis-poll-min-block-size, 16rem);
    user-select: none;
  }

  .bone {
    border-radius: ${radius};
    background: ${track};
    box-decoration-break: clone;
  }

  .filler {
    visibility: hidden;
  }

  .bone-button {
    display: block;
    inline-size: 7rem;
    block-size: 2.75rem;
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
    .track,
    .bone {
      border: 1px solid CanvasText;
    }

    .bar {
      background: Highlight;
      forced-color-adjust: none;
    }

    .button {
      border-color: ButtonText;
    }
  }
`;
