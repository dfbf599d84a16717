import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ParvisVote } from '../../src/elements/vote/vote.js';
import { startApi, worker } from './support/api.js';
import { FakeSubjects, part, shown, spoken, untilState } from './support/vote-api.js';

before(async () => {
  await startApi();
  // The entry runs as on a webmaster's page: nothing is defined until the tag appears.
  await import('../../src/parvis.js');
  window.Parvis!.configure({ api: 'https://api.parvis.test' });
});
afterEach(() => worker.resetHandlers());

describe('parvis.js and <parvis-vote>', () => {
  it('loads the button’s code the first time the tag appears, and speaks English on an English page', async () => {
    expect(customElements.get('parvis-vote')).to.equal(undefined);
    new FakeSubjects().add('news-open-data', { up: 1234 }).listen();
    const el = await fixture<HTMLElement>(
      html`<div lang="en"><parvis-vote subject="news-open-data" label="Open data"></parvis-vote></div>`,
    ).then((div) => div.firstElementChild as ParvisVote);
    await waitUntil(() => customElements.get('parvis-vote'), 'parvis-vote was never defined', { timeout: 4000 });
    await untilState(el, 'ready');
    await waitUntil(() => shown(part(el, 'support')) === 'I support · 1,234', 'the strings never switched to English');
    expect(spoken(part(el, 'support'))).to.equal('I support – Open data, 1,234 supporters');
    await expect(el).to.be.accessible();
  });
});
