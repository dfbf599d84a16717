import { css } from 'lit';

/**
 * Composed into every element. Tokens are read with their fallback where they
 * are used, never declared on `:host`, so that values a page sets on `:root`
 * or any ancestor reach the element.
 */
export const sharedStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--parvis-color-text, #1e1e1e);
    font-family: var(--parvis-font-family, inherit);
    font-size: var(--parvis-font-size, 1rem);
    line-height: 1.5;
    /* Unset, the token leaves the page's own scheme inherited; a theme sets it for dark native controls. */
    color-scheme: var(--parvis-color-scheme);
  }

  /*
   * A page's text settings reach the widget by inheritance, and a page rule
   * that selects the element itself (a reset on \`*\`, \`.news *\`) wins over
   * \`:host\`. The widget's root sets them back, so they stop at its edge; a
   * page that wants one of them changed says so with \`::part(base)\`.
   */
  [part~='base'] {
    box-sizing: border-box;
    color: var(--parvis-color-text, #1e1e1e);
    font-style: normal;
    font-variant: normal;
    font-weight: 400;
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-align: start;
    text-indent: 0;
    text-transform: none;
    text-shadow: none;
    white-space: normal;
    word-break: normal;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  p {
    margin: 0;
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px !important;
    block-size: 1px !important;
    margin: -1px !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  :focus-visible {
    outline: var(--parvis-focus-ring, 3px solid #0a76f6);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :focus-visible {
      outline: 3px solid Highlight;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
