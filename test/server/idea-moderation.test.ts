import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  AdminIdea,
  AdminIdeaBox,
  AdminIdeaBoxList,
  AdminIdeaPage,
  AuditPage,
  Idea,
  IdeaPage,
  IdeasExport,
  ModerationQueue,
} from '../../src/contract/idea.js';
import { findProjectRoot } from '../../src/server/paths.js';
import { seedOnce } from '../../src/server/seed.js';
import { exportIdeas, readAdminIdeaBox } from '../../src/server/services/idea-moderation.js';
import {
  ADMIN_TOKEN,
  ENGINE,
  adminRequest,
  createIdeaBox,
  errorCode,
  ideaCountersAndRecount,
  ideaSnapshot,
  newVoter,
  openTestApp,
  openTestStore,
  submitIdea,
  supportIdea,
  type TestApp,
  assertAdminTokenRequired,
  type AdminRoute,
} from './helpers.js';

const categories = [
  { id: 'mobilite', label: 'Mobilité' },
  { id: 'culture', label: 'Culture' },
];

async function submitted(t: TestApp, boxId: string, title: string, extra: Record<string, unknown> = {}) {
  const response = await submitIdea(t.app, boxId, { title, body: `${title}, en détail.`, ...extra });
  assert.equal(response.status, 201, await response.clone().text());
  return Idea.parse(await response.json());
}

async function act(t: TestApp, method: string, path: string, body?: unknown): Promise<AdminIdea> {
  const response = await adminRequest(t.app, method, path, body);
  assert.equal(response.status, 200, `${method} ${path}: ${await response.clone().text()}`);
  return AdminIdea.parse(await response.json());
}

async function listed(t: TestApp, boxId: string): Promise<Idea[]> {
  const response = await t.app.request(`/v1/idea-boxes/${boxId}/ideas?sort=new&limit=50`);
  return IdeaPage.parse(await response.json()).ideas;
}

async function auditLog(t: TestApp, query = ''): Promise<AuditPage> {
  const response = await adminRequest(t.app, 'GET', `/v1/admin/audit${query}`);
  assert.equal(response.status, 200);
  return AuditPage.parse(await response.json());
}

