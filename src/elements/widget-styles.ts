import { css } from 'lit';

/**
 * What the poll, the budget and the idea box share — buttons, messages,
 * choices and the loading placeholder — composed into their `static styles`
 * before their own rules. The rules read local properties that each widget
 * sets on its container from its own component tokens (`--parvis-poll-*`,
 * `--parvis-budget-*`…), so that every token keeps its name and fallback
 * while the rules exist once:
 *
 * - `--_space`, `--_radius`: the spacing unit and corner radius;
 * - `--_button-color`, `--_button-text-color`: filled buttons;
 * - `--_success`, `--_danger`: confirmations and errors;
 * - `--_track`: the loading placeholder;
 * - `--_accent`: radio buttons and checkboxes.
 */
export const widgetStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 0.5);
  }

  .button {
    min-block-size: 2.75rem;
    padding: 0.5em 1.25em;
    border: 2px solid var(--_button-color);
    border-radius: var(--_radius);
    background: var(--_button-color);
    color: var(--_button-text-color);
    font: inherit;
    font-weight: 700;
    cursor: pointer;
  }

  .button.secondary {
    background: transparent;
    color: var(--_button-color);
  }

  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.8;
  }

  .status:not(:empty) {
    padding: calc(var(--_space) * 0.5);
    border-inline-start: 4px solid var(--_success);
  }

  .error-box {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.5);
  }

  .error {
    color: var(--_danger);
    font-weight: 700;
  }

  fieldset {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    min-inline-size: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }

  .option {
    display: flex;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.5);
  }

  .option input {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    margin: 0.125em 0 0;
    accent-color: var(--_accent);
  }

  .option label {
    flex: 1;
    cursor: pointer;
  }

  .skeleton {
    user-select: none;
  }

  .bone {
    border-radius: var(--_radius);
    background: var(--_track);
    box-decoration-break: clone;
  }

  .filler {
    visibility: hidden;
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

    .bone {
      border: 1px solid CanvasText;
    }
  }
`;
