import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AdminBudget, AdminBudgetList, BallotsExport, BudgetResultsExport } from '../../src/contract/budget.js';
import {
  ADMIN_TOKEN,
  ENGINE,
  adminRequest,
  ballotCountersAndRecount,
  budgetSnapshot,
  castBallot,
  createBudget,
  errorCode,
  minutesFromNow,
  newVoter,
  openTestApp,
  type TestApp,
  assertAdminTokenRequired,
  type AdminRoute,
} from './helpers.js';

const projects = [
  { id: 'jardin', title: 'Un jardin partagé', summary: 'Des parcelles pour tous', cost: 60_000 },
  { id: 'piste', title: 'Une piste cyclable', summary: 'De la gare au centre', cost: 50_000 },
];
const districts = [
  { id: 'rive-gauche', name: 'Rive gauche', envelope: 100_000 },
  { id: 'rive-droite', name: 'Rive droite', envelope: 50_000 },
];

async function adminBudget(response: Response, status = 200): Promise<AdminBudget> {
  assert.equal(response.status, status, await response.clone().text());
  return AdminBudget.parse(await response.json());
}

describe(`admin budget operations on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.dispose());

  test('refuse a missing or wrong admin token, on every route, writing nothing', async () => {
    await createBudget(t.app, { id: 'protege' });
    const routes: AdminRoute[] = [
      ['GET', '/v1/admin/budgets'],
      ['POST', '/v1/admin/budgets', { id: 'intrus', title: 'Intrus', total: 1000, projects }],
      ['GET', '/v1/admin/budgets/protege'],
      ['PATCH', '/v1/admin/budgets/protege', { title: 'Piraté' }],
      ['DELETE', '/v1/admin/budgets/protege'],
      ['POST', '/v1/admin/budgets/protege/open'],
      ['POST', '/v1/admin/budgets/protege/close'],
      ['POST', '/v1/admin/budgets/protege/publish'],
      ['GET', '/v1/admin/budgets/protege/ballots.json'],
      ['GET', '/v1/admin/budgets/protege/ballots.csv'],
    ];
    const before = await budgetSnapshot(t.store);
    await assertAdminTokenRequired(t.app, routes);
    assert.deepEqual(await budgetSnapshot(t.store), before);
  });

  test('create answers 201 with the budget and its defaults', async () => {
    const response = await adminRequest(t.app, 'POST', '/v1/admin/budgets', {
      id: 'budget-2027',
      title: 'Budget participatif 2027',
      total: 100_000,
      projects,
    });
    assert.equal(response.headers.get('Location'), '/v1/admin/budgets/budget-2027');
    const budget = await adminBudget(response, 201);
    assert.deepEqual(
      [
        budget.currency,
        budget.rule,
        budget.minSpendShare,
        budget.minProjects,
        budget.maxProjects,
        budget.allowChange,
        budget.requiresVerification,
        budget.closed,
        budget.status,
        budget.resultsPublishedAt,
      ],
      ['EUR', 'knapsack', null, null, null, false, false, false, 'open', null],
    );
    assert.deepEqual([budget.districts, budget.categories], [[], []]);
    assert.deepEqual(budget.results, {
      ballots: 0,
      projects: [
        { id: 'piste', votes: 0, rank: 1, funded: false },
        { id: 'jardin', votes: 0, rank: 2, funded: false },
      ],
    });
    const again = await adminRequest(t.app, 'POST', '/v1/admin/budgets', {
      id: 'budget-2027',
      title: 'Encore',
      total: 100_000,
      projects,
    });
    assert.equal(again.status, 409);
    assert.equal(await errorCode(again), 'budget_exists');
  });

  test('the total of a budget with districts is the sum of their envelopes', async () => {
    const budget = await adminBudget(
      await adminRequest(t.app, 'POST', '/v1/admin/budgets', {
        id: 'deux-rives',
        title: 'Deux rives',
        districts,
        projects: projects.map((project) => ({ ...project, district: 'rive-gauche' })),
      }),
      201,
    );
    assert.equal(budget.total, 150_000);
  });

  test('create refuses inconsistent settings, naming the fields, writing nothing', async () => {
    const inDistrict = projects.map((project) => ({ ...project, district: 'rive-gauche' }));
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ total: undefined }, { total: 'required' }],
      [{ districts, total: 100_000, projects: inDistrict }, { total: 'not_sum_of_districts' }],
      [
        { districts: [districts[0], { ...districts[0], name: 'Autre' }], total: undefined, projects: inDistrict },
        { districts: 'duplicate_district_id' },
      ],
      [{ projects: [projects[0], projects[0]] }, { projects: 'duplicate_project_id' }],
      [
        {
          categories: [
            { id: 'nature', label: 'Nature' },
            { id: 'nature', label: 'Verdure' },
          ],
        },
        { categories: 'duplicate_category_id' },
      ],
      [{ districts, total: undefined, projects: [projects[0], inDistrict[1]] }, { 'projects.0.district': 'required' }],
      [
        { districts, total: undefined, projects: [{ ...projects[0], district: 'sud' }] },
        { 'projects.0.district': 'unknown_district' },
      ],
      [{ projects: [{ ...projects[0], district: 'rive-gauche' }] }, { 'projects.0.district': 'unknown_district' }],
      [{ projects: [{ ...projects[0], category: 'sport' }] }, { 'projects.0.category': 'unknown_category' }],
      [{ total: 55_000 }, { 'projects.0.cost': 'over_envelope' }],
      [{ rule: 'approval' }, { maxProjects: 'required_for_approval' }],
      [{ rule: 'approval', maxProjects: 2, minSpendShare: 0.5 }, { minSpendShare: 'knapsack_only' }],
      [{ minProjects: 3, maxProjects: 2 }, { minProjects: 'greater_than_max_projects' }],
      [{ opensAt: '2027-03-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z' }, { closesAt: 'not_after_opens_at' }],
      [{ total: 3_000_000_000 }, { total: 'too_large' }],
      [{ minSpendShare: 1.5 }, { minSpendShare: 'too_big' }],
      [{ rule: 'tirage' }, { rule: 'invalid_value' }],
      [{ projects: [] }, { projects: 'too_small' }],
      [{ projects: [{ ...projects[0], cost: 0 }] }, { 'projects.0.cost': 'too_small' }],
      [
        { projects: [{ ...projects[0], image: { url: 'http://example.org/a.png', alt: '' } }] },
        {
          'projects.0.image.url': 'invalid_format',
        },
      ],
      // A path with two leading slashes (or a slash and a backslash) is another site's address.
      [
        { projects: [{ ...projects[0], image: { url: '//evil.example/a.png', alt: '' } }] },
        { 'projects.0.image.url': 'invalid_format' },
      ],
      [
        { projects: [{ ...projects[0], image: { url: '/\\evil.example/a.png', alt: '' } }] },
        { 'projects.0.image.url': 'invalid_format' },
      ],
    ];
    for (const [settings, fields] of cases) {
      const before = await budgetSnapshot(t.store);
      const response = await adminRequest(t.app, 'POST', '/v1/admin/budgets', {
        id: 'incoherent',
        title: 'Incohérent',
        total: 100_000,
        projects,
        ...settings,
      });
      assert.equal(response.status, 400, JSON.stringify(settings));
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      assert.equal(body.error.code, 'invalid_request');
      assert.deepEqual(body.error.fields, fields, JSON.stringify(settings));
      assert.deepEqual(await budgetSnapshot(t.store), before);
    }
  });

  test('list and get show every budget with its ballot count and results', async () => {
    await createBudget(t.app, { id: 'listee' });
    await castBallot(t.app, 'listee', { projectIds: ['jardin', 'bancs'] });
    await castBallot(t.app, 'listee', { projectIds: ['boite'] });
    const list = AdminBudgetList.parse(await (await adminRequest(t.app, 'GET', '/v1/admin/budgets')).json());
    const listed = list.budgets.find((budget) => budget.id === 'listee');
    assert.equal(listed?.results.ballots, 2, 'the admin sees results before they are published');
    assert.deepEqual(
      listed?.results.projects.filter((project) => project.funded).map((project) => project.id),
      ['boite', 'bancs', 'jardin'],
    );
    const one = await adminRequest(t.app, 'GET', '/v1/admin/budgets/listee');
    assert.deepEqual(await adminBudget(one), listed);
    const missing = await adminRequest(t.app, 'GET', '/v1/admin/budgets/absent');
    assert.equal(missing.status, 404);
    assert.equal(await errorCode(missing), 'budget_not_found');
  });

  test('update changes settings, and projects freely while the budget has no ballots', async () => {
    await createBudget(t.app, { id: 'modifie' });
    const changed = await adminBudget(
      await adminRequest(t.app, 'PATCH', '/v1/admin/budgets/modifie', {
        title: 'Nouveau titre',
        closesAt: '2099-01-01T00:00:00+01:00',
        projects: [...projects, { id: 'arbres', title: 'Des arbres', summary: 'Rue Nationale', cost: 25_000 }],
      }),
    );
    assert.equal(changed.title, 'Nouveau titre');
    assert.equal(changed.closesAt, '2098-12-31T23:00:00.000Z', 'instants are stored in UTC');
    assert.deepEqual(
      changed.projects.map((project) => [project.id, project.cost]),
      [
        ['jardin', 60_000],
        ['piste', 50_000],
        ['arbres', 25_000],
      ],
    );
    const unknown = await adminRequest(t.app, 'PATCH', '/v1/admin/budgets/absent', { title: 'T' });
    assert.equal(await errorCode(unknown), 'budget_not_found');
    const wrongType = await adminRequest(t.app, 'PATCH', '/v1/admin/budgets/modifie', { allowChange: 'oui' });
    assert.equal(await errorCode(wrongType), 'invalid_request');
  });

  test('once ballots were cast, refuses to change projects, costs, envelopes or rules, writing nothing', async () => {
    await createBudget(t.app, {
      id: 'fige',
      total: undefined,
      districts,
      categories: [{ id: 'nature', label: 'Nature' }],
      projects: [
        { ...projects[0], district: 'rive-gauche' },
        { ...projects[1], district: 'rive-droite' },
      ],
    });
    assert.equal((await castBallot(t.app, 'fige', { district: 'rive-gauche', projectIds: ['jardin'] })).status, 200);
    const [jardin, piste] = (await adminBudget(await adminRequest(t.app, 'GET', '/v1/admin/budgets/fige'))).projects;
    const refused: Array<[string, Record<string, unknown>]> = [
      ['a cost', { projects: [{ ...jardin, cost: 55_000 }, piste] }],
      ['a new project', { projects: [jardin, piste, { ...piste, id: 'piste-2' }] }],
      ['a removed project', { projects: [jardin] }],
      ['a project moved to another district', { projects: [jardin, { ...piste, district: 'rive-gauche' }] }],
      ['an envelope', { districts: [{ ...districts[0], envelope: 90_000 }, districts[1]] }],
      ['the rule', { rule: 'approval', maxProjects: 2 }],
      ['the minimum number of projects', { minProjects: 1 }],
      ['the minimum share', { minSpendShare: 0.2 }],
    ];
    for (const [name, patch] of refused) {
      const before = await budgetSnapshot(t.store);
      const response = await adminRequest(t.app, 'PATCH', '/v1/admin/budgets/fige', patch);
      assert.equal(await errorCode(response), 'budget_has_ballots', name);
      assert.equal(response.status, 409);
      assert.deepEqual(await budgetSnapshot(t.store), before, name);
    }
    const reworded = await adminBudget(
      await adminRequest(t.app, 'PATCH', '/v1/admin/budgets/fige', {
        title: 'Budget des deux rives',
        districts: [{ ...districts[0], name: 'Rive gauche et île' }, districts[1]],
        projects: [
          piste,
          {
            ...jardin,
            title: 'Un jardin partagé et un verger',
            category: 'nature',
            image: { url: '/images/jardin-partage-bellevue.svg', alt: 'Des carrés de potager.' },
          },
        ],
        closesAt: minutesFromNow(60 * 24),
      }),
    );
    assert.deepEqual(
      reworded.projects.map((project) => [project.id, project.title, project.category]),
      [
        ['piste', 'Une piste cyclable', null],
        ['jardin', 'Un jardin partagé et un verger', 'nature'],
      ],
      'wording, order, categories and images may change',
    );
    assert.equal(reworded.districts[0].name, 'Rive gauche et île');
    assert.equal(reworded.results.projects.find((project) => project.id === 'jardin')?.votes, 1, 'votes are kept');
    const { counters, fromBallots } = await ballotCountersAndRecount(t.store, 'fige');
    assert.deepEqual(counters, fromBallots);
  });

  test('close ends the vote; publishing waits for it; opening again withdraws the results', async () => {
    await createBudget(t.app, { id: 'cycle', opensAt: minutesFromNow(-60), closesAt: minutesFromNow(60) });
    await castBallot(t.app, 'cycle', { projectIds: ['piste'] });
    const before = await budgetSnapshot(t.store);
    const early = await adminRequest(t.app, 'POST', '/v1/admin/budgets/cycle/publish');
    assert.equal(early.status, 409);
    assert.equal(await errorCode(early), 'budget_not_closed');
    assert.deepEqual(await budgetSnapshot(t.store), before);

    const closed = await adminBudget(await adminRequest(t.app, 'POST', '/v1/admin/budgets/cycle/close'));
    assert.deepEqual([closed.closed, closed.status], [true, 'closed']);
    assert.equal(await errorCode(await castBallot(t.app, 'cycle', { projectIds: ['boite'] })), 'budget_closed');
    assert.equal((await adminRequest(t.app, 'POST', '/v1/admin/budgets/cycle/close')).status, 200, 'twice is fine');

    const published = await adminBudget(await adminRequest(t.app, 'POST', '/v1/admin/budgets/cycle/publish'));
    assert.ok(published.resultsPublishedAt);
    const again = await adminBudget(await adminRequest(t.app, 'POST', '/v1/admin/budgets/cycle/publish'));
    assert.equal(again.resultsPublishedAt, published.resultsPublishedAt, 'publishing twice keeps the first date');
    assert.equal((await t.app.request('/v1/budgets/cycle/results.json')).status, 200);

    const opened = await adminBudget(await adminRequest(t.app, 'POST', '/v1/admin/budgets/cycle/open'));
    assert.deepEqual([opened.closed, opened.status, opened.resultsPublishedAt], [false, 'open', null]);
    assert.equal(await errorCode(await t.app.request('/v1/budgets/cycle/results.json')), 'results_hidden');
    assert.equal((await castBallot(t.app, 'cycle', { projectIds: ['boite'] })).status, 200);
  });

  test('open brings a future opening date to now and drops a closing date already past', async () => {
    await createBudget(t.app, { id: 'plus-tard', opensAt: minutesFromNow(60 * 24) });
    const early = await adminBudget(await adminRequest(t.app, 'POST', '/v1/admin/budgets/plus-tard/open'));
    assert.equal(early.status, 'open');
    assert.ok(early.opensAt! <= new Date().toISOString());
    await createBudget(t.app, { id: 'expire', opensAt: minutesFromNow(-120), closesAt: minutesFromNow(-60) });
    const late = await adminBudget(await adminRequest(t.app, 'POST', '/v1/admin/budgets/expire/open'));
    assert.deepEqual([late.status, late.closesAt], ['open', null]);
  });

  test('delete answers 204 and removes the budget, its projects and ballots', async () => {
    await createBudget(t.app, { id: 'a-supprimer' });
    await castBallot(t.app, 'a-supprimer', { projectIds: ['boite'] });
    assert.equal((await adminRequest(t.app, 'DELETE', '/v1/admin/budgets/a-supprimer')).status, 204);
    assert.equal(await errorCode(await t.app.request('/v1/budgets/a-supprimer')), 'budget_not_found');
    for (const table of ['budget_ballots', 'budget_projects'] as const) {
      const rows = await t.store.db
        .selectFrom(table)
        .select('budget_id')
        .where('budget_id', '=', 'a-supprimer')
        .execute();
      assert.equal(rows.length, 0, table);
    }
    const twice = await adminRequest(t.app, 'DELETE', '/v1/admin/budgets/a-supprimer');
    assert.equal(await errorCode(twice), 'budget_not_found');
  });
});

describe(`budget exports on ${ENGINE}`, () => {
  let t: TestApp;
  const voters = Array.from({ length: 6 }, () => newVoter());
  before(async () => {
    t = await openTestApp();
    await createBudget(t.app, {
      id: 'rives',
      title: 'Budget des rives',
      total: undefined,
      districts,
      projects: [
        {
          id: 'kiosque',
          title: 'Un kiosque, "à musique"',
          summary: 'Sur le mail',
          cost: 60_000,
          district: 'rive-gauche',
        },
        { id: 'fontaine', title: 'Une fontaine', summary: 'Place de la mairie', cost: 30_000, district: 'rive-gauche' },
        { id: 'bancs', title: 'Des bancs', summary: 'Le long des quais', cost: 20_000, district: 'rive-gauche' },
        { id: 'verger', title: 'Un verger', summary: 'Au pré communal', cost: 40_000, district: 'rive-droite' },
        { id: 'skate', title: 'Un skatepark', summary: 'Aux Grands-Champs', cost: 30_000, district: 'rive-droite' },
      ],
    });
    const ballots: Array<[string, string[]]> = [
      ['rive-gauche', ['kiosque', 'bancs']],
      ['rive-gauche', ['kiosque', 'fontaine']],
      ['rive-gauche', ['fontaine', 'bancs']],
      ['rive-droite', ['verger']],
      ['rive-droite', ['skate']],
      ['rive-droite', ['skate']],
    ];
    for (const [i, [district, projectIds]] of ballots.entries()) {
      const response = await castBallot(t.app, 'rives', { district, projectIds }, { voter: voters[i] });
      assert.equal(response.status, 200);
    }
  });
  after(() => t.dispose());

  test('results are hidden from the public until published, and readable by the admin at any time', async () => {
    for (const format of ['json', 'csv']) {
      const hidden = await t.app.request(`/v1/budgets/rives/results.${format}`);
      assert.equal(hidden.status, 403);
      assert.equal(await errorCode(hidden), 'results_hidden');
      const asAdmin = await t.app.request(`/v1/budgets/rives/results.${format}`, {
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      assert.equal(asAdmin.status, 200);
    }
    const wrong = await t.app.request('/v1/budgets/rives/results.json', { headers: { Authorization: 'Bearer non' } });
    assert.equal(await errorCode(wrong), 'unauthorized');
    assert.equal(await errorCode(await t.app.request('/v1/budgets/absent/results.csv')), 'budget_not_found');
  });

  describe('once published', () => {
    before(async () => {
      assert.equal((await adminRequest(t.app, 'POST', '/v1/admin/budgets/rives/close')).status, 200);
      assert.equal((await adminRequest(t.app, 'POST', '/v1/admin/budgets/rives/publish')).status, 200);
    });

    test('results.json is open data: ranks, funded projects per district, the rule in words', async () => {
      const response = await t.app.request('/v1/budgets/rives/results.json');
      assert.equal(response.status, 200);
      assert.match(response.headers.get('Link') ?? '', /licence-ouverte/);
      const results = BudgetResultsExport.parse(await response.json());
      assert.equal(results.licence, 'Licence Ouverte / Etalab 2.0');
      assert.equal(results.ballots, 6);
      // Rive gauche (100,000): three projects at 2 votes, cheapest first: bancs, fontaine (50,000 spent),
      // then kiosque (60,000) no longer fits. Rive droite (50,000): skate (2 votes), then verger (40,000) does not fit.
      assert.deepEqual(
        results.projects.map(({ id, votes, rank, funded }) => [id, votes, rank, funded]),
        [
          ['bancs', 2, 1, true],
          ['fontaine', 2, 2, true],
          ['kiosque', 2, 3, false],
          ['skate', 2, 1, true],
          ['verger', 1, 2, false],
        ],
      );
      assert.deepEqual(
        results.districts.map(({ id, ballots, funded }) => [id, ballots, funded]),
        [
          ['rive-gauche', 3, 50_000],
          ['rive-droite', 3, 30_000],
        ],
      );
      assert.equal(results.funded, 80_000);
      assert.match(results.fundingRule, /order of votes/);
      const etag = response.headers.get('ETag')!;
      const again = await t.app.request('/v1/budgets/rives/results.json', { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
    });

    test('results.csv has one row per project and quotes what needs quoting', async () => {
      const response = await t.app.request('/v1/budgets/rives/results.csv');
      assert.equal(response.headers.get('Content-Type'), 'text/csv; charset=utf-8');
      assert.equal(
        await response.text(),
        [
          'project_id,title,district,category,cost,votes,rank,funded,ballots,' +
            'votes_web,votes_paper,votes_meeting,votes_phone,votes_sms,' +
            'ballots_web,ballots_paper,ballots_meeting,ballots_phone,ballots_sms',
          'bancs,Des bancs,rive-gauche,,20000,2,1,true,3,2,0,0,0,0,3,0,0,0,0',
          'fontaine,Une fontaine,rive-gauche,,30000,2,2,true,3,2,0,0,0,0,3,0,0,0,0',
          'kiosque,"Un kiosque, ""à musique""",rive-gauche,,60000,2,3,false,3,2,0,0,0,0,3,0,0,0,0',
          'skate,Un skatepark,rive-droite,,30000,2,1,true,3,2,0,0,0,0,3,0,0,0,0',
          'verger,Un verger,rive-droite,,40000,1,2,false,3,1,0,0,0,0,3,0,0,0,0',
          '',
        ].join('\r\n'),
      );
    });
  });

  test('results.csv keeps a title that starts like a formula as text', async () => {
    await createBudget(t.app, {
      id: 'formules',
      projects: [{ ...projects[0], title: '@SUM(1+1)*cmd|" /C calc"!A0' }, projects[1]],
    });
    const response = await adminRequest(t.app, 'GET', '/v1/budgets/formules/results.csv');
    const rows = (await response.text()).split('\r\n');
    assert.deepEqual(rows.slice(1), [
      'piste,Une piste cyclable,,,50000,0,1,false,0,0,0,0,0,0,0,0,0,0,0',
      `jardin,"'@SUM(1+1)*cmd|"" /C calc""!A0",,,60000,0,2,false,0,0,0,0,0,0,0,0,0,0,0`,
      '',
    ]);
  });

  test('ballots export one row per ballot, numbered in the order cast, never naming the voter', async () => {
    const json = await adminRequest(t.app, 'GET', '/v1/admin/budgets/rives/ballots.json');
    assert.equal(json.status, 200);
    const text = await json.text();
    const exported = BallotsExport.parse(JSON.parse(text));
    assert.deepEqual(
      exported.ballots.map((ballot) => ballot.number),
      [1, 2, 3, 4, 5, 6],
    );
    const castAt = exported.ballots.map((ballot) => ballot.castAt);
    assert.deepEqual(castAt, [...castAt].sort(), 'numbered in the order cast');
    assert.deepEqual(exported.ballots.map((ballot) => `${ballot.district} ${ballot.projectIds.join('+')}`).sort(), [
      'rive-droite skate',
      'rive-droite skate',
      'rive-droite verger',
      'rive-gauche fontaine+bancs',
      'rive-gauche kiosque+bancs',
      'rive-gauche kiosque+fontaine',
    ]);
    const csv = await adminRequest(t.app, 'GET', '/v1/admin/budgets/rives/ballots.csv');
    assert.equal(csv.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    const csvText = await csv.text();
    const rows = csvText.trimEnd().split('\r\n');
    assert.equal(rows[0], 'ballot,district,project_ids,cast_at');
    assert.deepEqual(
      rows.slice(1),
      exported.ballots.map((b) => `${b.number},${b.district},${b.projectIds.join(' ')},${b.castAt}`),
    );
    for (const voter of voters) {
      assert.ok(!text.includes(voter) && !csvText.includes(voter), 'no voter token in the exports');
    }
    const missing = await adminRequest(t.app, 'GET', '/v1/admin/budgets/absent/ballots.json');
    assert.equal(await errorCode(missing), 'budget_not_found');
  });
});
