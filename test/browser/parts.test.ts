import { expect } from '@open-wc/testing';
import { clear, createStore } from 'idb-keyval';
import { http } from 'msw';
import '../../src/elements/vote/define.js';
import { API, FakeServer, error, makePoll, never, startApi, worker } from './support/api.js';
import {
  FakeBudgetServer,
  click,
  makeBudget,
  makeDistrictBudget,
  makeResults,
  pick,
  renderBudget,
  until as untilBudget,
} from './support/budget-api.js';
import {
  FakeIdeaServer,
  makeBox,
  makeIdea,
  renderIdeaBox,
  type,
  untilBox,
  untilForm,
  waitFor,
} from './support/idea-api.js';
import { choose, part, renderPoll, submit, until } from './support/render.js';
import { FakeSubjects, renderVote, untilState } from './support/vote-api.js';

/**
 * `::part()` names are public API: each one documented in
 * custom-elements.json is rendered in some state, reached by a page's
 * `::part()` rule, and nothing else is exposed.
 */

const PROBE = 'rgb(1, 2, 3)';
const probe = new CSSStyleSheet();

async function documentedParts(): Promise<Map<string, string[]>> {
  const manifest = await (await fetch('/custom-elements.json')).json();
  const parts = new Map<string, string[]>();
  for (const module of manifest.modules)
    for (const declaration of module.declarations ?? [])
      if (declaration.tagName)
        parts.set(
          declaration.tagName,
          (declaration.cssParts ?? []).map((each: { name: string }) => each.name),
        );
  return parts;
}

/** The parts an element showed across the states a test walked it through, and those a page's rule reached. */
class PartsSeen {
  readonly shown = new Set<string>();
  readonly styled = new Set<string>();

  look(element: Element): void {
    const nodes = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part]')];
    for (const name of new Set(nodes.flatMap((node) => [...node.part]))) {
      this.shown.add(name);
      if (this.styled.has(name)) continue;
      probe.replaceSync(`${element.localName}::part(${name}) { text-decoration-color: ${PROBE}; }`);
      const reached = nodes
        .filter((node) => node.part.contains(name))
        .every((node) => getComputedStyle(node).textDecorationColor === PROBE);
      if (reached) this.styled.add(name);
      probe.replaceSync('');
    }
  }

  check(documented: string[] | undefined): void {
    expect(documented, 'documented parts').to.not.be.empty;
    expect(
      documented!.filter((name) => !this.shown.has(name)),
      'documented but never rendered',
    ).to.deep.equal([]);
    expect(
      documented!.filter((name) => !this.styled.has(name)),
      'not reached by ::part()',
    ).to.deep.equal([]);
    expect(
      [...this.shown].filter((name) => !documented!.includes(name)),
      'rendered, not documented',
    ).to.deep.equal([]);
  }
}

/** Offline as far as the widgets can tell; back online without replaying: the test empties the outbox first. */
function goOffline(): () => Promise<void> {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return async () => {
    await clear(createStore('parvis', 'outbox'));
    delete (navigator as { onLine?: boolean }).onLine;
  };
}

let documented: Map<string, string[]>;

before(async () => {
  await startApi();
  documented = await documentedParts();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, probe];
});
afterEach(() => worker.resetHandlers());

describe('<parvis-poll> parts', () => {
  const seen = new PartsSeen();

  it('loading', async () => {
    worker.use(http.get(`${API}/v1/polls/:pollId`, never));
    seen.look(await renderPoll());
  });

  it('open with results, voted, changing the vote', async () => {
    const server = new FakeServer(makePoll({ allowChange: true, resultsVisibility: 'always' }), { kiosque: 3 }, 3);
    server.listen();
    const el = await renderPoll();
    await until(el, 'open');
    seen.look(el);
    choose(el, 'Un kiosque à musique');
    await submit(el);
    await until(el, 'voted');
    seen.look(el);
    part<HTMLButtonElement>(el, 'change')!.click();
    await el.updateComplete;
    seen.look(el);
  });

  it('error', async () => {
    worker.use(http.get(`${API}/v1/polls/:pollId`, () => error(503, 'unavailable')));
    const el = await renderPoll();
    await until(el, 'error');
    seen.look(el);
  });

  it('every documented part is rendered and reachable', () => seen.check(documented.get('parvis-poll')));
});

