import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { API, startApi, worker } from './support/api.js';
import { FakeIdeaServer, ideas, makeBox, part, parts, text, untilBox } from './support/idea-api.js';
import type { ParvisIdeaBox } from '../../src/elements/idea-box/idea-box.js';

before(async () => {
  await startApi();
  // The script-tag entry configures localisation, as on a webmaster's page.
  await import('../../src/parvis.js');
});
afterEach(() => worker.resetHandlers());

it('speaks English, with English plurals and dates, when the page is in English', async () => {
  const box = makeBox({ closesAt: '2030-12-31T18:00:00+01:00' });
  new FakeIdeaServer(
    box,
    ideas(1, () => ({ supports: 1, authorName: 'Sam' })),
  ).listen();
  const el = await fixture<ParvisIdeaBox>(
    html`<div lang="en-GB"><parvis-idea-box box=${box.id} api=${API}></parvis-idea-box></div>`,
  ).then((div) => div.firstElementChild as ParvisIdeaBox);
  await untilBox(el, 'open');
  await waitUntil(() => text(part(el, 'submit')) === 'Send my idea', 'the strings never switched to English');
  const date = (iso: string) =>
    new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
  expect(parts(el, 'heading').map(text)).to.deep.equal(['Propose an idea', 'Proposed ideas']);
  expect(text(part(el, 'notice'))).to.equal(`You can propose and support ideas until ${date(box.closesAt!)}.`);
  expect(text(part(el, 'count'))).to.equal('1 idea');
  expect(text(part(el, 'support-count'))).to.equal('1 supporter');
  expect(text(part(el, 'idea-meta'))).to.equal(`Proposed by Sam on ${date(ideas(1)[0].createdAt)} Mobilité`);
  expect(text(part(el, 'char-count'))).to.equal('You have 2,000 characters remaining.');
  await expect(el).to.be.accessible();
});
