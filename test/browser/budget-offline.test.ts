import { expect, fixtureCleanup, oneEvent } from '@open-wc/testing';
import { createStore, set } from 'idb-keyval';
import { HttpResponse } from 'msw';
import { queued, replay } from '../../src/client/outbox.js';
import type { QueuedBallot } from '../../src/elements/budget/budget-controller.js';
import {
  API,
  FakeBudgetServer,
  checkbox,
  click,
  error,
  euros,
  makeBudget,
  part,
  parts,
  pick,
  renderBudget,
  startApi,
  text,
  until,
  worker,
} from './support/budget-api.js';

before(startApi);
afterEach(() => worker.resetHandlers());

function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
    expect(navigator.onLine).to.equal(true);
    dispatchEvent(new Event('online'));
  };
}

async function castBallot(el: Awaited<ReturnType<typeof renderBudget>>, ...titles: string[]): Promise<void> {
  await pick(el, ...titles);
  await click(el, 'review');
  await click(el, 'submit');
}

describe('<parvis-budget> offline', () => {
  it('a ballot cast offline is queued, shown as "will be sent" (also after a reload), then sent once online', async () => {
    const server = new FakeBudgetServer(makeBudget()).listen();
    const first = await renderBudget();
    await until(first, 'building');
    const backOnline = goOffline();
    await castBallot(first, 'Jardin partagé des Tilleuls', 'Abris à vélos couverts');
    await until(first, 'queued');
    expect(text(part(first, 'status'))).to.equal(
      'Vous semblez hors ligne : votre vote sera envoyé dès le retour de la connexion.',
    );
    expect(first.shadowRoot!.activeElement).to.equal(part(first, 'status'));
    expect(text(part(first, 'my-ballot'))).to.match(/^Votre vote, en attente d’envoi .* Il sera envoyé dès le retour/);
    expect(parts(first, 'chosen-project')).to.have.length(2);
    expect(server.received).to.have.length(0);
    const [entry] = await queued();
    expect(entry).to.include({ target: 'budget-participatif-2027', operation: 'castBallot', api: API });
    expect(entry.body).to.deep.equal({ district: null, projectIds: ['jardin-partage', 'abris-velos'] });
    await expect(first).to.be.accessible();
    fixtureCleanup();

    const el = await renderBudget();
    await until(el, 'queued');
    expect(parts(el, 'chosen-project')).to.have.length(2);

    const cast = oneEvent(el, 'parvis-ballot-cast');
    backOnline();
    expect((await cast).detail.projectIds).to.deep.equal(['jardin-partage', 'abris-velos']);
    await until(el, 'cast');
    expect(server.received).to.have.length(1);
    expect(server.received[0].idempotencyKey).to.equal(entry.key);
    expect(await queued()).to.deep.equal([]);
    expect(text(part(el, 'status'))).to.equal('Merci, votre vote est enregistré.');
    expect(Object.keys(localStorage).filter((key) => key.startsWith('parvis:budget-draft'))).to.deep.equal([]);
  });

  it('a ballot whose request fails on the network is queued and replayed with the same key and voter', async () => {
    let network = false;
    const server = new FakeBudgetServer(makeBudget()).listen({
      cast: () => (network ? undefined : HttpResponse.error()),
    });
    const el = await renderBudget();
    await until(el, 'building');
    await castBallot(el, 'Cent arbres dans les cours d’école');
    await until(el, 'queued');
    network = true;
    dispatchEvent(new Event('online'));
    await until(el, 'cast');
    expect(server.received).to.have.length(2);
    expect(server.received[1].idempotencyKey).to.equal(server.received[0].idempotencyKey);
    expect(server.received[1].voter).to.equal(server.received[0].voter);
  });

  it('a queued ballot the server refuses shows the error instead of vanishing', async () => {
    localStorage.clear();
    const server = new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    const backOnline = goOffline();
    await castBallot(el, 'Aire de jeux du square Jean-Moulin');
    await until(el, 'queued');
    server.budget = { ...server.budget, status: 'closed' };
    server.listen({ cast: () => error(409, 'budget_closed') });
    const failed = oneEvent(el, 'parvis-error');
    backOnline();
    expect((await failed).detail).to.include({ code: 'budget_closed', budgetId: 'budget-participatif-2027' });
    await until(el, 'closed');
    expect(text(part(el, 'error'))).to.equal(
      'Le vote de ce budget participatif est clos : il n’accepte plus de bulletins.',
    );
    expect(await queued()).to.deep.equal([]);
  });

  it('a ballot refused while its budget was not on screen is told when the budget next shows, then forgotten', async () => {
    localStorage.clear();
    localStorage.setItem('parvis:voter', 'previous-visit-voter-token');
    const entry: QueuedBallot = {
      key: 'queued-on-a-previous-visit',
      operation: 'castBallot',
      api: API,
      target: 'budget-participatif-2027',
      body: { district: null, projectIds: ['piste-cyclable', 'arbres'] },
      queuedAt: '2027-02-01T10:00:00.000Z',
    };
    await set(entry.key, entry, createStore('parvis', 'outbox'));
    // Costs changed since: the two projects no longer fit together.
    const budget = makeBudget();
    budget.projects[1].cost = 75_000;
    const server = new FakeBudgetServer(budget).listen();

    await replay();
    expect(server.received).to.have.length(1);
    const [kept] = await queued();
    expect(kept.refused).to.deep.include({ code: 'over_budget', status: 422 });

    const el = await renderBudget();
    await until(el, 'building');
    expect(text(part(el, 'error'))).to.equal(
      'Les projets ou les règles de ce budget ont changé depuis l’affichage de la page. Vérifiez votre sélection, puis renvoyez-la.',
    );
    expect(checkbox(el, 'piste-cyclable').checked && checkbox(el, 'arbres').checked).to.equal(true, 'kept to fix');
    expect(text(part(el, 'hint'))).to.equal(
      `Votre sélection dépasse l’enveloppe de ${euros(5_000)} : retirez un projet.`,
    );
    await expect(el).to.be.accessible();
    for (let i = 0; i < 100 && (await queued()).length > 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await queued()).to.deep.equal([]);
  });
});
