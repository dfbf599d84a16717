import { css } from 'lit';

const space = css`var(--parvis-poll-space, var(--parvis-space, 1rem))`;
const radius = css`var(--parvis-poll-radius, var(--parvis-radius, 0.25rem))`;
const primary = css`var(--parvis-color-primary, #000091)`;
const border = css`var(--parvis-poll-border-color, var(--parvis-color-border, #757575))`;
const muted = css`var(--parvis-poll-muted-color, var(--parvis-color-muted, #595959))`;
const track = css`var(--parvis-poll-track-color, #e3e3fd)`;

/** The poll's own rules. `.poll` sets the local properties that the rules of `widget-styles.ts` read. */
export const pollStyles = css`
  .poll {
    --_space: ${space};
    --_radius: ${radius};
    --_button-color: var(--parvis-poll-button-color, ${primary});
    --_button-text-color: var(--parvis-poll-button-text-color, var(--parvis-color-on-primary, #fff));
    --_success: var(--parvis-poll-success-color, var(--parvis-color-success, #18753c));
    --_danger: var(--parvis-poll-danger-color, var(--parvis-color-danger, #c9191e));
    --_track: ${track};
    --_accent: var(--parvis-poll-accent-color, ${primary});
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
  }

  .options legend {
    margin-block-end: calc(${space} * 0.5);
  }

  .status:focus {
    outline-offset: 2px;
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
  }

  .bone-button {
    display: block;
    inline-size: 7rem;
    block-size: 2.75rem;
  }

  @media (forced-colors: active) {
    .track {
      border: 1px solid CanvasText;
    }

    .bar {
      background: Highlight;
      forced-color-adjust: none;
    }
  }
`;
