// examples/html: the page a webmaster writes — the element in the markup, the script tag, and a page script
// that listens to the widget's events.
import { expect, waitUntil } from '@open-wc/testing';
import type { ParvisPoll } from '../../src/elements/poll/poll.js';
import { API, FakeServer, makePoll, startApi, worker } from './support/api.js';
import { choose, submit, text, until } from './support/dom.js';
import { optionsShown } from './support/examples.js';
import '../../examples/html/app.js';

/** The example's page: its markup as written, the script tag's entry from the sources. */
async function openExample(): Promise<{ main: HTMLElement; poll: ParvisPoll }> {
  const source = await (await fetch('/examples/html/index.html')).text();
  const page = new DOMParser().parseFromString(source, 'text/html');
  expect(page.querySelector('script[type="module"][src$="/parvis.js"]'), 'the snippet’s script tag').to.exist;
  const main = document.importNode(page.querySelector('main')!, true);
  main.lang = page.documentElement.lang;
  document.body.append(main);
  const poll = main.querySelector('parvis-poll') as ParvisPoll;
  await waitUntil(() => customElements.get('parvis-poll'), 'the autoloader never defined <parvis-poll>', {
    timeout: 5000,
  });
  return { main, poll };
}

before(async () => {
  await startApi();
  await import('parvis');
  // On the city's page, the API is the server that served parvis.js; here it is the mocked one.
  window.Parvis!.configure({ api: API });
});
afterEach(() => worker.resetHandlers());

describe('examples/html', () => {
  it('the page’s own script shows what comes next once parvis-voted reaches the document', async () => {
    const server = new FakeServer(makePoll()).listen();
    const { main, poll } = await openExample();
    const next = main.querySelector<HTMLElement>('#next-step')!;
    expect(next.hidden).to.equal(true);
    await until(poll, 'open');
    await optionsShown(poll);
    choose(poll, 'Une aire de jeux');
    await submit(poll);
    await until(poll, 'voted');
    await waitUntil(() => !next.hidden, 'the page never showed its next step');
    expect(text(next)).to.contain('Une réunion publique présentera les résultats');
    expect(server.received[0].choices).to.deep.equal(['aire-de-jeux']);
    await expect(main).to.be.accessible();
    main.remove();
  });
});
