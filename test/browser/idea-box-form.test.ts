import { expect, oneEvent } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { API, error, startApi, worker } from './support/api.js';
import {
  BOX_ID,
  FakeIdeaServer,
  field,
  focused,
  ideas,
  makeBox,
  part,
  parts,
  renderIdeaBox,
  text,
  type,
  untilBox,
  untilForm,
  waitFor,
} from './support/idea-api.js';

before(startApi);
afterEach(() => worker.resetHandlers());

async function openBox(server: FakeIdeaServer) {
  server.listen();
  const el = await renderIdeaBox();
  await untilBox(el, 'open');
  return el;
}

async function fill(el: Awaited<ReturnType<typeof openBox>>, title: string, body: string) {
  await type(el, 'idea-title', title);
  await type(el, 'idea-body', body);
}

function submit(el: HTMLElement): void {
  part<HTMLButtonElement>(el, 'submit')!.click();
}

describe('<parvis-idea-box> form: field errors', () => {
  it('lists every problem above the form, focused, with links to the fields, and marks each field', async () => {
    const server = new FakeIdeaServer(makeBox());
    const el = await openBox(server);
    await type(el, 'idea-title', '   ');
    submit(el);
    await el.updateComplete;
    const summary = part(el, 'error-summary')!;
    await waitFor(() => focused(el) === 'error-summary', 'focus on the summary');
    expect(text(summary.querySelector('.error-summary-title'))).to.equal('Votre idée n’a pas pu être envoyée');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map(text)).to.deep.equal(['Saisissez le titre de votre idée.', 'Décrivez votre idée.']);
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal(['#idea-title', '#idea-body']);
    expect(parts(el, 'field-error').map(text)).to.deep.equal([
      'Erreur : Saisissez le titre de votre idée.',
      'Erreur : Décrivez votre idée.',
    ]);
    const title = field(el, 'idea-title');
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(title.getAttribute('aria-describedby')).to.equal('idea-title-hint idea-title-error');
    expect(field(el, 'idea-author').getAttribute('aria-invalid')).to.equal('false');
    await expect(el).to.be.accessible();

    links[1].click();
    expect(focused(el)).to.equal('idea-body');
    expect(server.submissions).to.have.length(0);
    expect(server.challenges).to.be.at.most(1);
  });

  it('checks the contract’s limits before sending, and counts what is left of the description', async () => {
    const server = new FakeIdeaServer(makeBox());
    const el = await openBox(server);
    // `text()` reads the narrow no-break space Intl puts in 2 000 as a space.
    expect(text(part(el, 'char-count'))).to.equal('Il vous reste 2 000 caractères.');
    await fill(el, 'x'.repeat(121), 'y'.repeat(2001));
    expect(text(part(el, 'char-count'))).to.equal('1 caractère en trop.');
    expect(part(el, 'char-count')!.getAttribute('aria-hidden')).to.equal('true');
    await type(el, 'idea-author', 'z'.repeat(81));
    submit(el);
    await el.updateComplete;
    expect([...part(el, 'error-summary')!.querySelectorAll('a')].map(text)).to.deep.equal([
      'Le titre doit faire 120 caractères au maximum.',
      'La description doit faire 2 000 caractères au maximum.',
      'Le nom affiché doit faire 80 caractères au maximum.',
    ]);
    await type(el, 'idea-body', 'y'.repeat(1999));
    expect(text(part(el, 'char-count'))).to.equal('Il vous reste 1 caractère.');
    expect(server.submissions).to.have.length(0);
  });

  it('says the remaining characters to screen readers once the citizen pauses, not at each keystroke', async () => {
    const el = await openBox(new FakeIdeaServer(makeBox()));
    const spoken = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    await type(el, 'idea-body', 'Des bancs');
    expect(text(spoken)).to.equal('');
    await type(el, 'idea-body', 'Des bancs à l’ombre');
    await waitFor(() => text(spoken) !== '', 'the spoken count');
    expect(text(spoken)).to.equal('Il vous reste 1 981 caractères.');
  });

  it('shows the server’s field errors with the same messages', async () => {
    const server = new FakeIdeaServer(makeBox());
    const el = await openBox(server);
    server.listen({
      submit: () =>
        HttpResponse.json(
          { error: { code: 'invalid_request', message: 'Invalid.', fields: { title: 'too_big', body: 'too_small' } } },
          { status: 400 },
        ),
    });
    await fill(el, 'Des bancs place du marché', 'Pour se reposer.');
    const failed = oneEvent(el, 'parvis-error');
    submit(el);
    expect((await failed).detail).to.include({ code: 'invalid_request', operation: 'submitIdea', boxId: BOX_ID });
    await untilForm(el, 'editing');
    await waitFor(() => focused(el) === 'error-summary', 'focus on the summary');
    expect(parts(el, 'field-error').map(text)).to.deep.equal([
      'Erreur : Le titre doit faire 120 caractères au maximum.',
      'Erreur : Décrivez votre idée.',
    ]);
    expect(field(el, 'idea-title').value).to.equal('Des bancs place du marché');
  });

  it('an unknown category or too many links point at their field', async () => {
    let code = 'unknown_category';
    const server = new FakeIdeaServer(makeBox());
    const el = await openBox(server);
    server.listen({ submit: () => error(422, code) });
    await fill(el, 'Une idée', 'Voir https://a.example https://b.example https://c.example');
    submit(el);
    await untilForm(el, 'editing');
    await waitFor(() => Boolean(part(el, 'error-summary')), 'the summary');
    expect(text(part(el, 'field-error'))).to.equal('Erreur : Choisissez une catégorie de la liste.');
    code = 'too_many_links';
    submit(el);
    await waitFor(() => text(part(el, 'field-error')).includes('liens'), 'the links error');
    expect(text(part(el, 'field-error'))).to.equal('Erreur : La description contient trop de liens : retirez-en.');
  });
});

