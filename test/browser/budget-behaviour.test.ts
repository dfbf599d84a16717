import { expect, fixtureCleanup, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  FakeBudgetServer,
  announcement,
  checkbox,
  click,
  error,
  euros,
  items,
  makeBudget,
  makeDistrictBudget,
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
afterEach(() => {
  worker.resetHandlers();
  localStorage.clear();
});

const active = (el: Element) => el.shadowRoot!.activeElement;

describe('<parvis-budget> by keyboard', () => {
  it('filters, ticks projects with Space, reviews and casts with Enter; focus follows each step', async () => {
    const server = new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(el.shadowRoot!.querySelector('#filter-category'));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(parts(el, 'project').map((card) => text(card.querySelector('[part~="project-title"]')))).to.deep.equal([
      'Aire de jeux du square Jean-Moulin',
    ]);
    expect(text(part(el, 'shown'))).to.equal('1 projet');

    await sendKeys({ press: 'Tab' });
    expect(active(el)!.localName).to.equal('summary');
    await sendKeys({ press: 'Enter' });
    expect(el.shadowRoot!.querySelector('details')!.open).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(checkbox(el, 'aire-de-jeux'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checkbox(el, 'aire-de-jeux').checked).to.equal(true);

    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(part(el, 'review'));
    await sendKeys({ press: 'Enter' });
    await until(el, 'review');
    expect(active(el)).to.equal(part(el, 'review-heading'));
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal(part(el, 'submit'));
    await sendKeys({ press: 'Enter' });
    await until(el, 'cast');
    expect(server.received[0].projectIds).to.deep.equal(['aire-de-jeux']);
    expect(active(el)).to.equal(part(el, 'status'));
  });

  it('Space on a project that does not fit leaves it unticked and says why', async () => {
    new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    await pick(el, 'Aire de jeux du square Jean-Moulin', 'Jardin partagé des Tilleuls');
    checkbox(el, 'piste-cyclable').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(checkbox(el, 'piste-cyclable').checked).to.equal(false);
    expect(active(el)).to.equal(checkbox(el, 'piste-cyclable'));
    expect(announcement(el)).to.match(/^Piste cyclable rue des Écoles ne peut pas être ajouté\. Ce projet dépasse/);
  });
});

describe('<parvis-budget> running total', () => {
  it('each project added or removed is announced politely with what is spent and left', async () => {
    new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    const region = el.shadowRoot!.querySelector('.visually-hidden[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal(null, 'role="status" is polite already');
    await pick(el, 'Aire de jeux du square Jean-Moulin');
    expect(announcement(el)).to.equal(
      `Aire de jeux du square Jean-Moulin ajouté. 1 projet, ${euros(45_000)} dépensés sur ${euros(100_000)}, reste ${euros(55_000)}.`,
    );
    await pick(el, 'Abris à vélos couverts');
    expect(announcement(el)).to.equal(
      `Abris à vélos couverts ajouté. 2 projets, ${euros(57_000)} dépensés sur ${euros(100_000)}, reste ${euros(43_000)}.`,
    );
    await pick(el, 'Aire de jeux du square Jean-Moulin');
    expect(announcement(el)).to.equal(
      `Aire de jeux du square Jean-Moulin retiré. 1 projet, ${euros(12_000)} dépensés sur ${euros(100_000)}, reste ${euros(88_000)}.`,
    );
  });

  it('under the approval rule, the count of projects is announced', async () => {
    new FakeBudgetServer(makeBudget({ rule: 'approval', maxProjects: 3 })).listen();
    const el = await renderBudget();
    await until(el, 'building');
    await pick(el, 'Piste cyclable rue des Écoles');
    expect(announcement(el)).to.equal('Piste cyclable rue des Écoles ajouté. 1 projet choisi sur 3.');
  });
});

describe('<parvis-budget> draft', () => {
  it('a ballot being built survives a reload, and is forgotten once cast', async () => {
    const server = new FakeBudgetServer(makeBudget()).listen();
    const first = await renderBudget();
    await until(first, 'building');
    await pick(first, 'Jardin partagé des Tilleuls', 'Cent arbres dans les cours d’école');
    fixtureCleanup();

    const second = await renderBudget();
    await until(second, 'building');
    expect(checkbox(second, 'jardin-partage').checked).to.equal(true);
    expect(checkbox(second, 'arbres').checked).to.equal(true);
    expect(checkbox(second, 'aire-de-jeux').checked).to.equal(false);
    expect(text(part(second, 'spent'))).to.contain(`Dépensé : ${euros(55_000)}`);
    await click(second, 'review');
    await click(second, 'submit');
    await until(second, 'cast');
    expect(server.received[0].projectIds).to.deep.equal(['jardin-partage', 'arbres']);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('parvis:budget-draft'))).to.deep.equal([]);
    fixtureCleanup();

    server.budget = { ...server.budget, allowChange: true };
    const third = await renderBudget();
    await until(third, 'cast');
    await click(third, 'change');
    await until(third, 'building');
    expect(checkbox(third, 'arbres').checked).to.equal(true);
  });

  it('nothing is stored before the citizen picks a project', async () => {
    new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    expect(Object.keys(localStorage)).to.deep.equal([]);
  });
});

describe('<parvis-budget> districts', () => {
  it('the citizen chooses a district first, then votes on its projects within its envelope', async () => {
    const server = new FakeBudgetServer(makeDistrictBudget()).listen();
    const el = await renderBudget();
    await until(el, 'district');
    expect(text(part(el, 'total'))).to.equal(
      `Enveloppe : ${euros(100_000)}, répartie entre les quartiers Nord (${euros(60_000)}) et Sud (${euros(40_000)}).`,
    );
    expect(text(part(el, 'districts-legend'))).to.equal('Votre quartier');
    expect(parts(el, 'district').map(text)).to.deep.equal([
      `Nord (${euros(60_000)} · 2 projets)`,
      `Sud (${euros(40_000)} · 2 projets)`,
    ]);
    expect(parts(el, 'project')).to.have.length(0);
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLInputElement>('#district-sud')!.click();
    await until(el, 'building');
    expect(items(part(el, 'rules'))[0]).to.equal(
      `Choisissez les projets que vous voulez voir réalisés, dans la limite de ${euros(40_000)}.`,
    );
    expect(parts(el, 'project')).to.have.length(2);
    await pick(el, 'Jardin partagé des Tilleuls');
    expect(checkbox(el, 'arbres').getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLInputElement>('#district-nord')!.click();
    await el.updateComplete;
    await pick(el, 'Abris à vélos couverts');
    el.shadowRoot!.querySelector<HTMLInputElement>('#district-sud')!.click();
    await el.updateComplete;
    expect(checkbox(el, 'jardin-partage').checked, 'picks in Sud are kept').to.equal(true);

    await click(el, 'review');
    expect(text(part(el, 'review-step'))).to.contain('Quartier : Sud');
    await click(el, 'submit');
    await until(el, 'cast');
    expect(server.received.map(({ projectIds, district }) => ({ projectIds, district }))).to.deep.equal([
      { projectIds: ['jardin-partage'], district: 'sud' },
    ]);
  });

  it('before the vote, projects can be filtered by district and by category', async () => {
    const budget = makeDistrictBudget({ status: 'upcoming' });
    budget.projects[1].category = 'mobilite';
    new FakeBudgetServer(budget).listen();
    const el = await renderBudget();
    await until(el, 'upcoming');
    const select = async (id: string, value: string) => {
      const element = el.shadowRoot!.querySelector<HTMLSelectElement>(id)!;
      element.value = value;
      element.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    expect(parts(el, 'project')).to.have.length(4);
    await select('#filter-district', 'nord');
    expect(text(part(el, 'shown'))).to.equal('2 projets');
    await select('#filter-category', 'mobilite');
    expect(parts(el, 'project').map((card) => text(card.querySelector('[part~="project-title"]')))).to.deep.equal([
      'Abris à vélos couverts',
    ]);
    await select('#filter-district', 'sud');
    expect(text(part(el, 'shown'))).to.equal('0 projet');
    await expect(el).to.be.accessible();
  });
});

function recordEvents(): { names: string[]; stop(): void } {
  const names: string[] = [];
  const record = (event: Event) => names.push(event.type);
  const types = ['parvis-ballot-submit', 'parvis-ballot-cast', 'parvis-error'];
  for (const type of types) document.addEventListener(type, record);
  return { names, stop: () => types.forEach((type) => document.removeEventListener(type, record)) };
}

describe('<parvis-budget> events', () => {
  it('parvis-ballot-submit is cancelable: cancelled, nothing is sent', async () => {
    const server = new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    el.addEventListener('parvis-ballot-submit', (event) => event.preventDefault(), { once: true });
    await pick(el, 'Abris à vélos couverts');
    await click(el, 'review');
    const submitted = oneEvent(el, 'parvis-ballot-submit');
    await click(el, 'submit');
    const event = await submitted;
    expect(event.detail).to.deep.equal({
      budgetId: 'budget-participatif-2027',
      district: null,
      projectIds: ['abris-velos'],
    });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.received).to.have.length(0);
    expect(el.state).to.equal('review');
  });

  it('parvis-ballot-cast carries the accepted ballot and the budget as now seen', async () => {
    new FakeBudgetServer(makeDistrictBudget()).listen();
    const el = await renderBudget();
    await until(el, 'district');
    el.shadowRoot!.querySelector<HTMLInputElement>('#district-nord')!.click();
    await until(el, 'building');
    await pick(el, 'Aire de jeux du square Jean-Moulin');
    await click(el, 'review');
    const cast = oneEvent(document, 'parvis-ballot-cast');
    await click(el, 'submit');
    const { detail } = await cast;
    expect(detail).to.include({ budgetId: 'budget-participatif-2027', district: 'nord' });
    expect(detail.projectIds).to.deep.equal(['aire-de-jeux']);
    expect(detail.budget.myBallot!.projectIds).to.deep.equal(['aire-de-jeux']);
  });

  it('parvis-error carries the code and the budget, for loading and for casting', async () => {
    new FakeBudgetServer(makeBudget()).listen({ cast: () => error(409, 'ballot_exists') });
    const loadFailure = oneEvent(document, 'parvis-error');
    const missing = await renderBudget('inconnu');
    expect((await loadFailure).detail).to.include({
      code: 'budget_not_found',
      operation: 'getBudget',
      status: 404,
      budgetId: 'inconnu',
    });
    expect(missing.state).to.equal('error');

    const el = await renderBudget();
    await until(el, 'building');
    await pick(el, 'Abris à vélos couverts');
    await click(el, 'review');
    const castFailure = oneEvent(el, 'parvis-error');
    await click(el, 'submit');
    expect((await castFailure).detail).to.include({ code: 'ballot_exists', operation: 'castBallot', status: 409 });
    await waitUntil(() => active(el) === part(el, 'error'), 'focus never moved to the error');
    expect(text(part(el, 'error'))).to.equal('Vous avez déjà voté pour ce budget participatif.');
  });

  it('no event when a developer changes properties', async () => {
    new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    const events = recordEvents();
    el.budget = 'budget-participatif-2027';
    el.timeout = 5000;
    el.api = el.api + '/';
    await el.updateComplete;
    await el.reload();
    await until(el, 'building');
    events.stop();
    expect(events.names).to.deep.equal([]);
    expect(el.data!.id).to.equal('budget-participatif-2027');
  });
});

describe('<parvis-budget> parts', () => {
  it('exposes the documented parts for theming while a ballot is built', async () => {
    new FakeBudgetServer(makeBudget({ minSpendShare: 0.2 })).listen();
    const el = await renderBudget();
    await until(el, 'building');
    await pick(el, 'Aire de jeux du square Jean-Moulin', 'Jardin partagé des Tilleuls');
    for (const name of [
      'base',
      'title',
      'description',
      'total',
      'rules',
      'notice',
      'filters',
      'filter',
      'shown',
      'projects',
      'project',
      'image',
      'project-title',
      'cost',
      'facts',
      'summary',
      'details',
      'pick',
      'pick-label',
      'fit',
      'ballot',
      'meter',
      'meter-bar',
      'spent',
      'review',
      'status',
    ]) {
      expect(parts(el, name), name).to.not.be.empty;
    }
  });
});
