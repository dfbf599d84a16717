import { css } from 'lit';
import { border, danger, muted, primary, radius, space, success } from './idea-box.styles.js';

/** Fields, the error summary, the confirmation and the report form. */
export const ideaFormStyles = css`
  .form {
    display: flex;
    flex-direction: column;
    gap: ${space};
  }

  .hint,
  .char-count {
    color: ${muted};
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }

  .field label,
  .filter label {
    font-weight: 700;
  }

  .field.invalid {
    padding-inline-start: calc(${space} * 0.75);
    border-inline-start: 4px solid ${danger};
  }

  input[type='text'],
  textarea,
  select {
    inline-size: 100%;
    min-block-size: 2.75rem;
    padding: 0.5em;
    border: 2px solid ${border};
    border-radius: ${radius};
    background: var(--parvis-idea-box-input-surface, var(--parvis-color-surface, #fff));
    color: inherit;
    font: inherit;
  }

  textarea {
    resize: vertical;
  }

  [aria-invalid='true'] {
    border-color: ${danger};
  }

  .field-error,
  .char-count.over {
    color: ${danger};
    font-weight: 700;
  }

  .error-summary {
    padding: ${space};
    border: 4px solid ${danger};
    border-radius: ${radius};
  }

  .error-summary-title {
    font-size: 1.125em;
    font-weight: 700;
  }

  .error-summary-list {
    margin: calc(${space} * 0.5) 0 0;
    padding: 0;
    list-style: none;
  }

  .error-summary-list a {
    color: ${danger};
    font-weight: 700;
  }

  /* Off-screen rather than display: none, which some robots skip; hidden from people and assistive technology. */
  .honeypot {
    position: absolute;
    inset-inline-start: -10000px;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
  }

  .confirmation,
  .report-done {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    padding: calc(${space} * 0.5) calc(${space} * 0.75);
    border-inline-start: 4px solid ${success};
  }

  .confirmation-title,
  .confirmation-idea {
    font-weight: 700;
  }

  .queued {
    margin: 0;
    padding: calc(${space} * 0.5) calc(${space} * 0.75);
    border-inline-start: 4px solid ${primary};
    list-style: none;
  }

  .report-form {
    display: flex;
    flex-basis: 100%;
    flex-direction: column;
    gap: calc(${space} * 0.75);
    padding: calc(${space} * 0.75);
    border: 1px solid ${border};
    border-radius: ${radius};
  }

  .options legend {
    margin-block-end: calc(${space} * 0.5);
    padding: 0;
    font-weight: 700;
  }

  .confirmation:focus,
  .report-done:focus,
  .error-summary:focus,
  .idea-title:focus {
    outline: var(--parvis-focus-ring, 3px solid #0a76f6);
    outline-offset: 2px;
  }
`;
