import { expect, oneEvent } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import { queued, replay } from '../../src/client/outbox.js';
import { FakeServer, error, makePoll, startApi, worker } from './support/api.js';
import { choose, part, renderPoll, submit, text, until } from './support/render.js';

before(startApi);
afterEach(() => worker.resetHandlers());

function goOffline(): () => void {
  const descriptor = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
    expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')).to.deep.equal(descriptor);
    dispatchEvent(new Event('online'));
  };
}

describe('<parvis-poll> offline', () => {
  it('a vote made offline is queued, shown as "will be sent", then sent once back online', async () => {
    const server = new FakeServer(makePoll()).listen();
    const el = await renderPoll();
    await until(el, 'open');
    const backOnline = goOffline();
    choose(el, 'Un jardin partagé');
    await submit(el);
    await until(el, 'queued');
    expect(text(part(el, 'status'))).to.equal(
      'Vous semblez hors ligne : votre vote sera envoyé dès le retour de la connexion.',
    );
    expect(text(part(el, 'my-vote'))).to.equal('Votre réponse : Un jardin partagé');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'status'));
    expect(server.received).to.have.length(0);
    const [entry] = await queued();
    expect(entry).to.include({ target: 'parc-des-tilleuls', operation: 'castPollVote' });
    expect(entry.body).to.deep.equal({ choices: ['jardin-partage'] });
    await expect(el).to.be.accessible();

    const voted = oneEvent(el, 'parvis-voted');
    backOnline();
    await voted;
    await until(el, 'voted');
    expect(server.received).to.have.length(1);
    expect(server.received[0].idempotencyKey).to.equal(entry.key);
    expect(await queued()).to.deep.equal([]);
    expect(text(part(el, 'status'))).to.match(/^Merci, votre vote est enregistré\./);
  });

  it('a vote whose request fails on the network is queued with its key and replayed with the same key', async () => {
    let network = false;
    const server = new FakeServer(makePoll()).listen({ vote: () => (network ? undefined : HttpResponse.error()) });
    const el = await renderPoll();
    await until(el, 'open');
    choose(el, 'Une aire de jeux');
    await submit(el);
    await until(el, 'queued');
    network = true;
    dispatchEvent(new Event('online'));
    await until(el, 'voted');
    expect(server.received).to.have.length(2);
    expect(server.received[1].idempotencyKey).to.equal(server.received[0].idempotencyKey);
    expect(server.received[1].voter).to.equal(server.received[0].voter);
  });

  it('a queued vote the server refuses shows the error instead of vanishing', async () => {
    const server = new FakeServer(makePoll()).listen();
    const el = await renderPoll();
    await until(el, 'open');
    const backOnline = goOffline();
    choose(el, 'Une aire de jeux');
    await submit(el);
    await until(el, 'queued');
    server.poll = { ...server.poll, status: 'closed' };
    server.listen({ vote: () => error(409, 'poll_closed') });
    const failed = oneEvent(el, 'parvis-error');
    backOnline();
    expect((await failed).detail.code).to.equal('poll_closed');
    await until(el, 'closed');
    expect(text(part(el, 'error'))).to.equal('Ce sondage est clos : il n’accepte plus de votes.');
    expect(await queued()).to.deep.equal([]);
  });

  it('a queued vote stays queued while the server fails, and is sent once it recovers', async () => {
    let failing = true;
    const server = new FakeServer(makePoll()).listen({
      vote: () => (failing ? error(503, 'unavailable', 'Maintenance.') : undefined),
    });
    const el = await renderPoll();
    await until(el, 'open');
    const backOnline = goOffline();
    choose(el, 'Un kiosque à musique');
    await submit(el);
    await until(el, 'queued');

    backOnline();
    await waitFor(() => server.received.length >= 1);
    // Settles the replay in flight (or runs one more, refused alike) before the server recovers.
    await replay();
    expect(el.state).to.equal('queued');
    const [kept] = await queued();
    expect(kept).to.include({ target: 'parc-des-tilleuls' });
    expect(kept.refused).to.equal(undefined);

    failing = false;
    dispatchEvent(new Event('online'));
    await until(el, 'voted');
    expect(new Set(server.received.map((vote) => vote.idempotencyKey))).to.deep.equal(new Set([kept.key]));
    expect(server.voters).to.equal(1);
    expect(await queued()).to.deep.equal([]);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).to.equal(true);
}