describe('<parvis-idea-box> form: sending', () => {
  it('pre-moderation: sends the idea with a solved proof of work and confirms it awaits moderation', async () => {
    // An API base of its own: a challenge an earlier test's box asked for just before it left counts elsewhere.
    const server = new FakeIdeaServer(makeBox(), ideas(2), `${API}/pre-moderation`);
    server.listen();
    const el = await renderIdeaBox({ api: server.api });
    await untilBox(el, 'open');
    expect(server.challenges, 'no challenge before the citizen starts writing').to.equal(0);
    await fill(el, '  Des bancs place du marché  ', 'Pour se reposer\nà l’ombre des platanes.');
    field<HTMLSelectElement>(el, 'idea-category').value = 'espaces-verts';
    field(el, 'idea-category').dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await type(el, 'idea-author', 'Jeanne');
    const submitted = oneEvent(el, 'parvis-idea-submitted');
    submit(el);
    const { detail } = await submitted;
    expect(detail.boxId).to.equal(BOX_ID);
    expect(detail.idea).to.include({ title: 'Des bancs place du marché', status: 'pending' });
    await untilForm(el, 'submitted');
    const confirmation = part(el, 'confirmation')!;
    expect(text(confirmation)).to.equal(
      'Merci, votre idée a bien été reçue. Des bancs place du marché Elle sera publiée après relecture par la ville.',
    );
    await waitFor(() => focused(el) === 'confirmation', 'focus on the confirmation');
    await expect(el).to.be.accessible();

    expect(server.challenges).to.equal(1);
    const [sent] = server.submissions;
    expect(sent.proofValid).to.equal(true);
    const { proof, ...body } = sent.body;
    expect(JSON.parse(atob(proof!))).to.have.keys(['algorithm', 'challenge', 'number', 'salt', 'signature']);
    expect(body).to.deep.equal({
      title: 'Des bancs place du marché',
      body: 'Pour se reposer\nà l’ombre des platanes.',
      category: 'espaces-verts',
      authorName: 'Jeanne',
    });
    expect(sent.idempotencyKey).to.match(/^[A-Za-z0-9_-]{8,}$/);
    expect(sent.voter).to.equal(localStorage.getItem('parvis:voter'));
    // Awaiting moderation, it is not counted among the ideas yet.
    expect(text(part(el, 'count'))).to.equal('2 idées');

    part<HTMLButtonElement>(el, 'again')!.click();
    await untilForm(el, 'editing');
    await waitFor(() => focused(el) === 'idea-title', 'focus on the title');
    expect(field(el, 'idea-title').value).to.equal('');
  });

  it('post-moderation: confirms the idea is published and counts it', async () => {
    const server = new FakeIdeaServer(makeBox({ moderation: 'post' }), ideas(2));
    const el = await openBox(server);
    expect(text(part(el, 'hint'))).to.equal(
      'Votre idée sera publiée dès son envoi. Les champs sont obligatoires, sauf mention contraire.',
    );
    await fill(el, 'Un marché de nuit', 'Le vendredi soir, en été.');
    submit(el);
    await untilForm(el, 'submitted');
    expect(text(part(el, 'confirmation'))).to.equal(
      'Merci, votre idée est publiée. Un marché de nuit Les autres habitants peuvent dès maintenant la lire et la soutenir.',
    );
    expect(text(part(el, 'count'))).to.equal('3 idées');
    await expect(el).to.be.accessible();
  });

  it('submitting: says so while the proof of work is not ready, and never disables the button', async () => {
    let release: () => void = () => undefined;
    const challengeReady = new Promise<void>((resolve) => (release = resolve));
    const server = new FakeIdeaServer(makeBox());
    const el = await openBox(server);
    // The challenge arrives only when released: sending must wait for it.
    worker.use(http.get(`${API}/v1/challenge`, async () => void (await challengeReady)));
    await fill(el, 'Des toilettes publiques', 'Près de la halle.');
    submit(el);
    await untilForm(el, 'submitting');
    const button = part<HTMLButtonElement>(el, 'submit')!;
    expect(text(button)).to.equal('Envoi en cours…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(button.disabled).to.equal(false);
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(server.submissions).to.have.length(0);
    await expect(el).to.be.accessible();
    release();
    await untilForm(el, 'submitted');
    expect(server.submissions).to.have.length(1);
    expect(server.submissions[0].proofValid).to.equal(true);
  });

  it('a proof the server refuses is replaced once, under the same key', async () => {
    let refusals = 1;
    const server = new FakeIdeaServer(makeBox());
    const el = await openBox(server);
    server.listen({ submit: () => (refusals-- > 0 ? error(422, 'invalid_proof') : undefined) });
    await fill(el, 'Un composteur', 'Dans le square.');
    submit(el);
    await untilForm(el, 'submitted');
    expect(server.submissions).to.have.length(2);
    const [first, second] = server.submissions;
    expect(second.idempotencyKey).to.equal(first.idempotencyKey);
    expect(second.body.proof).to.not.equal(first.body.proof);
    expect(second.proofValid).to.equal(true);
  });

  it('the honeypot is out of sight, out of the tab order and hidden from assistive technology; a robot filling it is told', async () => {
    const server = new FakeIdeaServer(makeBox());
    const el = await openBox(server);
    const honeypot = field(el, 'idea-website');
    expect(honeypot.name).to.equal('website');
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.getAttribute('autocomplete')).to.equal('off');
    expect(honeypot.closest('[aria-hidden="true"]')).to.exist;
    const box = honeypot.getBoundingClientRect();
    expect(box.right <= 0 || box.width <= 1).to.equal(true);

    await fill(el, 'Achetez maintenant', 'Promotion exceptionnelle.');
    await type(el, 'idea-website', 'https://spam.example');
    submit(el);
    await untilForm(el, 'editing');
    await waitFor(() => Boolean(part(el, 'error')), 'the error');
    expect(server.submissions[0].body.website).to.equal('https://spam.example');
    expect(text(part(el, 'error'))).to.equal(
      'Votre idée ressemble à un envoi automatique et n’a pas été enregistrée. Si un outil remplit le formulaire pour vous, désactivez-le, puis réessayez.',
    );
    await waitFor(() => focused(el) === 'form-error', 'focus on the error');
  });

  it('a box closed meanwhile says so and shows itself closed', async () => {
    const server = new FakeIdeaServer(makeBox());
    const el = await openBox(server);
    server.listen({
      submit: () => {
        server.box = { ...server.box, status: 'closed' };
        return error(409, 'box_closed');
      },
    });
    await fill(el, 'Une idée tardive', 'Après la clôture.');
    const failed = oneEvent(el, 'parvis-error');
    submit(el);
    expect((await failed).detail.code).to.equal('box_closed');
    await untilBox(el, 'closed');
    expect(part(el, 'form')).to.equal(null);
  });

  it('hostile text typed into the form is sent as typed and shown as text in the confirmation', async () => {
    const server = new FakeIdeaServer(makeBox({ moderation: 'post' }));
    const el = await openBox(server);
    const title = '<img src=x onerror="window.pwned=1"> مرحبا 🚲';
    await fill(el, title, '<script>window.pwned = 2</script>');
    submit(el);
    await untilForm(el, 'submitted');
    expect(server.submissions[0].body).to.include({ title, body: '<script>window.pwned = 2</script>' });
    expect(el.shadowRoot!.querySelector('.confirmation-idea')!.textContent).to.equal(title);
    expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
    expect((window as { pwned?: number }).pwned).to.equal(undefined);
  });
});

