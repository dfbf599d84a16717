import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { error, startApi, worker } from './support/api.js';
import {
  BOX_ID,
  FakeIdeaServer,
  focused,
  ideas,
  makeBox,
  part,
  parts,
  renderIdeaBox,
  text,
  untilBox,
  untilForm,
  waitFor,
  type FakeIdeaServer as Server,
} from './support/idea-api.js';
import type { ParvisIdeaBox } from '../../src/elements/idea-box/idea-box.js';

before(startApi);
afterEach(() => worker.resetHandlers());

async function openBox(server: Server, pageSize = 20): Promise<ParvisIdeaBox> {
  server.listen();
  const el = await renderIdeaBox({ pageSize });
  await untilBox(el, 'open');
  return el;
}

function select(el: ParvisIdeaBox, id: string, value: string): void {
  const control = el.shadowRoot!.getElementById(id) as HTMLSelectElement;
  control.value = value;
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function gate(): { wait: Promise<void>; open(): void } {
  let open: () => void = () => undefined;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

describe('<parvis-idea-box> browsing', () => {
  it('shows one page at a time; "show more" appends the next with the cursor and moves focus to it', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(45, (n) => ({ supports: 100 - n })),
    );
    const el = await openBox(server, 20);
    expect(parts(el, 'idea')).to.have.length(20);
    expect(text(part(el, 'count'))).to.equal('45 idées');
    expect(server.listQueries).to.have.length(1);
    expect(Object.fromEntries(server.listQueries[0])).to.deep.equal({ sort: 'top', limit: '20' });

    part<HTMLButtonElement>(el, 'more')!.click();
    await waitFor(() => parts(el, 'idea').length === 40, 'the second page');
    expect(server.listQueries[1].get('cursor')).to.equal('after-20');
    await waitFor(() => focused(el) === 'idea-idee-21', 'focus on the first new idea');
    expect(text(parts(el, 'idea-title')[20])).to.equal('Idée numéro 21');
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'more')!.click();
    await waitFor(() => parts(el, 'idea').length === 45, 'the last page');
    expect(part(el, 'more')).to.equal(null);
    expect(server.listQueries).to.have.length(3);
  });

  it('a box of 10,000 ideas: one page is fetched and rendered, and the count says how many there are', async () => {
    const server = new FakeIdeaServer(makeBox(), ideas(10_000));
    const el = await openBox(server);
    expect(text(part(el, 'count'))).to.equal('10 000 idées');
    expect(parts(el, 'idea')).to.have.length(20);
    expect(server.listQueries.map((query) => query.get('limit'))).to.deep.equal(['20']);
    expect(part(el, 'more')).to.exist;
  });

  it('sorts and filters with native selects, announces the new count, and says when nothing matches', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(4, (n) => ({
        category: n % 2 ? 'mobilite' : 'culture',
        supports: n,
        status: n === 4 ? 'accepted' : 'published',
      })),
    );
    const el = await openBox(server);
    expect(parts(el, 'idea-title').map(text)).to.deep.equal([
      'Idée numéro 4',
      'Idée numéro 3',
      'Idée numéro 2',
      'Idée numéro 1',
    ]);
    select(el, 'filter-category', 'mobilite');
    await waitFor(() => parts(el, 'idea').length === 2, 'the filtered list');
    expect(server.listQueries.at(-1)!.get('category')).to.equal('mobilite');
    expect(text(part(el, 'count'))).to.equal('2 idées');
    await waitFor(() => text(part(el, 'status')) === '2 idées', 'the announced count');

    select(el, 'filter-sort', 'new');
    await waitFor(() => server.listQueries.at(-1)!.get('sort') === 'new', 'a newest-first read');
    await waitFor(() => text(parts(el, 'idea-title')[0]) === 'Idée numéro 3', 'the newest first');
    expect(server.listQueries.at(-1)!.get('category')).to.equal('mobilite');

    select(el, 'filter-status', 'accepted');
    await waitFor(() => Boolean(part(el, 'empty')), 'the empty message');
    expect(text(part(el, 'empty'))).to.equal('Aucune idée ne correspond à ces critères.');
    expect(text(part(el, 'count'))).to.equal('0 idée');
    await expect(el).to.be.accessible();
  });
});

