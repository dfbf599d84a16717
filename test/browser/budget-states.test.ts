import { expect } from '@open-wc/testing';
import { http } from 'msw';
import {
  API,
  FakeBudgetServer,
  announcement,
  checkbox,
  click,
  error,
  euros,
  items,
  makeBudget,
  makeDistrictBudget,
  makeResults,
  never,
  part,
  parts,
  pick,
  renderBudget,
  spaced,
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

const date = (iso: string) =>
  new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

describe('<parvis-budget> states', () => {
  it('loading: reserves its size, says it is busy and hides the fallback link', async () => {
    worker.use(http.get(`${API}/v1/budgets/:budgetId`, never));
    const el = await renderBudget();
    expect(el.state).to.equal('loading');
    const base = part(el, 'base')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'skeleton')).to.exist;
    expect(base.getBoundingClientRect().height).to.be.greaterThan(400);
    expect(text(el.shadowRoot!.querySelector('.visually-hidden'))).to.equal('Chargement du budget participatif…');
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('building, knapsack: the total, the rules in words, the dates and every project as a card', async () => {
    new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    expect(text(part(el, 'title'))).to.equal('Budget participatif 2027');
    expect(text(part(el, 'total'))).to.equal(`Enveloppe : ${euros(100_000)}.`);
    expect(items(part(el, 'rules'))).to.deep.equal([
      `Choisissez les projets que vous voulez voir réalisés, dans la limite de ${euros(100_000)}.`,
    ]);
    expect(text(part(el, 'notice'))).to.equal(`Vote ouvert jusqu’au ${date('2027-03-31T18:00:00+02:00')}.`);
    expect(parts(el, 'project')).to.have.length(5);

    const [card] = parts(el, 'project');
    expect(text(card.querySelector('[part~="cost"]'))).to.equal(euros(45_000));
    expect(text(card.querySelector('[part~="facts"]'))).to.equal('Jeunesse · Lieu : square Jean-Moulin');
    const image = card.querySelector<HTMLImageElement>('[part~="image"]')!;
    expect(image.alt).to.equal('Un toboggan et des balançoires sur un sol souple');
    expect(image.src).to.equal(`${API}/images/aire-de-jeux.svg`);
    expect(image.getAttribute('loading')).to.equal('lazy');
    expect([image.getAttribute('width'), image.getAttribute('height')]).to.deep.equal(['640', '360']);
    const details = card.querySelector('details')!;
    expect(details.open).to.equal(false);
    expect(text(details.querySelector('summary'))).to.equal('En savoir plus : Aire de jeux du square Jean-Moulin');

    expect(part(el, 'meter')!.getAttribute('role')).to.equal('meter');
    expect(part(el, 'meter')!.getAttribute('aria-valuemax')).to.equal('100000');
    expect(text(part(el, 'spent'))).to.equal(
      `Dépensé : ${euros(0)} sur ${euros(100_000)} Reste : ${euros(100_000)} (0 projet)`,
    );
    expect(text(part(el, 'hint'))).to.equal('Choisissez au moins un projet.');
    await expect(el).to.be.accessible();

    await pick(el, 'Aire de jeux du square Jean-Moulin', 'Jardin partagé des Tilleuls');
    expect(part(el, 'meter')!.getAttribute('aria-valuenow')).to.equal('70000');
    expect(spaced(part(el, 'meter')!.getAttribute('aria-valuetext'))).to.equal(
      `2 projets, ${euros(70_000)} dépensés sur ${euros(100_000)}, reste ${euros(30_000)}.`,
    );
    expect(text(part(el, 'spent'))).to.equal(
      `Dépensé : ${euros(70_000)} sur ${euros(100_000)} Reste : ${euros(30_000)} (2 projets)`,
    );
    expect(part(el, 'hint')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a project that does not fit says why beside it, and stays focusable and unticked', async () => {
    new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    await pick(el, 'Aire de jeux du square Jean-Moulin', 'Jardin partagé des Tilleuls');
    const cyclable = checkbox(el, 'piste-cyclable');
    expect(cyclable.disabled).to.equal(false);
    expect(cyclable.getAttribute('aria-disabled')).to.equal('true');
    const why = el.shadowRoot!.querySelector('#fit-piste-cyclable')!;
    expect(text(why)).to.equal(
      `Ce projet dépasse de ${euros(30_000)} ce qui reste dans l’enveloppe : retirez un autre projet pour le choisir.`,
    );
    expect(cyclable.getAttribute('aria-describedby')).to.equal('cost-piste-cyclable fit-piste-cyclable');
    expect(checkbox(el, 'arbres').getAttribute('aria-disabled')).to.equal('false');
    await expect(el).to.be.accessible();

    await pick(el, 'Piste cyclable rue des Écoles');
    expect(cyclable.checked).to.equal(false);
    expect(text(part(el, 'spent'))).to.contain(`Reste : ${euros(30_000)}`);
    expect(announcement(el)).to.equal(
      `Piste cyclable rue des Écoles ne peut pas être ajouté. Ce projet dépasse de ${euros(30_000)} ce qui reste dans l’enveloppe : retirez un autre projet pour le choisir.`,
    );
    cyclable.focus();
    expect(el.shadowRoot!.activeElement).to.equal(cyclable);

    await pick(el, 'Aire de jeux du square Jean-Moulin');
    expect(cyclable.getAttribute('aria-disabled')).to.equal('false');
    expect(el.shadowRoot!.querySelector('#fit-piste-cyclable')).to.equal(null);
  });

  it('building, knapsack with a minimum share and a number of projects: said in words, checked before review', async () => {
    new FakeBudgetServer(makeBudget({ minSpendShare: 0.5, minProjects: 2, maxProjects: 3 })).listen();
    const el = await renderBudget();
    await until(el, 'building');
    expect(items(part(el, 'rules'))).to.deep.equal([
      `Choisissez les projets que vous voulez voir réalisés, dans la limite de ${euros(100_000)}.`,
      `Votre sélection doit utiliser au moins 50 % de l’enveloppe (${euros(50_000)}).`,
      'Choisissez entre 2 et 3 projets.',
    ]);
    expect(el.shadowRoot!.querySelector('.meter-minimum')).to.exist;

    await pick(el, 'Abris à vélos couverts');
    expect(text(part(el, 'hint'))).to.equal('Choisissez au moins 2 projets.');
    await pick(el, 'Jardin partagé des Tilleuls');
    expect(text(part(el, 'hint'))).to.equal(
      `Votre sélection doit atteindre au moins ${euros(50_000)} : il manque ${euros(13_000)}.`,
    );
    await click(el, 'review');
    expect(el.state).to.equal('building');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(text(part(el, 'error'))).to.equal(
      `Votre sélection doit atteindre au moins ${euros(50_000)} : il manque ${euros(13_000)}.`,
    );
    await expect(el).to.be.accessible();

    await pick(el, 'Cent arbres dans les cours d’école');
    expect(part(el, 'error')).to.equal(null);
    expect(checkbox(el, 'aire-de-jeux').getAttribute('aria-disabled')).to.equal('true');
    expect(text(el.shadowRoot!.querySelector('#fit-aire-de-jeux'))).to.equal(
      'Vous avez déjà choisi 3 projets, le maximum : retirez-en un pour choisir celui-ci.',
    );
    await click(el, 'review');
    expect(el.state).to.equal('review');
  });

  it('building, approval: up to N projects whatever they cost, with a gauge of projects', async () => {
    new FakeBudgetServer(makeBudget({ rule: 'approval', maxProjects: 2 })).listen();
    const el = await renderBudget();
    await until(el, 'building');
    expect(items(part(el, 'rules'))).to.deep.equal(['Choisissez jusqu’à 2 projets, quel que soit leur coût.']);
    await pick(el, 'Aire de jeux du square Jean-Moulin', 'Piste cyclable rue des Écoles');
    expect(part(el, 'meter')!.getAttribute('aria-valuemax')).to.equal('2');
    expect(part(el, 'meter')!.getAttribute('aria-valuenow')).to.equal('2');
    expect(text(part(el, 'spent'))).to.equal('2 projets choisis sur 2');
    expect(checkbox(el, 'arbres').getAttribute('aria-disabled')).to.equal('true');
    expect(text(el.shadowRoot!.querySelector('#fit-arbres'))).to.equal(
      'Vous avez déjà choisi 2 projets, le maximum : retirez-en un pour choisir celui-ci.',
    );
    await expect(el).to.be.accessible();
  });

  it('review: the ballot in full, whether it can be changed, and a way back', async () => {
    new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    await pick(el, 'Jardin partagé des Tilleuls', 'Abris à vélos couverts');
    await click(el, 'review');
    await until(el, 'review');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'review-heading'));
    expect(parts(el, 'chosen-project').map(text)).to.deep.equal([
      `Jardin partagé des Tilleuls ${euros(25_000)}`,
      `Abris à vélos couverts ${euros(12_000)}`,
    ]);
    expect(text(part(el, 'chosen-total'))).to.equal(`Total : ${euros(37_000)} (2 projets)`);
    expect(text(part(el, 'review-step'))).to.contain('Une fois envoyé, votre vote ne pourra plus être modifié.');
    expect(parts(el, 'project')).to.have.length(0);
    await expect(el).to.be.accessible();

    await click(el, 'back');
    await until(el, 'building');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'review'));
    expect(checkbox(el, 'abris-velos').checked).to.equal(true);
  });

  it('submitting: the button says so and the widget is busy', async () => {
    new FakeBudgetServer(makeBudget()).listen({ cast: never });
    const el = await renderBudget();
    await until(el, 'building');
    await pick(el, 'Cent arbres dans les cours d’école');
    await click(el, 'review');
    await click(el, 'submit');
    await until(el, 'submitting');
    expect(text(part(el, 'submit'))).to.equal('Envoi en cours…');
    expect(part(el, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('cast: a confirmation takes focus, and the ballot shows as cast', async () => {
    const server = new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget();
    await until(el, 'building');
    await pick(el, 'Aire de jeux du square Jean-Moulin', 'Cent arbres dans les cours d’école');
    await click(el, 'review');
    await click(el, 'submit');
    await until(el, 'cast');
    expect(server.received.map(({ projectIds, district }) => ({ projectIds, district }))).to.deep.equal([
      { projectIds: ['aire-de-jeux', 'arbres'], district: undefined },
    ]);
    expect(text(part(el, 'status'))).to.equal('Merci, votre vote est enregistré.');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'status'));
    expect(parts(el, 'chosen-project')).to.have.length(2);
    expect(text(part(el, 'my-ballot'))).to.match(/^Votre vote .* Enregistré le .*\.$/);
    expect(part(el, 'change')).to.equal(null);
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('cast, changeable: the citizen changes their ballot, starting from it', async () => {
    const myBallot = { projectIds: ['arbres'], district: null, castAt: '2027-02-01T10:00:00+01:00' };
    const server = new FakeBudgetServer(makeBudget({ allowChange: true, myBallot })).listen();
    const el = await renderBudget();
    await until(el, 'cast');
    expect(text(part(el, 'my-ballot'))).to.contain(`Enregistré le ${date(myBallot.castAt)}.`);
    await expect(el).to.be.accessible();
    await click(el, 'change');
    await until(el, 'building');
    expect(el.shadowRoot!.activeElement).to.equal(checkbox(el, 'arbres'));
    expect(part(el, 'cancel')).to.exist;
    await pick(el, 'Abris à vélos couverts');
    await click(el, 'review');
    expect(text(part(el, 'review-step'))).to.contain('Vous pourrez modifier votre vote jusqu’à la clôture.');
    await click(el, 'submit');
    await until(el, 'cast');
    expect(server.received[0].projectIds).to.deep.equal(['arbres', 'abris-velos']);
    expect(parts(el, 'chosen-project')).to.have.length(2);
  });

  it('upcoming: says when the vote opens, and the projects can be browsed but not chosen', async () => {
    new FakeBudgetServer(makeBudget({ status: 'upcoming', opensAt: '2030-01-04T08:00:00+01:00' })).listen();
    const el = await renderBudget();
    await until(el, 'upcoming');
    expect(text(part(el, 'notice'))).to.equal(`Le vote ouvrira le ${date('2030-01-04T08:00:00+01:00')}.`);
    expect(parts(el, 'project')).to.have.length(5);
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    expect(part(el, 'ballot')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('closed without results: says so, with the citizen’s ballot and the projects', async () => {
    const myBallot = { projectIds: ['arbres'], district: null, castAt: '2027-02-01T10:00:00+01:00' };
    new FakeBudgetServer(makeBudget({ status: 'closed', myBallot })).listen();
    const el = await renderBudget();
    await until(el, 'closed');
    expect(parts(el, 'notice').map(text)).to.include.members([
      `Le vote est clos depuis le ${date('2027-03-31T18:00:00+02:00')}.`,
      'Les résultats seront publiés après le dépouillement.',
    ]);
    expect(parts(el, 'chosen-project').map(text)).to.deep.equal([
      `Cent arbres dans les cours d’école ${euros(30_000)}`,
    ]);
    expect(parts(el, 'project')).to.have.length(5);
    expect(part(el, 'results')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('closed with results: votes and rank per project, the funded ones in words, and the rule', async () => {
    const myBallot = { projectIds: ['jardin-partage'], district: null, castAt: '2027-02-01T10:00:00+01:00' };
    new FakeBudgetServer(makeBudget({ status: 'closed', myBallot, results: makeResults() })).listen();
    const el = await renderBudget();
    await until(el, 'closed');
    expect(text(part(el, 'results-rule'))).to.equal(
      'Les projets sont retenus dans l’ordre des votes, tant qu’ils tiennent dans l’enveloppe restante.',
    );
    expect(text(part(el, 'ballots'))).to.equal('Participation : 412 bulletins.');
    expect(text(part(el, 'funded-summary'))).to.equal(
      `Projets retenus : 3 projets, ${euros(82_000)} sur ${euros(100_000)}.`,
    );
    expect(parts(el, 'result').map(text)).to.deep.equal([
      `Rang 1 Aire de jeux du square Jean-Moulin 301 votes · ${euros(45_000)} Retenu`,
      `Rang 2 Piste cyclable rue des Écoles 250 votes · ${euros(60_000)} Non retenu`,
      `Rang 3 Jardin partagé des Tilleuls (votre choix) 198 votes · ${euros(25_000)} Retenu`,
      `Rang 4 Cent arbres dans les cours d’école 120 votes · ${euros(30_000)} Non retenu`,
      `Rang 5 Abris à vélos couverts 1 vote · ${euros(12_000)} Retenu`,
    ]);
    expect(parts(el, 'project')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('closed with results in districts: one list per district, against its own envelope', async () => {
    const results = {
      ballots: 30,
      projects: [
        { id: 'aire-de-jeux', votes: 20, rank: 1, funded: true },
        { id: 'abris-velos', votes: 10, rank: 2, funded: true },
        { id: 'arbres', votes: 8, rank: 1, funded: true },
        { id: 'jardin-partage', votes: 2, rank: 2, funded: false },
      ],
    };
    new FakeBudgetServer(makeDistrictBudget({ status: 'closed', results })).listen();
    const el = await renderBudget();
    await until(el, 'closed');
    expect(parts(el, 'results-group').map((group) => text(group.querySelector('.group-heading')))).to.deep.equal([
      'Nord',
      'Sud',
    ]);
    expect(parts(el, 'funded-summary').map(text)).to.deep.equal([
      `Projets retenus : 2 projets, ${euros(57_000)} sur ${euros(60_000)}.`,
      `Projets retenus : 1 projet, ${euros(30_000)} sur ${euros(40_000)}.`,
    ]);
    await expect(el).to.be.accessible();
  });

  it('error: a message chosen by code, and a retry that loads the budget', async () => {
    let fail = true;
    const server = new FakeBudgetServer(makeBudget());
    worker.use(http.get(`${API}/v1/budgets/:budgetId`, () => (fail ? error(503, 'unavailable') : undefined)));
    const el = await renderBudget();
    await until(el, 'error');
    expect(text(part(el, 'error'))).to.equal(
      'Le service de participation est injoignable. Vérifiez votre connexion, puis réessayez.',
    );
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    fail = false;
    server.listen();
    await click(el, 'retry');
    await until(el, 'building');
    expect(part(el, 'error')).to.equal(null);
  });

  it('error: an unknown budget says so', async () => {
    new FakeBudgetServer(makeBudget()).listen();
    const el = await renderBudget('budget-inconnu');
    await until(el, 'error');
    expect(text(part(el, 'error'))).to.equal('Ce budget participatif n’existe pas ou a été retiré.');
  });

  it('a ballot the server refuses because the vote closed meanwhile shows why, and the budget as it now is', async () => {
    const server = new FakeBudgetServer(makeBudget()).listen({
      cast: () => {
        server.budget = { ...server.budget, status: 'closed' };
        return error(409, 'budget_closed');
      },
    });
    const el = await renderBudget();
    await until(el, 'building');
    await pick(el, 'Abris à vélos couverts');
    await click(el, 'review');
    await click(el, 'submit');
    await until(el, 'closed');
    expect(text(part(el, 'error'))).to.equal(
      'Le vote de ce budget participatif est clos : il n’accepte plus de bulletins.',
    );
    await expect(el).to.be.accessible();
  });
});
