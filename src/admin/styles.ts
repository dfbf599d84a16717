import { css } from 'lit';

/**
 * The console's look, composed into every screen after the shared styles:
 * the French State's colours (DSFR), controls of at least 44 px, text that
 * reflows at 400 % zoom, and borders that stay visible in forced colours.
 */
export const adminStyles = css`
  :host {
    --admin-primary: #000091;
    --admin-primary-hover: #1212ff;
    --admin-text: #1e1e1e;
    --admin-muted: #555;
    --admin-border: #757575;
    --admin-surface: #fff;
    --admin-light: #f6f6f6;
    --admin-danger: #c9191e;
    --admin-success: #18753c;
    --admin-track: #e3e3fd;
    color: var(--admin-text);
    overflow-wrap: break-word;
  }

  h1,
  h2,
  h3 {
    margin: 0 0 0.75rem;
    line-height: 1.25;
  }

  h1 {
    font-size: 2rem;
  }

  h2 {
    margin-block-start: 2rem;
    font-size: 1.5rem;
  }

  h3 {
    font-size: 1.25rem;
  }

  p,
  ul,
  ol,
  dl {
    margin: 0 0 1rem;
  }

  a {
    color: var(--admin-primary);
    text-underline-offset: 0.2em;
  }

  a:hover {
    text-decoration-thickness: 2px;
  }

  .lede,
  .hint,
  .muted {
    color: var(--admin-muted);
  }

  .hint {
    display: block;
    margin-block-end: 0.25rem;
    font-size: 0.9375rem;
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin-block: 1rem;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-block-size: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--admin-primary);
    border-radius: 0.25rem;
    background: var(--admin-primary);
    color: #fff;
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
  }

  .button:hover {
    border-color: var(--admin-primary-hover);
    background: var(--admin-primary-hover);
  }

  .button.secondary {
    background: var(--admin-surface);
    color: var(--admin-primary);
  }

  .button.secondary:hover {
    background: #f5f5fe;
  }

  .button.danger {
    border-color: var(--admin-danger);
    background: var(--admin-danger);
    color: #fff;
  }

  .button.danger.secondary {
    background: var(--admin-surface);
    color: var(--admin-danger);
  }

  .button[aria-disabled='true'] {
    cursor: progress;
  }

  .table-scroll {
    max-inline-size: 100%;
    overflow-x: auto;
    margin-block-end: 1.5rem;
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
  }

  caption {
    margin-block-end: 0.5rem;
    font-weight: 700;
    text-align: start;
  }

  th,
  td {
    padding: 0.5rem 0.75rem;
    border-block-end: 1px solid var(--admin-border);
    text-align: start;
    vertical-align: top;
  }

  thead th {
    border-block-end-width: 2px;
    background: var(--admin-light);
  }

  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  .status {
    display: inline-block;
    padding: 0 0.5rem;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    font-weight: 600;
    white-space: nowrap;
  }

  .status.open {
    color: var(--admin-success);
  }

  .status.closed {
    color: var(--admin-muted);
  }

  .status.upcoming {
    color: var(--admin-primary);
  }

  dl.facts {
    display: grid;
    grid-template-columns: minmax(10rem, max-content) 1fr;
    gap: 0.25rem 1.5rem;
  }

  dl.facts dt {
    font-weight: 600;
  }

  dl.facts dd {
    margin: 0;
  }

  @media (max-width: 40rem) {
    dl.facts {
      grid-template-columns: 1fr;
    }

    dl.facts dd {
      margin-block-end: 0.5rem;
    }
  }

  form {
    max-inline-size: 44rem;
  }

  .field,
  fieldset {
    margin: 0 0 1.5rem;
  }

  fieldset {
    min-inline-size: 0;
    padding: 0;
    border: 0;
  }

  legend,
  label {
    display: block;
    font-weight: 600;
  }

  legend {
    margin-block-end: 0.5rem;
    padding: 0;
    font-size: 1.125rem;
  }

  input[type='text'],
  input[type='password'],
  input[type='number'],
  input[type='datetime-local'],
  input[type='date'],
  input[type='url'],
  select,
  textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 2.75rem;
    margin-block-start: 0.25rem;
    padding: 0.5rem;
    border: 1px solid var(--admin-text);
    border-radius: 0.25rem;
    background: var(--admin-surface);
    color: inherit;
    font: inherit;
  }

  input[type='number'] {
    max-inline-size: 8rem;
  }

  textarea {
    min-block-size: 6rem;
    resize: vertical;
  }

  [aria-invalid='true'] {
    border: 2px solid var(--admin-danger);
  }

  .choice {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
    font-weight: 400;
  }

  .choice input {
    flex: none;
    inline-size: 1.25rem;
    block-size: 1.25rem;
    margin: 0.15rem 0 0;
    accent-color: var(--admin-primary);
  }

  .choice label {
    font-weight: 400;
  }

  .option-row .actions {
    margin-block: 0.25rem 0;
  }

  .option-row input {
    flex: 1 1 16rem;
    margin: 0;
  }

  .list-entry {
    margin-block-end: 1rem;
    padding: 0.75rem 1rem;
    border: 1px solid var(--admin-border);
    border-radius: 0.25rem;
  }

  .list-entry > .field:last-of-type,
  .list-entry fieldset {
    margin-block-end: 0.75rem;
  }

  .field-error {
    margin: 0.25rem 0;
    color: var(--admin-danger);
    font-weight: 600;
  }

  .field.invalid,
  fieldset.invalid {
    padding-inline-start: 0.75rem;
    border-inline-start: 4px solid var(--admin-danger);
  }

  .error-summary {
    margin-block-end: 1.5rem;
    padding: 1rem;
    border: 3px solid var(--admin-danger);
  }

  .error-summary h2 {
    margin-block-start: 0;
    font-size: 1.25rem;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .error-summary a {
    color: var(--admin-danger);
    font-weight: 600;
  }

  .alert {
    margin-block: 1rem;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--admin-danger);
    background: #fef4f4;
  }

  .note {
    margin-block: 1rem;
    padding: 0.75rem 1rem;
    border-inline-start: 4px solid var(--admin-primary);
    background: #f5f5fe;
  }

  pre,
  code {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.9375rem;
  }

  @media (forced-colors: active) {
    .button,
    .status,
    .alert,
    .note {
      border: 2px solid ButtonText;
    }
  }
`;
