import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { HttpResponse } from 'msw';
import { queued, replay } from '../../src/client/outbox.js';
import '../../src/elements/vote/define.js';
import { error, startApi, worker } from './support/api.js';
import { FakeSubjects, goOffline, part, renderVote, shown, text, untilState } from './support/vote-api.js';

before(startApi);
afterEach(() => {
  worker.resetHandlers();
  // A test that failed while offline must not leave the next one offline.
  delete (navigator as { onLine?: boolean }).onLine;
});

describe('<parvis-vote> offline', () => {
  it('a vote made offline shows at once, is queued as "will be sent", then sent once back online', async () => {
    const server = new FakeSubjects().add('hors-ligne-soutien', { up: 20 }).listen();
    const el = await renderVote({ subject: 'hors-ligne-soutien' });
    await untilState(el, 'ready');
    const backOnline = goOffline();
    part(el, 'support')!.click();
    await untilState(el, 'queued');
    expect(part(el, 'support')!.getAttribute('aria-pressed')).to.equal('true');
    expect(shown(part(el, 'support'))).to.equal('✓ J’appuie · 21');
    expect(text(part(el, 'notice'))).to.equal('En attente de connexion : votre vote sera envoyé dès que possible.');
    expect(text(part(el, 'status'))).to.equal(
      'Vous semblez hors ligne : votre vote sera envoyé dès le retour de la connexion.',
    );
    expect(server.received).to.have.length(0);
    const [entry] = await queued();
    expect(entry).to.include({ operation: 'setSubjectVote', target: 'hors-ligne-soutien' });
    expect(entry.body).to.deep.equal({ value: 1, mode: 'support' });
    await expect(el).to.be.accessible();

    const voted = oneEvent(el, 'parvis-voted');
    backOnline();
    expect((await voted).detail).to.deep.include({ subject: 'hors-ligne-soutien', value: 1 });
    await untilState(el, 'pressed');
    expect(server.received.map((vote) => vote.idempotencyKey)).to.deep.equal([entry.key]);
    expect(server.subjects.get('hors-ligne-soutien')!.up).to.equal(21);
    expect(part(el, 'notice')).to.equal(null);
    expect(text(part(el, 'status'))).to.equal('Votre vote en attente a été envoyé.');
    expect(await queued()).to.deep.equal([]);
  });

  it('a vote whose request fails on the network is queued with its key, and replayed with the same key', async () => {
    let network = false;
    const server = new FakeSubjects()
      .add('reseau-coupe', { mode: 'updown' })
      .listen({ refuse: () => (network ? undefined : HttpResponse.error()) });
    const el = await renderVote({ subject: 'reseau-coupe', mode: 'updown' });
    await untilState(el, 'ready');
    part(el, 'down')!.click();
    await untilState(el, 'queued');
    expect(part(el, 'down')!.getAttribute('aria-pressed')).to.equal('true');
    network = true;
    dispatchEvent(new Event('online'));
    await untilState(el, 'pressed');
    expect(server.received).to.have.length(2);
    expect(server.received[1].idempotencyKey).to.equal(server.received[0].idempotencyKey);
    expect(server.received[1].voter).to.equal(server.received[0].voter);
    expect(server.view('reseau-coupe')).to.include({ down: 1, mine: -1 });
  });

  it('changing one’s mind offline keeps only the latest vote in the outbox', async () => {
    const server = new FakeSubjects().add('avis-change', { up: 5 }).listen();
    const el = await renderVote({ subject: 'avis-change' });
    await untilState(el, 'ready');
    const backOnline = goOffline();
    part(el, 'support')!.click();
    await untilState(el, 'queued');
    part(el, 'support')!.click();
    await waitUntil(() => el.state === 'queued' && part(el, 'support')!.getAttribute('aria-pressed') === 'false');
    await waitUntil(async () => (await queued()).length === 1, 'the first vote stayed in the outbox');
    const [kept] = await queued();
    expect(kept.body).to.deep.equal({ value: 0, mode: 'support' });
    backOnline();
    await untilState(el, 'ready');
    expect(server.received.map(({ body }) => body.value)).to.deep.equal([0]);
    expect(server.subjects.get('avis-change')!.up).to.equal(5);
  });

  it('a comment written offline is kept and sent with its answer', async () => {
    const server = new FakeSubjects().listen();
    const el = await renderVote({ subject: 'commentaire-hors-ligne', mode: 'helpful' });
    await untilState(el, 'ready');
    const backOnline = goOffline();
    part(el, 'no')!.click();
    await untilState(el, 'queued');
    const field = part<HTMLTextAreaElement>(el, 'comment')!;
    field.value = 'Le formulaire ne s’ouvre pas.';
    field.dispatchEvent(new Event('input'));
    part(el, 'send')!.click();
    await waitUntil(() => part(el, 'comment-form') === null);
    expect(text(part(el, 'comment-sent'))).to.equal('Votre commentaire : Le formulaire ne s’ouvre pas.');
    expect(text(part(el, 'notice'))).to.equal('En attente de connexion : votre vote sera envoyé dès que possible.');
    await expect(el).to.be.accessible();
    backOnline();
    await untilState(el, 'pressed');
    expect(server.comments).to.deep.equal([
      { key: 'commentaire-hors-ligne', value: -1, comment: 'Le formulaire ne s’ouvre pas.' },
    ]);
    expect(await queued()).to.deep.equal([]);
  });

  it('a queued vote the server refuses is rolled back and explained instead of vanishing', async () => {
    const server = new FakeSubjects().add('refus-differe', { up: 2 }).listen();
    const el = await renderVote({ subject: 'refus-differe' });
    await untilState(el, 'ready');
    const backOnline = goOffline();
    part(el, 'support')!.click();
    await untilState(el, 'queued');
    server.subjects.get('refus-differe')!.closed = true;
    const failed = oneEvent(el, 'parvis-error');
    backOnline();
    expect((await failed).detail).to.include({ code: 'subject_closed', operation: 'setSubjectVote' });
    await untilState(el, 'closed');
    expect(text(part(el, 'error'))).to.equal('Ce vote est clos : il n’accepte plus de réponses.');
    expect(shown(part(el, 'closed'))).to.equal('2 soutiens Vote clos.');
    await waitUntil(async () => (await queued()).length === 0, 'the refused vote stayed in the outbox');
  });

  it('a queued vote stays queued while the server fails, and is sent once it recovers', async () => {
    let failing = true;
    const server = new FakeSubjects()
      .add('serveur-en-panne', { up: 1 })
      .listen({ refuse: () => (failing ? error(503, 'unavailable', 'Maintenance.') : undefined) });
    const el = await renderVote({ subject: 'serveur-en-panne' });
    await untilState(el, 'ready');
    const backOnline = goOffline();
    part(el, 'support')!.click();
    await untilState(el, 'queued');
    backOnline();
    await waitUntil(() => server.received.length >= 1);
    await replay();
    expect(el.state).to.equal('queued');
    const [kept] = await queued();
    expect(kept.refused).to.equal(undefined);

    failing = false;
    dispatchEvent(new Event('online'));
    await untilState(el, 'pressed');
    expect(new Set(server.received.map((vote) => vote.idempotencyKey))).to.deep.equal(new Set([kept.key]));
    expect(server.subjects.get('serveur-en-panne')!.up).to.equal(2);
  });
});
