import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminBudget, BudgetContribution, BudgetContributionList } from '../../src/contract/budget.js';
import { AdminIdea, AdminIdeaBox, IdeaContribution, IdeaContributionList, IdeaPage } from '../../src/contract/idea.js';
import { AdminPoll, Poll, PollContribution, PollContributionList } from '../../src/contract/poll.js';
import {
  adminRequest,
  ballotCountersAndRecount,
  budgetSnapshot,
  castBallot,
  contributionSnapshot,
  countersAndRecount,
  createBudget,
  createIdeaBox,
  createPoll,
  ENGINE,
  errorCode,
  ideaSnapshot,
  newKey,
  newVoter,
  openTestApp,
  recordContribution,
  snapshot,
  submitIdea,
  supportIdea,
  type TestApp,
  vote,
  assertAdminTokenRequired,
  type AdminRoute,
} from './helpers.js';

const adminPoll = async (t: TestApp, id: string) =>
  AdminPoll.parse(await (await adminRequest(t.app, 'GET', `/v1/admin/polls/${id}`)).json());
const adminBudget = async (t: TestApp, id: string) =>
  AdminBudget.parse(await (await adminRequest(t.app, 'GET', `/v1/admin/budgets/${id}`)).json());
const votesOf = (results: { options: Array<{ id: string; votes: number }> }) =>
  Object.fromEntries(results.options.map(({ id, votes }) => [id, votes]));
const projectVotesOf = (results: { projects: Array<{ id: string; votes: number }> }) =>
  Object.fromEntries(results.projects.map(({ id, votes }) => [id, votes]));

