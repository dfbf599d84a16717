import { expect } from '@open-wc/testing';
import { createStore, keys } from 'idb-keyval';
import { FakeServer, makePoll, queueFromEarlierVisit, startApi, worker } from './support/api.js';
import { renderPoll, until } from './support/render.js';

before(startApi);
afterEach(() => worker.resetHandlers());

// A fresh page (each test file has its own): a previous visit left a vote in the outbox.
it('replays a vote queued on a previous page load as soon as a widget loads', async () => {
  await queueFromEarlierVisit();
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
  expect(await keys(createStore('parvis', 'outbox'))).to.deep.equal([]);
});