describe('<parvis-idea-box> supports', () => {
  it('counts a support at once, then takes the server’s count; withdrawing works the same way', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(2, (n) => ({ supports: 8 - n })),
    );
    const el = await openBox(server);
    const answer = gate();
    server.listen({ support: async () => void (await answer.wait) });
    const button = parts<HTMLButtonElement>(el, 'support')[1];
    const event = oneEvent(el, 'parvis-support');
    button.click();
    expect((await event).detail).to.deep.equal({ boxId: BOX_ID, ideaId: 'idee-2', supported: true });
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(text(parts(el, 'support-count')[1])).to.equal('7 soutiens');
    expect(text(button)).to.equal('Soutenir Idée numéro 2');
    await expect(el).to.be.accessible();
    answer.open();
    await waitFor(
      () => server.supportWrites.length === 1 && button.getAttribute('aria-disabled') === 'false',
      'the answer',
    );
    expect(server.supportWrites[0]).to.include({ method: 'PUT', ideaId: 'idee-2' });
    expect(text(parts(el, 'support-count')[1])).to.equal('7 soutiens');

    server.listen();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(text(parts(el, 'support-count')[1])).to.equal('6 soutiens');
    await waitFor(() => server.supportWrites.length === 2, 'the withdrawal');
    expect(server.supportWrites[1]).to.include({ method: 'DELETE', ideaId: 'idee-2' });
    expect(server.supportWrites[1].idempotencyKey).to.not.equal(server.supportWrites[0].idempotencyKey);
  });

  it('a refused support is taken back, and the citizen is told why', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(1, () => ({ supports: 3 })),
    );
    const el = await openBox(server);
    server.listen({ support: () => error(409, 'idea_not_supportable') });
    const failed = oneEvent(el, 'parvis-error');
    part<HTMLButtonElement>(el, 'support')!.click();
    expect((await failed).detail).to.include({
      code: 'idea_not_supportable',
      operation: 'supportIdea',
      boxId: BOX_ID,
      ideaId: 'idee-1',
    });
    await waitFor(() => Boolean(part(el, 'error')), 'the error');
    expect(part(el, 'support')!.getAttribute('aria-pressed')).to.equal('false');
    expect(text(part(el, 'support-count'))).to.equal('3 soutiens');
    expect(text(part(el, 'error'))).to.equal('Cette idée ne peut pas être soutenue dans son état actuel.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
  });

  it('parvis-support is cancelable: cancelled, nothing changes and nothing is sent', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(1, () => ({ supports: 3 })),
    );
    const el = await openBox(server);
    el.addEventListener('parvis-support', (event) => event.preventDefault(), { once: true });
    part<HTMLButtonElement>(el, 'support')!.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(part(el, 'support')!.getAttribute('aria-pressed')).to.equal('false');
    expect(text(part(el, 'support-count'))).to.equal('3 soutiens');
    expect(server.supportWrites).to.have.length(0);
  });
});

describe('<parvis-idea-box> by keyboard', () => {
  it('proposes an idea with Tab, typing and Enter, the honeypot never in the way', async () => {
    const server = new FakeIdeaServer(makeBox(), ideas(1));
    const el = await openBox(server);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('idea-title');
    await sendKeys({ type: 'Une boîte à livres' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('idea-body');
    await sendKeys({ type: 'Sous le kiosque.' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('idea-category');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('idea-author');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await untilForm(el, 'submitted');
    await waitFor(() => focused(el) === 'confirmation', 'focus on the confirmation');
    expect(server.submissions[0].body).to.include({ title: 'Une boîte à livres', body: 'Sous le kiosque.' });
    expect(server.submissions[0].body.website).to.equal(undefined);
  });

  it('supports with Space and shows more with Enter', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(3, (n) => ({ supports: 4 - n })),
    );
    const el = await openBox(server, 2);
    parts<HTMLButtonElement>(el, 'support')[0].focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => server.supportWrites.length === 1, 'the support');
    expect(parts(el, 'support')[0].getAttribute('aria-pressed')).to.equal('true');
    part<HTMLButtonElement>(el, 'more')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => focused(el) === 'idea-idee-3', 'focus on the new idea');
  });
});

describe('<parvis-idea-box> events and parts', () => {
  it('no event when a developer changes properties', async () => {
    const server = new FakeIdeaServer(makeBox(), ideas(3));
    const el = await openBox(server);
    const names: string[] = [];
    const record = (event: Event) => names.push(event.type);
    const types = ['parvis-idea-submit', 'parvis-idea-submitted', 'parvis-support', 'parvis-error'] as const;
    for (const name of types) document.addEventListener(name, record);
    el.sort = 'new';
    el.timeout = 5000;
    el.pageSize = 2;
    el.api = `${el.api}/`;
    await el.updateComplete;
    await el.reload();
    await untilBox(el, 'open');
    for (const name of types) document.removeEventListener(name, record);
    expect(names).to.deep.equal([]);
    expect(el.data!.id).to.equal(BOX_ID);
    expect(server.listQueries.at(-1)!.get('sort')).to.equal('new');
  });

  it('exposes the documented parts for theming', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(3, (n) => ({
        authorName: 'Lou',
        answer: n === 3 ? { text: 'Étudiée en conseil.', answeredAt: '2026-04-02T10:00:00Z' } : null,
        status: n === 2 ? 'merged' : 'published',
        mergedInto: n === 2 ? { id: 'idee-1', title: 'Idée numéro 1' } : null,
      })),
    );
    const el = await openBox(server, 2);
    for (const name of [
      'base',
      'title',
      'description',
      'notice',
      'heading',
      'form-section',
      'form',
      'hint',
      'field',
      'label',
      'input',
      'char-count',
      'submit',
      'list-section',
      'count',
      'filters',
      'ideas',
      'idea',
      'idea-title',
      'idea-meta',
      'idea-category',
      'idea-status',
      'idea-text',
      'merged',
      'answer',
      'answer-heading',
      'answer-text',
      'support',
      'support-count',
      'report',
      'more',
      'status',
    ]) {
      expect(parts(el, name), name).to.not.be.empty;
    }
  });
});
