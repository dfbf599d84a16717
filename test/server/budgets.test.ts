import assert from 'node:assert/strict';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Budget } from '../../src/contract/budget.js';
import { findProjectRoot } from '../../src/server/paths.js';
import { seedOnce } from '../../src/server/seed.js';
import {
  ENGINE,
  adminRequest,
  ballotCountersAndRecount,
  budgetSnapshot,
  castBallot,
  createBudget,
  errorCode,
  minutesFromNow,
  newKey,
  newVoter,
  openTestApp,
  signToken,
  type TestApp,
} from './helpers.js';

/** Two districts with their own envelopes; a ballot spends at least half of its district's, on 2 to 3 projects. */
const QUARTIERS = {
  id: 'quartiers',
  title: 'Budget des quartiers',
  total: 160_000,
  districts: [
    { id: 'centre', name: 'Centre', envelope: 100_000 },
    { id: 'nord', name: 'Nord', envelope: 60_000 },
  ],
  categories: [
    { id: 'nature', label: 'Nature en ville' },
    { id: 'mobilite', label: 'Mobilité' },
  ],
  minSpendShare: 0.5,
  minProjects: 2,
  maxProjects: 3,
  projects: [
    { id: 'jardin', title: 'Jardin', summary: 'Parcelles', cost: 40_000, district: 'centre', category: 'nature' },
    { id: 'piste', title: 'Piste', summary: 'Vélo', cost: 50_000, district: 'centre', category: 'mobilite' },
    { id: 'bancs', title: 'Bancs', summary: 'Quais', cost: 10_000, district: 'centre' },
    { id: 'eclairage', title: 'Éclairage', summary: 'Allées', cost: 30_000, district: 'centre' },
    { id: 'skate', title: 'Skatepark', summary: 'Rampes', cost: 45_000, district: 'nord' },
    { id: 'arbres', title: 'Arbres', summary: 'Plantations', cost: 20_000, district: 'nord', category: 'nature' },
    { id: 'boite', title: 'Boîte à livres', summary: 'Échanges', cost: 5_000, district: 'nord' },
  ],
};
const demoDir = join(findProjectRoot(import.meta.url), 'demo');
const COSTS = Object.fromEntries(QUARTIERS.projects.map((project) => [project.id, project.cost]));
const ENVELOPES: Record<string, number> = { centre: 100_000, nord: 60_000 };

async function readBudget(t: TestApp, id: string, headers: Record<string, string> = {}) {
  const response = await t.app.request(`/v1/budgets/${id}`, { headers });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.ok(Budget.safeParse(body).success, 'getBudget answers the contract');
  return body as Budget;
}

const admin = async (t: TestApp, path: string) => {
  const response = await adminRequest(t.app, 'POST', `/v1/admin/budgets/${path}`);
  assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
};

