import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ParvisBudget } from '../../src/elements/budget/budget.js';
import {
  API,
  FakeBudgetServer,
  items,
  makeBudget,
  makeResults,
  part,
  parts,
  pick,
  startApi,
  text,
  until,
  worker,
} from './support/budget-api.js';

before(async () => {
  await startApi();
  // As on a webmaster's page: the entry defines <parvis-budget> when the tag appears.
  await import('../../src/parvis.js');
  window.Parvis!.configure({ api: API });
});
afterEach(() => worker.resetHandlers());

const money = (amount: number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);

async function renderInEnglish(): Promise<ParvisBudget> {
  const div = await fixture(
    html`<div lang="en">
      <parvis-budget budget="budget-participatif-2027"><a href="#">Vote on the budget</a></parvis-budget>
    </div>`,
  );
  const el = div.firstElementChild as ParvisBudget;
  await waitUntil(() => customElements.get('parvis-budget'), '<parvis-budget> was never defined');
  return el;
}

describe('<parvis-budget> in English, loaded by parvis.js', () => {
  it('says the rules, the money and the running total in English', async () => {
    new FakeBudgetServer(makeBudget({ minSpendShare: 0.5 })).listen();
    const el = await renderInEnglish();
    await until(el, 'building');
    await waitUntil(() => text(part(el, 'review')) === 'Review my vote', 'the strings never switched to English');
    expect(text(part(el, 'total'))).to.equal(`Envelope: ${money(100_000)}.`);
    expect(items(part(el, 'rules'))).to.deep.equal([
      `Choose the projects you want to see built, within ${money(100_000)}.`,
      `Your selection must use at least 50% of the envelope (${money(50_000)}).`,
    ]);
    await pick(el, 'Piste cyclable rue des Écoles');
    expect(text(part(el, 'spent'))).to.equal(
      `Spent: ${money(60_000)} of ${money(100_000)} Left: ${money(40_000)} (1 project)`,
    );
    expect(text(el.shadowRoot!.querySelector('#fit-aire-de-jeux'))).to.equal(
      `This project costs ${money(5_000)} more than what is left in the envelope: remove another project to choose it.`,
    );
    await expect(el).to.be.accessible();
  });

  it('states the funding rule and each result in English', async () => {
    new FakeBudgetServer(makeBudget({ status: 'closed', results: makeResults() })).listen();
    const el = await renderInEnglish();
    await until(el, 'closed');
    await waitUntil(() => text(part(el, 'results-heading')) === 'Results', 'the strings never switched to English');
    expect(text(part(el, 'results-rule'))).to.equal(
      'Projects are funded in order of votes, as long as they fit in what is left of the envelope.',
    );
    expect(text(parts(el, 'result')[1])).to.equal(
      `Rank 2 Piste cyclable rue des Écoles 250 votes · ${money(60_000)} Not funded`,
    );
    expect(text(part(el, 'ballots'))).to.equal('Turnout: 412 ballots.');
  });
});