describe('<parvis-idea-box> form events', () => {
  it('parvis-idea-submit is cancelable: cancelled, nothing is sent', async () => {
    const server = new FakeIdeaServer(makeBox());
    const el = await openBox(server);
    el.addEventListener('parvis-idea-submit', (event) => event.preventDefault(), { once: true });
    await fill(el, ' Un abri vélo ', 'Devant la gare.');
    await type(el, 'idea-website', '');
    const submitting = oneEvent(el, 'parvis-idea-submit');
    submit(el);
    const event = await submitting;
    expect(event.detail).to.deep.equal({ boxId: BOX_ID, idea: { title: 'Un abri vélo', body: 'Devant la gare.' } });
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.submissions).to.have.length(0);
    expect(el.formState).to.equal('editing');
    expect(field(el, 'idea-title').value).to.equal(' Un abri vélo ');
  });

  it('the proof of work starts only once the citizen uses the form', async () => {
    // An API base of its own: a challenge an earlier test's box asked for just before it left counts elsewhere.
    const server = new FakeIdeaServer(makeBox(), [], `${API}/proof-ahead`);
    server.listen();
    const el = await renderIdeaBox({ api: server.api });
    await untilBox(el, 'open');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.challenges).to.equal(0);
    field(el, 'idea-title').focus();
    await waitFor(() => server.challenges === 1, 'a challenge request');
  });
});
