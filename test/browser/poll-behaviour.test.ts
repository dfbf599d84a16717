import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeServer, error, makePoll, startApi, worker } from './support/api.js';
import { choose, part, parts, renderPoll, submit, text, until } from './support/render.js';

before(startApi);
afterEach(() => worker.resetHandlers());

function recordEvents(): { names: string[]; stop(): void } {
  const names: string[] = [];
  const record = (event: Event) => names.push(event.type);
  const types = ['parvis-vote', 'parvis-voted', 'parvis-error'];
  for (const type of types) document.addEventListener(type, record);
  return { names, stop: () => types.forEach((type) => document.removeEventListener(type, record)) };
}

describe('<parvis-poll> by keyboard', () => {
  it('a single-choice vote with Tab, arrows and Enter; focus lands on the confirmation', async () => {
    const server = new FakeServer(makePoll()).listen();
    const el = await renderPoll();
    await until(el, 'open');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.have.property('value', 'aire-de-jeux');
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.have.property('value', 'jardin-partage');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'submit'));
    await sendKeys({ press: 'Enter' });
    await until(el, 'voted');
    expect(server.received[0].choices).to.deep.equal(['jardin-partage']);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'status'));
    expect(text(part(el, 'status'))).to.match(/^Merci, votre vote est enregistré\. Résultats/);
  });

  it('a multiple-choice vote with Space on each checkbox', async () => {
    const server = new FakeServer(makePoll({ multiple: true, maxChoices: 3 })).listen();
    const el = await renderPoll();
    await until(el, 'open');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(text(part(el, 'hint'))).to.contain('2 sur 3 choisies');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(el, 'voted');
    expect(server.received[0].choices).to.deep.equal(['aire-de-jeux', 'kiosque']);
  });
});

describe('<parvis-poll> events', () => {
  it('parvis-vote is cancelable: cancelled, nothing is sent', async () => {
    const server = new FakeServer(makePoll()).listen();
    const el = await renderPoll();
    await until(el, 'open');
    el.addEventListener('parvis-vote', (event) => event.preventDefault(), { once: true });
    const vote = oneEvent(el, 'parvis-vote');
    choose(el, 'Un kiosque à musique');
    await submit(el);
    const event = await vote;
    expect(event.detail).to.deep.equal({ pollId: 'parc-des-tilleuls', choices: ['kiosque'] });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.received).to.have.length(0);
    expect(el.state).to.equal('open');
  });

  it('parvis-voted carries the accepted choices and the updated poll', async () => {
    new FakeServer(makePoll({ resultsVisibility: 'always' })).listen();
    const el = await renderPoll();
    await until(el, 'open');
    const voted = oneEvent(document, 'parvis-voted');
    choose(el, 'Une aire de jeux');
    await submit(el);
    const { detail } = await voted;
    expect(detail.pollId).to.equal('parc-des-tilleuls');
    expect(detail.choices).to.deep.equal(['aire-de-jeux']);
    expect(detail.poll.results!.voters).to.equal(1);
  });

  it('parvis-error carries the code, for loading and for voting', async () => {
    new FakeServer(makePoll()).listen({ vote: () => error(409, 'poll_closed') });
    const loadFailure = oneEvent(document, 'parvis-error');
    const missing = await renderPoll('inconnu');
    const loadEvent = await loadFailure;
    expect(loadEvent.detail).to.include({
      code: 'poll_not_found',
      operation: 'getPoll',
      status: 404,
      pollId: 'inconnu',
    });
    expect(missing.state).to.equal('error');

    const el = await renderPoll();
    await until(el, 'open');
    const voteFailure = oneEvent(el, 'parvis-error');
    choose(el, 'Une aire de jeux');
    await submit(el);
    expect((await voteFailure).detail).to.include({ code: 'poll_closed', operation: 'castPollVote', status: 409 });
  });

  it('no event when a developer changes properties', async () => {
    new FakeServer(makePoll()).listen();
    const el = await renderPoll();
    await until(el, 'open');
    const events = recordEvents();
    el.poll = 'parc-des-tilleuls';
    el.timeout = 5000;
    el.api = el.api + '/';
    await el.updateComplete;
    await el.reload();
    await until(el, 'open');
    events.stop();
    expect(events.names).to.deep.equal([]);
    expect(el.data!.id).to.equal('parc-des-tilleuls');
  });
});

describe('<parvis-poll> parts', () => {
  it('exposes the documented parts for theming', async () => {
    new FakeServer(makePoll({ resultsVisibility: 'always' }), { kiosque: 1 }, 1).listen();
    const el = await renderPoll();
    await until(el, 'open');
    for (const name of [
      'base',
      'question',
      'description',
      'hint',
      'options',
      'option',
      'option-label',
      'submit',
      'status',
      'results',
      'results-heading',
      'result',
      'result-label',
      'count',
      'track',
      'bar',
      'total',
      'notice',
    ]) {
      expect(parts(el, name), name).to.not.be.empty;
    }
  });
});
