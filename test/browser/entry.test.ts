import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeServer, makePoll, startApi, worker } from './support/api.js';
import { part, text, until } from './support/dom.js';
import type { ParvisPoll } from '../../src/elements/poll/poll.js';

function captureWarnings(): { messages: string[]; restore(): void } {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

before(async () => {
  await startApi();
  // The entry runs as on a webmaster's page: nothing is defined until the tag appears.
  await import('../../src/parvis.js');
  window.Parvis!.configure({ api: 'https://api.parvis.test' });
});
afterEach(() => worker.resetHandlers());

describe('parvis.js, the script-tag entry', () => {
  it('exposes Parvis.configure and its version, and defines nothing before a tag appears', () => {
    expect(window.Parvis!.version).to.match(/^\d+\.\d+\.\d+/);
    expect(window.Parvis!.configure).to.be.a('function');
    expect(customElements.get('parvis-poll')).to.equal(undefined);
  });

  it('loads an element’s code the first time its tag is added to the page, and renders it in English', async () => {
    new FakeServer(makePoll()).listen();
    const definedAt = customElements.whenDefined('parvis-poll').then(() => performance.now());
    const el = await fixture<ParvisPoll>(
      html`<div lang="en">
        <parvis-poll poll="parc-des-tilleuls"><a href="#">Answer the poll</a></parvis-poll>
      </div>`,
    ).then((div) => div.firstElementChild as ParvisPoll);
    // The first, uncached download of a chunk through the test server may take more than a second.
    await waitUntil(() => customElements.get('parvis-poll'), 'parvis-poll was never defined', { timeout: 5000 });
    await until(el, 'open');
    await waitUntil(() => text(part(el, 'submit')) === 'Vote', 'the strings never switched to English', {
      timeout: 5000,
    });
    expect(text(part(el, 'hint'))).to.equal('Choose one answer.');
    // The poll was read once, and that read started while the element's code was still on its way.
    const reads = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name === 'https://api.parvis.test/v1/polls/parc-des-tilleuls');
    expect(reads).to.have.length(1);
    expect(reads[0].startTime).to.be.below(await definedAt);
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal(
      'Que souhaitez-vous pour le parc des Tilleuls ?',
    );
    await expect(el).to.be.accessible();
  });

  it('formats numbers, percentages and dates for English readers', async () => {
    new FakeServer(
      makePoll({ status: 'closed', resultsVisibility: 'always' }),
      { kiosque: 1, 'aire-de-jeux': 1234 },
      1235,
    ).listen();
    const el = await fixture<ParvisPoll>(html`<parvis-poll lang="en" poll="parc-des-tilleuls"></parvis-poll>`);
    await until(el, 'closed');
    const counts = [...el.shadowRoot!.querySelectorAll('[part~="count"]')].map(text);
    expect(counts).to.deep.equal(['1,234 votes · 100%', '0 votes · 0%', '1 vote · 0%']);
    expect(text(part(el, 'total'))).to.equal('Total: 1,235 participants');
    expect(text(part(el, 'notice'))).to.match(/^This poll closed on December 31, 2026 at /);
  });

  it('a second definition of a tag warns instead of throwing', async () => {
    const { ParvisPoll } = await import('../../src/elements/poll/define.js');
    const warnings = captureWarnings();
    try {
      expect(() => ParvisPoll.define('parvis-poll')).not.to.throw();
      class AnotherVersion extends ParvisPoll {}
      expect(() => AnotherVersion.define('parvis-poll')).not.to.throw();
    } finally {
      warnings.restore();
    }
    expect(warnings.messages).to.have.length(2);
    expect(warnings.messages[1]).to.contain('<parvis-poll> is already defined by another script');
    expect(customElements.get('parvis-poll')).to.equal(ParvisPoll);
  });

  it('loading parvis.js a second time warns and keeps the first copy', async () => {
    const first = window.Parvis;
    const warnings = captureWarnings();
    try {
      // A second URL makes the browser evaluate the entry again, as a second script tag or version would.
      const secondCopy = '../../src/parvis.ts?copy=2';
      await import(secondCopy);
    } finally {
      warnings.restore();
    }
    expect(window.Parvis).to.equal(first);
    expect(warnings.messages.join()).to.contain('already loaded on this page');
  });
});
