import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ParvisVote } from '../../src/elements/vote/vote.js';
import '../../src/elements/vote/define.js';
import { API, error, startApi, worker } from './support/api.js';
import { FakeSubjects, part, parts, recordEvents, renderVote, shown, text, untilState } from './support/vote-api.js';

before(startApi);
afterEach(() => worker.resetHandlers());

describe('<parvis-vote> by keyboard', () => {
  it('support: Tab reaches the button, Enter supports, Space withdraws; each outcome is announced', async () => {
    const server = new FakeSubjects().add('clavier-soutien', { up: 4 }).listen();
    const el = await renderVote({ subject: 'clavier-soutien' });
    await untilState(el, 'ready');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'support'));
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'pressed');
    expect(text(part(el, 'status'))).to.equal('Votre soutien est enregistré.');
    expect(part(el, 'status')!.getAttribute('role')).to.equal('status');
    await sendKeys({ press: 'Space' });
    await untilState(el, 'ready');
    expect(text(part(el, 'status'))).to.equal('Votre soutien est retiré.');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'support'));
    expect(server.received.map(({ body }) => body)).to.deep.equal([
      { value: 1, mode: 'support' },
      { value: 0, mode: 'support' },
    ]);
    const [first, second] = server.received;
    expect(first.voter).to.match(/^[A-Za-z0-9_-]{16,64}$/);
    expect(second.voter).to.equal(first.voter);
    expect(first.idempotencyKey).to.match(/^[A-Za-z0-9_-]{8,128}$/);
    expect(second.idempotencyKey).to.not.equal(first.idempotencyKey);
  });

  it('updown: Tab goes from for to against (the score is not a stop), and the choice moves with the keys', async () => {
    const server = new FakeSubjects().add('clavier-updown', { mode: 'updown' }).listen();
    const el = await renderVote({ subject: 'clavier-updown', mode: 'updown' });
    await untilState(el, 'ready');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'up'));
    await sendKeys({ press: 'Enter' });
    await untilState(el, 'pressed');
    expect(text(part(el, 'status'))).to.equal('Votre vote « pour » est enregistré.');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'down'));
    await sendKeys({ press: 'Space' });
    await waitUntil(() => server.received.length === 2 && el.state === 'pressed');
    expect(part(el, 'up')!.getAttribute('aria-pressed')).to.equal('false');
    expect(part(el, 'down')!.getAttribute('aria-pressed')).to.equal('true');
    expect(server.view('clavier-updown')).to.include({ up: 0, down: 1, mine: -1 });
  });

  it('helpful: "Non" by keyboard, focus moves to the comment field, the comment is typed and sent', async () => {
    const server = new FakeSubjects().listen();
    const el = await renderVote({ subject: 'clavier-utile', mode: 'helpful' });
    await untilState(el, 'ready');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'yes'));
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement === part(el, 'comment'), 'focus never reached the comment');
    expect(text(part(el, 'thanks'))).to.equal('Merci pour votre réponse.');
    expect(text(el.shadowRoot!.querySelector('label[for="comment"]'))).to.equal(
      'Qu’est-ce qui vous a manqué sur cette page ? (facultatif)',
    );
    expect(text(part(el, 'remaining'))).to.equal('500 caractères restants');
    await sendKeys({ type: 'Les horaires du samedi.' });
    await el.updateComplete;
    expect(text(part(el, 'remaining'))).to.equal('477 caractères restants');
    await untilState(el, 'pressed');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'send'));
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => server.comments.length === 1, 'the comment never arrived');
    await untilState(el, 'pressed');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'thanks'));
    expect(part(el, 'comment-form')).to.equal(null);
    expect(server.comments).to.deep.equal([{ key: 'clavier-utile', value: -1, comment: 'Les horaires du samedi.' }]);
    expect(server.received.map(({ body }) => body)).to.deep.equal([
      { value: -1, mode: 'helpful' },
      { value: -1, mode: 'helpful', comment: 'Les horaires du samedi.' },
    ]);
    expect(text(part(el, 'status'))).to.equal('Merci, votre commentaire est enregistré.');
    await expect(el).to.be.accessible();
  });
});

