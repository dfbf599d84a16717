import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { error, startApi, worker } from './support/api.js';
import {
  FakeIdeaServer,
  focused,
  ideas,
  makeBox,
  part,
  parts,
  renderIdeaBox,
  text,
  untilBox,
  waitFor,
} from './support/idea-api.js';
import type { ParvisIdeaBox } from '../../src/elements/idea-box/idea-box.js';

before(startApi);
afterEach(() => worker.resetHandlers());

async function openBox(server: FakeIdeaServer): Promise<ParvisIdeaBox> {
  server.listen();
  const el = await renderIdeaBox();
  await untilBox(el, 'open');
  return el;
}

describe('<parvis-idea-box> reports', () => {
  it('opens a reason picker under the idea, asks for a reason, sends it and thanks the citizen', async () => {
    const server = new FakeIdeaServer(
      makeBox(),
      ideas(2, (n) => ({ supports: 3 - n })),
    );
    const el = await openBox(server);
    const toggle = parts<HTMLButtonElement>(el, 'report')[0];
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await waitFor(() => focused(el) === 'report-idee-1-spam', 'focus on the first reason');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(toggle.getAttribute('aria-controls')).to.equal('report-idee-1');
    const form = part(el, 'report-form')!;
    expect(text(form.querySelector('legend'))).to.equal('Pourquoi signalez-vous cette idée ?');
    expect([...form.querySelectorAll('label')].map(text)).to.deep.equal([
      'Publicité ou envoi automatique',
      'Propos injurieux, haineux ou menaçants',
      'Sans rapport avec cette consultation',
      'Révèle des informations personnelles',
      'Autre raison',
      'Précisions (facultatif)',
    ]);
    await expect(el).to.be.accessible();

    part<HTMLButtonElement>(el, 'report-submit')!.click();
    await waitFor(() => text(form.querySelector('.field-error')) !== '', 'the missing reason');
    expect(text(form.querySelector('.field-error'))).to.equal('Choisissez la raison de votre signalement.');
    expect(server.reports).to.have.length(0);

    (el.shadowRoot!.getElementById('report-idee-1-abusive') as HTMLInputElement).click();
    const details = el.shadowRoot!.getElementById('report-idee-1-details') as HTMLTextAreaElement;
    details.value = '  Insultes envers un voisin.  ';
    details.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    part<HTMLButtonElement>(el, 'report-submit')!.click();
    await waitFor(() => focused(el) === 'report-done-idee-1', 'focus on the thanks');
    expect(text(part(el, 'report-done'))).to.equal('Merci, votre signalement a été transmis à la modération.');
    expect(server.reports).to.deep.equal([
      {
        ideaId: 'idee-1',
        body: { reason: 'abusive', details: 'Insultes envers un voisin.' },
        voter: localStorage.getItem('parvis:voter'),
      },
    ]);
    expect(parts(el, 'report')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('Escape closes the reasons and gives focus back to the button; a second report is acknowledged', async () => {
    const server = new FakeIdeaServer(makeBox(), ideas(1));
    const el = await openBox(server);
    part<HTMLButtonElement>(el, 'report')!.click();
    await waitFor(() => focused(el) === 'report-idee-1-spam', 'focus on the first reason');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => focused(el) === 'report-button-idee-1', 'focus back on the button');
    expect(part(el, 'report-form')).to.equal(null);

    server.listen({ report: () => error(409, 'already_reported') });
    part<HTMLButtonElement>(el, 'report')!.click();
    await waitFor(() => focused(el) === 'report-idee-1-spam', 'focus on the first reason');
    await sendKeys({ press: 'Space' });
    part<HTMLButtonElement>(el, 'report-submit')!.click();
    await waitFor(() => Boolean(part(el, 'report-done')), 'the acknowledgement');
    expect(text(part(el, 'report-done'))).to.equal(
      'Vous avez déjà signalé cette idée : la modération en est informée.',
    );
    expect(server.reports[0].body).to.deep.equal({ reason: 'spam' });
  });
});
