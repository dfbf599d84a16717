import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  AdminSubject,
  AdminSubjectDetail,
  AdminSubjectList,
  SubjectComment,
  SubjectCommentsExport,
  SubjectVotes,
} from '../../src/contract/subject.js';
import { recount } from '../../src/server/store/subjects.js';
import {
  ADMIN_TOKEN,
  ENGINE,
  adminRequest,
  errorCode,
  newVoter,
  openTestApp,
  subjectSnapshot,
  type TestApp,
  voteOnSubject,
  assertAdminTokenRequired,
  type AdminRoute,
} from './helpers.js';

const A = 'https://www.a.fr';
const B = 'https://www.b.fr';

async function voted(response: Promise<Response>): Promise<SubjectVotes> {
  const answer = await response;
  assert.equal(answer.status, 200, await answer.clone().text());
  return SubjectVotes.parse(await answer.json());
}

async function list(t: TestApp, query = ''): Promise<AdminSubject[]> {
  const response = await adminRequest(t.app, 'GET', `/v1/admin/subjects${query}`);
  assert.equal(response.status, 200);
  return AdminSubjectList.parse(await response.json()).subjects;
}

async function idOf(t: TestApp, key: string, site = 'self'): Promise<string> {
  const subject = (await list(t, `?site=${encodeURIComponent(site)}`)).find((one) => one.key === key);
  assert.ok(subject, `${key} of ${site}`);
  return subject.id;
}

async function detail(t: TestApp, id: string): Promise<AdminSubjectDetail> {
  const response = await adminRequest(t.app, 'GET', `/v1/admin/subjects/${id}`);
  assert.equal(response.status, 200);
  return AdminSubjectDetail.parse(await response.json());
}

const from = (origin: string) => ({ headers: { Origin: origin } });

