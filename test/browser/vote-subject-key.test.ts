import { expect } from '@open-wc/testing';
import { SubjectKey } from '../../src/contract/subject.js';
import { keyOfUrl } from '../../src/elements/vote/subject-key.js';
import '../../src/elements/vote/define.js';
import { startApi, worker } from './support/api.js';
import { FakeSubjects, part, renderVote, untilState } from './support/vote-api.js';

before(startApi);
afterEach(() => {
  worker.resetHandlers();
  document.head.querySelectorAll('link[rel="canonical"]').forEach((link) => link.remove());
});

function canonical(href: string): void {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'canonical', href }));
}

describe('<parvis-vote> without a subject: the page is the subject', () => {
  it('votes on the page’s canonical URL, without its query and hash', async () => {
    canonical('https://www.ville-exemple.fr/démarches/état civil?utm_source=lettre#horaires');
    const server = new FakeSubjects().listen();
    const el = await renderVote({ mode: 'helpful' });
    await untilState(el, 'ready');
    const key = 'www.ville-exemple.fr/d%C3%A9marches/%C3%A9tat%20civil';
    expect(el.subjectKey).to.equal(key);
    expect(server.reads).to.deep.equal([[key]]);
    part(el, 'yes')!.click();
    await untilState(el, 'pressed');
    expect(server.received[0]).to.deep.include({ key, body: { value: 1, mode: 'helpful' } });
  });

  it('without a canonical link, votes on the page’s own address', async () => {
    const server = new FakeSubjects().listen();
    const el = await renderVote({ mode: 'helpful' });
    await untilState(el, 'ready');
    expect(el.subjectKey).to.equal(location.host + location.pathname);
    expect(server.reads).to.deep.equal([[location.host + location.pathname]]);
  });

  it('the subject attribute wins over the page', async () => {
    canonical('https://www.ville-exemple.fr/actualites');
    new FakeSubjects().listen();
    const el = await renderVote({ subject: 'actu-donnees-ouvertes' });
    await untilState(el, 'ready');
    expect(el.subjectKey).to.equal('actu-donnees-ouvertes');
  });

  it('two pages of a template get two subjects; one page always the same', async () => {
    const server = new FakeSubjects().listen();
    canonical('https://www.ville-exemple.fr/piscine');
    const first = await renderVote({ mode: 'helpful' });
    await untilState(first, 'ready');
    document.head.querySelector('link[rel="canonical"]')!.remove();
    canonical('https://www.ville-exemple.fr/mediatheque');
    const second = await renderVote({ mode: 'helpful' });
    await untilState(second, 'ready');
    expect([first.subjectKey, second.subjectKey]).to.deep.equal([
      'www.ville-exemple.fr/piscine',
      'www.ville-exemple.fr/mediatheque',
    ]);
    expect(server.reads.flat()).to.deep.equal(['www.ville-exemple.fr/piscine', 'www.ville-exemple.fr/mediatheque']);
  });
});

describe('keyOfUrl', () => {
  it('percent-encodes what a key may not hold', () => {
    expect(keyOfUrl("https://ville.fr/l'agenda/(été)!;=*,$&")).to.equal(
      'ville.fr/l%27agenda/%28%C3%A9t%C3%A9%29%21%3B%3D%2A%2C%24%26',
    );
    expect(keyOfUrl('http://localhost:8080/')).to.equal('localhost:8080/');
  });

  it('shortens a long address to a valid key, deterministically, keeping pages apart', () => {
    const long = `https://www.ville-exemple.fr/${'actualites/'.repeat(30)}`;
    const key = keyOfUrl(`${long}budget`);
    expect(key).to.have.length(200);
    expect(key).to.match(/~[0-9a-f]{16}$/);
    expect(key.startsWith('www.ville-exemple.fr/actualites/')).to.equal(true);
    expect(SubjectKey.safeParse(key).success).to.equal(true);
    expect(keyOfUrl(`${long}budget`)).to.equal(key);
    expect(keyOfUrl(`${long}budgets`)).to.not.equal(key);
  });
});
