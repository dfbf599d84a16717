import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BudgetResultsExport } from '../../src/contract/budget.js';
import { FullExport } from '../../src/contract/full-export.js';
import { IdeasExport } from '../../src/contract/idea.js';
import { OpenDataMetadata } from '../../src/contract/open-data.js';
import { PollResultsExport } from '../../src/contract/poll.js';
import { SubjectCommentsExport } from '../../src/contract/subject.js';
import { loadConfig } from '../../src/server/config.js';
import {
  ADMIN_TOKEN,
  adminRequest,
  castBallot,
  createBudget,
  createIdeaBox,
  createPoll,
  ENGINE,
  errorCode,
  minutesFromNow,
  openTestApp,
  recordContribution,
  submitIdea,
  type TestApp,
  vote,
  voteOnSubject,
} from './helpers.js';

const LICENCE = {
  name: 'Licence Ouverte / Etalab 2.0',
  url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
};
const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };

/** A CSV export, the metadata its `Link` header points to, and the JSON export beside it. */
async function openData(t: TestApp, csvPath: string, headers: Record<string, string> = {}) {
  const csv = await t.app.request(csvPath, { headers });
  assert.equal(csv.status, 200, csvPath);
  const link = csv.headers.get('Link') ?? '';
  assert.match(link, /<https:\/\/www\.etalab\.gouv\.fr\/licence-ouverte-open-licence\/>; rel="license"/);
  const described = /<([^>]+)>; rel="describedby"; type="application\/json"/.exec(link);
  assert.ok(described, `${csvPath} links to its metadata`);
  const metadataUrl = new URL(described[1], new URL(csvPath, 'http://localhost'));
  const metadataResponse = await t.app.request(`${metadataUrl.pathname}${metadataUrl.search}`, { headers });
  assert.equal(metadataResponse.status, 200);
  const jsonPath = csvPath.replace('.csv', '.json');
  const json = (await (await t.app.request(jsonPath, { headers })).json()) as { metadata?: unknown };
  return {
    header: (await csv.text()).split('\r\n')[0].split(','),
    metadata: OpenDataMetadata.parse(await metadataResponse.json()),
    metadataPath: `${metadataUrl.pathname}${metadataUrl.search}`,
    metadataEtag: metadataResponse.headers.get('ETag')!,
    json,
  };
}

