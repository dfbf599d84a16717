import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminPoll, AdminPollList, PollResultsExport } from '../../src/contract/poll.js';
import {
  ADMIN_TOKEN,
  adminRequest,
  createPoll,
  errorCode,
  openTestApp,
  snapshot,
  type TestApp,
  vote,
  assertAdminTokenRequired,
  type AdminRoute,
} from './helpers.js';

/** The totals, then the votes and the voters of each channel (see open-data.test.ts). */
const RESULTS_HEADER =
  'option_id,label,votes,share,voters,votes_web,votes_paper,votes_meeting,votes_phone,votes_sms,' +
  'voters_web,voters_paper,voters_meeting,voters_phone,voters_sms';

const options = [
  { id: 'mardi-soir', label: 'Le mardi soir' },
  { id: 'dimanche', label: 'Le dimanche matin, "en famille"' },
];

describe('admin poll operations', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.dispose());

  test('refuse a missing or wrong admin token, on every route, writing nothing', async () => {
    await createPoll(t.app, { id: 'protegee' });
    const routes: AdminRoute[] = [
      ['GET', '/v1/admin/polls'],
      ['POST', '/v1/admin/polls', { id: 'intruse', question: 'Q ?', options }],
      ['GET', '/v1/admin/polls/protegee'],
      ['PATCH', '/v1/admin/polls/protegee', { question: 'Piratée ?' }],
      ['POST', '/v1/admin/polls/protegee/close'],
      ['DELETE', '/v1/admin/polls/protegee'],
    ];
    const before = await snapshot(t.store);
    await assertAdminTokenRequired(t.app, routes);
    assert.deepEqual(await snapshot(t.store), before);
  });

  test('create answers 201 with the poll and its defaults', async () => {
    const response = await adminRequest(t.app, 'POST', '/v1/admin/polls', {
      id: 'horaires',
      question: 'Quels horaires ?',
      options,
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('Location'), '/v1/admin/polls/horaires');
    const poll = AdminPoll.parse(await response.json());
    assert.deepEqual(
      [
        poll.multiple,
        poll.minChoices,
        poll.maxChoices,
        poll.resultsVisibility,
        poll.allowChange,
        poll.requiresVerification,
        poll.closed,
        poll.status,
      ],
      [false, 1, 1, 'after_vote', false, false, false, 'open'],
    );
    assert.deepEqual(poll.results, {
      voters: 0,
      options: [
        { id: 'mardi-soir', votes: 0 },
        { id: 'dimanche', votes: 0 },
      ],
    });
    const again = await adminRequest(t.app, 'POST', '/v1/admin/polls', {
      id: 'horaires',
      question: 'Encore ?',
      options,
    });
    assert.equal(again.status, 409);
    assert.equal(await errorCode(again), 'poll_exists');
  });

  test('create refuses inconsistent settings, naming the fields', async () => {
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ multiple: false, maxChoices: 2 }, { maxChoices: 'single_choice_needs_exactly_one' }],
      [{ multiple: true, maxChoices: 3 }, { maxChoices: 'more_than_options' }],
      [{ multiple: true, minChoices: 2, maxChoices: 1 }, { minChoices: 'greater_than_max_choices' }],
      [{ opensAt: '2027-03-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z' }, { closesAt: 'not_after_opens_at' }],
      [{ options: [options[0], options[0]] }, { options: 'duplicate_option_id' }],
      [{ options: [options[0]] }, { options: 'too_small' }],
      [{ resultsVisibility: 'sometimes' }, { resultsVisibility: 'invalid_value' }],
    ];
    for (const [settings, fields] of cases) {
      const before = await snapshot(t.store);
      const response = await adminRequest(t.app, 'POST', '/v1/admin/polls', {
        id: 'incoherente',
        question: 'Q ?',
        options,
        ...settings,
      });
      assert.equal(response.status, 400, JSON.stringify(settings));
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      assert.equal(body.error.code, 'invalid_request');
      assert.deepEqual(body.error.fields, fields);
      assert.deepEqual(await snapshot(t.store), before);
    }
  });

  test('list and get show every poll with its results', async () => {
    await createPoll(t.app, { id: 'listee', resultsVisibility: 'never' });
    await vote(t.app, 'listee', ['bancs']);
    const list = AdminPollList.parse(await (await adminRequest(t.app, 'GET', '/v1/admin/polls')).json());
    const listed = list.polls.find((poll) => poll.id === 'listee');
    assert.equal(listed?.results.voters, 1, 'the admin sees results even when citizens never do');
    const one = await adminRequest(t.app, 'GET', '/v1/admin/polls/listee');
    assert.deepEqual(AdminPoll.parse(await one.json()), listed);
    const missing = await adminRequest(t.app, 'GET', '/v1/admin/polls/absente');
    assert.equal(missing.status, 404);
    assert.equal(await errorCode(missing), 'poll_not_found');
  });

  test('update changes settings; options only while the poll has no votes', async () => {
    await createPoll(t.app, { id: 'modifiee' });
    const renamed = await adminRequest(t.app, 'PATCH', '/v1/admin/polls/modifiee', {
      question: 'Nouvelle question ?',
      options,
    });
    assert.equal(renamed.status, 200);
    const poll = AdminPoll.parse(await renamed.json());
    assert.equal(poll.question, 'Nouvelle question ?');
    assert.deepEqual(poll.options, options);
    await vote(t.app, 'modifiee', ['dimanche']);
    const before = await snapshot(t.store);
    const refused = await adminRequest(t.app, 'PATCH', '/v1/admin/polls/modifiee', {
      options: [...options, { id: 'samedi', label: 'Le samedi' }],
    });
    assert.equal(refused.status, 409);
    assert.equal(await errorCode(refused), 'poll_has_votes');
    assert.deepEqual(await snapshot(t.store), before);
    const multiple = await adminRequest(t.app, 'PATCH', '/v1/admin/polls/modifiee', { multiple: true, options });
    assert.deepEqual(
      (({ multiple: m, minChoices, maxChoices }) => [m, minChoices, maxChoices])(
        AdminPoll.parse(await multiple.json()),
      ),
      [true, 1, 2],
      'switching to multiple choice takes the multiple-choice limits',
    );
    const wrongType = await adminRequest(t.app, 'PATCH', '/v1/admin/polls/modifiee', { allowChange: 'oui' });
    assert.equal(await errorCode(wrongType), 'invalid_request');
    const unknown = await adminRequest(t.app, 'PATCH', '/v1/admin/polls/absente', { question: 'Q ?' });
    assert.equal(await errorCode(unknown), 'poll_not_found');
  });

  test('close ends the vote', async () => {
    await createPoll(t.app, { id: 'a-fermer' });
    const closed = await adminRequest(t.app, 'POST', '/v1/admin/polls/a-fermer/close');
    assert.equal(closed.status, 200);
    const poll = AdminPoll.parse(await closed.json());
    assert.deepEqual([poll.closed, poll.status], [true, 'closed']);
    assert.equal(await errorCode(await vote(t.app, 'a-fermer', ['jeux'])), 'poll_closed');
    assert.equal(
      (await adminRequest(t.app, 'POST', '/v1/admin/polls/a-fermer/close')).status,
      200,
      'closing twice is harmless',
    );
  });

  test('delete answers 204 and removes the poll and its votes', async () => {
    await createPoll(t.app, { id: 'a-supprimer' });
    await vote(t.app, 'a-supprimer', ['jeux']);
    const deleted = await adminRequest(t.app, 'DELETE', '/v1/admin/polls/a-supprimer');
    assert.equal(deleted.status, 204);
    assert.equal((await t.app.request('/v1/polls/a-supprimer')).status, 404);
    const rows = await t.store.db
      .selectFrom('poll_votes')
      .select('voter')
      .where('poll_id', '=', 'a-supprimer')
      .execute();
    assert.equal(rows.length, 0);
    assert.equal(await errorCode(await adminRequest(t.app, 'DELETE', '/v1/admin/polls/a-supprimer')), 'poll_not_found');
  });

  test('accepts a large poll but not an oversized body', async () => {
    const response = await adminRequest(t.app, 'POST', '/v1/admin/polls', {
      id: 'enorme',
      question: 'Q ?',
      options,
      description: 'x'.repeat(300 * 1024),
    });
    assert.equal(response.status, 413);
    assert.equal(await errorCode(response), 'payload_too_large');
  });
});

