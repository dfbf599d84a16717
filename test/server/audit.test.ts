import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type AuditEntry, AuditPage, Idea } from '../../src/contract/idea.js';
import { AdminSubjectDetail, AdminSubjectList } from '../../src/contract/subject.js';
import { createAdminToken } from '../../src/server/services/admin-tokens.js';
import {
  ENGINE,
  adminRequest,
  errorCode,
  openTestApp,
  requestWithToken,
  submitIdea,
  type TestApp,
  vote,
  voteOnSubject,
} from './helpers.js';

interface Write {
  request: [method: string, path: string, body?: unknown];
  status: number;
  /** The entry it leaves; `details` lists what the entry must say, among what it says. */
  entry: Pick<AuditEntry, 'action' | 'targetKind' | 'targetId'> & { details?: Record<string, unknown> };
}

const budget = {
  id: 'budget-audit',
  title: 'Budget participatif',
  total: 100_000,
  projects: [
    { id: 'jardin', title: 'Un jardin partagé', summary: 'Des parcelles pour tous', cost: 60_000 },
    { id: 'bancs', title: 'Des bancs', summary: 'Le long des quais', cost: 30_000 },
  ],
};

describe(`the audit log on ${ENGINE}`, () => {
  let t: TestApp;
  let token: string;
  const as = (method: string, path: string, body?: unknown) => requestWithToken(t.app, token, method, path, body);
  const count = async () => (await t.store.db.selectFrom('audit_log').select('id').execute()).length;
  async function newest(query = ''): Promise<AuditPage> {
    const response = await as('GET', `/v1/admin/audit?limit=50${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    return AuditPage.parse(await response.json());
  }
  async function submitted(title: string): Promise<string> {
    const response = await submitIdea(t.app, 'boite-audit', { title, body: `${title}, en détail.` });
    assert.equal(response.status, 201, await response.clone().text());
    return Idea.parse(await response.json()).id;
  }

  before(async () => {
    t = await openTestApp({ proofDifficulty: 20 });
    const created = await createAdminToken(t.store, 'claire.martin');
    assert.ok(created);
    token = created;
  });
  after(() => t.dispose());

  /** Makes each write with Claire's token, and checks it left exactly one entry, hers, saying what it did. */
  async function expectEntries(writes: Write[]): Promise<void> {
    for (const { request, status, entry } of writes) {
      const label = request.slice(0, 2).join(' ');
      const before = await count();
      const response = await as(...request);
      assert.equal(response.status, status, `${label}: ${await response.text()}`);
      assert.equal(await count(), before + 1, `${label} leaves one entry`);
      const [last] = (await newest()).entries;
      assert.equal(last.actor, 'claire.martin', label);
      assert.deepEqual([last.action, last.targetKind, last.targetId], [entry.action, entry.targetKind, entry.targetId]);
      for (const [key, value] of Object.entries(entry.details ?? {}))
        assert.deepEqual(last.details[key], value, `${label}: details.${key}`);
    }
  }

  test('each poll write leaves one entry under the name of the token that made it', async () => {
    const poll = {
      id: 'poll-audit',
      question: 'Quel parc ?',
      options: [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
      ],
    };
    const at = '/v1/admin/polls/poll-audit';
    const target = { targetKind: 'poll', targetId: 'poll-audit' };
    await expectEntries([
      {
        request: ['POST', '/v1/admin/polls', poll],
        status: 201,
        entry: { action: 'poll.create', ...target, details: { settings: poll } },
      },
      {
        request: ['PATCH', at, { question: 'Quel square ?' }],
        status: 200,
        entry: { action: 'poll.update', ...target, details: { changes: { question: 'Quel square ?' } } },
      },
      {
        request: ['POST', `${at}/close`],
        status: 200,
        entry: { action: 'poll.close', ...target, details: { question: 'Quel square ?', status: 'open', voters: 0 } },
      },
      {
        request: ['DELETE', at],
        status: 204,
        entry: { action: 'poll.delete', ...target, details: { status: 'closed' } },
      },
    ]);
  });

  test('each subject write leaves one entry, naming the subject by its site and key', async () => {
    assert.equal((await voteOnSubject(t.app, 'page/horaires', { value: 1, mode: 'helpful' })).status, 200);
    assert.equal((await voteOnSubject(t.app, 'page/horaires', { value: -1, comment: 'Fermé le lundi ?' })).status, 200);
    const listed = AdminSubjectList.parse(await (await as('GET', '/v1/admin/subjects')).json());
    const id = listed.subjects.find((subject) => subject.key === 'page/horaires')!.id;
    const detail = AdminSubjectDetail.parse(await (await as('GET', `/v1/admin/subjects/${id}`)).json());
    const comment = detail.comments[0].id;
    const at = `/v1/admin/subjects/${id}`;
    const target = { targetKind: 'subject', targetId: id };
    const named = { site: 'self', key: 'page/horaires' };
    await expectEntries([
      {
        request: ['PATCH', `${at}/comments/${comment}`, { hidden: true }],
        status: 200,
        entry: { action: 'subject.hide_comment', ...target, details: { ...named, comment } },
      },
      {
        request: ['PATCH', `${at}/comments/${comment}`, { hidden: false }],
        status: 200,
        entry: { action: 'subject.show_comment', ...target, details: { ...named, comment } },
      },
      {
        request: ['POST', `${at}/close`],
        status: 200,
        entry: { action: 'subject.close', ...target, details: { ...named, closed: false } },
      },
      {
        request: ['POST', `${at}/reopen`],
        status: 200,
        entry: { action: 'subject.reopen', ...target, details: { ...named, closed: true } },
      },
      {
        request: ['POST', `${at}/reset`],
        status: 200,
        entry: { action: 'subject.reset', ...target, details: { ...named, up: 1, down: 1 } },
      },
      {
        request: ['PATCH', at, { mode: 'updown' }],
        status: 200,
        entry: {
          action: 'subject.update',
          ...target,
          details: { ...named, mode: 'helpful', changes: { mode: 'updown' } },
        },
      },
      {
        request: ['DELETE', at],
        status: 204,
        entry: { action: 'subject.delete', ...target, details: { ...named, mode: 'updown' } },
      },
    ]);
    const before = await count();
    const created = await as('POST', '/v1/admin/subjects', { site: 'self', key: 'page/nouvelle', mode: 'support' });
    assert.equal(created.status, 201);
    const { id: newId } = (await created.json()) as { id: string };
    const [entry] = (await newest()).entries;
    assert.equal(await count(), before + 1);
    assert.deepEqual(
      [entry.action, entry.targetKind, entry.targetId, entry.details],
      ['subject.create', 'subject', newId, { site: 'self', key: 'page/nouvelle', mode: 'support' }],
    );
  });

  test('each idea box and idea write leaves one entry', async () => {
    const at = '/v1/admin/idea-boxes/boite-audit';
    const box = { targetKind: 'idea_box', targetId: 'boite-audit' };
    await expectEntries([
      {
        request: ['POST', '/v1/admin/idea-boxes', { id: 'boite-audit', title: 'Vos idées', moderation: 'pre' }],
        status: 201,
        entry: { action: 'idea_box.create', ...box },
      },
      {
        request: ['PATCH', at, { title: 'Vos idées pour le port' }],
        status: 200,
        entry: { action: 'idea_box.update', ...box, details: { changes: { title: 'Vos idées pour le port' } } },
      },
    ]);
    const [first, second, third] = [
      await submitted('Des bancs'),
      await submitted('Des arbres'),
      await submitted('Un kiosque'),
    ];
    const idea = (id: string) => ({ targetKind: 'idea', targetId: id });
    await expectEntries([
      {
        request: ['POST', `/v1/admin/ideas/${first}/approve`],
        status: 200,
        entry: { action: 'idea.approve', ...idea(first), details: { from: 'pending', status: 'published' } },
      },
      {
        request: ['POST', `/v1/admin/ideas/${second}/approve`],
        status: 200,
        entry: { action: 'idea.approve', ...idea(second) },
      },
      {
        request: ['POST', `/v1/admin/ideas/${first}/hide`, { note: 'Doublon' }],
        status: 200,
        entry: { action: 'idea.hide', ...idea(first), details: { from: 'published', status: 'hidden' } },
      },
      {
        request: ['PUT', `/v1/admin/ideas/${second}/status`, { status: 'under_review' }],
        status: 200,
        entry: { action: 'idea.status', ...idea(second), details: { status: 'under_review' } },
      },
      {
        request: ['PUT', `/v1/admin/ideas/${second}/answer`, { text: 'Nous étudions.' }],
        status: 200,
        entry: { action: 'idea.answer', ...idea(second), details: { answer: 'Nous étudions.' } },
      },
      {
        request: ['POST', `/v1/admin/ideas/${first}/merge`, { into: second }],
        status: 200,
        entry: { action: 'idea.merge', ...idea(first), details: { into: second } },
      },
      {
        request: ['POST', `/v1/admin/ideas/${third}/reject`, { reason: 'Hors sujet.' }],
        status: 200,
        entry: { action: 'idea.reject', ...idea(third), details: { answer: 'Hors sujet.' } },
      },
      { request: ['POST', `${at}/close`], status: 200, entry: { action: 'idea_box.close', ...box } },
      {
        request: ['DELETE', at],
        status: 204,
        entry: { action: 'idea_box.delete', ...box, details: { deletedIdeas: 3 } },
      },
    ]);
  });

  test('each budget write leaves one entry', async () => {
    const at = '/v1/admin/budgets/budget-audit';
    const target = { targetKind: 'budget', targetId: 'budget-audit' };
    await expectEntries([
      {
        request: ['POST', '/v1/admin/budgets', budget],
        status: 201,
        entry: { action: 'budget.create', ...target, details: { settings: budget } },
      },
      {
        request: ['PATCH', at, { title: 'Budget 2026' }],
        status: 200,
        entry: { action: 'budget.update', ...target, details: { changes: { title: 'Budget 2026' } } },
      },
      {
        request: ['POST', `${at}/close`],
        status: 200,
        entry: { action: 'budget.close', ...target, details: { title: 'Budget 2026', status: 'open', ballots: 0 } },
      },
      {
        request: ['POST', `${at}/publish`],
        status: 200,
        entry: { action: 'budget.publish', ...target, details: { status: 'closed', published: false } },
      },
      {
        request: ['POST', `${at}/open`],
        status: 200,
        entry: { action: 'budget.open', ...target, details: { status: 'closed', published: true } },
      },
      {
        request: ['DELETE', at],
        status: 204,
        entry: { action: 'budget.delete', ...target, details: { title: 'Budget 2026' } },
      },
    ]);
  });

  test('a refused admin write leaves no entry', async () => {
    const poll = {
      id: 'votee',
      question: 'Votée ?',
      options: [
        { id: 'oui', label: 'Oui' },
        { id: 'non', label: 'Non' },
      ],
    };
    assert.equal((await as('POST', '/v1/admin/polls', poll)).status, 201);
    assert.equal((await vote(t.app, 'votee', ['oui'])).status, 200);
    assert.equal((await as('POST', '/v1/admin/budgets', { ...budget, id: 'ouvert' })).status, 201);
    const refusals: Array<[method: string, path: string, body: unknown, code: string]> = [
      ['POST', '/v1/admin/polls', poll, 'poll_exists'],
      [
        'PATCH',
        '/v1/admin/polls/votee',
        {
          options: [
            { id: 'peut-etre', label: 'Peut-être' },
            { id: 'non', label: 'Non' },
          ],
        },
        'poll_has_votes',
      ],
      ['PATCH', '/v1/admin/polls/inconnu', { question: 'Qui ?' }, 'poll_not_found'],
      ['DELETE', '/v1/admin/polls/inconnu', undefined, 'poll_not_found'],
      ['POST', '/v1/admin/polls/inconnu/close', undefined, 'poll_not_found'],
      ['POST', '/v1/admin/budgets/ouvert/publish', undefined, 'budget_not_closed'],
      ['DELETE', '/v1/admin/budgets/inconnu', undefined, 'budget_not_found'],
      ['POST', '/v1/admin/subjects/inconnu/reset', undefined, 'subject_not_found'],
      ['DELETE', '/v1/admin/idea-boxes/inconnue', undefined, 'idea_box_not_found'],
    ];
    for (const [method, path, body, code] of refusals) {
      const before = await count();
      const response = await as(method, path, body);
      assert.equal(await errorCode(response), code, `${method} ${path}`);
      assert.equal(await count(), before, `${method} ${path} leaves no entry`);
    }
  });

  test('lists the entries about one kind of target, or one target, newest first, page by page', async () => {
    const everything = (await newest()).entries;
    const polls = (await newest('&targetKind=poll')).entries;
    assert.ok(polls.length > 0 && polls.every((entry) => entry.targetKind === 'poll'));
    assert.deepEqual(
      polls.map((entry) => entry.id),
      everything.filter((entry) => entry.targetKind === 'poll').map((entry) => entry.id),
    );
    const one = (await newest('&targetKind=poll&targetId=poll-audit')).entries;
    assert.deepEqual(
      one.map((entry) => entry.action),
      ['poll.delete', 'poll.close', 'poll.update', 'poll.create'],
    );
    const byId = (await newest('&targetId=budget-audit')).entries;
    assert.deepEqual(
      byId.map((entry) => entry.action),
      ['budget.delete', 'budget.open', 'budget.publish', 'budget.close', 'budget.update', 'budget.create'],
    );

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const response = await as('GET', `/v1/admin/audit?targetKind=budget&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      const page = AuditPage.parse(await response.json());
      pages.push(page.entries.map((entry) => `${entry.targetId} ${entry.action}`));
      cursor = page.nextCursor;
    } while (cursor);
    const budgets = (await newest('&targetKind=budget')).entries.map((entry) => `${entry.targetId} ${entry.action}`);
    assert.deepEqual(pages.flat(), budgets);
    assert.equal(pages.length, Math.ceil(budgets.length / 4));

    assert.deepEqual((await newest('&targetKind=sondage')).entries, []);
    for (const query of ['targetKind=', `targetKind=${'x'.repeat(51)}`, `targetId=${'x'.repeat(301)}`]) {
      const response = await adminRequest(t.app, 'GET', `/v1/admin/audit?${query}`);
      assert.equal(await errorCode(response), 'invalid_request', query);
    }
  });
});