describe(`poll contributions on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.dispose());

  test('paper ballots count beside the web votes: citizens see the total, the admin each channel apart', async () => {
    await createPoll(t.app, { id: 'parc', resultsVisibility: 'always' });
    for (const choice of ['jeux', 'jeux', 'bancs']) assert.equal((await vote(t.app, 'parc', [choice])).status, 200);
    const paper = await recordContribution(t.app, '/v1/admin/polls/parc', {
      options: [
        { id: 'jeux', votes: 10 },
        { id: 'arbres', votes: 5 },
      ],
    });
    assert.equal(paper.status, 201);
    const recorded = PollContribution.parse(await paper.json());
    // A single-choice poll counts one ballot per choice; every option is listed, in the poll's order.
    assert.equal(recorded.voters, 15);
    assert.deepEqual(votesOf(recorded), { jeux: 10, bancs: 0, arbres: 5 });
    assert.equal(recorded.recordedBy, 'admin');
    const meeting = await recordContribution(t.app, '/v1/admin/polls/parc', {
      channel: 'meeting',
      location: 'Réunion publique du 12 mars, salle des fêtes',
      options: [{ id: 'bancs', votes: 4 }],
    });
    assert.equal(meeting.status, 201);

    const citizen = Poll.parse(await (await t.app.request('/v1/polls/parc')).json());
    assert.equal(citizen.results?.voters, 22);
    assert.deepEqual(votesOf(citizen.results!), { jeux: 12, bancs: 5, arbres: 5 });
    const { results } = await adminPoll(t, 'parc');
    assert.equal(results.voters, 22);
    assert.equal(results.byChannel!.web.voters, 3);
    assert.deepEqual(votesOf(results.byChannel!.web), { jeux: 2, bancs: 1, arbres: 0 });
    assert.deepEqual(votesOf(results.byChannel!.paper), { jeux: 10, bancs: 0, arbres: 5 });
    assert.deepEqual(votesOf(results.byChannel!.meeting), { jeux: 0, bancs: 4, arbres: 0 });
    assert.equal(results.byChannel!.phone.voters + results.byChannel!.sms.voters, 0);
    const { counters, fromVotes } = await countersAndRecount(t.store, 'parc');
    assert.deepEqual(counters, fromVotes);
    const webRows = await t.store.db.selectFrom('poll_votes').select('voter').where('poll_id', '=', 'parc').execute();
    assert.equal(webRows.length, 3, 'no paper ballot is stored as a voter');
  });

  test('a multiple-choice poll needs the number of ballots; counts its rules could not give are refused', async () => {
    await createPoll(t.app, { id: 'plusieurs', multiple: true, minChoices: 1, maxChoices: 2 });
    const refusals: Array<[string, Record<string, unknown>, string, Record<string, string>]> = [
      [
        'no ballot count',
        { options: [{ id: 'jeux', votes: 3 }] },
        'invalid_request',
        { voters: 'required_for_multiple_choice' },
      ],
      [
        'an option on more ballots than there are',
        { voters: 10, options: [{ id: 'jeux', votes: 11 }] },
        'duplicate_choice',
        { 'options.0.votes': 'more_than_voters' },
      ],
      [
        'fewer choices than one per ballot',
        {
          voters: 10,
          options: [
            { id: 'jeux', votes: 6 },
            { id: 'bancs', votes: 3 },
          ],
        },
        'too_few_choices',
        { options: 'fewer_than_voters_need' },
      ],
      [
        'more choices than two per ballot',
        {
          voters: 10,
          options: [
            { id: 'jeux', votes: 10 },
            { id: 'bancs', votes: 9 },
            { id: 'arbres', votes: 2 },
          ],
        },
        'too_many_choices',
        { options: 'more_than_voters_allow' },
      ],
      [
        'an option the poll does not have',
        { voters: 2, options: [{ id: 'piscine', votes: 2 }] },
        'unknown_option',
        { 'options.0.id': 'unknown_option' },
      ],
      [
        'an option counted twice',
        {
          voters: 4,
          options: [
            { id: 'jeux', votes: 2 },
            { id: 'jeux', votes: 2 },
          ],
        },
        'duplicate_choice',
        { 'options.1.id': 'duplicate_option' },
      ],
      [
        'nothing counted',
        { voters: 0, options: [{ id: 'jeux', votes: 0 }] },
        'invalid_request',
        { voters: 'too_small' },
      ],
      [
        'a day to come',
        { voters: 1, collectedOn: '2999-01-01', options: [{ id: 'jeux', votes: 1 }] },
        'invalid_request',
        { collectedOn: 'in_the_future' },
      ],
      [
        'the web as a channel',
        { channel: 'web', voters: 1, options: [{ id: 'jeux', votes: 1 }] },
        'invalid_request',
        { channel: 'invalid_value' },
      ],
      [
        'no location',
        { location: '', voters: 1, options: [{ id: 'jeux', votes: 1 }] },
        'invalid_request',
        { location: 'too_small' },
      ],
    ];
    const before = { votes: await snapshot(t.store), contributions: await contributionSnapshot(t.store) };
    for (const [name, body, code, fields] of refusals) {
      const response = await recordContribution(t.app, '/v1/admin/polls/plusieurs', body);
      const answer = (await response.json()) as { error: { code: string; fields?: Record<string, string> } };
      assert.equal(answer.error.code, code, name);
      assert.deepEqual(answer.error.fields, fields, name);
    }
    assert.deepEqual({ votes: await snapshot(t.store), contributions: await contributionSnapshot(t.store) }, before);

    // 10 ballots with 16 choices: between one and two each, as the rules allow.
    const counted = {
      voters: 10,
      options: [
        { id: 'jeux', votes: 7 },
        { id: 'bancs', votes: 6 },
        { id: 'arbres', votes: 3 },
      ],
    };
    assert.equal((await recordContribution(t.app, '/v1/admin/polls/plusieurs', counted)).status, 201);
    const { results } = await adminPoll(t, 'plusieurs');
    assert.equal(results.voters, 10);
    assert.deepEqual(votesOf(results), { jeux: 7, bancs: 6, arbres: 3 });
  });

  test('a single-choice poll refuses a ballot count its votes do not add up to, and a count of nothing', async () => {
    await createPoll(t.app, { id: 'unique' });
    const response = await recordContribution(t.app, '/v1/admin/polls/unique', {
      voters: 10,
      options: [{ id: 'jeux', votes: 8 }],
    });
    assert.equal(await errorCode(response), 'too_few_choices');
    const blank = await recordContribution(t.app, '/v1/admin/polls/unique', { options: [{ id: 'jeux', votes: 0 }] });
    assert.deepEqual(((await blank.json()) as { error: unknown }).error, {
      code: 'invalid_request',
      message: 'The body, query or path does not match the contract; `fields` says which field and why.',
      fields: { options: 'nothing_counted' },
    });
    const absent = await recordContribution(t.app, '/v1/admin/polls/absent', { options: [{ id: 'jeux', votes: 1 }] });
    assert.equal(await errorCode(absent), 'poll_not_found');
  });

  test('a count typed wrong is deleted with what it counted, and typed again; both are in the audit log', async () => {
    await createPoll(t.app, { id: 'correction', resultsVisibility: 'always' });
    await vote(t.app, 'correction', ['arbres']);
    const wrong = PollContribution.parse(
      await (
        await recordContribution(t.app, '/v1/admin/polls/correction', { options: [{ id: 'jeux', votes: 120 }] })
      ).json(),
    );
    const deleted = await adminRequest(t.app, 'DELETE', `/v1/admin/polls/correction/contributions/${wrong.id}`);
    assert.equal(deleted.status, 204);
    const again = await adminRequest(t.app, 'DELETE', `/v1/admin/polls/correction/contributions/${wrong.id}`);
    assert.equal(again.status, 404);
    assert.equal(await errorCode(again), 'not_found');
    await recordContribution(t.app, '/v1/admin/polls/correction', { options: [{ id: 'jeux', votes: 12 }] });

    const { results } = await adminPoll(t, 'correction');
    assert.equal(results.voters, 13);
    assert.deepEqual(votesOf(results), { jeux: 12, bancs: 0, arbres: 1 });
    const { counters, fromVotes } = await countersAndRecount(t.store, 'correction');
    assert.deepEqual(counters, fromVotes);
    const list = PollContributionList.parse(
      await (await adminRequest(t.app, 'GET', '/v1/admin/polls/correction/contributions')).json(),
    );
    assert.deepEqual(
      list.contributions.map((contribution) => contribution.voters),
      [12],
    );
    const audit = (await (
      await adminRequest(t.app, 'GET', '/v1/admin/audit?targetKind=poll&targetId=correction')
    ).json()) as {
      entries: Array<{ action: string; actor: string; details: Record<string, unknown> }>;
    };
    assert.deepEqual(
      audit.entries
        .filter((entry) => entry.action.startsWith('poll.contribution.'))
        .map((entry) => [entry.action, entry.details.voters]),
      [
        ['poll.contribution.record', 12],
        ['poll.contribution.delete', 120],
        ['poll.contribution.record', 120],
      ],
    );
    assert.ok(audit.entries.every((entry) => entry.actor === 'admin'));
  });

  test('paper ballots are recorded after the poll closed, and freeze its options like web votes', async () => {
    await createPoll(t.app, { id: 'fermee' });
    await adminRequest(t.app, 'POST', '/v1/admin/polls/fermee/close');
    const response = await recordContribution(t.app, '/v1/admin/polls/fermee', {
      options: [{ id: 'bancs', votes: 3 }],
    });
    assert.equal(response.status, 201);
    const patch = await adminRequest(t.app, 'PATCH', '/v1/admin/polls/fermee', {
      options: [
        { id: 'jeux', label: 'Jeux' },
        { id: 'fontaine', label: 'Une fontaine' },
      ],
    });
    assert.equal(await errorCode(patch), 'poll_has_votes');
  });

  test('a record retried with its Idempotency-Key counts once and answers the first answer', async () => {
    await createPoll(t.app, { id: 'rejeu' });
    const key = newKey();
    const body = { options: [{ id: 'jeux', votes: 40 }] };
    const first = await recordContribution(t.app, '/v1/admin/polls/rejeu', body, { 'Idempotency-Key': key });
    const retry = await recordContribution(t.app, '/v1/admin/polls/rejeu', body, { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    assert.equal(retry.status, 201);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await retry.text(), await first.text());
    assert.equal((await adminPoll(t, 'rejeu')).results.voters, 40);
    const other = await recordContribution(
      t.app,
      '/v1/admin/polls/rejeu',
      { options: [{ id: 'bancs', votes: 1 }] },
      { 'Idempotency-Key': key },
    );
    assert.equal(await errorCode(other), 'idempotency_key_reused');
    const malformed = await recordContribution(t.app, '/v1/admin/polls/rejeu', body, { 'Idempotency-Key': 'court' });
    assert.equal(await errorCode(malformed), 'invalid_idempotency_key');
    assert.equal((await adminPoll(t, 'rejeu')).results.voters, 40);
  });

  test('votes and paper counts at once: the tally equals the stored votes and contributions', async () => {
    await createPoll(t.app, { id: 'affluence', resultsVisibility: 'always' });
    const voters = Array.from({ length: 60 }, () => newVoter());
    const options = ['jeux', 'bancs', 'arbres'];
    const early = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        recordContribution(t.app, '/v1/admin/polls/affluence', { options: [{ id: options[i % 3], votes: i + 1 }] }),
      ),
    );
    const toDelete = await Promise.all(
      early.slice(0, 3).map(async (response) => PollContribution.parse(await response.json())),
    );
    const responses = await Promise.all([
      ...Array.from({ length: 240 }, (_, i) => vote(t.app, 'affluence', [options[i % 3]], { voter: voters[i % 60] })),
      ...Array.from({ length: 20 }, (_, i) =>
        recordContribution(t.app, '/v1/admin/polls/affluence', {
          channel: i % 2 ? 'sms' : 'phone',
          options: [{ id: options[i % 3], votes: 2 }],
        }),
      ),
      ...toDelete.map((contribution) =>
        adminRequest(t.app, 'DELETE', `/v1/admin/polls/affluence/contributions/${contribution.id}`),
      ),
    ]);
    const statuses = responses.map((response) => response.status);
    assert.equal(statuses.slice(0, 240).filter((status) => status === 200).length, 60);
    assert.ok(statuses.slice(240).every((status) => status === 201 || status === 204));
    const { counters, fromVotes } = await countersAndRecount(t.store, 'affluence');
    assert.deepEqual(counters, fromVotes);
    // 60 web voters; 4 + 5 + 6 kept of the first six; 20 × 2 by phone and text message.
    assert.equal(counters.voters, 60 + 15 + 40);
    const { results } = await adminPoll(t, 'affluence');
    const channels = Object.values(results.byChannel!);
    assert.equal(results.byChannel!.web.voters, 60);
    assert.equal(
      channels.reduce((sum, channel) => sum + channel.voters, 0),
      results.voters,
    );
    for (const id of options) {
      assert.equal(
        channels.reduce((sum, channel) => sum + votesOf(channel)[id], 0),
        votesOf(results)[id],
      );
    }
  });
});

describe(`budget contributions on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.dispose());

  test('paper ballots are checked by the rules of a web ballot, whatever the dates, and counted with it', async () => {
    await createBudget(t.app, { id: 'quartiers' });
    assert.equal((await castBallot(t.app, 'quartiers', { projectIds: ['jardin', 'bancs'] })).status, 200);
    assert.equal((await castBallot(t.app, 'quartiers', { projectIds: ['piste'] })).status, 200);
    await adminRequest(t.app, 'POST', '/v1/admin/budgets/quartiers/close');
    const response = await recordContribution(t.app, '/v1/admin/budgets/quartiers', {
      ballots: [{ projectIds: ['jardin', 'bancs'], count: 12 }, { projectIds: ['piste', 'boite'] }],
    });
    assert.equal(response.status, 201);
    const recorded = BudgetContribution.parse(await response.json());
    assert.equal(recorded.ballotCount, 13);
    assert.deepEqual(recorded.ballots, [
      { projectIds: ['jardin', 'bancs'], district: null, count: 12 },
      { projectIds: ['piste', 'boite'], district: null, count: 1 },
    ]);
    const { results } = await adminBudget(t, 'quartiers');
    assert.equal(results.ballots, 15);
    assert.deepEqual(projectVotesOf(results), { jardin: 13, bancs: 13, piste: 2, boite: 1 });
    assert.equal(results.byChannel!.web.ballots, 2);
    assert.deepEqual(projectVotesOf(results.byChannel!.web), { jardin: 1, bancs: 1, piste: 1, boite: 0 });
    assert.deepEqual(projectVotesOf(results.byChannel!.paper), { jardin: 12, bancs: 12, piste: 1, boite: 1 });
    const { counters, fromBallots } = await ballotCountersAndRecount(t.store, 'quartiers');
    assert.deepEqual(counters, fromBallots);
  });

  test('a ballot that breaks a rule is refused with its code and its place, writing nothing', async () => {
    await createBudget(t.app, { id: 'regles', minProjects: 1, maxProjects: 2 });
    const refusals: Array<[unknown[], string]> = [
      [[{ projectIds: ['jardin'] }, { projectIds: ['jardin', 'piste'] }], 'over_budget'],
      [[{ projectIds: ['piscine'] }], 'unknown_project'],
      [[{ projectIds: ['bancs', 'bancs'] }], 'duplicate_project'],
      [[{ projectIds: ['bancs', 'boite'] }, { projectIds: ['bancs', 'boite', 'piste'] }], 'too_many_projects'],
      [[{ projectIds: ['bancs'], district: 'nord' }], 'unknown_district'],
    ];
    const before = { budgets: await budgetSnapshot(t.store), contributions: await contributionSnapshot(t.store) };
    for (const [ballots, code] of refusals) {
      const response = await recordContribution(t.app, '/v1/admin/budgets/regles', { ballots });
      const answer = (await response.json()) as { error: { code: string; fields?: Record<string, string> } };
      assert.equal(answer.error.code, code);
      assert.deepEqual(answer.error.fields, { [`ballots.${ballots.length - 1}`]: code });
    }
    const zero = await recordContribution(t.app, '/v1/admin/budgets/regles', {
      ballots: [{ projectIds: ['bancs'], count: 0 }],
    });
    assert.equal(await errorCode(zero), 'invalid_request');
    const absent = await recordContribution(t.app, '/v1/admin/budgets/absent', {
      ballots: [{ projectIds: ['bancs'] }],
    });
    assert.equal(await errorCode(absent), 'budget_not_found');
    assert.deepEqual(
      { budgets: await budgetSnapshot(t.store), contributions: await contributionSnapshot(t.store) },
      before,
    );
  });

  test('in a budget with districts, each paper ballot names its district; the export counts them per district', async () => {
    await createBudget(t.app, {
      id: 'rives',
      total: undefined,
      districts: [
        { id: 'gauche', name: 'Rive gauche', envelope: 60_000 },
        { id: 'droite', name: 'Rive droite', envelope: 40_000 },
      ],
      projects: [
        { id: 'kiosque', title: 'Un kiosque', summary: 'Sur le mail', cost: 50_000, district: 'gauche' },
        { id: 'verger', title: 'Un verger', summary: 'Au pré', cost: 30_000, district: 'droite' },
      ],
    });
    const missing = await recordContribution(t.app, '/v1/admin/budgets/rives', {
      ballots: [{ projectIds: ['verger'] }],
    });
    assert.equal(await errorCode(missing), 'district_required');
    const wrong = await recordContribution(t.app, '/v1/admin/budgets/rives', {
      ballots: [{ projectIds: ['verger'], district: 'gauche' }],
    });
    assert.equal(await errorCode(wrong), 'project_not_in_district');
    await castBallot(t.app, 'rives', { projectIds: ['kiosque'], district: 'gauche' });
    const meeting = await recordContribution(t.app, '/v1/admin/budgets/rives', {
      channel: 'meeting',
      ballots: [
        { projectIds: ['verger'], district: 'droite', count: 7 },
        { projectIds: ['kiosque'], district: 'gauche', count: 2 },
      ],
    });
    assert.equal(meeting.status, 201);
    const exported = (await (await adminRequest(t.app, 'GET', '/v1/budgets/rives/results.json')).json()) as {
      ballots: number;
      districts: Array<{ id: string; ballots: number; ballotsByChannel: Record<string, number> }>;
    };
    assert.equal(exported.ballots, 10);
    assert.deepEqual(
      exported.districts.map(({ id, ballots, ballotsByChannel }) => [
        id,
        ballots,
        ballotsByChannel.web,
        ballotsByChannel.meeting,
      ]),
      [
        ['gauche', 3, 1, 2],
        ['droite', 7, 0, 7],
      ],
    );
  });

  test('deleting takes the ballots back; once ballots were counted, projects and rules are frozen', async () => {
    await createBudget(t.app, { id: 'gel' });
    const recorded = BudgetContribution.parse(
      await (
        await recordContribution(t.app, '/v1/admin/budgets/gel', { ballots: [{ projectIds: ['boite'], count: 5 }] })
      ).json(),
    );
    const patch = await adminRequest(t.app, 'PATCH', '/v1/admin/budgets/gel', { rule: 'approval', maxProjects: 2 });
    assert.equal(await errorCode(patch), 'budget_has_ballots');
    const deleted = await adminRequest(t.app, 'DELETE', `/v1/admin/budgets/gel/contributions/${recorded.id}`);
    assert.equal(deleted.status, 204);
    const { results } = await adminBudget(t, 'gel');
    assert.equal(results.ballots, 0);
    assert.deepEqual(projectVotesOf(results), { jardin: 0, piste: 0, bancs: 0, boite: 0 });
    const list = BudgetContributionList.parse(
      await (await adminRequest(t.app, 'GET', '/v1/admin/budgets/gel/contributions')).json(),
    );
    assert.deepEqual(list.contributions, []);
    const patched = await adminRequest(t.app, 'PATCH', '/v1/admin/budgets/gel', { rule: 'approval', maxProjects: 2 });
    assert.equal(patched.status, 200);
  });

  test('ballots and paper counts at once: the tallies equal the stored ballots and contributions', async () => {
    await createBudget(t.app, { id: 'course', allowChange: true });
    const voters = Array.from({ length: 50 }, () => newVoter());
    const choices = [['jardin', 'bancs'], ['piste', 'boite'], ['bancs', 'boite'], ['jardin']];
    const responses = await Promise.all([
      ...Array.from({ length: 150 }, (_, i) =>
        castBallot(t.app, 'course', { projectIds: choices[i % 4] }, { voter: voters[i % 50] }),
      ),
      ...Array.from({ length: 15 }, (_, i) =>
        recordContribution(t.app, '/v1/admin/budgets/course', {
          channel: i % 3 ? 'paper' : 'meeting',
          ballots: [{ projectIds: choices[i % 4], count: i + 1 }],
        }),
      ),
    ]);
    assert.ok(responses.slice(0, 150).every((response) => response.status === 200));
    assert.ok(responses.slice(150).every((response) => response.status === 201));
    const { counters, fromBallots } = await ballotCountersAndRecount(t.store, 'course');
    assert.deepEqual(counters, fromBallots);
    assert.equal(counters.ballots, 50 + 120);
    const { results } = await adminBudget(t, 'course');
    assert.equal(results.byChannel!.web.ballots, 50);
    const channels = Object.values(results.byChannel!);
    assert.equal(
      channels.reduce((sum, channel) => sum + channel.ballots, 0),
      results.ballots,
    );
    for (const [id, votes] of Object.entries(projectVotesOf(results))) {
      assert.equal(
        channels.reduce((sum, channel) => sum + projectVotesOf(channel)[id], 0),
        votes,
      );
    }
  });
});