describe('results exports', () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await createPoll(t.app, { id: 'publique', resultsVisibility: 'always', options });
    await createPoll(t.app, { id: 'apres-vote', resultsVisibility: 'after_vote', options });
    await createPoll(t.app, { id: 'jamais', resultsVisibility: 'never', options });
    await createPoll(t.app, { id: 'close-apres', resultsVisibility: 'after_close', options });
    for (const id of ['publique', 'apres-vote', 'jamais', 'close-apres']) {
      await vote(t.app, id, ['dimanche']);
      await vote(t.app, id, ['dimanche']);
      await vote(t.app, id, ['mardi-soir']);
    }
    await adminRequest(t.app, 'POST', '/v1/admin/polls/jamais/close');
    await adminRequest(t.app, 'POST', '/v1/admin/polls/close-apres/close');
  });
  after(() => t.dispose());

  test('results.json is open data under the Licence Ouverte', async () => {
    const response = await t.app.request('/v1/polls/publique/results.json');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Link') ?? '', /licence-ouverte/);
    const results = PollResultsExport.parse(await response.json());
    assert.equal(results.licence, 'Licence Ouverte / Etalab 2.0');
    assert.equal(results.voters, 3);
    assert.deepEqual(
      results.options.map(({ id, votes, share }) => [id, votes, share]),
      [
        ['mardi-soir', 1, 0.3333],
        ['dimanche', 2, 0.6667],
      ],
    );
    const etag = response.headers.get('ETag')!;
    assert.equal(
      (await t.app.request('/v1/polls/publique/results.json', { headers: { 'If-None-Match': etag } })).status,
      304,
    );
  });

  test('results.csv has a header row and quotes what needs quoting', async () => {
    const response = await t.app.request('/v1/polls/publique/results.csv');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    assert.equal(
      await response.text(),
      `${RESULTS_HEADER}\r\n` +
        'mardi-soir,Le mardi soir,1,0.3333,3,1,0,0,0,0,3,0,0,0,0\r\n' +
        'dimanche,"Le dimanche matin, ""en famille""",2,0.6667,3,2,0,0,0,0,3,0,0,0,0\r\n',
    );
  });

  test('results.csv keeps a label that starts like a formula as text, and the counts as numbers', async () => {
    await createPoll(t.app, {
      id: 'formules',
      resultsVisibility: 'always',
      options: [
        { id: 'lien', label: '=HYPERLINK("https://evil.example","Cliquez")' },
        { id: 'moins', label: '-1 place de parking' },
        { id: 'espace', label: ' @mairie' },
      ],
    });
    await vote(t.app, 'formules', ['lien']);
    const response = await t.app.request('/v1/polls/formules/results.csv');
    assert.equal(
      await response.text(),
      `${RESULTS_HEADER}\r\n` +
        `lien,"'=HYPERLINK(""https://evil.example"",""Cliquez"")",1,1,1,1,0,0,0,0,1,0,0,0,0\r\n` +
        "moins,'-1 place de parking,0,0,1,0,0,0,0,0,1,0,0,0,0\r\n" +
        "espace,' @mairie,0,0,1,0,0,0,0,0,1,0,0,0,0\r\n",
    );
  });

  test('are public once closed unless the policy is never', async () => {
    assert.equal((await t.app.request('/v1/polls/close-apres/results.json')).status, 200);
    for (const id of ['apres-vote', 'jamais']) {
      for (const format of ['json', 'csv']) {
        const hidden = await t.app.request(`/v1/polls/${id}/results.${format}`);
        assert.equal(hidden.status, 403);
        assert.equal(await errorCode(hidden), 'results_hidden');
      }
    }
  });

  test('the admin token reads hidden results; a wrong one is refused', async () => {
    const admin = await t.app.request('/v1/polls/jamais/results.csv', {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(admin.status, 200);
    const wrong = await t.app.request('/v1/polls/jamais/results.json', { headers: { Authorization: 'Bearer nope' } });
    assert.equal(wrong.status, 401);
    assert.equal(await errorCode(wrong), 'unauthorized');
    assert.equal(await errorCode(await t.app.request('/v1/polls/absente/results.json')), 'poll_not_found');
  });
});
