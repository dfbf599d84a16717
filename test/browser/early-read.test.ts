import { expect } from '@open-wc/testing';
import { ApiClient, getPoll, configure, ensureVoterToken, type ParvisAdapter } from '../../src/client/index.js';
import { readPollEarly } from '../../src/client/early-read.js';
import { API, FakeServer, makePoll, startApi, worker } from './support/api.js';

before(startApi);
afterEach(() => {
  worker.resetHandlers();
  configure({ adapter: null });
});

/** A `<parvis-poll>` as the script-tag entry finds it, before the element's code has arrived. */
function tag(): Element {
  const element = document.createElement('parvis-poll');
  element.setAttribute('poll', 'parc-des-tilleuls');
  element.setAttribute('api', API);
  return element;
}

describe('early read of a poll', () => {
  it('answers the element’s first read, once; later reads go to the server', async () => {
    const server = new FakeServer(makePoll()).listen();
    readPollEarly(tag());
    const client = new ApiClient(API);
    expect((await getPoll(client, 'parc-des-tilleuls')).id).to.equal('parc-des-tilleuls');
    expect(server.reads).to.have.length(1);
    await getPoll(client, 'parc-des-tilleuls');
    expect(server.reads).to.have.length(2);
  });

  it('is not used for another voter: their own `myVote` may differ', async () => {
    const server = new FakeServer(makePoll()).listen();
    readPollEarly(tag());
    const voter = ensureVoterToken();
    await getPoll(new ApiClient(API), 'parc-des-tilleuls');
    expect(server.reads).to.have.length(2);
    expect(server.reads.map((headers) => headers.get('Parvis-Voter'))).to.have.members([null, voter]);
  });

  it('is not made when the page configured another backend', async () => {
    const server = new FakeServer(makePoll()).listen();
    const adapter: ParvisAdapter = {
      getPoll: async () => makePoll(),
      castPollVote: async () => makePoll(),
    };
    configure({ adapter });
    readPollEarly(tag());
    await getPoll(new ApiClient(API), 'parc-des-tilleuls');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.reads).to.have.length(0);
  });
});
