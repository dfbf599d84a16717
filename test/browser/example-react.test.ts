// examples/react: the poll in a React 19 component, which sets its properties and hears its events.
import { expect, waitUntil } from '@open-wc/testing';
import { configure } from 'parvis/client';
import type { ParvisPoll } from '../../src/elements/poll/poll.js';
import { API, FakeServer, makePoll, startApi, worker } from './support/api.js';
import { choose, part, submit, text, until } from './support/dom.js';
import { optionsShown } from './support/examples.js';
import { renderPollCard } from './support/react-root.jsx';

before(async () => {
  await startApi();
  configure({ api: API });
});
afterEach(() => worker.resetHandlers());

function mount(onVoted?: (detail: { pollId: string; choices: string[] }) => void) {
  const container = document.createElement('div');
  document.body.append(container);
  const root = renderPollCard(container, { pollId: 'parc-des-tilleuls', onVoted });
  const poll = container.querySelector('parvis-poll') as ParvisPoll;
  return {
    container,
    poll,
    remove() {
      root.unmount();
      container.remove();
    },
  };
}

describe('examples/react', () => {
  it('renders the poll with the properties React set, and shows the choice React heard from parvis-voted', async () => {
    const server = new FakeServer(makePoll()).listen();
    const heard: Array<{ pollId: string; choices: string[] }> = [];
    const { container, poll, remove } = mount((detail) => heard.push(detail));
    expect(poll.poll).to.equal('parc-des-tilleuls');
    expect(poll.timeout, 'a number property, not an attribute').to.equal(8000);
    expect(poll.hasAttribute('timeout')).to.equal(false);
    await until(poll, 'open');
    await optionsShown(poll);
    expect(text(poll.shadowRoot!.querySelector('legend'))).to.equal(makePoll().question);

    choose(poll, 'Un jardin partagé');
    await submit(poll);
    await until(poll, 'voted');
    await waitUntil(() => container.querySelector('.poll-card-chosen'), 'React never showed the choice');
    expect(text(container.querySelector('.poll-card-chosen'))).to.equal('Vous avez choisi : Un jardin partagé.');
    expect(heard).to.have.length(1);
    expect(heard[0].choices).to.deep.equal(['jardin-partage']);
    expect(server.received[0].choices).to.deep.equal(['jardin-partage']);
    await expect(container).to.be.accessible();
    remove();
  });

  it('hears parvis-error when the poll cannot be read', async () => {
    new FakeServer(makePoll({ id: 'autre-sondage' })).listen();
    const { container, poll, remove } = mount();
    await until(poll, 'error');
    expect(text(part(poll, 'error'))).to.not.equal('');
    await waitUntil(() => container.querySelector('.poll-card-failure'), 'React never heard the error');
    expect(text(container.querySelector('.poll-card-failure'))).to.contain('poll_not_found');
    remove();
  });
});