describe('<parvis-vote> parts', () => {
  const seen = new PartsSeen();

  it('loading, each mode, closed and error', async () => {
    worker.use(http.get(`${API}/v1/subjects/:key/votes`, never));
    seen.look(await renderVote({ subject: 'chargement' }));
    worker.resetHandlers();

    new FakeSubjects()
      .add('soutien', { up: 12 })
      .add('pour-contre', { mode: 'updown', up: 5, down: 2 })
      .add('clos', { closed: true, up: 3 })
      .listen();
    const buttons: Array<Record<string, string>> = [
      { subject: 'soutien' },
      { subject: 'pour-contre', mode: 'updown' },
      { subject: 'clos' },
    ];
    for (const attributes of buttons) {
      const el = await renderVote(attributes);
      await untilState(el, attributes.subject === 'clos' ? 'closed' : 'ready');
      seen.look(el);
    }

    worker.use(http.get(`${API}/v1/subjects/:key/votes`, () => error(503, 'unavailable')));
    const failed = await renderVote({ subject: 'en-panne' });
    await untilState(failed, 'error');
    seen.look(failed);
  });

  it('helpful: the question, the comment form with its error, the comment sent', async () => {
    new FakeSubjects().add('page-utile', { mode: 'helpful', up: 4, down: 1 }).listen();
    const el = await renderVote({ subject: 'page-utile', mode: 'helpful' });
    await untilState(el, 'ready');
    seen.look(el);
    part<HTMLButtonElement>(el, 'no')!.click();
    // The comment goes with the vote once the server holds it: until then "send" waits.
    await untilState(el, 'pressed');
    await waitFor(() => Boolean(part(el, 'comment-form')), 'the comment form');
    const comment = part<HTMLTextAreaElement>(el, 'comment')!;
    comment.value = 'x'.repeat(2001);
    comment.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    part<HTMLButtonElement>(el, 'send')!.click();
    await waitFor(() => Boolean(part(el, 'error')), 'the comment’s error');
    seen.look(el);
    comment.value = 'Les horaires du samedi.';
    comment.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    part<HTMLButtonElement>(el, 'send')!.click();
    await waitFor(() => Boolean(part(el, 'comment-sent')), 'the comment sent');
    seen.look(el);
  });

  it('offline: a vote kept for later', async () => {
    new FakeSubjects().add('hors-ligne', { up: 1 }).listen();
    const el = await renderVote({ subject: 'hors-ligne' });
    await untilState(el, 'ready');
    const backOnline = goOffline();
    part<HTMLButtonElement>(el, 'support')!.click();
    await waitFor(() => Boolean(part(el, 'notice')), 'the queued notice');
    seen.look(el);
    await backOnline();
  });

  it('every documented part is rendered and reachable', () => seen.check(documented.get('parvis-vote')));
});