describe(`idea contributions on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ proofDifficulty: 20 });
    await createIdeaBox(t.app, {
      id: 'centre',
      moderation: 'pre',
      categories: [
        { id: 'mobilite', label: 'Mobilité' },
        { id: 'nature', label: 'Nature' },
      ],
    });
  });
  after(() => t.dispose());

  const meetingIdeas = [
    {
      title: 'Un marché de producteurs le mercredi',
      body: 'Sur la place, en fin de journée.',
      authorName: 'Mme Leroy',
    },
    { title: 'Des arbres rue Jean-Jaurès', body: 'Pour l’ombre en été.', category: 'nature' },
  ];

  test('ideas collected at a meeting are published at once, without proof of work, with their channel', async () => {
    const response = await recordContribution(t.app, '/v1/admin/idea-boxes/centre', {
      channel: 'meeting',
      location: 'Conseil de quartier du 3 mars',
      ideas: meetingIdeas,
    });
    assert.equal(response.status, 201);
    const recorded = IdeaContribution.parse(await response.json());
    assert.deepEqual(
      recorded.ideas.map(({ title, status }) => [title, status]),
      meetingIdeas.map(({ title }) => [title, 'published']),
    );
    await submitIdea(t.app, 'centre', { title: 'Une navette', body: 'Vers la gare.' });
    const page = IdeaPage.parse(await (await t.app.request('/v1/idea-boxes/centre/ideas?sort=new')).json());
    assert.deepEqual(page.ideas.map((idea) => idea.title).sort(), meetingIdeas.map(({ title }) => title).sort());
    const first = AdminIdea.parse(
      await (await adminRequest(t.app, 'GET', `/v1/admin/ideas/${recorded.ideas[0].id}`)).json(),
    );
    assert.equal(first.channel, 'meeting');
    assert.equal(first.authorName, 'Mme Leroy');
    const box = AdminIdeaBox.parse(await (await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/centre')).json());
    assert.equal(box.ideaCount, 2);
    assert.equal(box.awaitingModeration, 1);
    assert.deepEqual(box.ideasByChannel, { web: 0, paper: 0, meeting: 2, phone: 0, sms: 0 });
    // Supported like any idea.
    assert.equal((await supportIdea(t.app, recorded.ideas[1].id, 'PUT')).status, 200);
  });

  test('an unknown category is refused with the idea it belongs to, writing nothing', async () => {
    const before = await ideaSnapshot(t.store);
    const response = await recordContribution(t.app, '/v1/admin/idea-boxes/centre', {
      ideas: [meetingIdeas[0], { ...meetingIdeas[1], category: 'sport' }],
    });
    const answer = (await response.json()) as { error: { code: string; fields?: Record<string, string> } };
    assert.equal(answer.error.code, 'unknown_category');
    assert.deepEqual(answer.error.fields, { 'ideas.1.category': 'unknown_category' });
    const absent = await recordContribution(t.app, '/v1/admin/idea-boxes/absente', { ideas: meetingIdeas });
    assert.equal(await errorCode(absent), 'idea_box_not_found');
    assert.deepEqual(await ideaSnapshot(t.store), before);
  });

  test('deleting takes its ideas back with their supports, unless another idea was merged into one', async () => {
    const recorded = IdeaContribution.parse(
      await (
        await recordContribution(t.app, '/v1/admin/idea-boxes/centre', { channel: 'sms', ideas: meetingIdeas })
      ).json(),
    );
    const [kept, gone] = recorded.ideas;
    const duplicate = (await (
      await submitIdea(t.app, 'centre', { title: 'Un marché', body: 'Le mercredi.' })
    ).json()) as {
      id: string;
    };
    await adminRequest(t.app, 'POST', `/v1/admin/ideas/${duplicate.id}/approve`);
    await adminRequest(t.app, 'POST', `/v1/admin/ideas/${duplicate.id}/merge`, { into: kept.id });
    await supportIdea(t.app, gone.id, 'PUT');
    const refused = await adminRequest(t.app, 'DELETE', `/v1/admin/idea-boxes/centre/contributions/${recorded.id}`);
    assert.equal(await errorCode(refused), 'invalid_request');
    assert.equal((await adminRequest(t.app, 'GET', `/v1/admin/ideas/${gone.id}`)).status, 200);

    const other = IdeaContribution.parse(
      await (await recordContribution(t.app, '/v1/admin/idea-boxes/centre', { ideas: [meetingIdeas[1]] })).json(),
    );
    await supportIdea(t.app, other.ideas[0].id, 'PUT');
    const deleted = await adminRequest(t.app, 'DELETE', `/v1/admin/idea-boxes/centre/contributions/${other.id}`);
    assert.equal(deleted.status, 204);
    assert.equal(
      await errorCode(await adminRequest(t.app, 'GET', `/v1/admin/ideas/${other.ideas[0].id}`)),
      'idea_not_found',
    );
    const supports = await t.store.db
      .selectFrom('idea_supports')
      .selectAll()
      .where('idea_id', '=', other.ideas[0].id)
      .execute();
    assert.deepEqual(supports, []);
    const list = IdeaContributionList.parse(
      await (await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/centre/contributions')).json(),
    );
    assert.deepEqual(
      list.contributions.map((contribution) => [contribution.channel, contribution.ideas.length]),
      [
        ['meeting', 2],
        ['sms', 2],
      ],
    );
  });
});

describe(`contribution routes on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await createPoll(t.app, { id: 'protegee' });
    await createBudget(t.app, { id: 'protege' });
    await createIdeaBox(t.app, { id: 'protegee' });
  });
  after(() => t.dispose());

  test('refuse a missing or wrong admin token, on every route, writing nothing', async () => {
    const recorded = PollContribution.parse(
      await (
        await recordContribution(t.app, '/v1/admin/polls/protegee', { options: [{ id: 'jeux', votes: 1 }] })
      ).json(),
    );
    const routes: AdminRoute[] = [
      ['GET', '/v1/admin/polls/protegee/contributions'],
      [
        'POST',
        '/v1/admin/polls/protegee/contributions',
        { channel: 'paper', location: 'Ici', collectedOn: '2026-01-02', options: [{ id: 'jeux', votes: 1 }] },
      ],
      ['DELETE', `/v1/admin/polls/protegee/contributions/${recorded.id}`],
      ['GET', '/v1/admin/budgets/protege/contributions'],
      [
        'POST',
        '/v1/admin/budgets/protege/contributions',
        { channel: 'paper', location: 'Ici', collectedOn: '2026-01-02', ballots: [{ projectIds: ['bancs'] }] },
      ],
      ['DELETE', '/v1/admin/budgets/protege/contributions/abc'],
      ['GET', '/v1/admin/idea-boxes/protegee/contributions'],
      [
        'POST',
        '/v1/admin/idea-boxes/protegee/contributions',
        { channel: 'paper', location: 'Ici', collectedOn: '2026-01-02', ideas: [{ title: 'T', body: 'B' }] },
      ],
      ['DELETE', '/v1/admin/idea-boxes/protegee/contributions/abc'],
      ['GET', '/v1/admin/export.json'],
    ];
    const before = await contributionSnapshot(t.store);
    await assertAdminTokenRequired(t.app, routes);
    assert.deepEqual(await contributionSnapshot(t.store), before);
  });

  test('answer 405 to other methods and 404 to an unknown consultation', async () => {
    const put = await adminRequest(t.app, 'PUT', '/v1/admin/polls/protegee/contributions', {});
    assert.equal(put.status, 405);
    assert.equal(put.headers.get('Allow'), 'GET, POST, HEAD');
    const get = await adminRequest(t.app, 'GET', '/v1/admin/budgets/protege/contributions/abc');
    assert.equal(get.status, 405);
    for (const [path, code] of [
      ['/v1/admin/polls/absente/contributions', 'poll_not_found'],
      ['/v1/admin/budgets/absent/contributions', 'budget_not_found'],
      ['/v1/admin/idea-boxes/absente/contributions', 'idea_box_not_found'],
    ]) {
      assert.equal(await errorCode(await adminRequest(t.app, 'GET', path)), code);
      assert.equal(await errorCode(await adminRequest(t.app, 'DELETE', `${path}/abc`)), code);
    }
  });
});
