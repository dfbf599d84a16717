import { expect } from '@open-wc/testing';
import { http } from 'msw';
import '../../src/elements/vote/define.js';
import { API, error, never, startApi, worker } from './support/api.js';
import { FakeSubjects, part, parts, renderVote, shown, spoken, text, untilState } from './support/vote-api.js';

before(startApi);
afterEach(() => worker.resetHandlers());

describe('<parvis-vote> support (the default mode)', () => {
  it('loading: a blank button of the final size, busy, the fallback link hidden; no shift when the count arrives', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const server = new FakeSubjects().add('actu-chargement', { up: 128 });
    worker.use(http.get(`${API}/v1/subjects/:key/votes`, () => answered.then(() => undefined)));
    server.listen();
    const el = await renderVote({ subject: 'actu-chargement' });
    expect(el.state).to.equal('loading');
    const skeleton = part(el, 'skeleton')!;
    expect(skeleton.getAttribute('aria-busy')).to.equal('true');
    expect(text(el.shadowRoot!.querySelector('.visually-hidden'))).to.equal('Chargement du vote…');
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.equal(0);
    const before = el.getBoundingClientRect();
    expect(before.height).to.be.greaterThan(30);
    await expect(el).to.be.accessible();

    answer();
    await untilState(el, 'ready');
    const after = el.getBoundingClientRect();
    expect(after.height).to.equal(before.height);
    expect(after.width).to.be.closeTo(before.width, 1);
  });

  it('ready: one toggle button with the count, named for a screen reader with what it supports', async () => {
    new FakeSubjects().add('actu-budget', { up: 128 }).listen();
    const el = await renderVote({ subject: 'actu-budget', label: 'Le budget participatif est relancé' });
    await untilState(el, 'ready');
    const button = part(el, 'support')!;
    expect(button.localName).to.equal('button');
    expect(shown(button)).to.equal('J’appuie · 128');
    expect(spoken(button)).to.equal('J’appuie – Le budget participatif est relancé, 128 soutiens');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('the host’s aria-label names the subject as the label attribute does', async () => {
    new FakeSubjects().add('actu-sms', { up: 1 }).listen();
    const el = await renderVote({ subject: 'actu-sms', 'aria-label': 'Contributions par SMS' });
    await untilState(el, 'ready');
    expect(spoken(part(el, 'support'))).to.equal('J’appuie – Contributions par SMS, 1 soutien');
    await expect(el).to.be.accessible();
  });

  it('pressed: the citizen’s support, kept from an earlier visit', async () => {
    new FakeSubjects().add('actu-pressee', { up: 12, mine: 1 }).listen();
    const el = await renderVote({ subject: 'actu-pressee' });
    await untilState(el, 'pressed');
    expect(part(el, 'support')!.getAttribute('aria-pressed')).to.equal('true');
    expect(shown(part(el, 'support'))).to.equal('✓ J’appuie · 12');
    await expect(el).to.be.accessible();
  });

  it('counts hidden: no number is shown or said', async () => {
    new FakeSubjects().add('actu-discrete', { up: 40 }).listen();
    const el = await renderVote({ subject: 'actu-discrete', counts: 'hidden' });
    await untilState(el, 'ready');
    expect(part(el, 'count')).to.equal(null);
    expect(spoken(part(el, 'support'))).to.equal('J’appuie');
    await expect(el).to.be.accessible();
  });

  it('submitting: the click shows at once, pressed and counted, while the vote is on its way', async () => {
    new FakeSubjects().add('actu-envoi', { up: 7 }).listen({ refuse: never });
    const el = await renderVote({ subject: 'actu-envoi' });
    await untilState(el, 'ready');
    part(el, 'support')!.click();
    await untilState(el, 'submitting');
    expect(part(el, 'support')!.getAttribute('aria-pressed')).to.equal('true');
    expect(part(el, 'support')!.getAttribute('aria-disabled')).to.equal('true');
    expect(shown(part(el, 'support'))).to.equal('✓ J’appuie · 8');
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('rollback: a refused vote is undone and explained, and the button tries again', async () => {
    let refuse = true;
    const server = new FakeSubjects()
      .add('actu-refus', { up: 7 })
      .listen({ refuse: () => (refuse ? error(429, 'rate_limited') : undefined) });
    const el = await renderVote({ subject: 'actu-refus' });
    await untilState(el, 'ready');
    part(el, 'support')!.click();
    await untilState(el, 'ready');
    expect(part(el, 'support')!.getAttribute('aria-pressed')).to.equal('false');
    expect(shown(part(el, 'support'))).to.equal('J’appuie · 7');
    expect(text(part(el, 'error'))).to.equal('Trop de demandes en peu de temps. Patientez une minute, puis réessayez.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();

    refuse = false;
    part(el, 'support')!.click();
    await untilState(el, 'pressed');
    expect(part(el, 'error')).to.equal(null);
    expect(server.subjects.get('actu-refus')!.up).to.equal(8);
  });

  it('closed: read-only, with the count and the citizen’s own support', async () => {
    new FakeSubjects().add('actu-close', { up: 214, mine: 1, closed: true }).listen();
    const el = await renderVote({ subject: 'actu-close', label: 'Budget participatif' });
    await untilState(el, 'closed');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    expect(shown(part(el, 'closed'))).to.equal('214 soutiens Vous avez appuyé. Vote clos.');
    expect(spoken(part(el, 'closed'))).to.match(/^Budget participatif – 214 soutiens/);
    await expect(el).to.be.accessible();
  });

  it('a vote refused because the subject closed meanwhile: rolled back, explained, then shown closed', async () => {
    const server = new FakeSubjects().add('actu-fermee', { up: 3 }).listen();
    const el = await renderVote({ subject: 'actu-fermee' });
    await untilState(el, 'ready');
    server.subjects.get('actu-fermee')!.closed = true;
    part(el, 'support')!.click();
    await untilState(el, 'closed');
    expect(text(part(el, 'error'))).to.equal('Ce vote est clos : il n’accepte plus de réponses.');
    expect(shown(part(el, 'closed'))).to.equal('3 soutiens Vote clos.');
    await expect(el).to.be.accessible();
  });

  it('error: a message chosen by code, and a retry that loads the counts', async () => {
    let fail = true;
    const server = new FakeSubjects().add('actu-panne', { up: 5 });
    worker.use(http.get(`${API}/v1/subjects/:key/votes`, () => (fail ? error(503, 'unavailable') : undefined)));
    const el = await renderVote({ subject: 'actu-panne' });
    await untilState(el, 'error');
    expect(text(part(el, 'error'))).to.equal(
      'Le service de participation est injoignable. Vérifiez votre connexion, puis réessayez.',
    );
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    fail = false;
    server.listen();
    part<HTMLButtonElement>(el, 'retry')!.click();
    await untilState(el, 'ready');
    expect(part(el, 'error')).to.equal(null);
    expect(shown(part(el, 'support'))).to.equal('J’appuie · 5');
  });

  it('a subject attribute the contract refuses is a configuration error, said before anything is sent', async () => {
    const server = new FakeSubjects().listen();
    const el = await renderVote({ subject: 'une clé avec des espaces' });
    await untilState(el, 'error');
    expect(text(part(el, 'error'))).to.equal(
      'Ce bouton de vote est mal configuré (sujet invalide). Merci de prévenir le webmestre.',
    );
    expect(server.reads).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a subject already voted on in another mode says so instead of offering votes the server would refuse', async () => {
    new FakeSubjects().add('actu-mode', { mode: 'support', up: 2 }).listen();
    const el = await renderVote({ subject: 'actu-mode', mode: 'updown' });
    await untilState(el, 'error');
    expect(text(part(el, 'error'))).to.equal(
      'Ce bouton de vote ne correspond pas au type de vote choisi pour ce sujet. Merci de prévenir le webmestre.',
    );
    expect(el.shadowRoot!.querySelector('[part~="button"]')).to.equal(null);
  });
});

describe('<parvis-vote mode="updown">', () => {
  it('ready: for and against around the score, each with its count', async () => {
    new FakeSubjects().add('projet-pistes', { mode: 'updown', up: 15, down: 3 }).listen();
    const el = await renderVote({ subject: 'projet-pistes', mode: 'updown', label: 'Pistes cyclables rue Nationale' });
    await untilState(el, 'ready');
    expect(part(el, 'group')!.getAttribute('aria-label')).to.equal('Pistes cyclables rue Nationale');
    expect(shown(part(el, 'up'))).to.equal('▲ Pour · 15');
    expect(spoken(part(el, 'up'))).to.equal('Pour, 15 votes pour');
    expect(shown(part(el, 'score'))).to.equal('+12');
    expect(spoken(part(el, 'score'))).to.equal('Score : +12');
    expect(spoken(part(el, 'down'))).to.equal('Contre, 3 votes contre');
    expect(parts(el, 'button').map((button) => button.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false']);
    await expect(el).to.be.accessible();
  });

  it('up and down are mutually exclusive; pressing the pressed one withdraws the vote', async () => {
    const server = new FakeSubjects().add('projet-bancs', { mode: 'updown', up: 1, down: 1 }).listen();
    const el = await renderVote({ subject: 'projet-bancs', mode: 'updown' });
    await untilState(el, 'ready');
    const pressed = () => parts(el, 'button').map((button) => button.getAttribute('aria-pressed'));
    part(el, 'up')!.click();
    await untilState(el, 'pressed');
    expect(pressed()).to.deep.equal(['true', 'false']);
    expect(shown(part(el, 'score'))).to.equal('+1');
    part(el, 'down')!.click();
    await el.updateComplete;
    expect(pressed()).to.deep.equal(['false', 'true']);
    expect(shown(part(el, 'score'))).to.equal('-1');
    await untilState(el, 'pressed');
    part(el, 'down')!.click();
    await untilState(el, 'ready');
    expect(pressed()).to.deep.equal(['false', 'false']);
    expect(server.received.map(({ body }) => body)).to.deep.equal([
      { value: 1, mode: 'updown' },
      { value: -1, mode: 'updown' },
      { value: 0, mode: 'updown' },
    ]);
    expect(server.view('projet-bancs')).to.include({ up: 1, down: 1, score: 0, mine: 0 });
    await expect(el).to.be.accessible();
  });

  it('a subject that shows its score only: no counts on the buttons', async () => {
    new FakeSubjects().add('projet-score', { mode: 'updown', up: 9, down: 2, scoreOnly: true, mine: -1 }).listen();
    const el = await renderVote({ subject: 'projet-score', mode: 'updown' });
    await untilState(el, 'pressed');
    expect(part(el, 'count')).to.equal(null);
    expect(shown(part(el, 'score'))).to.equal('+7');
    expect(part(el, 'down')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('counts hidden: neither the score nor the counts', async () => {
    new FakeSubjects().add('projet-cache', { mode: 'updown', up: 9, down: 2 }).listen();
    const el = await renderVote({ subject: 'projet-cache', mode: 'updown', counts: 'hidden' });
    await untilState(el, 'ready');
    expect(part(el, 'score')).to.equal(null);
    expect(part(el, 'count')).to.equal(null);
    expect(part(el, 'group')!.getAttribute('aria-label')).to.equal('Pour ou contre');
    await expect(el).to.be.accessible();
  });

  it('closed: the score, the counts and the citizen’s vote, read-only', async () => {
    new FakeSubjects().add('projet-clos', { mode: 'updown', up: 4, down: 1, mine: -1, closed: true }).listen();
    const el = await renderVote({ subject: 'projet-clos', mode: 'updown' });
    await untilState(el, 'closed');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    expect(shown(part(el, 'closed'))).to.equal(
      'Score : +3 (4 votes pour, 1 vote contre) Vous avez voté contre. Vote clos.',
    );
    await expect(el).to.be.accessible();
  });
});

describe('<parvis-vote mode="helpful">', () => {
  it('ready: the question, with yes and no in a group it names', async () => {
    new FakeSubjects().add('page-etat-civil', { mode: 'helpful', up: 12, down: 3 }).listen();
    const el = await renderVote({ subject: 'page-etat-civil', mode: 'helpful' });
    await untilState(el, 'ready');
    const group = part(el, 'group')!;
    expect(group.getAttribute('role')).to.equal('group');
    expect(text(el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!))).to.equal(
      'Cette page vous a-t-elle été utile ?',
    );
    expect(shown(part(el, 'yes'))).to.equal('Oui · 12');
    expect(spoken(part(el, 'no'))).to.equal('Non, 3 réponses « non »');
    await expect(el).to.be.accessible();
  });

  it('answered on an earlier visit: the thank-you stays', async () => {
    new FakeSubjects().add('page-dechets', { mode: 'helpful', up: 2, mine: 1 }).listen();
    const el = await renderVote({ subject: 'page-dechets', mode: 'helpful' });
    await untilState(el, 'pressed');
    expect(text(part(el, 'thanks'))).to.equal('Merci pour votre réponse.');
    expect(part(el, 'yes')).to.equal(null);
    expect(part(el, 'comment')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('answered and commented on an earlier visit: the thank-you says both', async () => {
    new FakeSubjects().add('page-piscine', { mode: 'helpful', down: 1, mine: -1, commented: true }).listen();
    const el = await renderVote({ subject: 'page-piscine', mode: 'helpful' });
    await untilState(el, 'pressed');
    expect(text(part(el, 'thanks'))).to.equal(
      'Merci pour votre réponse et votre commentaire : ils aideront la ville à améliorer cette page.',
    );
    await expect(el).to.be.accessible();
  });

  it('counts hidden: yes and no without numbers', async () => {
    new FakeSubjects().add('page-cantine', { mode: 'helpful', up: 50, down: 5 }).listen();
    const el = await renderVote({ subject: 'page-cantine', mode: 'helpful', counts: 'hidden' });
    await untilState(el, 'ready');
    expect(spoken(part(el, 'yes'))).to.equal('Oui');
    expect(spoken(part(el, 'no'))).to.equal('Non');
    await expect(el).to.be.accessible();
  });

  it('closed: the question, and that answers are closed', async () => {
    new FakeSubjects().add('page-archive', { mode: 'helpful', closed: true }).listen();
    const el = await renderVote({ subject: 'page-archive', mode: 'helpful' });
    await untilState(el, 'closed');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    expect(text(part(el, 'closed'))).to.equal('Vote clos.');
    await expect(el).to.be.accessible();
  });

  it('loading: the question shows, the answers are blank shapes', async () => {
    worker.use(http.get(`${API}/v1/subjects/:key/votes`, never));
    const el = await renderVote({ subject: 'page-lente', mode: 'helpful' });
    expect(el.state).to.equal('loading');
    const shape = el.shadowRoot!.querySelector('[aria-hidden="true"]')!;
    expect(text(shape.querySelector('.question'))).to.equal('Cette page vous a-t-elle été utile ?');
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
