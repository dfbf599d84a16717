import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { ParvisPoll } from '../../src/elements/poll/poll.js';
import { API, FakeServer, makePoll, startApi, worker } from './support/api.js';
import { choose, part, parts, submit, text, until } from './support/dom.js';

before(async () => {
  await startApi();
  // As on a webmaster's page: the entry configures the language and defines each tag when it appears.
  await import('../../src/parvis.js');
  window.Parvis!.configure({ api: API });
});
afterEach(() => worker.resetHandlers());

async function renderInSpanish(): Promise<ParvisPoll> {
  const div = await fixture(
    html`<div lang="es-ES">
      <parvis-poll poll="parc-des-tilleuls"><a href="#">Responder a la encuesta</a></parvis-poll>
    </div>`,
  );
  await waitUntil(() => customElements.get('parvis-poll'), '<parvis-poll> was never defined', { timeout: 5000 });
  return div.firstElementChild as ParvisPoll;
}

describe('<parvis-poll> in Spanish, loaded by parvis.js', () => {
  it('asks, hints and reports problems in Spanish, left to right', async () => {
    new FakeServer(makePoll({ multiple: true, minChoices: 2, maxChoices: 2 })).listen();
    const el = await renderInSpanish();
    await until(el, 'open');
    await waitUntil(() => text(part(el, 'submit')) === 'Votar', 'the strings never switched to Spanish', {
      timeout: 5000,
    });
    expect(part(el, 'base')!.getAttribute('dir')).to.equal('ltr');
    expect(text(part(el, 'hint'))).to.equal('Elija 2 respuestas. (0 de 2 elegidas)');
    choose(el, 'Une aire de jeux');
    await el.updateComplete;
    expect(text(part(el, 'hint'))).to.equal('Elija 2 respuestas. (1 de 2 elegida)');
    await submit(el);
    expect(text(part(el, 'error'))).to.equal('Elija al menos 2 respuestas antes de votar.');
    await expect(el).to.be.accessible();
  });

  it('words counts with the Spanish plural rules, « de » before whole millions included', async () => {
    new FakeServer(
      makePoll({ status: 'closed', resultsVisibility: 'always' }),
      { 'aire-de-jeux': 1_000_000, 'jardin-partage': 1, kiosque: 0 },
      1_000_001,
    ).listen();
    const el = await renderInSpanish();
    await until(el, 'closed');
    await waitUntil(() => text(part(el, 'results-heading')) === 'Resultados', 'the strings never switched to Spanish', {
      timeout: 5000,
    });
    expect(parts(el, 'count').map(text)).to.deep.equal(['1.000.000 de votos · 100 %', '1 voto · 0 %', '0 votos · 0 %']);
    expect(text(part(el, 'total'))).to.equal('Total: 1.000.001 participantes');
    expect(text(part(el, 'notice'))).to.match(/^Esta encuesta está cerrada desde el 31 de diciembre de 2026/);
    await expect(el).to.be.accessible();
  });
});