describe(`getBudget on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await createBudget(t.app, QUARTIERS);
    await createBudget(t.app, { id: 'bientot', opensAt: minutesFromNow(60) });
    await createBudget(t.app, { id: 'echu', opensAt: minutesFromNow(-120), closesAt: minutesFromNow(-60) });
    await createBudget(t.app, { id: 'resultats' });
  });
  after(() => t.dispose());

  test('shows the envelope, districts, categories, rules and projects', async () => {
    const budget = await readBudget(t, 'quartiers');
    assert.deepEqual(
      [budget.total, budget.currency, budget.rule, budget.minSpendShare, budget.minProjects, budget.maxProjects],
      [160_000, 'EUR', 'knapsack', 0.5, 2, 3],
    );
    assert.deepEqual(budget.districts, QUARTIERS.districts);
    assert.deepEqual(budget.categories, QUARTIERS.categories);
    assert.deepEqual(
      budget.projects.map((project) => project.id),
      QUARTIERS.projects.map((project) => project.id),
    );
    assert.deepEqual(budget.projects[1], {
      id: 'piste',
      title: 'Piste',
      summary: 'Vélo',
      description: null,
      cost: 50_000,
      category: 'mobilite',
      district: 'centre',
      location: null,
      image: null,
    });
    assert.deepEqual([budget.status, budget.myBallot, budget.results], ['open', null, null]);
  });

  test('computes the status from the dates and the closed flag', async () => {
    assert.equal((await readBudget(t, 'bientot')).status, 'upcoming');
    assert.equal((await readBudget(t, 'echu')).status, 'closed');
  });

  test("includes the identified voter's own ballot", async () => {
    const voter = newVoter();
    const cast = await castBallot(t.app, 'quartiers', { district: 'nord', projectIds: ['skate', 'boite'] }, { voter });
    assert.equal(cast.status, 200);
    const mine = await readBudget(t, 'quartiers', { 'Parvis-Voter': voter });
    assert.deepEqual([mine.myBallot?.district, mine.myBallot?.projectIds], ['nord', ['skate', 'boite']]);
    assert.equal((await readBudget(t, 'quartiers', { 'Parvis-Voter': newVoter() })).myBallot, null);
    assert.equal((await readBudget(t, 'quartiers')).myBallot, null);
  });

  test('shows results only once the city published them, and hides them again when the vote reopens', async () => {
    for (const projectIds of [['jardin', 'boite'], ['jardin'], ['piste', 'bancs']])
      assert.equal((await castBallot(t.app, 'resultats', { projectIds })).status, 200);
    assert.equal((await readBudget(t, 'resultats')).results, null, 'open: hidden');
    await admin(t, 'resultats/close');
    assert.equal((await readBudget(t, 'resultats')).results, null, 'closed but not published: hidden');
    await admin(t, 'resultats/publish');
    // 100,000: jardin (60,000, 2 votes) leaves 40,000; boite and bancs have 1 vote each, boite cheaper first.
    assert.deepEqual((await readBudget(t, 'resultats')).results, {
      ballots: 3,
      projects: [
        { id: 'jardin', votes: 2, rank: 1, funded: true },
        { id: 'boite', votes: 1, rank: 2, funded: true },
        { id: 'bancs', votes: 1, rank: 3, funded: true },
        { id: 'piste', votes: 1, rank: 4, funded: false },
      ],
    });
    await admin(t, 'resultats/open');
    assert.equal((await readBudget(t, 'resultats')).results, null, 'reopened: withdrawn');
  });

  test('answers 304 to If-None-Match until the budget changes', async () => {
    const voter = newVoter();
    const first = await t.app.request('/v1/budgets/quartiers', { headers: { 'Parvis-Voter': voter } });
    const etag = first.headers.get('ETag');
    assert.ok(etag);
    assert.equal(first.headers.get('Cache-Control'), 'no-cache');
    const again = await t.app.request('/v1/budgets/quartiers', {
      headers: { 'Parvis-Voter': voter, 'If-None-Match': etag },
    });
    assert.equal(again.status, 304);
    await castBallot(t.app, 'quartiers', { district: 'centre', projectIds: ['piste', 'bancs'] }, { voter });
    const changed = await t.app.request('/v1/budgets/quartiers', {
      headers: { 'Parvis-Voter': voter, 'If-None-Match': etag },
    });
    assert.equal(changed.status, 200, 'the voter now has a ballot');
  });

  test('refuses an unknown budget and a malformed id', async () => {
    const unknown = await t.app.request('/v1/budgets/inconnu');
    assert.equal(unknown.status, 404);
    assert.equal(await errorCode(unknown), 'budget_not_found');
    const malformed = await t.app.request('/v1/budgets/Pas_Un_Id');
    assert.equal(malformed.status, 400);
    assert.deepEqual(((await malformed.json()) as { error: { fields: unknown } }).error.fields, {
      budgetId: 'invalid_format',
    });
  });
});

describe(`castBallot on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await createBudget(t.app, QUARTIERS);
    await createBudget(t.app, { id: 'simple', allowChange: true });
    await createBudget(t.app, { id: 'fige' });
    await createBudget(t.app, { id: 'approbation', rule: 'approval', maxProjects: 2 });
    await createBudget(t.app, { id: 'fermee' });
    await admin(t, 'fermee/close');
    await createBudget(t.app, { id: 'echue', opensAt: minutesFromNow(-120), closesAt: minutesFromNow(-1) });
    await createBudget(t.app, { id: 'future', opensAt: minutesFromNow(60) });
    await createBudget(t.app, { id: 'verifiee', requiresVerification: true });
  });
  after(() => t.dispose());

  test('stores the ballot and answers 200 with the budget as the voter now sees it', async () => {
    const voter = newVoter();
    const response = await castBallot(
      t.app,
      'quartiers',
      { district: 'centre', projectIds: ['jardin', 'bancs'] },
      { voter },
    );
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const budget = (await response.json()) as Budget;
    assert.ok(Budget.safeParse(budget).success);
    assert.deepEqual([budget.myBallot?.district, budget.myBallot?.projectIds], ['centre', ['jardin', 'bancs']]);
    assert.equal(budget.results, null, 'results wait for the city to publish them');
    assert.deepEqual((await readBudget(t, 'quartiers', { 'Parvis-Voter': voter })).myBallot, budget.myBallot);
    const { counters, fromBallots } = await ballotCountersAndRecount(t.store, 'quartiers');
    assert.deepEqual(counters, fromBallots);
    assert.deepEqual([counters.ballots, counters.votes.jardin, counters.votes.bancs], [1, 1, 1]);
  });

  test('takes a ballot spending exactly the whole envelope, or exactly the minimum share', async () => {
    const whole = await castBallot(t.app, 'simple', { projectIds: ['jardin', 'bancs', 'boite'] });
    assert.equal(whole.status, 200, '60,000 + 30,000 + 10,000 = 100,000');
    const fifty = await castBallot(t.app, 'quartiers', { district: 'centre', projectIds: ['jardin', 'bancs'] });
    assert.equal(fifty.status, 200, '50,000 is half of 100,000');
  });

  test('under the approval rule, takes up to N projects whatever they cost', async () => {
    const response = await castBallot(t.app, 'approbation', { projectIds: ['jardin', 'piste'] });
    assert.equal(response.status, 200, '110,000 over an envelope of 100,000 is fine by approval');
  });

  const voted = newVoter();
  const usedKey = newKey();
  const big = JSON.stringify({ projectIds: ['jardin'], padding: 'x'.repeat(17 * 1024) });
  const centre = (projectIds: string[]) => ({ district: 'centre', projectIds });
  const refusals: Array<{ name: string; status: number; code: string; send: () => Promise<Response> }> = [
    {
      name: 'malformed JSON',
      status: 400,
      code: 'malformed_json',
      send: () => castBallot(t.app, 'simple', { projectIds: [] }, { body: '{"projectIds": [' }),
    },
    {
      name: 'a body that is not JSON',
      status: 415,
      code: 'unsupported_media_type',
      send: () => castBallot(t.app, 'simple', { projectIds: ['boite'] }, { headers: { 'Content-Type': 'text/plain' } }),
    },
    {
      name: 'no project at all',
      status: 400,
      code: 'invalid_request',
      send: () => castBallot(t.app, 'simple', { projectIds: [] }),
    },
    {
      name: 'a malformed district',
      status: 400,
      code: 'invalid_request',
      send: () => castBallot(t.app, 'quartiers', { district: 'Centre Ville', projectIds: ['jardin', 'bancs'] }),
    },
    {
      name: 'an unknown budget',
      status: 404,
      code: 'budget_not_found',
      send: () => castBallot(t.app, 'inconnu', { projectIds: ['boite'] }),
    },
    {
      name: 'a closed budget',
      status: 409,
      code: 'budget_closed',
      send: () => castBallot(t.app, 'fermee', { projectIds: ['boite'] }),
    },
    {
      name: 'a budget past its closing date',
      status: 409,
      code: 'budget_closed',
      send: () => castBallot(t.app, 'echue', { projectIds: ['boite'] }),
    },
    {
      name: 'a budget not open yet',
      status: 409,
      code: 'budget_not_open',
      send: () => castBallot(t.app, 'future', { projectIds: ['boite'] }),
    },
    {
      name: 'an unknown project',
      status: 422,
      code: 'unknown_project',
      send: () => castBallot(t.app, 'quartiers', centre(['jardin', 'piscine'])),
    },
    {
      name: 'a project chosen twice',
      status: 422,
      code: 'duplicate_project',
      send: () => castBallot(t.app, 'quartiers', centre(['jardin', 'jardin'])),
    },
    {
      name: 'no district where the budget has districts',
      status: 422,
      code: 'district_required',
      send: () => castBallot(t.app, 'quartiers', { projectIds: ['jardin', 'bancs'] }),
    },
    {
      name: 'a district the budget does not have',
      status: 422,
      code: 'unknown_district',
      send: () => castBallot(t.app, 'quartiers', { district: 'sud', projectIds: ['jardin', 'bancs'] }),
    },
    {
      name: 'a district in a budget without districts',
      status: 422,
      code: 'unknown_district',
      send: () => castBallot(t.app, 'simple', { district: 'centre', projectIds: ['boite'] }),
    },
    {
      name: 'a project of another district',
      status: 422,
      code: 'project_not_in_district',
      send: () => castBallot(t.app, 'quartiers', centre(['jardin', 'skate'])),
    },
    {
      name: 'projects costing more than the envelope',
      status: 422,
      code: 'over_budget',
      send: () => castBallot(t.app, 'quartiers', centre(['jardin', 'piste', 'eclairage'])),
    },
    {
      name: 'projects costing more than the whole envelope of a budget without districts',
      status: 422,
      code: 'over_budget',
      send: () => castBallot(t.app, 'simple', { projectIds: ['jardin', 'piste'] }),
    },
    {
      name: 'projects spending less than the minimum share',
      status: 422,
      code: 'under_min_spend',
      send: () => castBallot(t.app, 'quartiers', centre(['bancs', 'eclairage'])),
    },
    {
      name: 'fewer projects than the minimum',
      status: 422,
      code: 'too_few_projects',
      send: () => castBallot(t.app, 'quartiers', centre(['piste'])),
    },
    {
      name: 'more projects than the maximum',
      status: 422,
      code: 'too_many_projects',
      send: () => castBallot(t.app, 'quartiers', centre(['jardin', 'piste', 'bancs', 'eclairage'])),
    },
    {
      name: 'more projects than the approval rule allows',
      status: 422,
      code: 'too_many_projects',
      send: () => castBallot(t.app, 'approbation', { projectIds: ['jardin', 'piste', 'boite'] }),
    },
    {
      name: 'a second ballot where changing is not allowed',
      status: 409,
      code: 'ballot_exists',
      send: () => castBallot(t.app, 'fige', { projectIds: ['piste'] }, { voter: voted }),
    },
    {
      name: 'an oversized body',
      status: 413,
      code: 'payload_too_large',
      send: () => castBallot(t.app, 'simple', { projectIds: [] }, { body: big }),
    },
    {
      name: 'no voter',
      status: 400,
      code: 'voter_required',
      send: () => castBallot(t.app, 'simple', { projectIds: ['boite'] }, { voter: null }),
    },
    {
      name: 'a malformed voter',
      status: 400,
      code: 'invalid_voter',
      send: () => castBallot(t.app, 'simple', { projectIds: ['boite'] }, { voter: 'pas un jeton!' }),
    },
    {
      name: 'no idempotency key',
      status: 400,
      code: 'idempotency_key_required',
      send: () => castBallot(t.app, 'simple', { projectIds: ['boite'] }, { key: null }),
    },
    {
      name: 'a malformed idempotency key',
      status: 400,
      code: 'invalid_idempotency_key',
      send: () => castBallot(t.app, 'simple', { projectIds: ['boite'] }, { key: 'k' }),
    },
    {
      name: 'a reused idempotency key',
      status: 422,
      code: 'idempotency_key_reused',
      send: () => castBallot(t.app, 'fige', { projectIds: ['piste'] }, { voter: voted, key: usedKey }),
    },
    {
      name: 'an unverified ballot where verification is required',
      status: 401,
      code: 'verification_required',
      send: () => castBallot(t.app, 'verifiee', { projectIds: ['boite'] }),
    },
    {
      name: 'an expired citizen token',
      status: 401,
      code: 'token_expired',
      send: async () =>
        castBallot(
          t.app,
          'verifiee',
          { projectIds: ['boite'] },
          {
            headers: { Authorization: `Bearer ${await signToken({ sub: 'c2' }, Math.floor(Date.now() / 1000) - 60)}` },
          },
        ),
    },
  ];

  describe('refuses bad input with its code, writes nothing and keeps serving', () => {
    before(async () => {
      assert.equal(
        (await castBallot(t.app, 'fige', { projectIds: ['boite'] }, { voter: voted, key: usedKey })).status,
        200,
      );
    });
    for (const refusal of refusals) {
      test(refusal.name, async () => {
        const before = await budgetSnapshot(t.store);
        const response = await refusal.send();
        assert.equal(await errorCode(response), refusal.code);
        assert.equal(response.status, refusal.status);
        assert.deepEqual(await budgetSnapshot(t.store), before, 'nothing was written');
        assert.equal((await castBallot(t.app, 'simple', { projectIds: ['boite'] })).status, 200, 'the next is served');
      });
    }
  });

  test('replaces the ballot where the budget allows changing it, in another district too', async () => {
    await createBudget(t.app, { ...QUARTIERS, id: 'modifiable', allowChange: true });
    const voter = newVoter();
    assert.equal((await castBallot(t.app, 'modifiable', centre(['jardin', 'bancs']), { voter })).status, 200);
    const before = await ballotCountersAndRecount(t.store, 'modifiable');
    const response = await castBallot(
      t.app,
      'modifiable',
      { district: 'nord', projectIds: ['skate', 'boite'] },
      { voter },
    );
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as Budget).myBallot?.projectIds, ['skate', 'boite']);
    const changed = await ballotCountersAndRecount(t.store, 'modifiable');
    assert.deepEqual(changed.counters, changed.fromBallots);
    assert.equal(changed.counters.ballots, before.counters.ballots, 'still one ballot');
    assert.deepEqual(
      ['jardin', 'bancs', 'skate', 'boite'].map((id) => changed.counters.votes[id] - before.counters.votes[id]),
      [-1, -1, 1, 1],
    );
    const refused = await castBallot(t.app, 'modifiable', centre(['jardin', 'piste', 'eclairage']), { voter });
    assert.equal(await errorCode(refused), 'over_budget');
    assert.deepEqual((await readBudget(t, 'modifiable', { 'Parvis-Voter': voter })).myBallot?.projectIds, [
      'skate',
      'boite',
    ]);
  });

  test('a verified citizen casts under the subject of the token, once, whatever voter token is sent', async () => {
    const auth = { Authorization: `Bearer ${await signToken({ sub: 'citoyenne-7' })}` };
    assert.equal((await castBallot(t.app, 'verifiee', { projectIds: ['piste'] }, { headers: auth })).status, 200);
    const again = await castBallot(t.app, 'verifiee', { projectIds: ['boite'] }, { headers: auth, voter: newVoter() });
    assert.equal(await errorCode(again), 'ballot_exists');
    const stored = await t.store.db
      .selectFrom('budget_ballots')
      .select('voter')
      .where('budget_id', '=', 'verifiee')
      .execute();
    assert.deepEqual(stored, [{ voter: 'subject:citoyenne-7' }]);
  });

  test('a retried request answers the first answer again and counts once, even after a change or closing', async () => {
    await createBudget(t.app, { id: 'rejeu', allowChange: true });
    const voter = newVoter();
    const key = newKey();
    const first = await castBallot(t.app, 'rejeu', { projectIds: ['piste', 'bancs'] }, { voter, key });
    const firstBody = await first.text();
    const retry = await castBallot(t.app, 'rejeu', { projectIds: ['piste', 'bancs'] }, { voter, key });
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await retry.text(), firstBody);
    assert.equal((await castBallot(t.app, 'rejeu', { projectIds: ['jardin'] }, { voter })).status, 200);
    const beforeRetry = await budgetSnapshot(t.store);
    const late = await castBallot(t.app, 'rejeu', { projectIds: ['piste', 'bancs'] }, { voter, key });
    assert.equal(await late.text(), firstBody);
    assert.deepEqual(await budgetSnapshot(t.store), beforeRetry, 'the late retry does not bring the old ballot back');
    await admin(t, 'rejeu/close');
    const afterClose = await castBallot(t.app, 'rejeu', { projectIds: ['piste', 'bancs'] }, { voter, key });
    assert.equal(afterClose.status, 200);
    assert.equal(await afterClose.text(), firstBody);
    const { counters, fromBallots } = await ballotCountersAndRecount(t.store, 'rejeu');
    assert.deepEqual(counters, fromBallots);
    assert.deepEqual([counters.ballots, counters.votes.jardin, counters.votes.piste], [1, 1, 0]);
  });

  test('300 voters racing, some over their envelope: tallies equal the stored ballots, none of them over', async () => {
    await createBudget(t.app, { ...QUARTIERS, id: 'affluence', minSpendShare: null, minProjects: null });
    // [district, projects, fits]: checked by hand against 100,000 (centre) and 60,000 (nord).
    const kinds: Array<[string, string[], boolean]> = [
      ['centre', ['jardin', 'bancs'], true], // 50,000
      ['centre', ['piste', 'eclairage'], true], // 80,000
      ['centre', ['jardin', 'piste', 'eclairage'], false], // 120,000
      ['centre', ['jardin', 'piste', 'bancs'], true], // 100,000
      ['nord', ['skate', 'boite'], true], // 50,000
      ['nord', ['skate', 'arbres'], false], // 65,000
      ['nord', ['arbres', 'boite'], true], // 25,000
    ];
    const ballots = Array.from({ length: 300 }, (_, i) => kinds[i % kinds.length]);
    const responses = await Promise.all(
      ballots.map(([district, projectIds]) => castBallot(t.app, 'affluence', { district, projectIds })),
    );
    const expected = ballots.filter(([, , fits]) => fits).length;
    assert.equal(responses.filter((response) => response.status === 200).length, expected);
    const refused = responses.filter((response) => response.status !== 200);
    assert.deepEqual(new Set(await Promise.all(refused.map(errorCode))), new Set(['over_budget']));
    const { counters, fromBallots } = await ballotCountersAndRecount(t.store, 'affluence');
    assert.deepEqual(counters, fromBallots);
    assert.equal(counters.ballots, expected);
    const stored = await t.store.db
      .selectFrom('budget_ballots')
      .select(['district', 'project_ids'])
      .where('budget_id', '=', 'affluence')
      .execute();
    assert.equal(stored.length, expected);
    for (const ballot of stored) {
      const spent = (JSON.parse(ballot.project_ids) as string[]).reduce((sum, id) => sum + COSTS[id], 0);
      assert.ok(spent <= ENVELOPES[ballot.district!], `${ballot.project_ids} in ${ballot.district}`);
    }
  });

  test('100 voters each sending 3 ballots at once where changing is allowed: one ballot each, tallies exact', async () => {
    await createBudget(t.app, { id: 'hesitants', allowChange: true });
    const voters = Array.from({ length: 100 }, () => newVoter());
    const choices = [['jardin', 'bancs'], ['piste', 'boite'], ['boite']];
    const responses = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        castBallot(t.app, 'hesitants', { projectIds: choices[i % 3] }, { voter: voters[i % 100] }),
      ),
    );
    assert.ok(responses.every((response) => response.status === 200));
    const { counters, fromBallots } = await ballotCountersAndRecount(t.store, 'hesitants');
    assert.deepEqual(counters, fromBallots);
    assert.equal(counters.ballots, 100);
  });
});

