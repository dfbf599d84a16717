import { css } from 'lit';
import { space, radius, surface, border, success, danger, track } from './budget.styles.js';

/** The filters, the project cards and the results. */
export const budgetListStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: calc(${space} * 0.5) ${space};
  }

  .filter {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
  }

  select {
    min-block-size: 2.75rem;
    padding: 0.25em 0.5em;
    border: 1px solid ${border};
    border-radius: ${radius};
    background: ${surface};
    color: inherit;
    font: inherit;
  }

  .project-list,
  .chosen-list,
  .result-list {
    display: grid;
    gap: calc(${space} * 0.75);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .project-list {
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
  }

  .project {
    padding: calc(${space} * 0.75);
    border: 1px solid ${border};
    border-radius: ${radius};
    background: ${surface};
  }

  .image {
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: ${radius};
    background: ${track};
  }

  .cost {
    font-variant-numeric: tabular-nums;
    font-weight: 700;
  }

  .pick {
    margin-block-start: auto;
    padding-block-start: calc(${space} * 0.5);
  }

  .pick.chosen label {
    font-weight: 700;
  }

  .fit {
    padding-inline-start: calc(${space} * 0.5);
    border-inline-start: 3px solid ${danger};
    font-size: 0.9375em;
  }

  .result {
    padding-block-end: 0.25em;
    border-block-end: 1px solid ${border};
  }

  .rank,
  .funded-mark {
    font-weight: 700;
  }

  .result-label {
    flex: 1 1 12rem;
  }

  .funded .funded-mark {
    color: ${success};
  }

  .funded .funded-mark::before {
    content: '✓ ';
  }

  .mine {
    font-weight: 700;
  }
`;