describe('<parvis-vote mode="helpful"> comments', () => {
  it('after "Oui", no comment is asked unless the page asks for one after both answers', async () => {
    new FakeSubjects().listen();
    const quiet = await renderVote({ subject: 'oui-sans-commentaire', mode: 'helpful' });
    await untilState(quiet, 'ready');
    part(quiet, 'yes')!.click();
    await untilState(quiet, 'pressed');
    expect(part(quiet, 'comment')).to.equal(null);
    expect(quiet.shadowRoot!.activeElement).to.equal(part(quiet, 'thanks'));
    expect(text(part(quiet, 'status'))).to.equal('Merci, votre réponse est enregistrée.');

    const asking = await renderVote({ subject: 'oui-avec-commentaire', mode: 'helpful', comment: 'always' });
    await untilState(asking, 'ready');
    part(asking, 'yes')!.click();
    await untilState(asking, 'pressed');
    expect(text(asking.shadowRoot!.querySelector('label[for="comment"]'))).to.equal(
      'Qu’avez-vous trouvé utile sur cette page ? (facultatif)',
    );
    await expect(asking).to.be.accessible();
  });

  it('comment="never": "Non" is thanked without a form', async () => {
    new FakeSubjects().listen();
    const el = await renderVote({ subject: 'non-sans-commentaire', mode: 'helpful', comment: 'never' });
    await untilState(el, 'ready');
    part(el, 'no')!.click();
    await untilState(el, 'pressed');
    expect(part(el, 'comment-form')).to.equal(null);
  });

  it('hostile text in a comment is sent as written and shown as text, never as markup', async () => {
    const server = new FakeSubjects().listen();
    const el = await renderVote({ subject: 'commentaire-hostile', mode: 'helpful' });
    await untilState(el, 'ready');
    part(el, 'no')!.click();
    await untilState(el, 'pressed');
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> ${msg} &amp;';
    const field = part<HTMLTextAreaElement>(el, 'comment')!;
    field.value = hostile;
    field.dispatchEvent(new Event('input'));
    part(el, 'send')!.click();
    await waitUntil(() => server.comments.length === 1, 'the comment never arrived');
    await untilState(el, 'pressed');
    expect(server.comments[0].comment).to.equal(hostile);
    expect(text(part(el, 'comment-sent'))).to.equal(`Votre commentaire : ${hostile}`);
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });

  it('an empty comment or one over 500 characters is not sent, and says why', async () => {
    const server = new FakeSubjects().listen();
    const el = await renderVote({ subject: 'commentaire-trop-long', mode: 'helpful' });
    await untilState(el, 'ready');
    part(el, 'no')!.click();
    await untilState(el, 'pressed');
    part(el, 'send')!.click();
    await el.updateComplete;
    expect(text(part(el, 'error'))).to.equal('Écrivez votre commentaire avant de l’envoyer.');

    const field = part<HTMLTextAreaElement>(el, 'comment')!;
    field.value = 'x'.repeat(501);
    field.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    expect(text(part(el, 'remaining'))).to.equal('1 caractère en trop');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    part(el, 'send')!.click();
    await el.updateComplete;
    expect(text(part(el, 'error'))).to.equal('Votre commentaire est trop long : raccourcissez-le avant de l’envoyer.');
    expect(part(el, 'error')!.getAttribute('role')).to.equal('alert');
    expect(server.comments).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a refused comment comes back in its field, with the reason', async () => {
    const server = new FakeSubjects().listen({
      refuse: (_key, body) => (body.comment ? error(429, 'rate_limited') : undefined),
    });
    const el = await renderVote({ subject: 'commentaire-refuse', mode: 'helpful' });
    await untilState(el, 'ready');
    part(el, 'no')!.click();
    await untilState(el, 'pressed');
    const field = part<HTMLTextAreaElement>(el, 'comment')!;
    field.value = 'Il manque le plan d’accès.';
    field.dispatchEvent(new Event('input'));
    part(el, 'send')!.click();
    await waitUntil(() => server.received.length === 2 && el.state === 'pressed');
    await el.updateComplete;
    expect(part<HTMLTextAreaElement>(el, 'comment')!.value).to.equal('Il manque le plan d’accès.');
    expect(text(part(el, 'error'))).to.equal('Trop de demandes en peu de temps. Patientez une minute, puis réessayez.');
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'error'));
    expect(part(el, 'comment-sent')).to.equal(null);
  });
});

describe('<parvis-vote> events', () => {
  it('parvis-vote-change is cancelable: cancelled, nothing is sent and nothing changes', async () => {
    const server = new FakeSubjects().add('evenement-annule', { up: 3 }).listen();
    const el = await renderVote({ subject: 'evenement-annule' });
    await untilState(el, 'ready');
    el.addEventListener('parvis-vote-change', (event) => event.preventDefault(), { once: true });
    const change = oneEvent(el, 'parvis-vote-change');
    part(el, 'support')!.click();
    const event = await change;
    expect(event.detail).to.deep.equal({ subject: 'evenement-annule', previous: 0, value: 1, mode: 'support' });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await el.updateComplete;
    expect(el.state).to.equal('ready');
    expect(shown(part(el, 'support'))).to.equal('J’appuie · 3');
    expect(server.received).to.have.length(0);
  });

  it('parvis-voted carries the subject, the value and the counts the server answered', async () => {
    new FakeSubjects().add('evenement-vote', { up: 3 }).listen();
    const el = await renderVote({ subject: 'evenement-vote' });
    await untilState(el, 'ready');
    const voted = oneEvent(document, 'parvis-voted');
    part(el, 'support')!.click();
    const { detail } = await voted;
    expect(detail).to.deep.include({ subject: 'evenement-vote', value: 1 });
    expect('votes' in detail && detail.votes).to.include({ up: 4, mine: 1 });
  });

  it('parvis-error carries the code, for loading and for voting', async () => {
    new FakeSubjects().add('evenement-erreur', { up: 1 }).listen({ refuse: () => error(422, 'mode_mismatch') });
    const loadFailure = oneEvent(document, 'parvis-error');
    await renderVote({ subject: 'clé invalide' });
    expect((await loadFailure).detail).to.include({
      code: 'invalid_subject_key',
      operation: 'getSubjectVotes',
      subject: 'clé invalide',
    });

    const el = await renderVote({ subject: 'evenement-erreur' });
    await untilState(el, 'ready');
    const voteFailure = oneEvent(el, 'parvis-error');
    part(el, 'support')!.click();
    expect((await voteFailure).detail).to.include({
      code: 'mode_mismatch',
      operation: 'setSubjectVote',
      status: 422,
      subject: 'evenement-erreur',
    });
  });

  it('no event when a developer changes properties', async () => {
    new FakeSubjects().add('programme-a', { up: 1 }).add('programme-b', { mode: 'updown', up: 2 }).listen();
    const el = await renderVote({ subject: 'programme-a' });
    await untilState(el, 'ready');
    const events = recordEvents();
    el.subject = 'programme-b';
    el.mode = 'updown';
    el.counts = 'hidden';
    el.label = 'Un autre sujet';
    el.timeout = 5000;
    await el.updateComplete;
    await untilState(el, 'ready');
    await el.reload();
    await untilState(el, 'ready');
    events.stop();
    expect(events.names).to.deep.equal([]);
    expect(el.subjectKey).to.equal('programme-b');
    expect(part(el, 'up')).to.exist;
  });
});

