import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { API, FakeServer, error, makePoll, never, startApi, worker } from './support/api.js';
import { choose, inputs, part, parts, renderPoll, submit, text, until } from './support/render.js';

before(startApi);
afterEach(() => worker.resetHandlers());

describe('<parvis-poll> states', () => {
  it('loading: reserves its size, says it is busy and hides the fallback link', async () => {
    worker.use(http.get(`${API}/v1/polls/:pollId`, never));
    const el = await renderPoll();
    expect(el.state).to.equal('loading');
    const base = part(el, 'base')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'skeleton')).to.exist;
    expect(base.getBoundingClientRect().height).to.be.greaterThan(200);
    expect(text(el.shadowRoot!.querySelector('.visually-hidden'))).to.equal('Chargement du sondage…');
    // The light-DOM link is the no-script fallback: the shadow root has no slot for it.
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('open, single choice: radio buttons in a fieldset whose legend is the question', async () => {
    new FakeServer(makePoll()).listen();
    const el = await renderPoll();
    await until(el, 'open');
    const fieldset = el.shadowRoot!.querySelector('fieldset')!;
    expect(text(fieldset.querySelector('legend'))).to.equal('Que souhaitez-vous pour le parc des Tilleuls ?');
    expect(inputs(el).map((input) => input.type)).to.deep.equal(['radio', 'radio', 'radio']);
    expect(text(part(el, 'hint'))).to.equal('Choisissez une réponse.');
    expect(text(part(el, 'description'))).to.equal('Le parc sera réaménagé en 2027.');
    expect(parts(el, 'notice').map(text)).to.include('Les résultats s’afficheront après votre vote.');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('open, multiple choice: checkboxes, and feedback when too few or too many are chosen', async () => {
    const server = new FakeServer(
      makePoll({
        multiple: true,
        minChoices: 2,
        maxChoices: 2,
        options: [...makePoll().options, { id: 'fontaine', label: 'Une fontaine' }],
      }),
    ).listen();
    const el = await renderPoll();
    await until(el, 'open');
    expect(inputs(el).every((input) => input.type === 'checkbox')).to.equal(true);
    expect(text(part(el, 'hint'))).to.contain('Choisissez 2 réponses.');

    choose(el, 'Une aire de jeux');
    await submit(el);
    expect(text(part(el, 'error'))).to.equal('Choisissez au moins 2 réponses avant de voter.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();

    choose(el, 'Un jardin partagé', 'Une fontaine');
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    expect(text(part(el, 'hint'))).to.contain('3 sur 2 choisies');
    await submit(el);
    expect(text(part(el, 'error'))).to.equal('Vous pouvez choisir au plus 2 réponses : retirez-en avant de voter.');
    expect(server.received).to.have.length(0);

    choose(el, 'Une aire de jeux');
    await submit(el);
    await until(el, 'voted');
    expect(server.received[0].choices).to.deep.equal(['jardin-partage', 'fontaine']);
  });

  it('says how many answers a range allows', async () => {
    new FakeServer(makePoll({ multiple: true, minChoices: 1, maxChoices: 3 })).listen();
    const el = await renderPoll();
    await until(el, 'open');
    expect(text(part(el, 'hint'))).to.contain('Choisissez jusqu’à 3 réponses.');
  });

  it('submitting: the button says so and the form is busy', async () => {
    new FakeServer(makePoll()).listen({ vote: never });
    const el = await renderPoll();
    await until(el, 'open');
    choose(el, 'Un jardin partagé');
    await submit(el);
    expect(el.state).to.equal('submitting');
    expect(text(part(el, 'submit'))).to.equal('Envoi en cours…');
    expect(part(el, 'submit')!.getAttribute('aria-disabled')).to.equal('true');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('voted: shows the citizen’s answer and the results, and offers no change when the poll forbids it', async () => {
    new FakeServer(
      makePoll({ myVote: { choices: ['kiosque'], votedAt: '2026-02-01T10:00:00Z' } }),
      { kiosque: 3, 'aire-de-jeux': 1 },
      4,
    ).listen();
    const el = await renderPoll();
    await until(el, 'voted');
    expect(text(part(el, 'my-vote'))).to.equal('Votre réponse : Un kiosque à musique');
    expect(parts(el, 'result')).to.have.length(3);
    expect(text(part(el, 'mine'))).to.equal('(votre choix)');
    expect(part(el, 'change')).to.equal(null);
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('voted, changeable: the citizen can change their vote, starting from their answer', async () => {
    const server = new FakeServer(
      makePoll({ allowChange: true, myVote: { choices: ['kiosque'], votedAt: '2026-02-01T10:00:00Z' } }),
      { kiosque: 1 },
      1,
    ).listen();
    const el = await renderPoll();
    await until(el, 'voted');
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'change')!.click();
    await until(el, 'open');
    expect(inputs(el).find((input) => input.checked)!.value).to.equal('kiosque');
    expect(el.shadowRoot!.activeElement).to.equal(inputs(el)[2]);
    await expect(el).to.be.accessible();
    choose(el, 'Une aire de jeux');
    await submit(el);
    await until(el, 'voted');
    expect(server.received.map((vote) => vote.choices)).to.deep.equal([['aire-de-jeux']]);
  });

  it('upcoming: says when the poll opens and lists its options', async () => {
    new FakeServer(makePoll({ status: 'upcoming', opensAt: '2030-03-12T09:00:00+01:00' })).listen();
    const el = await renderPoll();
    await until(el, 'upcoming');
    const expected = new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(
      new Date('2030-03-12T09:00:00+01:00'),
    );
    expect(text(part(el, 'notice'))).to.equal(`Ce sondage ouvrira le ${expected}.`);
    expect(parts(el, 'option-label').map(text)).to.have.length(3);
    expect(el.shadowRoot!.querySelector('input')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('closed: shows the results with counts, percentages and the total', async () => {
    new FakeServer(
      makePoll({ status: 'closed', resultsVisibility: 'after_close' }),
      { 'aire-de-jeux': 1, 'jardin-partage': 2, kiosque: 0 },
      3,
    ).listen();
    const el = await renderPoll();
    await until(el, 'closed');
    expect(text(part(el, 'notice'))).to.match(/^Ce sondage est clos depuis le .*2026/);
    expect(parts(el, 'count').map(text)).to.deep.equal(['1 vote · 33 %', '2 votes · 67 %', '0 vote · 0 %']);
    expect(text(part(el, 'total'))).to.equal('Total : 3 participants');
    const widths = parts(el, 'bar').map((bar) => bar.getBoundingClientRect().width);
    expect(widths[1]).to.be.closeTo(widths[0] * 2, 1);
    expect(widths[2]).to.equal(0);
    await expect(el).to.be.accessible();
  });

  describe('results visibility', () => {
    it('always: results show before voting', async () => {
      new FakeServer(makePoll({ resultsVisibility: 'always' }), { kiosque: 2 }, 2).listen();
      const el = await renderPoll();
      await until(el, 'open');
      expect(part(el, 'results')).to.exist;
      expect(text(part(el, 'total'))).to.equal('Total : 2 participants');
      await expect(el).to.be.accessible();
    });

    it('two polls on one page: each results region is named after its own question', async () => {
      const polls = [
        new FakeServer(makePoll({ id: 'parc', resultsVisibility: 'always' }), { kiosque: 2 }, 2),
        new FakeServer(makePoll({ id: 'marche', question: 'Quel jour pour le marché ?', resultsVisibility: 'always' })),
      ];
      worker.use(
        http.get(`${API}/v1/polls/:pollId`, ({ params }) =>
          HttpResponse.json(polls.find((server) => server.poll.id === params.pollId)!.view()),
        ),
      );
      const [first, second] = await Promise.all([renderPoll('parc'), renderPoll('marche')]);
      await Promise.all([until(first, 'open'), until(second, 'open')]);
      const names = [first, second].map((el) => {
        const region = part(el, 'results')!;
        return region
          .getAttribute('aria-labelledby')!
          .split(' ')
          .map((id) => text(el.shadowRoot!.getElementById(id)))
          .join(' ');
      });
      expect(names).to.deep.equal([
        'Résultats Que souhaitez-vous pour le parc des Tilleuls ?',
        'Résultats Quel jour pour le marché ?',
      ]);
      // Both on one page: axe's landmark-unique holds. "region" (content outside landmarks) is the host page's to meet.
      await expect(document.body).to.be.accessible({ ignoredRules: ['region'] });
    });

    it('after_vote: hidden before voting, shown and announced after', async () => {
      new FakeServer(makePoll({ resultsVisibility: 'after_vote' }), { kiosque: 1 }, 1).listen();
      const el = await renderPoll();
      await until(el, 'open');
      expect(part(el, 'results')).to.equal(null);
      choose(el, 'Un kiosque à musique');
      await submit(el);
      await until(el, 'voted');
      expect(part(el, 'results')).to.exist;
      expect(text(part(el, 'status'))).to.equal(
        'Merci, votre vote est enregistré. Résultats : Une aire de jeux : 0 %, Un jardin partagé : 0 % et Un kiosque à musique : 100 %.',
      );
      await expect(el).to.be.accessible();
    });

    it('after_close: not shown after voting while the poll is open', async () => {
      new FakeServer(makePoll({ resultsVisibility: 'after_close' })).listen();
      const el = await renderPoll();
      await until(el, 'open');
      choose(el, 'Un kiosque à musique');
      await submit(el);
      await until(el, 'voted');
      expect(part(el, 'results')).to.equal(null);
      expect(text(part(el, 'notice'))).to.equal('Les résultats seront publiés à la clôture du sondage.');
      expect(text(part(el, 'status'))).to.equal('Merci, votre vote est enregistré.');
      await expect(el).to.be.accessible();
    });

    it('never: not even once closed', async () => {
      new FakeServer(makePoll({ resultsVisibility: 'never', status: 'closed' })).listen();
      const el = await renderPoll();
      await until(el, 'closed');
      expect(part(el, 'results')).to.equal(null);
      expect(parts(el, 'notice').map(text)).to.include('Les résultats de ce sondage ne sont pas publiés.');
      await expect(el).to.be.accessible();
    });
  });

  it('error: a message chosen by code, and a retry that loads the poll', async () => {
    let fail = true;
    const server = new FakeServer(makePoll());
    worker.use(http.get(`${API}/v1/polls/:pollId`, () => (fail ? error(503, 'unavailable') : undefined)));
    const el = await renderPoll();
    await until(el, 'error');
    expect(text(part(el, 'error'))).to.equal(
      'Le service de participation est injoignable. Vérifiez votre connexion, puis réessayez.',
    );
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    fail = false;
    server.listen();
    part<HTMLButtonElement>(el, 'retry')!.click();
    await until(el, 'open');
    expect(part(el, 'error')).to.equal(null);
  });

  it('error: an unknown poll says so', async () => {
    new FakeServer(makePoll()).listen();
    const el = await renderPoll('sondage-inconnu');
    await until(el, 'error');
    expect(text(part(el, 'error'))).to.equal('Ce sondage n’existe pas ou a été retiré.');
  });

  it('a refused vote shows why, keeps the choice, and retries on request', async () => {
    let refuse = true;
    const server = new FakeServer(makePoll()).listen({ vote: () => (refuse ? error(429, 'rate_limited') : undefined) });
    const el = await renderPoll();
    await until(el, 'open');
    choose(el, 'Un jardin partagé');
    await submit(el);
    await until(el, 'open');
    await el.updateComplete;
    expect(text(part(el, 'error'))).to.equal('Trop de demandes en peu de temps. Patientez une minute, puis réessayez.');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'error'));
    expect(inputs(el)[1].checked).to.equal(true);
    await expect(el).to.be.accessible();
    refuse = false;
    part<HTMLButtonElement>(el, 'retry')!.click();
    await until(el, 'voted');
    expect(server.received).to.have.length(2);
  });
});