describe(`castBallot rate limit on ${ENGINE}`, () => {
  test('refuses a voter past the limit, writing nothing, while other voters go on', async () => {
    const t = await openTestApp({ rateLimits: { voterWrites: 2 } });
    try {
      await createBudget(t.app, { id: 'limite', allowChange: true });
      const voter = newVoter();
      for (let i = 0; i < 2; i++)
        assert.equal((await castBallot(t.app, 'limite', { projectIds: ['boite'] }, { voter })).status, 200);
      const before = await budgetSnapshot(t.store);
      const limited = await castBallot(t.app, 'limite', { projectIds: ['bancs'] }, { voter });
      assert.equal(limited.status, 429);
      assert.equal(await errorCode(limited), 'rate_limited');
      assert.deepEqual(await budgetSnapshot(t.store), before);
      assert.equal((await castBallot(t.app, 'limite', { projectIds: ['bancs'] })).status, 200);
    } finally {
      await t.dispose();
    }
  });
});

describe(`the demo budget on ${ENGINE}`, () => {
  let t: TestApp;
  let seeded: { budgets: Array<{ ballots: Array<{ count: number }> }> };
  before(async () => {
    t = await openTestApp();
    // Only the budgets of the demo seed, so that this suite checks them alone.
    seeded = JSON.parse(await readFile(join(demoDir, 'seed.json'), 'utf8'));
    const path = join(t.demoDir, 'budgets-seed.json');
    await writeFile(path, JSON.stringify({ polls: [], budgets: seeded.budgets }));
    assert.ok(await seedOnce(t.store, path, t.demoDir));
    await cp(join(demoDir, 'images'), join(t.demoDir, 'images'), { recursive: true });
  });
  after(() => t.dispose());

  test('is open, 300,000 € in two districts, with a dozen projects and ballots cast through the rules', async () => {
    const budget = await readBudget(t, 'budget-participatif-2027');
    assert.deepEqual(
      [budget.title, budget.status, budget.total, budget.rule],
      ['Budget participatif 2027', 'open', 300_000, 'knapsack'],
    );
    assert.deepEqual(
      budget.districts.map((district) => [district.name, district.envelope]),
      [
        ['Centre et bords de Loire', 160_000],
        ['Quartiers nord et hameaux', 140_000],
      ],
    );
    assert.ok(budget.projects.length >= 10 && budget.projects.length <= 14, `${budget.projects.length} projects`);
    for (const project of budget.projects) {
      assert.ok(project.cost >= 8_000 && project.cost <= 90_000, project.id);
      assert.ok(project.category && project.location, project.id);
    }
    for (const district of budget.districts)
      assert.ok(budget.projects.filter((project) => project.district === district.id).length >= 4, district.id);
    const { counters, fromBallots } = await ballotCountersAndRecount(t.store, 'budget-participatif-2027');
    assert.deepEqual(counters, fromBallots);
    const cast = seeded.budgets[0].ballots.reduce((sum, ballot) => sum + ballot.count, 0);
    assert.equal(counters.ballots, cast);
  });

  test('its images are served from demo/images as SVG, each with alternative text', async () => {
    const { projects } = await readBudget(t, 'budget-participatif-2027');
    const images = projects.flatMap((project) => (project.image ? [project.image] : []));
    assert.ok(images.length >= 4, `${images.length} images`);
    for (const image of images) {
      assert.match(image.url, /^\/images\/[a-z0-9-]+\.svg$/);
      assert.ok(image.alt.length > 20, `alternative text for ${image.url}`);
      const response = await t.app.request(image.url);
      assert.equal(response.status, 200, image.url);
      assert.equal(response.headers.get('Content-Type'), 'image/svg+xml');
      assert.match(await response.text(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
  });
});