describe(`admin subject operations on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ allowedOrigins: [A, B] });
    for (const value of [1, 1, 1, -1]) await voted(voteOnSubject(t.app, 'page/aide', { value, mode: 'helpful' }));
    await voted(voteOnSubject(t.app, 'page/aide', { value: -1, comment: 'Il manque les horaires.' }));
    await voted(voteOnSubject(t.app, 'actu-1', { value: 1 }, from(A)));
    await voted(voteOnSubject(t.app, 'actu-1', { value: 1 }, from(B)));
    await voted(voteOnSubject(t.app, 'actu-1', { value: 1 }, from(B)));
  });
  after(() => t.dispose());

  test('refuse a missing or wrong admin token, on every route, writing nothing', async () => {
    const id = await idOf(t, 'page/aide');
    const [comment] = (await detail(t, id)).comments;
    const routes: AdminRoute[] = [
      ['GET', '/v1/admin/subjects'],
      ['GET', '/v1/admin/subjects/comments.json'],
      ['GET', '/v1/admin/subjects/comments.csv'],
      ['GET', `/v1/admin/subjects/${id}`],
      ['GET', `/v1/admin/subjects/${id}/comments.json`],
      ['GET', `/v1/admin/subjects/${id}/comments.csv`],
      ['PATCH', `/v1/admin/subjects/${id}/comments/${comment.id}`, { hidden: true }],
      ['POST', `/v1/admin/subjects/${id}/reset`],
      ['POST', `/v1/admin/subjects/${id}/close`],
      ['POST', `/v1/admin/subjects/${id}/reopen`],
      ['POST', '/v1/admin/subjects', { site: 'self', key: 'sans-jeton', mode: 'support' }],
      ['PATCH', `/v1/admin/subjects/${id}`, { mode: 'support' }],
      ['DELETE', `/v1/admin/subjects/${id}`],
    ];
    const before = await subjectSnapshot(t.store);
    await assertAdminTokenRequired(t.app, routes);
    assert.deepEqual(await subjectSnapshot(t.store), before);
  });

  test('list shows each subject with its counts, helpful ratio and comments, filtered by site', async () => {
    const all = await list(t);
    assert.deepEqual(
      all.map(({ site, key, mode, up, down, score, helpfulRatio, comments }) => [
        site,
        key,
        mode,
        up,
        down,
        score,
        helpfulRatio,
        comments,
      ]),
      [
        [A, 'actu-1', 'support', 1, 0, 1, null, 0],
        [B, 'actu-1', 'support', 2, 0, 2, null, 0],
        ['self', 'page/aide', 'helpful', 3, 2, 1, 0.6, 1],
      ],
    );
    assert.deepEqual(
      (await list(t, `?site=${encodeURIComponent(B)}`)).map(({ site, up }) => [site, up]),
      [[B, 2]],
    );
    assert.deepEqual(await list(t, '?site=https%3A%2F%2Fpersonne.example'), []);
    for (const site of ['', 'x'.repeat(301)]) {
      const invalid = await adminRequest(t.app, 'GET', `/v1/admin/subjects?site=${site}`);
      assert.equal(invalid.status, 400);
      assert.deepEqual(await invalid.json(), {
        error: {
          code: 'invalid_request',
          message: 'The body, query or path does not match the contract; `fields` says which field and why.',
          fields: { site: site ? 'too_big' : 'too_small' },
        },
      });
    }
    const etag = (await adminRequest(t.app, 'GET', '/v1/admin/subjects')).headers.get('ETag')!;
    const again = await t.app.request('/v1/admin/subjects', {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'If-None-Match': etag },
    });
    assert.equal(again.status, 304);
  });

  test('read one subject with its comments; an unknown or malformed id is refused', async () => {
    const id = await idOf(t, 'page/aide');
    const { subject, comments } = await detail(t, id);
    assert.deepEqual(
      subject,
      (await list(t)).find((one) => one.id === id),
    );
    assert.deepEqual(
      comments.map(({ value, comment, hidden }) => [value, comment, hidden]),
      [[-1, 'Il manque les horaires.', false]],
    );
    const unknown = await adminRequest(t.app, 'GET', '/v1/admin/subjects/inconnu');
    assert.equal(unknown.status, 404);
    assert.equal(await errorCode(unknown), 'subject_not_found');
    const malformed = await adminRequest(t.app, 'GET', '/v1/admin/subjects/pas%20un%20id');
    assert.equal(malformed.status, 400);
    assert.equal(await errorCode(malformed), 'invalid_request');
  });

  test('hide a comment: it is kept and marked, counted apart, and can be shown again', async () => {
    await voted(voteOnSubject(t.app, 'page/masquer', { value: -1, mode: 'helpful', comment: 'Insulte' }));
    const id = await idOf(t, 'page/masquer');
    const [comment] = (await detail(t, id)).comments;
    const hide = await adminRequest(t.app, 'PATCH', `/v1/admin/subjects/${id}/comments/${comment.id}`, {
      hidden: true,
    });
    assert.equal(hide.status, 200);
    assert.deepEqual(SubjectComment.parse(await hide.json()), { ...comment, hidden: true });
    const after = await detail(t, id);
    assert.deepEqual(after.comments, [{ ...comment, hidden: true }], 'kept, marked');
    assert.deepEqual([after.subject.comments, after.subject.hiddenComments], [1, 1]);
    const show = await adminRequest(t.app, 'PATCH', `/v1/admin/subjects/${id}/comments/${comment.id}`, {
      hidden: false,
    });
    assert.equal(SubjectComment.parse(await show.json()).hidden, false);

    const other = await idOf(t, 'page/aide');
    const before = await subjectSnapshot(t.store);
    const elsewhere = await adminRequest(t.app, 'PATCH', `/v1/admin/subjects/${other}/comments/${comment.id}`, {
      hidden: true,
    });
    assert.equal(elsewhere.status, 404);
    assert.equal(await errorCode(elsewhere), 'comment_not_found', 'a comment is hidden through its own subject');
    const missing = await adminRequest(t.app, 'PATCH', `/v1/admin/subjects/${id}/comments/absent`, { hidden: true });
    assert.equal(await errorCode(missing), 'comment_not_found');
    const noSubject = await adminRequest(t.app, 'PATCH', `/v1/admin/subjects/absent/comments/${comment.id}`, {
      hidden: true,
    });
    assert.equal(await errorCode(noSubject), 'subject_not_found');
    const badBody = await adminRequest(t.app, 'PATCH', `/v1/admin/subjects/${id}/comments/${comment.id}`, {
      hidden: 'oui',
    });
    assert.equal(await errorCode(badBody), 'invalid_request');
    assert.deepEqual(await subjectSnapshot(t.store), before);
  });

  test('reset deletes the votes and comments; the counters start again from zero', async () => {
    const voter = newVoter();
    await voted(voteOnSubject(t.app, 'page/remise', { value: 1, mode: 'helpful', comment: 'Bien' }, { voter }));
    await voted(voteOnSubject(t.app, 'page/remise', { value: -1 }));
    const id = await idOf(t, 'page/remise');
    const reset = await adminRequest(t.app, 'POST', `/v1/admin/subjects/${id}/reset`);
    assert.equal(reset.status, 200);
    const subject = AdminSubject.parse(await reset.json());
    assert.deepEqual(
      [subject.mode, subject.up, subject.down, subject.comments, subject.helpfulRatio],
      ['helpful', 0, 0, 0, null],
    );
    assert.deepEqual((await detail(t, id)).comments, []);
    assert.deepEqual(await recount(t.store.db, id), { up: 0, down: 0 });
    const again = await voted(voteOnSubject(t.app, 'page/remise', { value: 1 }, { voter }));
    assert.deepEqual([again.up, again.down, again.commented], [1, 0, false], 'the voter votes anew');
    assert.deepEqual(await recount(t.store.db, id), { up: 1, down: 0 });
  });

  test('close refuses new votes and keeps the counts; reopen takes them again', async () => {
    const id = await idOf(t, 'actu-1', A);
    const closed = AdminSubject.parse(
      await (await adminRequest(t.app, 'POST', `/v1/admin/subjects/${id}/close`)).json(),
    );
    assert.deepEqual([closed.closed, closed.up], [true, 1]);
    const refused = await voteOnSubject(t.app, 'actu-1', { value: 1 }, from(A));
    assert.equal(await errorCode(refused), 'subject_closed');
    await voted(voteOnSubject(t.app, 'actu-1', { value: 1 }, from(B)));
    const twice = await adminRequest(t.app, 'POST', `/v1/admin/subjects/${id}/close`);
    assert.equal(twice.status, 200, 'closing twice is harmless');
    const reopened = await adminRequest(t.app, 'POST', `/v1/admin/subjects/${id}/reopen`);
    assert.equal(AdminSubject.parse(await reopened.json()).closed, false);
    assert.equal((await voted(voteOnSubject(t.app, 'actu-1', { value: 1 }, from(A)))).up, 2);
    const unknown = await adminRequest(t.app, 'POST', '/v1/admin/subjects/absent/close');
    assert.equal(await errorCode(unknown), 'subject_not_found');
    const wrongMethod = await adminRequest(t.app, 'DELETE', `/v1/admin/subjects/${id}/close`);
    assert.deepEqual([wrongMethod.status, wrongMethod.headers.get('Allow')], [405, 'POST']);
  });
});

describe(`creating, changing and deleting subjects on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ allowedOrigins: [A] });
  });
  after(() => t.dispose());

  async function create(body: Record<string, unknown>): Promise<AdminSubject> {
    const response = await adminRequest(t.app, 'POST', '/v1/admin/subjects', body);
    assert.equal(response.status, 201, await response.clone().text());
    const subject = AdminSubject.parse(await response.json());
    assert.equal(response.headers.get('Location'), `/v1/admin/subjects/${subject.id}`);
    return subject;
  }

  test('a subject created before its first vote keeps its mode: the first vote finds it', async () => {
    const subject = await create({ site: A, key: 'projet-velo', mode: 'updown' });
    assert.deepEqual(
      [subject.site, subject.key, subject.mode, subject.up, subject.down, subject.closed],
      [A, 'projet-velo', 'updown', 0, 0, false],
    );
    const read = await t.app.request('/v1/subjects/projet-velo/votes', from(A));
    assert.equal(SubjectVotes.parse(await read.json()).mode, 'updown', 'its buttons see the mode before any vote');
    const vote = await voted(voteOnSubject(t.app, 'projet-velo', { value: -1 }, from(A)));
    assert.deepEqual([vote.mode, vote.down], ['updown', 1]);
    assert.equal(await idOf(t, 'projet-velo', A), subject.id, 'the vote went to the created subject');
    const otherSite = await voted(voteOnSubject(t.app, 'projet-velo', { value: 1 }, from(`http://localhost`)));
    assert.equal(otherSite.mode, 'support', 'another site keeps its own subject of the same key');
  });

  test('a site and key taken, or a malformed body, is refused and creates nothing', async () => {
    await create({ site: 'self', key: 'page/contact', mode: 'helpful' });
    const before = await subjectSnapshot(t.store);
    const taken = await adminRequest(t.app, 'POST', '/v1/admin/subjects', {
      site: 'self',
      key: 'page/contact',
      mode: 'support',
    });
    assert.equal(taken.status, 409);
    assert.equal(await errorCode(taken), 'subject_exists');
    const refusals: [Record<string, unknown>, string][] = [
      [{ site: 'https://www.a.fr/actualites', key: 'a', mode: 'support' }, 'site'],
      [{ site: 'www.a.fr', key: 'a', mode: 'support' }, 'site'],
      [{ site: 'HTTPS://WWW.A.FR', key: 'a', mode: 'support' }, 'site'],
      [{ site: 'self', key: 'avec espace', mode: 'support' }, 'key'],
      [{ site: 'self', key: '', mode: 'support' }, 'key'],
      [{ site: 'self', key: 'a', mode: 'like' }, 'mode'],
      [{ site: 'self', key: 'a' }, 'mode'],
    ];
    for (const [body, field] of refusals) {
      const refused = await adminRequest(t.app, 'POST', '/v1/admin/subjects', body);
      assert.equal(refused.status, 400, JSON.stringify(body));
      const { error } = (await refused.json()) as { error: { code: string; fields: Record<string, string> } };
      assert.equal(error.code, 'invalid_request');
      assert.deepEqual(Object.keys(error.fields), [field], JSON.stringify(body));
    }
    assert.deepEqual(await subjectSnapshot(t.store), before);
  });

  test('the mode changes while the subject has no vote, and is refused once it has one', async () => {
    const subject = await create({ site: 'self', key: 'page/tarifs', mode: 'support' });
    const path = `/v1/admin/subjects/${subject.id}`;
    const changed = await adminRequest(t.app, 'PATCH', path, { mode: 'helpful' });
    assert.equal(changed.status, 200);
    assert.equal(AdminSubject.parse(await changed.json()).mode, 'helpful');
    await voted(voteOnSubject(t.app, 'page/tarifs', { value: 1 }));
    const before = await subjectSnapshot(t.store);
    const refused = await adminRequest(t.app, 'PATCH', path, { mode: 'updown' });
    assert.equal(refused.status, 409);
    assert.equal(await errorCode(refused), 'subject_has_votes');
    const same = await adminRequest(t.app, 'PATCH', path, { mode: 'helpful' });
    assert.equal(same.status, 200, 'the mode it already has is no change');
    assert.deepEqual(await subjectSnapshot(t.store), before);
    await adminRequest(t.app, 'POST', `${path}/reset`);
    const afterReset = await adminRequest(t.app, 'PATCH', path, { mode: 'updown' });
    assert.equal(AdminSubject.parse(await afterReset.json()).mode, 'updown', 'a reset subject can change mode');
    const unknown = await adminRequest(t.app, 'PATCH', '/v1/admin/subjects/absent', { mode: 'support' });
    assert.equal(await errorCode(unknown), 'subject_not_found');
    const badMode = await adminRequest(t.app, 'PATCH', path, { mode: 'like' });
    assert.equal(await errorCode(badMode), 'invalid_request');
  });

  test('delete removes the subject with its votes and comments; a later vote starts a new one', async () => {
    await voted(voteOnSubject(t.app, 'page/supprimer', { value: -1, mode: 'helpful', comment: 'Pas clair' }));
    await voted(voteOnSubject(t.app, 'page/supprimer', { value: 1 }));
    const id = await idOf(t, 'page/supprimer');
    const deleted = await adminRequest(t.app, 'DELETE', `/v1/admin/subjects/${id}`);
    assert.equal(deleted.status, 204);
    const snapshot = await subjectSnapshot(t.store);
    assert.ok(!snapshot.subjects.some((subject) => subject.id === id));
    assert.ok(!snapshot.votes.some((vote) => vote.subject_id === id), 'its votes are gone');
    assert.ok(!snapshot.comments.some((comment) => comment.subject_id === id), 'its comments are gone');
    const gone = await adminRequest(t.app, 'GET', `/v1/admin/subjects/${id}`);
    assert.equal(await errorCode(gone), 'subject_not_found');
    const again = await adminRequest(t.app, 'DELETE', `/v1/admin/subjects/${id}`);
    assert.equal(await errorCode(again), 'subject_not_found');
    const fresh = await voted(voteOnSubject(t.app, 'page/supprimer', { value: 1 }));
    assert.deepEqual([fresh.mode, fresh.up, fresh.down], ['support', 1, 0]);
    assert.notEqual(await idOf(t, 'page/supprimer'), id);
  });
});