describe(`admin idea operations on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ proofDifficulty: 20 });
  });
  after(() => t.dispose());

  test('refuse a missing or wrong admin token, on every route, writing nothing', async () => {
    await createIdeaBox(t.app, { id: 'protegee', moderation: 'post' });
    const idea = await submitted(t, 'protegee', 'Protégée');
    const routes: AdminRoute[] = [
      ['GET', '/v1/admin/idea-boxes'],
      ['POST', '/v1/admin/idea-boxes', { id: 'intruse', title: 'Intruse' }],
      ['GET', '/v1/admin/idea-boxes/protegee'],
      ['PATCH', '/v1/admin/idea-boxes/protegee', { title: 'Piratée' }],
      ['POST', '/v1/admin/idea-boxes/protegee/close'],
      ['DELETE', '/v1/admin/idea-boxes/protegee'],
      ['GET', '/v1/admin/idea-boxes/protegee/queue'],
      ['GET', '/v1/admin/idea-boxes/protegee/ideas'],
      ['GET', '/v1/admin/idea-boxes/protegee/ideas.csv'],
      ['GET', '/v1/admin/idea-boxes/protegee/ideas.json'],
      ['GET', `/v1/admin/ideas/${idea.id}`],
      ['POST', `/v1/admin/ideas/${idea.id}/approve`],
      ['POST', `/v1/admin/ideas/${idea.id}/hide`, {}],
      ['POST', `/v1/admin/ideas/${idea.id}/reject`, { reason: 'Non' }],
      ['PUT', `/v1/admin/ideas/${idea.id}/status`, { status: 'accepted' }],
      ['PUT', `/v1/admin/ideas/${idea.id}/answer`, { text: 'Réponse' }],
      ['POST', `/v1/admin/ideas/${idea.id}/merge`, { into: idea.id }],
      ['GET', '/v1/admin/audit'],
    ];
    const before = await ideaSnapshot(t.store);
    await assertAdminTokenRequired(t.app, routes);
    assert.deepEqual(await ideaSnapshot(t.store), before);
  });

  test('create answers 201 with the box and its defaults, and refuses a taken id', async () => {
    const response = await adminRequest(t.app, 'POST', '/v1/admin/idea-boxes', {
      id: 'quartiers',
      title: 'Vos idées pour les quartiers',
    });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('Location'), '/v1/admin/idea-boxes/quartiers');
    const box = AdminIdeaBox.parse(await response.json());
    assert.deepEqual(
      [box.moderation, box.reportThreshold, box.categories, box.status, box.closed, box.awaitingModeration],
      ['pre', 3, [], 'open', false, 0],
    );
    const again = await adminRequest(t.app, 'POST', '/v1/admin/idea-boxes', { id: 'quartiers', title: 'Encore' });
    assert.equal(again.status, 409);
    assert.equal(await errorCode(again), 'idea_box_exists');
  });

  test('create refuses inconsistent settings, naming the fields, writing nothing', async () => {
    const cases: Array<[Record<string, unknown>, Record<string, string>]> = [
      [{ categories: [categories[0], categories[0]] }, { categories: 'duplicate_category_id' }],
      [{ opensAt: '2027-03-01T00:00:00Z', closesAt: '2027-02-01T00:00:00Z' }, { closesAt: 'not_after_opens_at' }],
      [{ moderation: 'none' }, { moderation: 'invalid_value' }],
      [{ reportThreshold: 0 }, { reportThreshold: 'too_small' }],
      [{ categories: [{ id: 'Pas Un Id', label: 'x' }] }, { 'categories.0.id': 'invalid_format' }],
    ];
    for (const [settings, fields] of cases) {
      const before = await ideaSnapshot(t.store);
      const response = await adminRequest(t.app, 'POST', '/v1/admin/idea-boxes', {
        id: 'incoherente',
        title: 'T',
        ...settings,
      });
      assert.equal(response.status, 400, JSON.stringify(settings));
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      assert.equal(body.error.code, 'invalid_request');
      assert.deepEqual(body.error.fields, fields);
      assert.deepEqual(await ideaSnapshot(t.store), before);
    }
  });

  test('update changes settings; a category stays while ideas use it', async () => {
    await createIdeaBox(t.app, { id: 'reglages', categories, moderation: 'post' });
    await submitted(t, 'reglages', 'Un festival', { category: 'culture' });
    const response = await adminRequest(t.app, 'PATCH', '/v1/admin/idea-boxes/reglages', {
      title: 'Nouveau titre',
      moderation: 'pre',
      reportThreshold: 5,
      categories: [...categories, { id: 'solidarite', label: 'Solidarité' }],
    });
    assert.equal(response.status, 200);
    const box = AdminIdeaBox.parse(await response.json());
    assert.deepEqual(
      [box.title, box.moderation, box.reportThreshold, box.categories.length, box.ideaCount],
      ['Nouveau titre', 'pre', 5, 3, 1],
    );
    const before = await ideaSnapshot(t.store);
    const refused = await adminRequest(t.app, 'PATCH', '/v1/admin/idea-boxes/reglages', {
      categories: [categories[0]],
    });
    assert.equal(refused.status, 409);
    const { error } = (await refused.json()) as { error: { code: string; fields: Record<string, string> } };
    assert.deepEqual([error.code, error.fields], ['category_in_use', { 'categories.culture': 'in_use' }]);
    assert.deepEqual(await ideaSnapshot(t.store), before);
    const removed = await adminRequest(t.app, 'PATCH', '/v1/admin/idea-boxes/reglages', {
      categories: [...categories],
    });
    assert.equal(removed.status, 200, 'an unused category can go');
  });

  test('close stops submissions and supports; delete removes the box and its ideas', async () => {
    await createIdeaBox(t.app, { id: 'ephemere', moderation: 'post' });
    const idea = await submitted(t, 'ephemere', 'Éphémère');
    const closed = AdminIdeaBox.parse(
      await (await adminRequest(t.app, 'POST', '/v1/admin/idea-boxes/ephemere/close')).json(),
    );
    assert.deepEqual([closed.closed, closed.status], [true, 'closed']);
    assert.equal(await errorCode(await submitIdea(t.app, 'ephemere', { title: 'Trop tard', body: 'x' })), 'box_closed');
    assert.equal(await errorCode(await supportIdea(t.app, idea.id, 'PUT')), 'box_closed');
    const deleted = await adminRequest(t.app, 'DELETE', '/v1/admin/idea-boxes/ephemere');
    assert.equal(deleted.status, 204);
    const rows = await t.store.db.selectFrom('ideas').select('id').where('box_id', '=', 'ephemere').execute();
    assert.deepEqual(rows, []);
    for (const [method, path] of [
      ['GET', '/v1/admin/idea-boxes/ephemere'],
      ['DELETE', '/v1/admin/idea-boxes/ephemere'],
      ['POST', '/v1/admin/idea-boxes/ephemere/close'],
      ['GET', '/v1/admin/idea-boxes/ephemere/queue'],
      ['GET', '/v1/admin/idea-boxes/ephemere/ideas.json'],
    ]) {
      const response = await adminRequest(t.app, method, path);
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.equal(await errorCode(response), 'idea_box_not_found');
    }
    const list = AdminIdeaBoxList.parse(await (await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes')).json());
    assert.ok(!list.ideaBoxes.some((box) => box.id === 'ephemere'));
  });

  test('pre-moderation queue: oldest first, paged, and each decision takes the idea out of it', async () => {
    await createIdeaBox(t.app, { id: 'file', moderation: 'pre' });
    const waiting: Idea[] = [];
    for (let i = 0; i < 5; i++) waiting.push(await submitted(t, 'file', `En attente ${i}`));
    const first = ModerationQueue.parse(
      await (await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/file/queue?limit=3')).json(),
    );
    assert.equal(first.total, 5);
    const second = ModerationQueue.parse(
      await (
        await adminRequest(t.app, 'GET', `/v1/admin/idea-boxes/file/queue?limit=3&cursor=${first.nextCursor}`)
      ).json(),
    );
    assert.equal(second.nextCursor, null);
    assert.deepEqual(
      [...first.ideas, ...second.ideas].map((idea) => idea.id),
      waiting.map((idea) => idea.id),
    );
    const approved = await act(t, 'POST', `/v1/admin/ideas/${waiting[0].id}/approve`);
    assert.equal(approved.status, 'published');
    const hidden = await act(t, 'POST', `/v1/admin/ideas/${waiting[1].id}/hide`, { note: 'Insultant' });
    assert.deepEqual([hidden.status, hidden.hiddenBy, hidden.moderationNote], ['hidden', 'moderator', 'Insultant']);
    const rejected = await act(t, 'POST', `/v1/admin/ideas/${waiting[2].id}/reject`, {
      reason: 'La voirie départementale ne dépend pas de la commune.',
    });
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.answer?.text, 'La voirie départementale ne dépend pas de la commune.');
    const accepted = await act(t, 'PUT', `/v1/admin/ideas/${waiting[3].id}/status`, { status: 'accepted' });
    assert.equal(accepted.status, 'accepted');
    const rest = ModerationQueue.parse(
      await (await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/file/queue')).json(),
    );
    assert.deepEqual(
      rest.ideas.map((idea) => idea.id),
      [waiting[4].id],
    );
    const box = AdminIdeaBox.parse(await (await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/file')).json());
    assert.deepEqual([box.ideaCount, box.awaitingModeration], [3, 1]);
    assert.deepEqual(
      (await listed(t, 'file')).map((idea) => [idea.id, idea.status]).sort(),
      [
        [waiting[0].id, 'published'],
        [waiting[2].id, 'rejected'],
        [waiting[3].id, 'accepted'],
      ].sort(),
      'citizens see the approved, rejected and accepted ideas, never the hidden or pending ones',
    );
  });

  test('the console lists a box’s ideas in every status, or in one, oldest first, page by page', async () => {
    await createIdeaBox(t.app, { id: 'toutes', moderation: 'pre' });
    const ideas: Idea[] = [];
    for (let i = 0; i < 7; i++) ideas.push(await submitted(t, 'toutes', `Idée ${i}`));
    await act(t, 'POST', `/v1/admin/ideas/${ideas[1].id}/approve`);
    await act(t, 'POST', `/v1/admin/ideas/${ideas[4].id}/approve`);
    await act(t, 'POST', `/v1/admin/ideas/${ideas[5].id}/hide`, { note: 'Doublon' });
    const page = async (query: string) => {
      const response = await adminRequest(t.app, 'GET', `/v1/admin/idea-boxes/toutes/ideas${query}`);
      assert.equal(response.status, 200, await response.clone().text());
      return AdminIdeaPage.parse(await response.json());
    };
    const seen: AdminIdea[] = [];
    let cursor: string | null = null;
    do {
      const next: AdminIdeaPage = await page(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(next.total, 7);
      assert.ok(next.ideas.length <= 3);
      seen.push(...next.ideas);
      cursor = next.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen.map((idea) => [idea.id, idea.status]),
      ideas.map((idea, i) => [idea.id, i === 1 || i === 4 ? 'published' : i === 5 ? 'hidden' : 'pending']),
      'every idea once, oldest first, with its status',
    );
    const published = await page('?status=published');
    assert.deepEqual(
      [published.total, published.ideas.map((idea) => idea.id), published.nextCursor],
      [2, [ideas[1].id, ideas[4].id], null],
    );
    const pending = await page('?status=pending&limit=2');
    assert.equal(pending.total, 4);
    const mixed = await adminRequest(t.app, 'GET', `/v1/admin/idea-boxes/toutes/ideas?cursor=${pending.nextCursor}`);
    assert.equal(await errorCode(mixed), 'invalid_request', 'a cursor holds to the filter it was made for');
    for (const query of ['?status=perdue', '?limit=0', '?limit=101', '?cursor=nimporte']) {
      const refused = await adminRequest(t.app, 'GET', `/v1/admin/idea-boxes/toutes/ideas${query}`);
      assert.equal(refused.status, 400, query);
      assert.equal(await errorCode(refused), 'invalid_request', query);
    }
    const unknown = await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/absente/ideas');
    assert.equal(await errorCode(unknown), 'idea_box_not_found');
  });

  test('statuses follow an idea through its life, and the official answer is dated and can change', async () => {
    await createIdeaBox(t.app, { id: 'vie', moderation: 'post' });
    const idea = await submitted(t, 'vie', 'Des toilettes publiques au parc');
    for (const status of ['under_review', 'accepted', 'done']) {
      assert.equal((await act(t, 'PUT', `/v1/admin/ideas/${idea.id}/status`, { status })).status, status);
    }
    const answered = await act(t, 'PUT', `/v1/admin/ideas/${idea.id}/answer`, { text: 'Installées en mai.' });
    assert.equal(answered.answer?.text, 'Installées en mai.');
    const changed = await act(t, 'PUT', `/v1/admin/ideas/${idea.id}/answer`, { text: 'Installées le 12 mai.' });
    assert.ok(changed.answer!.answeredAt >= answered.answer!.answeredAt);
    const shown = (await listed(t, 'vie')).find((one) => one.id === idea.id)!;
    assert.deepEqual([shown.status, shown.answer], ['done', changed.answer]);
    const refused = await adminRequest(t.app, 'PUT', `/v1/admin/ideas/${idea.id}/status`, { status: 'pending' });
    assert.equal(await errorCode(refused), 'invalid_request', 'pending is not a status a moderator sets');
    const unknown = await adminRequest(t.app, 'POST', '/v1/admin/ideas/inconnue/approve');
    assert.deepEqual([unknown.status, await errorCode(unknown)], [404, 'idea_not_found']);
  });

  test('merge carries supports over once per voter; counters equal the stored supports', async () => {
    await createIdeaBox(t.app, { id: 'fusion', moderation: 'post' });
    const kept = await submitted(t, 'fusion', 'Plus de pistes cyclables');
    const duplicate = await submitted(t, 'fusion', 'Des pistes cyclables partout');
    const both = newVoter();
    for (const voter of [both, newVoter(), newVoter()]) await supportIdea(t.app, kept.id, 'PUT', { voter });
    for (const voter of [both, newVoter()]) await supportIdea(t.app, duplicate.id, 'PUT', { voter });
    const merged = await act(t, 'POST', `/v1/admin/ideas/${duplicate.id}/merge`, { into: kept.id });
    assert.deepEqual(
      [merged.status, merged.mergedInto, merged.supports],
      ['merged', { id: kept.id, title: 'Plus de pistes cyclables' }, 0],
    );
    const shown = await listed(t, 'fusion');
    assert.equal(shown.find((idea) => idea.id === kept.id)?.supports, 4, '3 + 2 supports, one voter counted once');
    assert.deepEqual(shown.find((idea) => idea.id === duplicate.id)?.mergedInto, merged.mergedInto);
    const { counters, fromSupports } = await ideaCountersAndRecount(t.store, 'fusion');
    assert.deepEqual(counters, fromSupports);
    const asBoth = await t.app.request('/v1/idea-boxes/fusion/ideas?sort=new', { headers: { 'Parvis-Voter': both } });
    const mine = IdeaPage.parse(await asBoth.json()).ideas.filter((idea) => idea.supportedByMe);
    assert.deepEqual(
      mine.map((idea) => idea.id),
      [kept.id],
    );
    const trending = await t.app.request('/v1/idea-boxes/fusion/ideas?sort=trending');
    assert.equal(IdeaPage.parse(await trending.json()).ideas[0].id, kept.id);
  });

  test('refuses a merge that makes no sense, and any decision on a merged idea', async () => {
    await createIdeaBox(t.app, { id: 'fusion-2', moderation: 'post' });
    await createIdeaBox(t.app, { id: 'ailleurs', moderation: 'post' });
    const a = await submitted(t, 'fusion-2', 'A');
    const b = await submitted(t, 'fusion-2', 'B');
    const hidden = await submitted(t, 'fusion-2', 'Masquée');
    await act(t, 'POST', `/v1/admin/ideas/${hidden.id}/hide`, {});
    const elsewhere = await submitted(t, 'ailleurs', 'Ailleurs');
    await act(t, 'POST', `/v1/admin/ideas/${b.id}/merge`, { into: a.id });
    const cases: Array<[string, string, unknown, number, string, Record<string, string>?]> = [
      ['into itself', `${a.id}/merge`, { into: a.id }, 400, 'invalid_request', { into: 'same_idea' }],
      ['into another box', `${a.id}/merge`, { into: elsewhere.id }, 400, 'invalid_request', { into: 'other_box' }],
      ['into a hidden idea', `${a.id}/merge`, { into: hidden.id }, 400, 'invalid_request', { into: 'not_listed' }],
      ['into a merged idea', `${a.id}/merge`, { into: b.id }, 400, 'invalid_request', { into: 'not_listed' }],
      ['into nothing', `${a.id}/merge`, { into: 'inconnue' }, 400, 'invalid_request', { into: 'unknown_idea' }],
      ['a merged idea again', `${b.id}/merge`, { into: a.id }, 409, 'idea_merged'],
      ['approve a merged idea', `${b.id}/approve`, undefined, 409, 'idea_merged'],
      ['hide a merged idea', `${b.id}/hide`, {}, 409, 'idea_merged'],
      ['reject a merged idea', `${b.id}/reject`, { reason: 'x' }, 409, 'idea_merged'],
    ];
    for (const [name, path, body, status, code, fields] of cases) {
      const before = await ideaSnapshot(t.store);
      const response = await adminRequest(t.app, 'POST', `/v1/admin/ideas/${path}`, body);
      assert.equal(response.status, status, name);
      const { error } = (await response.json()) as { error: { code: string; fields?: Record<string, string> } };
      assert.deepEqual([error.code, error.fields], [code, fields], name);
      assert.deepEqual(await ideaSnapshot(t.store), before, `${name}: nothing written`);
    }
    const status = await adminRequest(t.app, 'PUT', `/v1/admin/ideas/${b.id}/status`, { status: 'done' });
    assert.equal(await errorCode(status), 'idea_merged');
  });

  test('exports every idea with its supports and status, as open data in JSON and CSV', async () => {
    await createIdeaBox(t.app, { id: 'export', categories, moderation: 'post', title: 'Export' });
    const first = await submitted(t, 'export', 'Une navette', { category: 'mobilite', authorName: 'Ali' });
    const second = await submitted(t, 'export', 'Un "café, lecture"');
    await supportIdea(t.app, first.id, 'PUT');
    await act(t, 'POST', `/v1/admin/ideas/${second.id}/hide`, {});
    const json = await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/export/ideas.json');
    assert.equal(json.status, 200);
    assert.match(json.headers.get('Link') ?? '', /etalab.*rel="license"/);
    const data = IdeasExport.parse(await json.json());
    assert.equal(data.licence, 'Licence Ouverte / Etalab 2.0');
    assert.deepEqual(
      data.ideas.map((idea) => [idea.id, idea.status, idea.supports, idea.category, idea.authorName]),
      [
        [first.id, 'published', 1, 'mobilite', 'Ali'],
        [second.id, 'hidden', 0, null, null],
      ],
    );
    const csv = await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/export/ideas.csv');
    assert.equal(csv.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    const lines = (await csv.text()).split('\r\n');
    assert.equal(
      lines[0],
      'id,title,body,category,author_name,status,supports,created_at,answer,answered_at,merged_into,reports,channel',
    );
    assert.ok(lines[1].startsWith(`${first.id},Une navette,"Une navette, en détail.",mobilite,Ali,published,1,`));
    assert.ok(lines[2].startsWith(`${second.id},"Un ""café, lecture""",`));
    const again = await adminRequest(t.app, 'GET', '/v1/admin/idea-boxes/export/ideas.json');
    const etag = again.headers.get('ETag')!;
    const notModified = await t.app.request('/v1/admin/idea-boxes/export/ideas.json', {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'If-None-Match': etag },
    });
    assert.equal(notModified.status, 304, 'the ETag follows the ideas, not the time of the export');
  });

  test('the audit log keeps every moderator action, newest first, under the name of the token', async () => {
    await createIdeaBox(t.app, { id: 'journal', moderation: 'pre' });
    const idea = await submitted(t, 'journal', 'Journalisée');
    await act(t, 'POST', `/v1/admin/ideas/${idea.id}/approve`);
    await act(t, 'PUT', `/v1/admin/ideas/${idea.id}/status`, { status: 'under_review' });
    await act(t, 'PUT', `/v1/admin/ideas/${idea.id}/answer`, { text: 'Nous étudions.' });
    await act(t, 'POST', `/v1/admin/ideas/${idea.id}/reject`, { reason: 'Trop coûteux.' });
    await adminRequest(t.app, 'PATCH', '/v1/admin/idea-boxes/journal', { title: 'Journal' });
    await adminRequest(t.app, 'POST', '/v1/admin/idea-boxes/journal/close');
    const log = await auditLog(t, '?limit=7');
    assert.deepEqual(
      log.entries.map((entry) => [entry.action, entry.targetKind, entry.targetId]),
      [
        ['idea_box.close', 'idea_box', 'journal'],
        ['idea_box.update', 'idea_box', 'journal'],
        ['idea.reject', 'idea', idea.id],
        ['idea.answer', 'idea', idea.id],
        ['idea.status', 'idea', idea.id],
        ['idea.approve', 'idea', idea.id],
        ['idea_box.create', 'idea_box', 'journal'],
      ],
    );
    assert.ok(log.entries.every((entry) => entry.actor === 'admin'));
    assert.ok(!JSON.stringify(log).includes(ADMIN_TOKEN), 'the token itself is never written');
    assert.deepEqual(log.entries[2].details, {
      from: 'under_review',
      status: 'rejected',
      hiddenBy: null,
      moderationNote: null,
      answer: 'Trop coûteux.',
    });
    assert.deepEqual(log.entries[1].details, { changes: { title: 'Journal' } });
    const everything: number[] = [];
    let cursor: string | null = null;
    do {
      const next: AuditPage = await auditLog(t, `?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      everything.push(...next.entries.map((entry) => entry.id));
      cursor = next.nextCursor;
    } while (cursor);
    assert.deepEqual(
      everything,
      [...everything].sort((a, b) => b - a),
      'newest first',
    );
    assert.equal(new Set(everything).size, everything.length, 'no entry twice across pages');
    const rows = await t.store.db.selectFrom('audit_log').select('id').execute();
    assert.equal(everything.length, rows.length, 'no entry missed');
    const bad = await adminRequest(t.app, 'GET', '/v1/admin/audit?cursor=abc');
    assert.equal(await errorCode(bad), 'invalid_request');
  });
});

