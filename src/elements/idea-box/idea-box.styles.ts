import { css } from 'lit';

/** The box's tokens, each falling back to the system token, then to a default that meets WCAG contrast. */
export const space = css`var(--parvis-idea-box-space, var(--parvis-space, 1rem))`;
export const radius = css`var(--parvis-idea-box-radius, var(--parvis-radius, 0.25rem))`;
export const primary = css`var(--parvis-color-primary, #000091)`;
export const border = css`var(--parvis-idea-box-border-color, var(--parvis-color-border, #757575))`;
export const muted = css`var(--parvis-idea-box-muted-color, var(--parvis-color-muted, #595959))`;
export const danger = css`var(--parvis-idea-box-danger-color, var(--parvis-color-danger, #c9191e))`;
export const success = css`var(--parvis-idea-box-success-color, var(--parvis-color-success, #18753c))`;
export const buttonColor = css`var(--parvis-idea-box-button-color, ${primary})`;
const track = css`var(--parvis-idea-box-track-color, #e3e3fd)`;

/** The box, its list and its placeholder. `.box` sets the local properties that the rules of `widget-styles.ts` read. */
export const ideaBoxStyles = css`
  .box {
    --_space: ${space};
    --_radius: ${radius};
    --_button-color: ${buttonColor};
    --_button-text-color: var(--parvis-idea-box-button-text-color, var(--parvis-color-on-primary, #fff));
    --_success: ${success};
    --_danger: ${danger};
    --_track: ${track};
    --_accent: var(--parvis-idea-box-accent-color, ${primary});
    display: flex;
    flex-direction: column;
    gap: ${space};
    min-inline-size: 0;
    padding: ${space};
    border: 1px solid ${border};
    border-radius: ${radius};
    background: var(--parvis-idea-box-surface, var(--parvis-color-surface, #fff));
    overflow-wrap: anywhere;
  }

  .title {
    font-size: 1.25em;
    font-weight: 700;
  }

  .heading {
    font-size: 1.125em;
    font-weight: 700;
  }

  .description,
  .notice,
  .count,
  .empty,
  .idea-meta,
  .support-note {
    color: ${muted};
  }

  .section {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: calc(${space} * 0.75);
    padding-block-start: ${space};
    border-block-start: 1px solid ${border};
  }

  .section > .button {
    align-self: flex-start;
  }

  .link-button {
    min-block-size: 2.75rem;
    padding: 0.5em 0.25em;
    border: 0;
    background: none;
    color: ${buttonColor};
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(${space} * 0.75);
  }

  .filter {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-inline-size: min(100%, 12rem);
  }

  .ideas {
    display: flex;
    flex-direction: column;
    gap: ${space};
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .idea {
    /* Ideas far below the fold are laid out only when scrolled to: long lists stay quick. */
    content-visibility: auto;
    contain-intrinsic-size: auto 14rem;
  }

  .idea-card {
    display: flex;
    flex-direction: column;
    gap: calc(${space} * 0.5);
    padding: calc(${space} * 0.75);
    border: 1px solid ${border};
    border-radius: ${radius};
    background: var(--parvis-idea-box-card-surface, var(--parvis-color-surface, #fff));
  }

  .idea-title {
    font-size: 1.0625em;
    font-weight: 700;
  }

  .idea-category::before {
    content: ' · ';
  }

  .idea-status {
    align-self: flex-start;
    padding: 0.125em 0.5em;
    border-inline-start: 4px solid ${muted};
    border-radius: ${radius};
    background: ${track};
    font-size: 0.875em;
    font-weight: 700;
  }

  .status-accepted,
  .status-done {
    border-inline-start-color: ${success};
  }

  .status-rejected {
    border-inline-start-color: ${danger};
  }

  .idea-text,
  .answer-text {
    white-space: pre-line;
  }

  .answer {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    padding: calc(${space} * 0.5) calc(${space} * 0.75);
    border-inline-start: 4px solid ${primary};
    background: var(--parvis-idea-box-answer-surface, #f5f5fe);
  }

  .answer-heading {
    font-weight: 700;
  }

  .idea-actions,
  .support {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(${space} * 0.5);
  }

  .support-count {
    font-variant-numeric: tabular-nums;
  }

  .support-button.pressed .check::before {
    content: '✓ ';
  }

  .skeleton {
    min-block-size: var(--parvis-idea-box-min-block-size, 48rem);
  }

  .skeleton-body {
    display: flex;
    flex-direction: column;
    gap: calc(${space} * 0.75);
  }

  .bone-input,
  .bone-button {
    display: block;
    block-size: 2.75rem;
  }

  .bone-textarea {
    block-size: 9rem;
  }

  .bone-button {
    inline-size: 9rem;
  }

  @media (forced-colors: active) {
    .idea-status {
      border: 1px solid CanvasText;
    }

    .support-button.pressed {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
  }
`;
