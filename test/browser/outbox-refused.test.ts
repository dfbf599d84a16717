import { expect } from '@open-wc/testing';
import { queued, replay } from '../../src/client/outbox.js';
import { FakeServer, error, makePoll, queueFromEarlierVisit, startApi, worker } from './support/api.js';
import { part, renderPoll, text, until } from './support/render.js';

before(startApi);
afterEach(() => worker.resetHandlers());

// A fresh page (each test file has its own): a vote queued on an earlier visit is
// replayed on a page that does not show its poll, and the server refuses it.
it('a vote refused while its poll was not on screen is told when the poll next shows, then forgotten', async () => {
  await queueFromEarlierVisit();
  const server = new FakeServer(makePoll({ status: 'closed' })).listen({
    vote: () => error(409, 'poll_closed', 'The poll is closed.'),
  });

  await replay();
  expect(server.received).to.have.length(1);
  const [kept] = await queued();
  expect(kept.refused).to.deep.equal({ code: 'poll_closed', message: 'The poll is closed.', status: 409 });

  const el = await renderPoll();
  await until(el, 'closed');
  expect(text(part(el, 'error'))).to.equal('Ce sondage est clos : il n’accepte plus de votes.');
  await expect(el).to.be.accessible();
  await waitUntilEmpty();
  expect(server.received).to.have.length(1);
});

async function waitUntilEmpty(): Promise<void> {
  for (let i = 0; i < 100 && (await queued()).length > 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await queued()).to.deep.equal([]);
}