describe(`open-data metadata on ${ENGINE}`, () => {
  let t: TestApp;
  const opensAt = '2026-03-01T08:00:00+01:00';
  before(async () => {
    t = await openTestApp({ proofDifficulty: 20, allowedOrigins: ['https://www.ville.fr'] });
    await createPoll(t.app, {
      id: 'parc',
      description: 'Le parc des Tilleuls sera réaménagé en 2027.',
      resultsVisibility: 'always',
      opensAt,
      closesAt: minutesFromNow(60 * 24),
    });
    await vote(t.app, 'parc', ['jeux']);
    await recordContribution(t.app, '/v1/admin/polls/parc', { options: [{ id: 'bancs', votes: 4 }] });
    await createPoll(t.app, { id: 'secret', resultsVisibility: 'never' });
    await createBudget(t.app, { id: 'budget', description: 'Un budget pour les quartiers.' });
    await castBallot(t.app, 'budget', { projectIds: ['jardin'] });
    await recordContribution(t.app, '/v1/admin/budgets/budget', {
      channel: 'meeting',
      ballots: [{ projectIds: ['piste', 'boite'], count: 3 }],
    });
    await adminRequest(t.app, 'POST', '/v1/admin/budgets/budget/close');
    await adminRequest(t.app, 'POST', '/v1/admin/budgets/budget/publish');
    await createIdeaBox(t.app, { id: 'idees', moderation: 'post' });
    await submitIdea(t.app, 'idees', { title: 'Une navette', body: 'Vers la gare.' });
    await recordContribution(t.app, '/v1/admin/idea-boxes/idees', {
      channel: 'meeting',
      ideas: [{ title: 'Un marché', body: 'Le mercredi soir.' }],
    });
    const fromSite = { headers: { Origin: 'https://www.ville.fr' } };
    await voteOnSubject(
      t.app,
      'page/aide',
      { value: -1, mode: 'helpful', comment: 'Il manque les horaires.' },
      fromSite,
    );
  });
  after(() => t.dispose());

  test('poll results carry a title, a description, the licence, the publisher, the dates and each field', async () => {
    const { header, metadata, json } = await openData(t, '/v1/polls/parc/results.csv');
    assert.equal(metadata.title, 'Poll results: Quel aménagement pour le parc ?');
    assert.ok(metadata.description.startsWith('Le parc des Tilleuls sera réaménagé en 2027.\n\n'));
    assert.match(metadata.description, /paper, public meetings, phone, text messages/);
    assert.deepEqual(metadata.licence, LICENCE);
    assert.equal(metadata.publisher, 'localhost', "the server's host name by default");
    assert.equal(metadata.opensAt, new Date(opensAt).toISOString());
    assert.ok(metadata.closesAt! > metadata.opensAt!);
    assert.deepEqual(
      metadata.fields.map((field) => field.name),
      header,
    );
    assert.ok(metadata.fields.every((field) => field.description.length > 10));
    const results = PollResultsExport.parse(json);
    const { generatedAt: _, ...rest } = results.metadata!;
    const { generatedAt: __, ...described } = metadata;
    assert.deepEqual(rest, described, 'results.json holds the same metadata');
    assert.equal(results.metadata!.generatedAt, results.generatedAt);
    assert.equal(results.voters, 5);
    assert.deepEqual([results.byChannel!.web.voters, results.byChannel!.paper.voters], [1, 4]);
  });

  test('budget results, ideas and comments carry their metadata, each CSV linking to it', async () => {
    const budget = await openData(t, '/v1/budgets/budget/results.csv');
    assert.equal(budget.metadata.title, 'Participatory budget results: Budget participatif');
    assert.match(budget.metadata.description, /^Un budget pour les quartiers\.\n\n.*order of votes/s);
    assert.deepEqual(
      budget.metadata.fields.map((field) => field.name),
      budget.header,
    );
    const results = BudgetResultsExport.parse(budget.json);
    assert.equal(results.ballots, 4);
    assert.deepEqual([results.byChannel!.web.ballots, results.byChannel!.meeting.ballots], [1, 3]);

    const ideas = await openData(t, '/v1/admin/idea-boxes/idees/ideas.csv', admin);
    assert.equal(ideas.metadata.title, 'Ideas: Vos idées');
    assert.deepEqual(
      ideas.metadata.fields.map((field) => field.name),
      ideas.header,
    );
    const exported = IdeasExport.parse(ideas.json);
    assert.deepEqual(exported.ideas.map((idea) => [idea.title, idea.channel]).sort(), [
      ['Un marché', 'meeting'],
      ['Une navette', 'web'],
    ]);

    const site = encodeURIComponent('https://www.ville.fr');
    const comments = await openData(t, `/v1/admin/subjects/comments.csv?site=${site}`, admin);
    assert.equal(comments.metadataPath, `/v1/admin/subjects/comments.metadata.json?site=${site}`);
    assert.equal(comments.metadata.title, 'Comments on the vote buttons of https://www.ville.fr');
    assert.match(comments.metadata.description, /personal data/);
    assert.deepEqual(
      comments.metadata.fields.map((field) => field.name),
      comments.header,
    );
    assert.equal(SubjectCommentsExport.parse(comments.json).comments.length, 1);
    const { subjects } = (await (await adminRequest(t.app, 'GET', '/v1/admin/subjects')).json()) as {
      subjects: Array<{ id: string }>;
    };
    const one = await openData(t, `/v1/admin/subjects/${subjects[0].id}/comments.csv`, admin);
    assert.equal(one.metadata.title, 'Comments on "page/aide" (https://www.ville.fr)');
  });

  test('metadata follows the visibility of what it describes, and its ETag the data rather than the clock', async () => {
    const hidden = await t.app.request('/v1/polls/secret/results.metadata.json');
    assert.equal(await errorCode(hidden), 'results_hidden');
    assert.equal((await t.app.request('/v1/polls/secret/results.metadata.json', { headers: admin })).status, 200);
    const ideas = await t.app.request('/v1/admin/idea-boxes/idees/ideas.metadata.json');
    assert.equal(await errorCode(ideas), 'unauthorized');
    assert.equal(await errorCode(await t.app.request('/v1/polls/absent/results.metadata.json')), 'poll_not_found');
    const { metadataPath, metadataEtag } = await openData(t, '/v1/polls/parc/results.csv');
    const again = await t.app.request(metadataPath, { headers: { 'If-None-Match': metadataEtag } });
    assert.equal(again.status, 304);
    const post = await t.app.request(metadataPath, { method: 'POST' });
    assert.equal(post.status, 405);
  });

  test('PARVIS_PUBLISHER names the publisher; without it, the host the server is reached by', async () => {
    assert.equal(loadConfig({}, '/tmp').publisher, null);
    assert.equal(loadConfig({ PARVIS_PUBLISHER: ' Ville de Saint-Aubin ' }, '/tmp').publisher, 'Ville de Saint-Aubin');
    const reached = await t.app.request('https://participer.saint-aubin.fr/v1/polls/parc/results.metadata.json');
    assert.equal(OpenDataMetadata.parse(await reached.json()).publisher, 'participer.saint-aubin.fr');
    const named = await openTestApp({ publisher: 'Ville de Saint-Aubin-sur-Loire' });
    try {
      await createPoll(named.app, { id: 'parc', resultsVisibility: 'always' });
      const results = PollResultsExport.parse(await (await named.app.request('/v1/polls/parc/results.json')).json());
      assert.equal(results.metadata?.publisher, 'Ville de Saint-Aubin-sur-Loire');
    } finally {
      await named.dispose();
    }
  });

  test('the export of everything holds every consultation with its results and metadata, whatever its visibility', async () => {
    const response = await adminRequest(t.app, 'GET', '/v1/admin/export.json');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const everything = FullExport.parse(await response.json());
    assert.equal(everything.metadata.publisher, 'localhost');
    assert.deepEqual(everything.metadata.licence, LICENCE);
    assert.deepEqual(everything.polls.map((poll) => poll.poll.id).sort(), ['parc', 'secret']);
    for (const poll of everything.polls) {
      const own = PollResultsExport.parse(
        await (await t.app.request(`/v1/polls/${poll.poll.id}/results.json`, { headers: admin })).json(),
      );
      assert.deepEqual(
        { ...poll, generatedAt: null, metadata: { ...poll.metadata, generatedAt: null } },
        {
          ...own,
          generatedAt: null,
          metadata: { ...own.metadata, generatedAt: null },
        },
      );
    }
    assert.deepEqual(
      everything.budgets.map((budget) => [budget.budget.id, budget.ballots, budget.metadata?.title]),
      [['budget', 4, 'Participatory budget results: Budget participatif']],
    );
    assert.deepEqual(
      everything.ideaBoxes.map((box) => [box.box.id, box.ideas.length, box.metadata?.title]),
      [['idees', 2, 'Ideas: Vos idées']],
    );
    assert.deepEqual(
      everything.subjects.map((subject) => [subject.key, subject.down]),
      [['page/aide', 1]],
    );
    assert.deepEqual(
      everything.subjectComments.comments.map((comment) => comment.comment),
      ['Il manque les horaires.'],
    );
    assert.equal(everything.subjectComments.metadata?.title, 'Comments on every vote button');
  });
});