describe(`the demo seed on ${ENGINE}`, () => {
  test('holds the town-centre idea box, its ideas in every status, made through the same services', async () => {
    const db = await openTestStore();
    try {
      await seedOnce(db.store, 'demo', join(findProjectRoot(), 'demo'));
      const box = await readAdminIdeaBox(db.store, 'idees-centre-ville');
      assert.deepEqual(
        [box.title, box.moderation, box.categories.map((category) => category.id), box.awaitingModeration],
        ['Vos idées pour le centre-ville', 'post', ['mobilite', 'espaces-verts', 'culture', 'solidarite'], 1],
      );
      const { ideas } = await exportIdeas(db.store, 'idees-centre-ville');
      assert.deepEqual(
        new Set(ideas.map((idea) => idea.status)),
        new Set(['published', 'under_review', 'accepted', 'rejected', 'done', 'merged', 'pending']),
      );
      assert.ok(ideas.filter((idea) => idea.status === 'rejected').every((idea) => idea.answer));
      assert.ok(ideas.some((idea) => idea.status === 'accepted' && idea.answer));
      const { counters, fromSupports } = await ideaCountersAndRecount(db.store, 'idees-centre-ville');
      assert.deepEqual(counters, fromSupports);
      const log = await db.store.db.selectFrom('audit_log').select('actor').distinct().execute();
      assert.deepEqual(log, [{ actor: 'seed' }]);
    } finally {
      await db.dispose();
    }
  });
});
