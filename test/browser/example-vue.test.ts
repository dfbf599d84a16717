// examples/vue: the poll in a Vue single-file component, compiled with `parvis-*` tags as custom elements.
import { expect, waitUntil } from '@open-wc/testing';
import { configure } from 'parvis/client';
import { createApp, nextTick } from 'vue';
import type { ParvisPoll } from '../../src/elements/poll/poll.js';
import PollCard from '../../examples/vue/PollCard.vue';
import { API, FakeServer, makePoll, startApi, worker } from './support/api.js';
import { choose, part, submit, text, until } from './support/dom.js';
import { optionsShown } from './support/examples.js';

before(async () => {
  await startApi();
  configure({ api: API });
});
afterEach(() => worker.resetHandlers());

function mount(onVoted?: (detail: { choices: string[] }) => void) {
  const container = document.createElement('div');
  document.body.append(container);
  const warnings: string[] = [];
  const app = createApp(PollCard, { pollId: 'parc-des-tilleuls', onVoted });
  app.config.warnHandler = (message) => warnings.push(message);
  app.mount(container);
  const poll = container.querySelector('parvis-poll') as ParvisPoll;
  return {
    container,
    poll,
    warnings,
    remove() {
      app.unmount();
      container.remove();
    },
  };
}

describe('examples/vue', () => {
  it('renders the poll with the properties Vue set, and shows the choice Vue heard from parvis-voted', async () => {
    const server = new FakeServer(makePoll()).listen();
    const heard: Array<{ choices: string[] }> = [];
    const { container, poll, warnings, remove } = mount((detail) => heard.push(detail));
    expect(poll.poll).to.equal('parc-des-tilleuls');
    expect(poll.timeout, 'a number property, not an attribute').to.equal(8000);
    expect(poll.hasAttribute('timeout')).to.equal(false);
    await until(poll, 'open');
    await optionsShown(poll);

    choose(poll, 'Un kiosque à musique');
    await submit(poll);
    await until(poll, 'voted');
    await waitUntil(() => container.querySelector('.poll-card-chosen'), 'Vue never showed the choice');
    expect(text(container.querySelector('.poll-card-chosen'))).to.equal('Vous avez choisi : Un kiosque à musique.');
    expect(heard.map((detail) => detail.choices)).to.deep.equal([['kiosque']]);
    expect(server.received[0].choices).to.deep.equal(['kiosque']);
    expect(warnings, 'Vue knows <parvis-poll> is not one of its components').to.deep.equal([]);
    await expect(container).to.be.accessible();
    remove();
  });

  it('hears parvis-error when the poll cannot be read', async () => {
    new FakeServer(makePoll({ id: 'autre-sondage' })).listen();
    const { container, poll, remove } = mount();
    await until(poll, 'error');
    expect(text(part(poll, 'error'))).to.not.equal('');
    await nextTick();
    await waitUntil(() => container.querySelector('.poll-card-failure'), 'Vue never heard the error');
    expect(text(container.querySelector('.poll-card-failure'))).to.contain('poll_not_found');
    remove();
  });
});