describe(`comment exports on ${ENGINE}`, () => {
  let t: TestApp;
  let helpId: string;
  const hostile = '=HYPERLINK("https://evil.example","Cliquez"), puis\r\n"validez"';
  before(async () => {
    t = await openTestApp({ allowedOrigins: [A] });
    await voted(voteOnSubject(t.app, 'page/aide', { value: -1, mode: 'helpful', comment: hostile }));
    await voted(voteOnSubject(t.app, 'page/aide', { value: 1, comment: 'Simple et clair' }));
    await voted(voteOnSubject(t.app, 'page/autre', { value: 1, mode: 'helpful', comment: '+33 6 12 34 56 78' }));
    await voted(voteOnSubject(t.app, 'page/aide', { value: 1, mode: 'helpful', comment: 'Ailleurs' }, from(A)));
    helpId = await idOf(t, 'page/aide');
  });
  after(() => t.dispose());

  test('comments.csv has a header row, quotes what needs quoting and defuses formulas', async () => {
    const response = await adminRequest(t.app, 'GET', `/v1/admin/subjects/${helpId}/comments.csv`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/csv; charset=utf-8');
    assert.equal(response.headers.get('Content-Disposition'), `attachment; filename="subject-${helpId}-comments.csv"`);
    const { comments } = await exported(t, `/v1/admin/subjects/${helpId}/comments.json`);
    const [first, second] = comments;
    assert.equal(
      await response.text(),
      'comment_id,subject_id,site,subject_key,value,hidden,created_at,comment\r\n' +
        `${first.id},${helpId},self,page/aide,-1,false,${first.createdAt},` +
        `"'=HYPERLINK(""https://evil.example"",""Cliquez""), puis\r\n""validez"""\r\n` +
        `${second.id},${helpId},self,page/aide,1,false,${second.createdAt},Simple et clair\r\n`,
    );
  });

  test('comments.json holds the text as written, with its subject', async () => {
    const { comments } = await exported(t, `/v1/admin/subjects/${helpId}/comments.json`);
    // Sorted here: two comments sent within one millisecond have no order of their own.
    assert.deepEqual(
      comments
        .map(({ subjectId, site, key, value, comment, hidden }) => [subjectId, site, key, value, comment, hidden])
        .sort((a, b) => Number(a[3]) - Number(b[3])),
      [
        [helpId, 'self', 'page/aide', -1, hostile, false],
        [helpId, 'self', 'page/aide', 1, 'Simple et clair', false],
      ],
    );
  });

  test('the comments of a site, or of every site', async () => {
    const own = await exported(t, '/v1/admin/subjects/comments.json?site=self');
    assert.deepEqual(
      own.comments.map(({ key, comment }) => [key, comment]).sort(),
      [
        ['page/aide', hostile],
        ['page/aide', 'Simple et clair'],
        ['page/autre', '+33 6 12 34 56 78'],
      ].sort(),
    );
    assert.equal(own.comments[2].key, 'page/autre', 'grouped by subject');
    const all = await exported(t, '/v1/admin/subjects/comments.json');
    assert.deepEqual(
      all.comments.map(({ site, comment }) => [site, comment]),
      [[A, 'Ailleurs'], ...own.comments.map(({ site, comment }) => [site, comment])],
    );
    const csv = await adminRequest(t.app, 'GET', `/v1/admin/subjects/comments.csv?site=${encodeURIComponent(A)}`);
    assert.equal(csv.headers.get('Content-Disposition'), 'attachment; filename="subject-comments.csv"');
    const lines = (await csv.text()).split('\r\n');
    assert.deepEqual([lines.length, lines[1].endsWith(',Ailleurs'), lines[2]], [3, true, '']);
    const ownCsv = await (await adminRequest(t.app, 'GET', '/v1/admin/subjects/comments.csv?site=self')).text();
    assert.match(ownCsv, /,'\+33 6 12 34 56 78\r\n$/, 'a comment starting with + is not a formula');
  });

  test('hidden comments are exported, marked', async () => {
    const otherId = await idOf(t, 'page/autre');
    const [comment] = (await detail(t, otherId)).comments;
    await adminRequest(t.app, 'PATCH', `/v1/admin/subjects/${otherId}/comments/${comment.id}`, { hidden: true });
    const { comments } = await exported(t, `/v1/admin/subjects/${otherId}/comments.json`);
    assert.deepEqual(
      comments.map(({ comment: text, hidden }) => [text, hidden]),
      [['+33 6 12 34 56 78', true]],
    );
    const csv = await (await adminRequest(t.app, 'GET', `/v1/admin/subjects/${otherId}/comments.csv`)).text();
    assert.match(csv, /,true,/);
  });

  test('an export of an unknown subject is subject_not_found', async () => {
    for (const format of ['json', 'csv']) {
      const response = await adminRequest(t.app, 'GET', `/v1/admin/subjects/absent/comments.${format}`);
      assert.equal(response.status, 404);
      assert.equal(await errorCode(response), 'subject_not_found');
    }
  });
});

async function exported(t: TestApp, path: string): Promise<SubjectCommentsExport> {
  const response = await adminRequest(t.app, 'GET', path);
  assert.equal(response.status, 200);
  return SubjectCommentsExport.parse(await response.json());
}
