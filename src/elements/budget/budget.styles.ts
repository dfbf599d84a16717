import { css } from 'lit';

export const space = css`var(--parvis-budget-space, var(--parvis-space, 1rem))`;
export const radius = css`var(--parvis-budget-radius, var(--parvis-radius, 0.25rem))`;
export const primary = css`var(--parvis-color-primary, #000091)`;
export const surface = css`var(--parvis-budget-surface, var(--parvis-color-surface, #fff))`;
export const border = css`var(--parvis-budget-border-color, var(--parvis-color-border, #757575))`;
export const muted = css`var(--parvis-budget-muted-color, var(--parvis-color-muted, #595959))`;
export const success = css`var(--parvis-budget-success-color, var(--parvis-color-success, #18753c))`;
export const danger = css`var(--parvis-budget-danger-color, var(--parvis-color-danger, #c9191e))`;
export const track = css`var(--parvis-budget-track-color, #e3e3fd)`;
export const button = css`var(--parvis-budget-button-color, ${primary})`;

/**
 * The budget's layout, ballot bar and placeholder; the lists are in
 * `budget-list.styles.ts`. `.budget` sets the local properties that the
 * rules of `widget-styles.ts` read.
 */
export const budgetStyles = css`
  .budget,
  .overview,
  .review,
  .my-ballot,
  .results,
  .results-group,
  .project {
    display: flex;
    flex-direction: column;
    gap: calc(${space} * 0.5);
    min-inline-size: 0;
  }

  .budget {
    --_space: ${space};
    --_radius: ${radius};
    --_button-color: ${button};
    --_button-text-color: var(--parvis-budget-button-text-color, var(--parvis-color-on-primary, #fff));
    --_success: ${success};
    --_danger: ${danger};
    --_track: ${track};
    --_accent: var(--parvis-budget-accent-color, ${primary});
    gap: ${space};
    padding: ${space};
    border: 1px solid ${border};
    border-radius: ${radius};
    background: ${surface};
    overflow-wrap: anywhere;
  }

  .title {
    font-size: 1.25em;
    font-weight: 700;
  }

  .total,
  .step-heading,
  .project-title,
  .ballot-heading,
  .group-heading {
    font-weight: 700;
  }

  .step-heading {
    font-size: 1.125em;
  }

  .description,
  .notice,
  .hint,
  .muted,
  .facts,
  .shown,
  .count {
    color: ${muted};
  }

  .rules {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  label,
  summary {
    cursor: pointer;
  }

  .ballot {
    display: flex;
    flex-direction: column;
    gap: calc(${space} * 0.5);
    padding: calc(${space} * 0.75);
    border: 2px solid ${button};
    border-radius: ${radius};
    background: ${surface};
  }

  /* Kept in view while scrolling the projects, where the screen is tall enough not to be covered by it. */
  @media (min-height: 40em) {
    .ballot {
      position: sticky;
      inset-block-end: 0;
      z-index: 1;
    }

    /*
     * Moving through the projects by keyboard, a sticky bar would cover the
     * control that has focus (WCAG 2.4.11): it then keeps its place after the
     * list. The total is still announced at each change.
     */
    .budget:has([part~='projects'] :focus-visible) .ballot {
      position: static;
    }
  }

  .meter {
    position: relative;
    display: block;
    block-size: 0.75rem;
    border: 1px solid ${border};
    border-radius: ${radius};
    background: ${track};
    overflow: hidden;
  }

  .meter-bar {
    display: block;
    block-size: 100%;
    inline-size: calc(var(--parvis-fill, 0) * 100%);
    background: var(--parvis-budget-meter-color, ${primary});
    transition: inline-size 0.3s ease-out;
  }

  /* The minimum share to spend: a dark line with a light halo, seen on the filled part and on the track. */
  .meter-minimum {
    position: absolute;
    inset-block: 0;
    inset-inline-start: calc(var(--parvis-at, 0) * 100%);
    inline-size: 3px;
    background: var(--parvis-color-text, #1e1e1e);
    box-shadow: 0 0 0 1px ${surface};
  }

  .spent {
    display: flex;
    flex-wrap: wrap;
    gap: 0 ${space};
    font-variant-numeric: tabular-nums;
  }

  .left {
    font-weight: 700;
  }

  .chosen-list {
    gap: 0.25em;
  }

  .chosen-project,
  .result {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 ${space};
  }

  .chosen-total {
    font-weight: 700;
  }

  .button {
    align-self: flex-start;
  }

  .skeleton {
    min-block-size: var(--parvis-budget-min-block-size, 36rem);
  }

  .bone-image {
    display: block;
    aspect-ratio: 16 / 9;
  }

  .bone-button {
    display: block;
    inline-size: 10rem;
    block-size: 2.75rem;
  }

  @media (forced-colors: active) {
    .meter {
      border: 1px solid CanvasText;
    }

    .meter-bar {
      background: Highlight;
      forced-color-adjust: none;
    }

    .meter-minimum {
      background: CanvasText;
      forced-color-adjust: none;
    }
  }
`;
