import { expect, oneEvent } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import { HttpResponse } from 'msw';
import { queued, replay } from '../../src/client/outbox.js';
import type { QueuedIdea } from '../../src/elements/idea-box/idea-form-controller.js';
import { API, error, startApi, worker } from './support/api.js';
import {
  BOX_ID,
  FakeIdeaServer,
  field,
  focused,
  ideas,
  makeBox,
  part,
  parts,
  renderIdeaBox,
  text,
  type,
  untilBox,
  untilForm,
  waitFor,
} from './support/idea-api.js';

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

async function fillAndSubmit(el: HTMLElement & { updateComplete: Promise<boolean> }, title: string, body: string) {
  await type(el as never, 'idea-title', title);
  await type(el as never, 'idea-body', body);
  part<HTMLButtonElement>(el, 'submit')!.click();
}

describe('<parvis-idea-box> offline', () => {
  // Runs first, on a page whose outbox no element has replayed yet.
  it('an idea queued on an earlier visit is sent, with a proof of work, as soon as the box loads', async () => {
    localStorage.setItem('parvis:voter', 'previous-visit-voter-token');
    const entry: QueuedIdea = {
      key: 'idea-queued-on-a-previous-visit',
      operation: 'submitIdea',
      api: API,
      target: BOX_ID,
      body: { title: 'Des fontaines à eau', body: 'Place de la mairie.' },
      queuedAt: '2026-03-01T10:00:00.000Z',
    };
    await set(entry.key, entry, createStore('parvis', 'outbox'));
    const server = new FakeIdeaServer(makeBox()).listen();
    const submitted = oneEvent(document, 'parvis-idea-submitted');
    const el = await renderIdeaBox();
    expect((await submitted).detail.idea.title).to.equal('Des fontaines à eau');
    await untilBox(el, 'open');
    expect(server.submissions).to.have.length(1);
    expect(server.submissions[0]).to.include({
      idempotencyKey: 'idea-queued-on-a-previous-visit',
      voter: 'previous-visit-voter-token',
      proofValid: true,
    });
    await waitFor(async () => (await queued()).length === 0);
    await waitFor(() => text(part(el, 'status')) === 'Votre idée « Des fontaines à eau » a été envoyée.', 'the news');
  });

  it('an idea written offline is kept, shown as "will be sent", then sent with its proof once back online', async () => {
    const server = new FakeIdeaServer(makeBox()).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    const backOnline = goOffline();
    await fillAndSubmit(el, 'Un abri pour les vélos', 'Devant la médiathèque.');
    await untilForm(el, 'queued');
    await waitFor(() => focused(el) === 'confirmation', 'focus on the confirmation');
    expect(text(part(el, 'confirmation'))).to.equal(
      'Vous semblez hors ligne : votre idée est gardée sur cet appareil. Elle sera envoyée dès le retour de la connexion.',
    );
    expect(text(part(el, 'queued'))).to.equal('Un abri pour les vélos : sera envoyée dès le retour de la connexion.');
    const [entry] = await queued();
    expect(entry).to.include({ operation: 'submitIdea', target: BOX_ID });
    // A challenge needs the network: the proof is solved when the idea is sent.
    expect(entry.body).to.deep.equal({ title: 'Un abri pour les vélos', body: 'Devant la médiathèque.' });
    expect(server.submissions).to.have.length(0);
    await expect(el).to.be.accessible();

    const submitted = oneEvent(el, 'parvis-idea-submitted');
    backOnline();
    expect((await submitted).detail.idea.status).to.equal('pending');
    await untilForm(el, 'submitted');
    expect(server.submissions).to.have.length(1);
    expect(server.submissions[0].idempotencyKey).to.equal(entry.key);
    expect(server.submissions[0].proofValid).to.equal(true);
    expect(part(el, 'queued')).to.equal(null);
    expect(await queued()).to.deep.equal([]);
    expect(text(part(el, 'confirmation'))).to.match(/^Merci, votre idée a bien été reçue\./);
  });

  it('an idea whose request fails on the network is queued with the proof it was sent with, and sent again under its key', async () => {
    let network = false;
    const server = new FakeIdeaServer(makeBox()).listen({ submit: () => (network ? undefined : HttpResponse.error()) });
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    await fillAndSubmit(el, 'Des bancs', 'Le long du quai.');
    await untilForm(el, 'queued');
    const [entry] = await queued();
    expect(entry.body).to.have.property('proof', server.submissions[0].body.proof);
    network = true;
    dispatchEvent(new Event('online'));
    await untilForm(el, 'submitted');
    expect(server.submissions).to.have.length(2);
    expect(server.submissions[1].idempotencyKey).to.equal(server.submissions[0].idempotencyKey);
    expect(server.submissions[1].body).to.deep.equal(server.submissions[0].body);
  });

  it('a queued idea the server refuses comes back into the form with the reason, nothing lost', async () => {
    const server = new FakeIdeaServer(makeBox()).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    const backOnline = goOffline();
    await fillAndSubmit(el, 'Un skatepark', 'Derrière le gymnase.');
    await untilForm(el, 'queued');
    server.listen({ submit: () => error(429, 'rate_limited') });
    // Too many requests: not judged, so the idea stays queued.
    backOnline();
    await waitFor(() => server.submissions.length >= 1, 'a first attempt');
    await replay();
    expect(el.formState).to.equal('queued');
    expect((await queued())[0].refused).to.equal(undefined);

    server.listen({ submit: () => error(422, 'too_many_links') });
    const failed = oneEvent(el, 'parvis-error');
    dispatchEvent(new Event('online'));
    expect((await failed).detail).to.include({ code: 'too_many_links', operation: 'submitIdea' });
    await untilForm(el, 'editing');
    expect(field(el, 'idea-title').value).to.equal('Un skatepark');
    expect(field(el, 'idea-body').value).to.equal('Derrière le gymnase.');
    expect(text(part(el, 'field-error'))).to.equal('Erreur : La description contient trop de liens : retirez-en.');
    await waitFor(async () => (await queued()).length === 0);
  });

  it('a support given offline is counted at once, marked as waiting, and sent once back online', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(1, () => ({ supports: 2 })),
    ).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    const backOnline = goOffline();
    part<HTMLButtonElement>(el, 'support')!.click();
    await waitFor(() => Boolean(part(el, 'support-note')), 'the waiting note');
    expect(part(el, 'support')!.getAttribute('aria-pressed')).to.equal('true');
    expect(text(part(el, 'support-count'))).to.equal('3 soutiens');
    expect(text(part(el, 'support-note'))).to.equal('Sera envoyé au retour de la connexion');
    await waitFor(
      () =>
        text(part(el, 'status')) ===
        'Vous semblez hors ligne : votre soutien sera envoyé dès le retour de la connexion.',
      'the announcement',
    );
    const [entry] = await queued();
    expect(entry).to.include({ operation: 'supportIdea', target: 'idee-1' });
    expect(server.supportWrites).to.have.length(0);
    await expect(el).to.be.accessible();

    backOnline();
    await waitFor(() => !part(el, 'support-note'), 'the note gone');
    expect(server.supportWrites).to.have.length(1);
    expect(server.supportWrites[0]).to.include({ method: 'PUT', ideaId: 'idee-1', idempotencyKey: entry.key });
    expect(text(part(el, 'support-count'))).to.equal('3 soutiens');
    expect(parts(el, 'support')[0].getAttribute('aria-pressed')).to.equal('true');
  });

  it('a support waiting in the outbox is shown as given when the box loads again', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(1, () => ({ supports: 2 })),
    ).listen();
    const first = await renderIdeaBox();
    await untilBox(first, 'open');
    const backOnline = goOffline();
    part<HTMLButtonElement>(first, 'support')!.click();
    await waitFor(() => Boolean(part(first, 'support-note')), 'the waiting note');
    first.remove();

    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    await waitFor(() => Boolean(part(el, 'support-note')), 'the waiting note');
    expect(text(part(el, 'support-count'))).to.equal('3 soutiens');
    expect(part(el, 'support')!.getAttribute('aria-pressed')).to.equal('true');
    backOnline();
    await waitFor(() => server.supportWrites.length === 1 && !part(el, 'support-note'), 'the support sent');
  });
});
