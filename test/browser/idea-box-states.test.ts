import { expect } from '@open-wc/testing';
import { http } from 'msw';
import { API, error, never, startApi, worker } from './support/api.js';
import {
  FakeIdeaServer,
  ideas,
  makeBox,
  makeIdea,
  part,
  parts,
  renderIdeaBox,
  text,
  untilBox,
} from './support/idea-api.js';

before(startApi);
afterEach(() => worker.resetHandlers());

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('fr', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));

describe('<parvis-idea-box> states', () => {
  it('loading: reserves its size, says it is busy and hides the fallback link', async () => {
    worker.use(http.get(`${API}/v1/idea-boxes/:boxId`, never), http.get(`${API}/v1/idea-boxes/:boxId/ideas`, never));
    const el = await renderIdeaBox();
    expect(el.state).to.equal('loading');
    const base = part(el, 'base')!;
    expect(base.getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'skeleton')).to.exist;
    expect(base.getBoundingClientRect().height).to.be.greaterThan(500);
    expect(text(el.shadowRoot!.querySelector('.visually-hidden'))).to.equal('Chargement de la boîte à idées…');
    // The light-DOM link is the no-script fallback: the shadow root has no slot for it.
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('open, with ideas: the box, its form, the count and one page of ideas, each with its details', async () => {
    const box = makeBox();
    new FakeIdeaServer(box, [
      makeIdea(1, { authorName: 'Awa', category: 'culture', supports: 4 }),
      makeIdea(2, { category: null, supports: 2 }),
      makeIdea(3, { supports: 0 }),
    ]).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    expect(text(part(el, 'title'))).to.equal('Vos idées pour le centre-ville');
    expect(text(part(el, 'description'))).to.equal('Proposez, soutenez, et suivez les réponses de la ville.');
    expect(text(part(el, 'notice'))).to.equal(
      `Vous pouvez proposer et soutenir des idées jusqu’au ${longDate(box.closesAt!)}.`,
    );
    expect(part(el, 'form')).to.exist;
    expect(parts(el, 'heading').map(text)).to.deep.equal(['Proposer une idée', 'Les idées proposées']);
    expect(text(part(el, 'count'))).to.equal('3 idées');
    expect(parts(el, 'idea-title').map(text)).to.deep.equal(['Idée numéro 1', 'Idée numéro 2', 'Idée numéro 3']);
    const [first, second] = parts(el, 'idea');
    expect(text(first.querySelector('[part~="idea-meta"]'))).to.equal(
      `Proposée par Awa le ${longDate(makeIdea(1).createdAt)} Culture`,
    );
    expect(text(second.querySelector('[part~="idea-meta"]'))).to.equal(
      `Proposée anonymement le ${longDate(makeIdea(2).createdAt)}`,
    );
    expect(text(first.querySelector('[part~="idea-status"]'))).to.equal('Statut : Publiée');
    expect(text(first.querySelector('[part~="idea-text"]'))).to.equal('Description de l’idée 1.');
    expect(parts(el, 'support-count').map(text)).to.deep.equal(['4 soutiens', '2 soutiens', '0 soutien']);
    expect(parts(el, 'support').map((button) => button.getAttribute('aria-pressed'))).to.deep.equal([
      'false',
      'false',
      'false',
    ]);
    expect(first.querySelector('[part~="idea-title"]')!.getAttribute('aria-level')).to.equal('4');
    expect(part(el, 'more')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('empty: says there is no idea yet and invites the first one', async () => {
    new FakeIdeaServer(makeBox()).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    expect(text(part(el, 'count'))).to.equal('0 idée');
    expect(text(part(el, 'empty'))).to.equal(
      'Aucune idée pour le moment. Soyez la première personne à en proposer une !',
    );
    expect(part(el, 'ideas')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows each status, the idea a duplicate was merged into, and the city’s dated answer', async () => {
    const answeredAt = '2026-04-02T14:30:00+02:00';
    new FakeIdeaServer(makeBox(), [
      makeIdea(1, { status: 'under_review', supports: 6 }),
      makeIdea(2, { status: 'accepted', supports: 5, answer: { text: 'Retenue pour 2027.', answeredAt } }),
      makeIdea(3, { status: 'rejected', supports: 4, answer: { text: 'Hors compétence.', answeredAt } }),
      makeIdea(4, { status: 'done', supports: 3 }),
      makeIdea(5, { status: 'merged', supports: 2, mergedInto: { id: 'idee-2', title: 'Idée numéro 2' } }),
      makeIdea(6, { status: 'published', supports: 1 }),
    ]).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    expect(parts(el, 'idea-status').map(text)).to.deep.equal([
      'Statut : À l’étude',
      'Statut : Retenue',
      'Statut : Non retenue',
      'Statut : Réalisée',
      'Statut : Fusionnée',
      'Statut : Publiée',
    ]);
    expect(parts(el, 'answer-heading').map(text)).to.deep.equal([
      `Réponse de la ville, le ${longDate(answeredAt)}`,
      `Réponse de la ville, le ${longDate(answeredAt)}`,
    ]);
    expect(parts(el, 'answer-text').map(text)).to.deep.equal(['Retenue pour 2027.', 'Hors compétence.']);
    expect(text(part(el, 'merged'))).to.equal('Fusionnée avec l’idée « Idée numéro 2 ».');
    // Supports are taken while the city studies or carries out an idea, not once it is rejected or merged.
    const supportable = parts(el, 'idea').map((idea) => Boolean(idea.querySelector('[part~="support"]')));
    expect(supportable).to.deep.equal([true, true, false, true, false, true]);
    await expect(el).to.be.accessible();
  });

  it('upcoming: says when it opens, shows no form and takes no support', async () => {
    const opensAt = '2030-03-12T09:00:00+01:00';
    new FakeIdeaServer(makeBox({ status: 'upcoming', opensAt }), ideas(1)).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'upcoming');
    expect(text(part(el, 'notice'))).to.equal(`Cette boîte à idées ouvrira le ${longDate(opensAt)}.`);
    expect(part(el, 'form')).to.equal(null);
    expect(part(el, 'support')).to.equal(null);
    expect(text(part(el, 'support-count'))).to.equal('0 soutien');
    await expect(el).to.be.accessible();
  });

  it('closed: says so, and keeps the ideas and answers readable', async () => {
    const closesAt = '2026-02-28T18:00:00+01:00';
    new FakeIdeaServer(
      makeBox({ status: 'closed', closesAt }),
      ideas(2, () => ({ supports: 3 })),
    ).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'closed');
    expect(text(part(el, 'notice'))).to.equal(
      `Cette boîte à idées est close depuis le ${longDate(closesAt)}. Vous pouvez encore lire les idées et les réponses de la ville.`,
    );
    expect(part(el, 'form')).to.equal(null);
    expect(part(el, 'support')).to.equal(null);
    expect(parts(el, 'support-count').map(text)).to.deep.equal(['3 soutiens', '3 soutiens']);
    await expect(el).to.be.accessible();
  });

  it('error: a message chosen by code, and a retry that loads the box', async () => {
    let failing = true;
    new FakeIdeaServer(makeBox(), ideas(2)).listen();
    // Handlers added last answer first: the box fails until told otherwise.
    worker.use(http.get(`${API}/v1/idea-boxes/:boxId`, () => (failing ? error(503, 'unavailable') : undefined)));
    const el = await renderIdeaBox();
    await untilBox(el, 'error');
    expect(text(part(el, 'error'))).to.equal(
      'Le service de participation est injoignable. Vérifiez votre connexion, puis réessayez.',
    );
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    await expect(el).to.be.accessible();
    failing = false;
    part<HTMLButtonElement>(el, 'retry')!.click();
    await untilBox(el, 'open');
    expect(parts(el, 'idea')).to.have.length(2);
    expect(part(el, 'error')).to.equal(null);
  });

  it('error: an unknown box says so', async () => {
    new FakeIdeaServer(makeBox({ id: 'une-autre-boite' })).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'error');
    expect(text(part(el, 'error'))).to.equal('Cette boîte à idées n’existe pas ou a été retirée.');
  });

  it('error on the list alone: the box stays, with a retry for its ideas', async () => {
    let failing = true;
    new FakeIdeaServer(makeBox(), ideas(2)).listen({
      list: () => (failing ? error(500, 'internal_error') : undefined),
    });
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    expect(part(el, 'form')).to.exist;
    expect(text(part(el, 'error'))).to.equal('Une erreur inattendue est survenue. Réessayez dans un instant.');
    expect(part(el, 'empty')).to.equal(null);
    await expect(el).to.be.accessible();
    failing = false;
    part<HTMLButtonElement>(el, 'retry')!.click();
    await el.updateComplete;
    await waitForIdeas(el, 2);
    expect(part(el, 'error')).to.equal(null);
  });
});

describe('<parvis-idea-box> hostile text', () => {
  const hostile = {
    title: '<img src=x onerror="window.pwned=1">Parking <b>gratuit</b>',
    body: '<script>window.pwned = 2</script>\n' + 'Anticonstitutionnellement'.repeat(12) + '\n🚲🌳 ✊🏽',
    authorName: 'مريم <i>العلوي</i>',
    answer: { text: '<a href="javascript:alert(1)">Réponse</a> שלום', answeredAt: '2026-04-02T14:30:00+02:00' },
  };

  it('is shown exactly as typed, never as markup; long words wrap; right-to-left text is isolated', async () => {
    new FakeIdeaServer(makeBox(), [makeIdea(1, hostile)]).listen();
    const el = await renderIdeaBox();
    await untilBox(el, 'open');
    const idea = part(el, 'idea')!;
    const title = idea.querySelector('[part~="idea-title"]')!;
    expect(title.textContent!.trim()).to.equal(hostile.title);
    expect(idea.querySelector('[part~="idea-text"]')!.textContent).to.equal(hostile.body);
    expect(idea.querySelector('[part~="answer-text"]')!.textContent).to.equal(hostile.answer.text);
    expect(idea.querySelector('bdi')!.textContent).to.equal(hostile.authorName);
    expect(el.shadowRoot!.querySelectorAll('img, script, b, i, a')).to.have.length(0);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
    for (const name of ['idea-title', 'idea-text', 'answer-text']) {
      expect(idea.querySelector(`[part~="${name}"]`)!.getAttribute('dir'), name).to.equal('auto');
    }
    const card = idea.querySelector<HTMLElement>('.idea-card')!;
    expect(card.scrollWidth).to.be.at.most(card.clientWidth);
    await expect(el).to.be.accessible();
  });
});

async function waitForIdeas(el: HTMLElement, count: number): Promise<void> {
  for (let i = 0; i < 200 && parts(el, 'idea').length !== count; i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(parts(el, 'idea')).to.have.length(count);
}
