import { expect } from '@open-wc/testing';
import { createStore, keys, set } from 'idb-keyval';
import { FakeServer, API, makePoll, startApi, worker } from './support/api.js';
import { renderPoll, until } from './support/render.js';

before(startApi);
afterEach(() => worker.resetHandlers());

// A fresh page (each test file has its own): a previous visit left a vote in the outbox.
it('replays a vote queued on a previous page load as soon as a widget loads', async () => {
  localStorage.setItem('parvis:voter', 'previous-visit-voter-token');
  const store = createStore('parvis', 'outbox');
  await set(
    'queued-on-a-previous-visit',
    {
      key: 'queued-on-a-previous-visit',
      operation: 'castPollVote',
      api: API,
      pollId: 'parc-des-tilleuls',
      choices: ['kiosque'],
      queuedAt: '2026-03-01T10:00:00.000Z',
    },
    store,
  );
  const server = new FakeServer(makePoll()).listen();
  const el = await renderPoll();
  await until(el, 'voted');
  expect(server.received).to.deep.equal([
    {
      choices: ['kiosque'],
      voter: 'previous-visit-voter-token',
      idempotencyKey: 'queued-on-a-previous-visit',
      authorization: null,
    },
  ]);
  expect(el.data!.myVote!.choices).to.deep.equal(['kiosque']);
  expect(await keys(store)).to.deep.equal([]);
});