describe('<parvis-idea-box> parts', () => {
  const answeredAt = '2026-04-02T14:30:00+02:00';
  const ideas = () => [
    makeIdea(1, { status: 'accepted', supports: 9, answer: { text: 'Retenue pour 2027.', answeredAt } }),
    makeIdea(2, { status: 'merged', supports: 2, mergedInto: { id: 'idee-1', title: 'Idée numéro 1' } }),
    makeIdea(3, { supports: 1 }),
  ];

  const seen = new PartsSeen();

  it('loading, and a box with no idea', async () => {
    worker.use(http.get(`${API}/v1/idea-boxes/:boxId`, never));
    seen.look(await renderIdeaBox());
    worker.resetHandlers();
    new FakeIdeaServer(makeBox()).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    await waitFor(() => Boolean(part(el, 'empty')), 'the empty list');
    seen.look(el);
  });

  it('open: the form with its errors, the ideas, a report, a refused support, the idea sent', async () => {
    const server = new FakeIdeaServer(makeBox({ moderation: 'post' }), ideas());
    server.listen({ support: () => error(503, 'unavailable') });
    const el = await renderIdeaBox({ pageSize: 2 });
    await untilBox(el, 'open');
    await waitFor(() => Boolean(part(el, 'more')), 'the ideas');
    seen.look(el);

    part<HTMLButtonElement>(el, 'submit')!.click();
    await waitFor(() => Boolean(part(el, 'error-summary')), 'the error summary');
    seen.look(el);

    part<HTMLButtonElement>(el, 'report')!.click();
    await waitFor(() => Boolean(part(el, 'report-form')), 'the report form');
    seen.look(el);
    (el.shadowRoot!.querySelector('[part~="report-form"] input[type="radio"]') as HTMLInputElement).click();
    part<HTMLButtonElement>(el, 'report-submit')!.click();
    await waitFor(() => Boolean(part(el, 'report-done')), 'the report acknowledged');
    seen.look(el);

    part<HTMLButtonElement>(el, 'support')!.click();
    await waitFor(() => Boolean(el.shadowRoot!.querySelector('[part~="idea"] [part~="error"]')), 'the support error');
    seen.look(el);

    await type(el, 'idea-title', 'Des bancs place du marché');
    await type(el, 'idea-body', 'Pour se reposer à l’ombre.');
    part<HTMLButtonElement>(el, 'submit')!.click();
    await untilForm(el, 'submitted');
    seen.look(el);
  });

  it('offline: an idea and a support kept for later', async () => {
    new FakeIdeaServer(makeBox(), ideas()).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    await waitFor(() => Boolean(part(el, 'support')), 'the ideas');
    const backOnline = goOffline();
    part<HTMLButtonElement>(el, 'support')!.click();
    await waitFor(() => Boolean(part(el, 'support-note')), 'the queued support');
    await type(el, 'idea-title', 'Un abri pour les vélos');
    await type(el, 'idea-body', 'Devant la médiathèque.');
    part<HTMLButtonElement>(el, 'submit')!.click();
    await untilForm(el, 'queued');
    seen.look(el);
    await backOnline();
  });

  it('error', async () => {
    worker.use(
      http.get(`${API}/v1/idea-boxes/:boxId`, () => error(503, 'unavailable')),
      http.get(`${API}/v1/idea-boxes/:boxId/ideas`, () => error(503, 'unavailable')),
    );
    const el = await renderIdeaBox();
    await untilBox(el, 'error');
    seen.look(el);
  });

  it('every documented part is rendered and reachable', () => seen.check(documented.get('parvis-idea-box')));
});

describe('<parvis-budget> parts', () => {
  const seen = new PartsSeen();

  it('loading', async () => {
    worker.use(http.get(`${API}/v1/budgets/:budgetId`, never));
    seen.look(await renderBudget());
  });

  it('a budget in districts', async () => {
    new FakeBudgetServer(makeDistrictBudget()).listen();
    const el = await renderBudget();
    await untilBudget(el, 'district');
    seen.look(el);
  });

  it('building, a project that does not fit, the review, the ballot cast and changed', async () => {
    new FakeBudgetServer(makeBudget({ allowChange: true })).listen();
    const el = await renderBudget();
    await untilBudget(el, 'building');
    seen.look(el);
    await click(el, 'review');
    await waitFor(() => Boolean(part(el, 'error')), 'the ballot’s error');
    seen.look(el);
    await pick(el, 'Aire de jeux du square Jean-Moulin', 'Jardin partagé des Tilleuls');
    await pick(el, 'Piste cyclable rue des Écoles');
    seen.look(el);
    await click(el, 'review');
    await untilBudget(el, 'review');
    seen.look(el);
    await click(el, 'submit');
    await untilBudget(el, 'cast');
    seen.look(el);
    await click(el, 'change');
    await untilBudget(el, 'building');
    seen.look(el);
  });

  it('closed with results, and error', async () => {
    const myBallot = { projectIds: ['aire-de-jeux'], district: null, castAt: '2027-02-01T10:00:00+01:00' };
    new FakeBudgetServer(makeBudget({ status: 'closed', myBallot, results: makeResults() })).listen();
    const el = await renderBudget();
    await untilBudget(el, 'closed');
    seen.look(el);

    worker.use(http.get(`${API}/v1/budgets/:budgetId`, () => error(503, 'unavailable')));
    const failed = await renderBudget();
    await untilBudget(failed, 'error');
    seen.look(failed);
  });

  it('every documented part is rendered and reachable', () => seen.check(documented.get('parvis-budget')));
});