describe('<parvis-vote> many buttons', () => {
  it('several buttons of one subject stay in sync: a vote on one shows on all, and is sent once', async () => {
    const server = new FakeSubjects().add('actu-partagee', { up: 10 }).add('actu-voisine', { up: 2 }).listen();
    const container = await fixture<HTMLElement>(html`
      <div>
        <parvis-vote api=${API} subject="actu-partagee"></parvis-vote>
        <parvis-vote api=${API} subject="actu-voisine"></parvis-vote>
        <parvis-vote api=${API} subject="actu-partagee"></parvis-vote>
      </div>
    `);
    const [top, other, bottom] = [...container.querySelectorAll('parvis-vote')];
    await untilState(bottom, 'ready');
    expect(server.reads).to.deep.equal([['actu-partagee', 'actu-voisine']]);
    const events = recordEvents();
    part(top, 'support')!.click();
    await top.updateComplete;
    expect(part(bottom, 'support')!.getAttribute('aria-pressed')).to.equal('true');
    expect(shown(part(bottom, 'support'))).to.equal('✓ J’appuie · 11');
    await untilState(top, 'pressed');
    await untilState(bottom, 'pressed');
    expect(other.state).to.equal('ready');
    expect(server.received).to.have.length(1);
    // Told once, by the button that was pressed.
    expect(events.names).to.deep.equal(['parvis-vote-change', 'parvis-voted']);
    expect(text(part(top, 'status'))).to.equal('Votre soutien est enregistré.');
    expect(text(part(bottom, 'status'))).to.equal('');

    part(bottom, 'support')!.click();
    await untilState(top, 'ready');
    expect(shown(part(top, 'support'))).to.equal('J’appuie · 10');
    events.stop();
  });

  it('fifty buttons read their counts in one request, in the order of the page', async () => {
    const server = new FakeSubjects();
    const keys = Array.from({ length: 50 }, (_, index) => `actu-liste-${index}`);
    keys.forEach((key, index) => server.add(key, { up: index }));
    server.listen();
    const list = await fixture<HTMLElement>(html`
      <ul>
        ${keys.map((key) => html`<li><parvis-vote api=${API} subject=${key}></parvis-vote></li>`)}
      </ul>
    `);
    const buttons = [...list.querySelectorAll<ParvisVote>('parvis-vote')];
    await Promise.all(buttons.map((button) => untilState(button, 'ready')));
    expect(server.reads).to.deep.equal([keys]);
    expect(shown(part(buttons[42], 'support'))).to.equal('J’appuie · 42');
  });

  it('more buttons than one read may ask for are split into several reads', async () => {
    const server = new FakeSubjects().listen();
    const keys = Array.from({ length: 130 }, (_, index) => `actu-longue-liste-${index}`);
    const list = await fixture<HTMLElement>(html`
      <div>${keys.map((key) => html`<parvis-vote api=${API} subject=${key}></parvis-vote>`)}</div>
    `);
    const buttons = [...list.querySelectorAll<ParvisVote>('parvis-vote')];
    await Promise.all(buttons.map((button) => untilState(button, 'ready')));
    expect(server.reads.map((read) => read.length)).to.deep.equal([100, 30]);
    expect(server.reads.flat()).to.deep.equal(keys);
  });
});

describe('<parvis-vote> parts', () => {
  it('exposes the documented parts for theming', async () => {
    new FakeSubjects().add('parties-updown', { mode: 'updown', up: 2, down: 1 }).listen();
    const el = await renderVote({ subject: 'parties-updown', mode: 'updown' });
    await untilState(el, 'ready');
    for (const name of ['base', 'group', 'button', 'up', 'down', 'button-label', 'count', 'score', 'status']) {
      expect(parts(el, name), name).to.not.be.empty;
    }
  });
});
