import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MAX_SUBJECTS_PER_READ, SubjectVotes, SubjectVotesList } from '../../src/contract/subject.js';
import { findProjectRoot } from '../../src/server/paths.js';
import { seedOnce } from '../../src/server/seed.js';
import { recount } from '../../src/server/store/subjects.js';
import {
  ENGINE,
  adminRequest,
  errorCode,
  newKey,
  newVoter,
  openTestApp,
  signToken,
  subjectSnapshot,
  type TestApp,
  voteOnSubject,
} from './helpers.js';

const A = 'https://www.a.fr';
const B = 'https://www.b.fr';

async function readVotes(t: TestApp, key: string, headers: Record<string, string> = {}): Promise<SubjectVotes> {
  const response = await t.app.request(`/v1/subjects/${encodeURIComponent(key)}/votes`, { headers });
  assert.equal(response.status, 200, await response.clone().text());
  return SubjectVotes.parse(await response.json());
}

async function accepted(response: Response | Promise<Response>): Promise<SubjectVotes> {
  const answer = await response;
  assert.equal(answer.status, 200, await answer.clone().text());
  return SubjectVotes.parse(await answer.json());
}

/** The counters stored on the subject, and the same numbers counted from its stored votes. */
async function countersAndRecount(t: TestApp, key: string, site = 'self') {
  const subject = await t.store.db
    .selectFrom('subjects')
    .select(['id', 'up', 'down'])
    .where('site', '=', site)
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return { counters: { up: subject.up, down: subject.down }, fromVotes: await recount(t.store.db, subject.id) };
}

async function subjectCount(t: TestApp): Promise<number> {
  return (await t.store.db.selectFrom('subjects').select('id').execute()).length;
}

describe(`getSubjectVotes on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.dispose());

  test('a subject nobody voted on answers zero counts and no mode, and the read creates nothing', async () => {
    assert.deepEqual(await readVotes(t, 'actu-jamais-votee', { 'Parvis-Voter': newVoter() }), {
      key: 'actu-jamais-votee',
      mode: null,
      up: 0,
      down: 0,
      score: 0,
      closed: false,
      mine: 0,
      commented: false,
    });
    assert.equal(await subjectCount(t), 0);
  });

  test("shows the counts and the identified voter's own vote", async () => {
    const voter = newVoter();
    await accepted(voteOnSubject(t.app, 'debat-1', { value: 1, mode: 'updown' }, { voter }));
    await accepted(voteOnSubject(t.app, 'debat-1', { value: -1 }));
    await accepted(voteOnSubject(t.app, 'debat-1', { value: 1 }));
    const mine = await readVotes(t, 'debat-1', { 'Parvis-Voter': voter });
    assert.deepEqual(mine, {
      key: 'debat-1',
      mode: 'updown',
      up: 2,
      down: 1,
      score: 1,
      closed: false,
      mine: 1,
      commented: false,
    });
    assert.equal((await readVotes(t, 'debat-1', { 'Parvis-Voter': newVoter() })).mine, 0);
    assert.equal((await readVotes(t, 'debat-1')).mine, 0, 'an anonymous read has no vote of its own');
  });

  test('answers 304 to If-None-Match until the subject changes', async () => {
    const voter = newVoter();
    await accepted(voteOnSubject(t.app, 'etag', { value: 1 }));
    const first = await t.app.request('/v1/subjects/etag/votes', { headers: { 'Parvis-Voter': voter } });
    const etag = first.headers.get('ETag');
    assert.ok(etag);
    assert.equal(first.headers.get('Cache-Control'), 'no-cache');
    assert.match(first.headers.get('Vary') ?? '', /Parvis-Voter, Authorization/);
    const again = await t.app.request('/v1/subjects/etag/votes', {
      headers: { 'Parvis-Voter': voter, 'If-None-Match': etag },
    });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    await accepted(voteOnSubject(t.app, 'etag', { value: 1 }));
    const changed = await t.app.request('/v1/subjects/etag/votes', {
      headers: { 'Parvis-Voter': voter, 'If-None-Match': etag },
    });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('ETag'), etag);
  });

  test('a key sent with encoded slashes arrives decoded, and works like any other', async () => {
    const key = 'www.ville.fr/actualites/budget-2027';
    const path = `/v1/subjects/${encodeURIComponent(key)}/votes`;
    assert.equal(path, '/v1/subjects/www.ville.fr%2Factualites%2Fbudget-2027/votes');
    const voter = newVoter();
    assert.equal((await accepted(voteOnSubject(t.app, key, { value: 1 }, { voter }))).key, key);
    const stored = await t.store.db.selectFrom('subjects').select('key').where('key', 'like', 'www.%').execute();
    assert.deepEqual(stored, [{ key }]);
    assert.deepEqual(await readVotes(t, key, { 'Parvis-Voter': voter }), {
      key,
      mode: 'support',
      up: 1,
      down: 0,
      score: 1,
      closed: false,
      mine: 1,
      commented: false,
    });
    const percent = 'remise-50%-jeunes';
    assert.equal((await accepted(voteOnSubject(t.app, percent, { value: 1 }))).key, percent, '%25 decodes once');
    assert.equal((await readVotes(t, percent)).up, 1);
    const unencoded = await t.app.request(`/v1/subjects/${key}/votes`);
    assert.equal(unencoded.status, 404, 'a slash left unencoded splits the path');
  });

  test('refuses a key too long or with characters a key may not have', async () => {
    assert.equal((await readVotes(t, 'k'.repeat(200))).key.length, 200, '200 characters is the limit');
    for (const key of ['k'.repeat(201), 'deux mots', '-tiret-au-debut', '<script>', 'actu?id=1', 'é']) {
      const response = await t.app.request(`/v1/subjects/${encodeURIComponent(key)}/votes`);
      assert.equal(response.status, 400, key);
      const { error } = (await response.json()) as { error: { code: string; fields: unknown } };
      assert.equal(error.code, 'invalid_subject_key', key);
      assert.deepEqual(error.fields, { subjectKey: 'invalid_format' });
    }
    const voter = await t.app.request('/v1/subjects/actu/votes', { headers: { 'Parvis-Voter': 'court' } });
    assert.equal(await errorCode(voter), 'invalid_voter');
  });

  test('refuses a bad citizen token and an Origin that names no site', async () => {
    const token = await t.app.request('/v1/subjects/actu/votes', { headers: { Authorization: 'Bearer abc.def' } });
    assert.deepEqual([token.status, await errorCode(token)], [401, 'invalid_token']);
    const opaque = await t.app.request('/v1/subjects/actu/votes', { headers: { Origin: 'null' } });
    assert.deepEqual([opaque.status, await errorCode(opaque)], [403, 'origin_not_allowed']);
  });
});

describe(`getSubjectVotesBatch on ${ENGINE}`, () => {
  let t: TestApp;
  const voter = newVoter();
  before(async () => {
    t = await openTestApp();
    await accepted(voteOnSubject(t.app, 'actu-1', { value: 1 }, { voter }));
    await accepted(voteOnSubject(t.app, 'actu-2', { value: 1 }));
    await accepted(voteOnSubject(t.app, 'actu-2', { value: 1 }));
    await accepted(voteOnSubject(t.app, 'avis/page', { value: -1, mode: 'helpful' }, { voter }));
  });
  after(() => t.dispose());

  const batch = (keys: string[], headers: Record<string, string> = {}) =>
    t.app.request(`/v1/subjects?${keys.map((key) => `key=${encodeURIComponent(key)}`).join('&')}`, { headers });

  test('answers every subject asked, in the order asked, with the voter’s own votes', async () => {
    const response = await batch(['avis/page', 'inconnue', 'actu-2', 'actu-1'], { 'Parvis-Voter': voter });
    assert.equal(response.status, 200);
    const { subjects } = SubjectVotesList.parse(await response.json());
    assert.deepEqual(
      subjects.map(({ key, mode, up, down, mine }) => [key, mode, up, down, mine]),
      [
        ['avis/page', 'helpful', 0, 1, -1],
        ['inconnue', null, 0, 0, 0],
        ['actu-2', 'support', 2, 0, 0],
        ['actu-1', 'support', 1, 0, 1],
      ],
    );
    assert.deepEqual(subjects[2], await readVotes(t, 'actu-2', { 'Parvis-Voter': voter }), 'as the single read');
  });

  test(`takes up to ${MAX_SUBJECTS_PER_READ} keys; more is too_many_subjects`, async () => {
    const keys = Array.from({ length: MAX_SUBJECTS_PER_READ }, (_, i) => `actu-${i + 1}`);
    const all = await batch(keys);
    assert.equal(all.status, 200);
    const { subjects } = SubjectVotesList.parse(await all.json());
    assert.deepEqual(
      subjects.map((subject) => subject.key),
      keys,
    );
    assert.deepEqual([subjects[0].up, subjects[1].up, subjects[2].up], [1, 2, 0]);
    const tooMany = await batch([...keys, 'une-de-trop']);
    assert.equal(tooMany.status, 400);
    assert.equal(await errorCode(tooMany), 'too_many_subjects');
  });

  test('names an invalid key; asks for at least one', async () => {
    const invalid = await batch(['actu-1', 'pas valide']);
    assert.equal(invalid.status, 400);
    const { error } = (await invalid.json()) as { error: { code: string; fields: unknown } };
    assert.equal(error.code, 'invalid_subject_key');
    assert.deepEqual(error.fields, { 'key.1': 'invalid_format' });
    const none = await t.app.request('/v1/subjects');
    assert.equal(none.status, 400);
    assert.equal(await errorCode(none), 'invalid_request');
  });

  test('answers 304 to If-None-Match until one of the subjects changes', async () => {
    const first = await batch(['actu-1', 'actu-2']);
    const etag = first.headers.get('ETag')!;
    assert.equal((await batch(['actu-1', 'actu-2'], { 'If-None-Match': etag })).status, 304);
    await accepted(voteOnSubject(t.app, 'actu-2', { value: 1 }));
    assert.equal((await batch(['actu-1', 'actu-2'], { 'If-None-Match': etag })).status, 200);
  });
});

describe(`setSubjectVote on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
  });
  after(() => t.dispose());

  test('the first vote creates the subject, in support mode unless the body names another', async () => {
    const response = await voteOnSubject(t.app, 'actu-relance', { value: 1 });
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    assert.deepEqual(await accepted(response), {
      key: 'actu-relance',
      mode: 'support',
      up: 1,
      down: 0,
      score: 1,
      closed: false,
      mine: 1,
      commented: false,
    });
    assert.equal((await accepted(voteOnSubject(t.app, 'page-aide', { value: -1, mode: 'helpful' }))).mode, 'helpful');
    assert.equal((await accepted(voteOnSubject(t.app, 'duel', { value: -1, mode: 'updown' }))).score, -1);
    const none = await accepted(voteOnSubject(t.app, 'jamais-creee', { value: 0, mode: 'updown' }));
    assert.deepEqual([none.mode, none.up, none.mine], [null, 0, 0], 'withdrawing nothing creates nothing');
    assert.equal((await readVotes(t, 'jamais-creee')).mode, null);
  });

  test('a voter changes and withdraws a vote; the counters follow the stored votes', async () => {
    const voter = newVoter();
    await accepted(voteOnSubject(t.app, 'changer', { value: 1, mode: 'updown' }));
    const up = await accepted(voteOnSubject(t.app, 'changer', { value: 1, mode: 'updown' }, { voter }));
    assert.deepEqual([up.up, up.down, up.mine], [2, 0, 1]);
    const down = await accepted(voteOnSubject(t.app, 'changer', { value: -1 }, { voter }));
    assert.deepEqual([down.up, down.down, down.score, down.mine], [1, 1, 0, -1]);
    const same = await accepted(voteOnSubject(t.app, 'changer', { value: -1 }, { voter }));
    assert.deepEqual([same.up, same.down, same.mine], [1, 1, -1], 'the same vote again counts once');
    const withdrawn = await accepted(voteOnSubject(t.app, 'changer', { value: 0 }, { voter }));
    assert.deepEqual([withdrawn.up, withdrawn.down, withdrawn.mine], [1, 0, 0]);
    assert.equal((await readVotes(t, 'changer', { 'Parvis-Voter': voter })).mine, 0);
    const back = await accepted(voteOnSubject(t.app, 'changer', { value: 1 }, { voter }));
    assert.deepEqual([back.up, back.down, back.mine], [2, 0, 1]);
    const { counters, fromVotes } = await countersAndRecount(t, 'changer');
    assert.deepEqual(counters, fromVotes);
  });

  test('a vote that does not fit the mode is mode_mismatch', async () => {
    await accepted(voteOnSubject(t.app, 'soutien', { value: 1 }));
    await accepted(voteOnSubject(t.app, 'haut-bas', { value: 1, mode: 'updown' }));
    const cases: Array<[string, Record<string, unknown>]> = [
      ['soutien', { value: -1 }],
      ['soutien', { value: 1, mode: 'updown' }],
      ['haut-bas', { value: 1, mode: 'support' }],
      ['haut-bas', { value: 0, mode: 'helpful' }],
      ['nouveau-soutien', { value: -1, mode: 'support' }],
      ['nouveau-par-defaut', { value: -1 }],
    ];
    for (const [key, body] of cases) {
      const before = await subjectSnapshot(t.store);
      const response = await voteOnSubject(t.app, key, body);
      assert.equal(response.status, 422, `${key} ${JSON.stringify(body)}`);
      assert.equal(await errorCode(response), 'mode_mismatch');
      assert.deepEqual(await subjectSnapshot(t.store), before, 'nothing written, no subject created');
    }
  });

  test('a comment goes with a "helpful" answer, with the vote or in a second request', async () => {
    const voter = newVoter();
    const withVote = await accepted(
      voteOnSubject(t.app, 'page-contact', { value: -1, mode: 'helpful', comment: 'Les horaires manquent.' }),
    );
    assert.deepEqual([withVote.down, withVote.mine, withVote.commented], [1, -1, true]);
    const answer = await accepted(voteOnSubject(t.app, 'page-contact', { value: 1, mode: 'helpful' }, { voter }));
    assert.equal(answer.commented, false);
    const later = await accepted(
      voteOnSubject(t.app, 'page-contact', { value: 1, comment: 'Clair, merci ; il manque un plan.' }, { voter }),
    );
    assert.deepEqual([later.up, later.down, later.mine, later.commented], [1, 1, 1, true], 'counted once');
    const withdrawn = await accepted(voteOnSubject(t.app, 'page-contact', { value: 0 }, { voter }));
    assert.equal(withdrawn.commented, true, 'withdrawing the answer keeps the comment');
    const comments = await t.store.db.selectFrom('subject_comments').select(['value', 'comment']).execute();
    assert.deepEqual(
      comments.map((row) => [row.value, row.comment]).sort(),
      [
        [-1, 'Les horaires manquent.'],
        [1, 'Clair, merci ; il manque un plan.'],
      ].sort(),
    );
    assert.equal((await readVotes(t, 'page-contact', { 'Parvis-Voter': voter })).commented, true);
    const { counters, fromVotes } = await countersAndRecount(t, 'page-contact');
    assert.deepEqual(counters, fromVotes);
  });

  test('a comment elsewhere is comment_not_allowed, and writes nothing', async () => {
    await accepted(voteOnSubject(t.app, 'utile', { value: 1, mode: 'helpful' }));
    const cases: Array<[string, Record<string, unknown>]> = [
      ['soutien-commente', { value: 1, comment: 'Bravo' }],
      ['utile', { value: 0, comment: 'Sans réponse' }],
      ['nouveau-haut-bas', { value: 1, mode: 'updown', comment: 'Pour' }],
    ];
    for (const [key, body] of cases) {
      const before = await subjectSnapshot(t.store);
      const response = await voteOnSubject(t.app, key, body);
      assert.equal(response.status, 422, key);
      assert.equal(await errorCode(response), 'comment_not_allowed');
      assert.deepEqual(await subjectSnapshot(t.store), before);
    }
  });

  test('a retried request answers the first answer again and counts once', async () => {
    const voter = newVoter();
    const key = newKey();
    const body = { value: -1, mode: 'helpful', comment: 'Trop long à lire.' };
    const first = await voteOnSubject(t.app, 'rejeu', body, { voter, key });
    const firstBody = await first.text();
    await accepted(voteOnSubject(t.app, 'rejeu', { value: 1 }));
    const retry = await voteOnSubject(t.app, 'rejeu', body, { voter, key });
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await retry.text(), firstBody);
    const rows = await t.store.db.selectFrom('subject_comments').select('id').where('voter', '=', `token:${voter}`);
    assert.equal((await rows.execute()).length, 1, 'the comment is stored once');
    assert.deepEqual([(await readVotes(t, 'rejeu')).up, (await readVotes(t, 'rejeu')).down], [1, 1]);
    const other = await voteOnSubject(t.app, 'rejeu', { value: 1 }, { voter, key });
    assert.equal(other.status, 422);
    assert.equal(await errorCode(other), 'idempotency_key_reused');
  });

  test('a retry is recognised after the vote changed or the subject closed, and changes nothing', async () => {
    const voter = newVoter();
    const firstKey = newKey();
    const first = await (await voteOnSubject(t.app, 'rejeu-tardif', { value: 1 }, { voter, key: firstKey })).text();
    await accepted(voteOnSubject(t.app, 'rejeu-tardif', { value: 0 }, { voter }));
    const beforeRetry = await subjectSnapshot(t.store);
    const retry = await voteOnSubject(t.app, 'rejeu-tardif', { value: 1 }, { voter, key: firstKey });
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await retry.text(), first);
    assert.deepEqual(await subjectSnapshot(t.store), beforeRetry, 'the late retry does not bring the vote back');
    const { id } = await t.store.db
      .selectFrom('subjects')
      .select('id')
      .where('key', '=', 'rejeu-tardif')
      .executeTakeFirstOrThrow();
    assert.equal((await adminRequest(t.app, 'POST', `/v1/admin/subjects/${id}/close`)).status, 200);
    const afterClose = await voteOnSubject(t.app, 'rejeu-tardif', { value: 1 }, { voter, key: firstKey });
    assert.equal(afterClose.status, 200);
    assert.equal(await afterClose.text(), first);
  });

  test('a closed subject refuses votes, withdrawals and comments; reopened, it takes them again', async () => {
    const voter = newVoter();
    await accepted(voteOnSubject(t.app, 'fermee', { value: 1, mode: 'helpful' }, { voter }));
    const { id } = await t.store.db
      .selectFrom('subjects')
      .select('id')
      .where('key', '=', 'fermee')
      .executeTakeFirstOrThrow();
    await adminRequest(t.app, 'POST', `/v1/admin/subjects/${id}/close`);
    assert.equal((await readVotes(t, 'fermee', { 'Parvis-Voter': voter })).closed, true);
    for (const body of [{ value: -1 }, { value: 0 }, { value: 1, comment: 'Trop tard ?' }]) {
      const before = await subjectSnapshot(t.store);
      const response = await voteOnSubject(t.app, 'fermee', body, { voter });
      assert.equal(response.status, 409);
      assert.equal(await errorCode(response), 'subject_closed');
      assert.deepEqual(await subjectSnapshot(t.store), before);
    }
    await adminRequest(t.app, 'POST', `/v1/admin/subjects/${id}/reopen`);
    assert.equal((await accepted(voteOnSubject(t.app, 'fermee', { value: -1 }, { voter }))).down, 1);
  });

  test('a verified citizen votes under the subject of the token, whatever voter token is sent', async () => {
    const auth = { Authorization: `Bearer ${await signToken({ sub: 'citoyenne-7' })}` };
    await accepted(voteOnSubject(t.app, 'verifie', { value: 1 }, { headers: auth, voter: null }));
    const again = await accepted(voteOnSubject(t.app, 'verifie', { value: 1 }, { headers: auth }));
    assert.equal(again.up, 1, 'one vote per citizen');
    const stored = await t.store.db.selectFrom('subject_votes').select('voter').where('voter', 'like', 'subject:%');
    assert.deepEqual(await stored.execute(), [{ voter: 'subject:citoyenne-7' }]);
  });

  describe('refuses bad input with its code, writes nothing and keeps serving', () => {
    const voted = newVoter();
    const usedKey = newKey();
    before(async () => {
      await accepted(voteOnSubject(t.app, 'refus', { value: 1 }, { voter: voted, key: usedKey }));
    });
    const cases: Array<{ name: string; status: number; code: string; send: () => Promise<Response> }> = [
      {
        name: 'malformed JSON',
        status: 400,
        code: 'malformed_json',
        send: () => voteOnSubject(t.app, 'refus', {}, { body: '{"value": ' }),
      },
      {
        name: 'a body that is not JSON',
        status: 415,
        code: 'unsupported_media_type',
        send: () => voteOnSubject(t.app, 'refus', { value: 1 }, { headers: { 'Content-Type': 'text/plain' } }),
      },
      {
        name: 'a value of 2',
        status: 400,
        code: 'invalid_request',
        send: () => voteOnSubject(t.app, 'refus', { value: 2 }),
      },
      { name: 'no value', status: 400, code: 'invalid_request', send: () => voteOnSubject(t.app, 'refus', {}) },
      {
        name: 'an unknown mode',
        status: 400,
        code: 'invalid_request',
        send: () => voteOnSubject(t.app, 'refus-mode', { value: 1, mode: 'stars' }),
      },
      {
        name: 'an empty comment',
        status: 400,
        code: 'invalid_request',
        send: () => voteOnSubject(t.app, 'refus-aide', { value: 1, mode: 'helpful', comment: '' }),
      },
      {
        name: 'a comment over 500 characters',
        status: 400,
        code: 'invalid_request',
        send: () => voteOnSubject(t.app, 'refus-aide', { value: 1, mode: 'helpful', comment: 'x'.repeat(501) }),
      },
      {
        name: 'an oversized body',
        status: 413,
        code: 'payload_too_large',
        send: () => voteOnSubject(t.app, 'refus', {}, { body: JSON.stringify({ value: 1, pad: 'x'.repeat(17_000) }) }),
      },
      {
        name: 'an invalid key',
        status: 400,
        code: 'invalid_subject_key',
        send: () => voteOnSubject(t.app, 'clé invalide', { value: 1 }),
      },
      {
        name: 'no voter',
        status: 400,
        code: 'voter_required',
        send: () => voteOnSubject(t.app, 'refus', { value: 1 }, { voter: null }),
      },
      {
        name: 'a malformed voter',
        status: 400,
        code: 'invalid_voter',
        send: () => voteOnSubject(t.app, 'refus', { value: 1 }, { voter: 'pas un jeton!' }),
      },
      {
        name: 'no idempotency key',
        status: 400,
        code: 'idempotency_key_required',
        send: () => voteOnSubject(t.app, 'refus', { value: 1 }, { key: null }),
      },
      {
        name: 'a malformed idempotency key',
        status: 400,
        code: 'invalid_idempotency_key',
        send: () => voteOnSubject(t.app, 'refus', { value: 1 }, { key: 'k' }),
      },
      {
        name: 'a reused idempotency key',
        status: 422,
        code: 'idempotency_key_reused',
        send: () => voteOnSubject(t.app, 'refus', { value: 0 }, { voter: voted, key: usedKey }),
      },
      {
        name: 'a reused idempotency key on another subject',
        status: 422,
        code: 'idempotency_key_reused',
        send: () => voteOnSubject(t.app, 'refus-ailleurs', { value: 1 }, { voter: voted, key: usedKey }),
      },
      {
        name: 'a token with a bad signature',
        status: 401,
        code: 'invalid_token',
        send: async () =>
          voteOnSubject(
            t.app,
            'refus',
            { value: 1 },
            {
              headers: {
                Authorization: `Bearer ${await signToken({ sub: 'c1' }, '10m', 'another secret of enough length')}`,
              },
            },
          ),
      },
      {
        name: 'an expired token',
        status: 401,
        code: 'token_expired',
        send: async () =>
          voteOnSubject(
            t.app,
            'refus',
            { value: 1 },
            {
              headers: {
                Authorization: `Bearer ${await signToken({ sub: 'c2' }, Math.floor(Date.now() / 1000) - 60)}`,
              },
            },
          ),
      },
    ];
    for (const refusal of cases) {
      test(refusal.name, async () => {
        const before = await subjectSnapshot(t.store);
        const response = await refusal.send();
        assert.equal(await errorCode(response), refusal.code);
        assert.equal(response.status, refusal.status);
        assert.deepEqual(await subjectSnapshot(t.store), before, 'nothing was written');
        await accepted(voteOnSubject(t.app, 'refus-suivant', { value: 1 }));
      });
    }
  });

  test('GET and PUT are the methods of a subject’s votes', async () => {
    const response = await t.app.request('/v1/subjects/actu/votes', { method: 'POST' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('Allow'), 'GET, PUT, HEAD');
  });
});

describe(`subjects by site on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ allowedOrigins: [A, B] });
  });
  after(() => t.dispose());

  const from = (origin: string) => ({ headers: { Origin: origin } });

  test('two sites have the same key separately, and this server’s own pages a third', async () => {
    await accepted(voteOnSubject(t.app, 'actu-1', { value: 1 }, from(A)));
    await accepted(voteOnSubject(t.app, 'actu-1', { value: 1 }, from(A)));
    await accepted(voteOnSubject(t.app, 'actu-1', { value: -1, mode: 'updown' }, from(B)));
    assert.deepEqual(
      [await readVotes(t, 'actu-1', { Origin: A }), await readVotes(t, 'actu-1', { Origin: B })].map(
        ({ mode, up, down }) => [mode, up, down],
      ),
      [
        ['support', 2, 0],
        ['updown', 0, 1],
      ],
    );
    assert.equal((await readVotes(t, 'actu-1')).mode, null, 'a same-origin read sends no Origin: the own site');
    const own = await accepted(voteOnSubject(t.app, 'actu-1', { value: 1 }, from('http://localhost')));
    assert.deepEqual([own.mode, own.up], ['support', 1], 'a page of this server sends its own origin on a PUT');
    assert.equal((await readVotes(t, 'actu-1')).up, 1, '…and none on a GET: the same subject');
    const sites = await t.store.db.selectFrom('subjects').select('site').where('key', '=', 'actu-1').execute();
    assert.deepEqual(sites.map((row) => row.site).sort(), [A, B, 'self']);
  });

  test('an origin not allowed cannot create a subject, nor vote', async () => {
    const before = await subjectSnapshot(t.store);
    const response = await voteOnSubject(t.app, 'actu-1', { value: 1 }, from('https://pollueur.example'));
    assert.equal(response.status, 403);
    assert.equal(await errorCode(response), 'origin_not_allowed');
    assert.deepEqual(await subjectSnapshot(t.store), before);
    const read = await readVotes(t, 'actu-1', { Origin: 'https://pollueur.example' });
    assert.equal(read.mode, null, 'it reads its own, empty namespace');
  });

  test('with every origin allowed, an opaque origin still names no site', async () => {
    const open = await openTestApp({ allowedOrigins: ['*'] });
    try {
      const created = await accepted(voteOnSubject(open.app, 'actu-1', { value: 1 }, from('https://www.c.fr')));
      assert.equal(created.up, 1);
      for (const origin of ['null', 'file://', 'https://www.c.fr/page']) {
        const response = await voteOnSubject(open.app, 'actu-1', { value: 1 }, from(origin));
        assert.equal(await errorCode(response), 'origin_not_allowed', origin);
      }
      const sites = await open.store.db.selectFrom('subjects').select('site').execute();
      assert.deepEqual(sites, [{ site: 'https://www.c.fr' }]);
    } finally {
      await open.dispose();
    }
  });
});

describe(`setSubjectVote under load on ${ENGINE}`, () => {
  test('a voter over the per-voter limit is rate_limited', async () => {
    const t = await openTestApp({ rateLimits: { voterWrites: 2 } });
    try {
      const voter = newVoter();
      await accepted(voteOnSubject(t.app, 'limite', { value: 1 }, { voter }));
      await accepted(voteOnSubject(t.app, 'limite', { value: 0 }, { voter }));
      const third = await voteOnSubject(t.app, 'limite', { value: 1 }, { voter });
      assert.equal(third.status, 429);
      assert.equal(await errorCode(third), 'rate_limited');
      assert.equal((await readVotes(t, 'limite')).up, 0);
    } finally {
      await t.dispose();
    }
  });

  test('1,000 concurrent votes from 100 voters on three subjects: the counters equal the stored votes', async () => {
    const t = await openTestApp();
    try {
      const voters = Array.from({ length: 100 }, () => newVoter());
      const subjects = [
        { key: 'affluence-soutien', mode: 'support', values: [1, 0] },
        { key: 'affluence-duel', mode: 'updown', values: [1, -1, 0] },
        { key: 'affluence/page-utile', mode: 'helpful', values: [-1, 1, 0, 1] },
      ];
      const responses = await Promise.all(
        Array.from({ length: 1000 }, (_, i) => {
          const { key, mode, values } = subjects[i % 3];
          const value = values[Math.floor(i / 3) % values.length];
          return voteOnSubject(t.app, key, { value, mode }, { voter: voters[i % 100] });
        }),
      );
      const refused = responses.filter((response) => response.status !== 200);
      assert.deepEqual(await Promise.all(refused.map(errorCode)), [], 'every vote and change is accepted');
      for (const { key } of subjects) {
        const { counters, fromVotes } = await countersAndRecount(t, key);
        assert.deepEqual(counters, fromVotes, key);
        assert.ok(counters.up + counters.down <= 100, key);
        const shown = await readVotes(t, key);
        assert.deepEqual([shown.up, shown.down], [counters.up, counters.down]);
      }
      assert.equal(await subjectCount(t), 3, 'each subject created once');
    } finally {
      await t.dispose();
    }
  });
});

describe(`demo seed on ${ENGINE}`, () => {
  test('the news items of the demo page have their supports, on the site of the page that serves them', async () => {
    const t = await openTestApp();
    try {
      const demoDir = join(findProjectRoot(import.meta.url), 'demo');
      assert.ok(await seedOnce(t.store, 'demo', demoDir));
      const seed = JSON.parse(await readFile(join(demoDir, 'seed.json'), 'utf8')) as {
        subjects: Array<{ key: string; votes: Array<{ count: number }> }>;
      };
      const keys = [
        'actu-budget-participatif-relance',
        'actu-contributions-sms',
        'actu-services-publics-itinerants',
        'actu-assistant-conversationnel',
        'actu-donnees-ouvertes',
      ];
      assert.deepEqual(
        seed.subjects.map((subject) => subject.key),
        keys,
      );
      const response = await t.app.request(`/v1/subjects?${keys.map((key) => `key=${key}`).join('&')}`);
      const { subjects } = SubjectVotesList.parse(await response.json());
      assert.deepEqual(
        subjects.map(({ key, mode, up }) => [key, mode, up]),
        seed.subjects.map(({ key, votes }) => [key, 'support', votes[0].count]),
        'a same-origin read (no Origin) sees the seeded subjects',
      );
      for (const key of keys) {
        const { counters, fromVotes } = await countersAndRecount(t, key);
        assert.deepEqual(counters, fromVotes, key);
      }
      const own = { headers: { Origin: 'http://localhost' } };
      const supported = await accepted(voteOnSubject(t.app, keys[1], { value: 1, mode: 'support' }, own));
      assert.equal(supported.up, seed.subjects[1].votes[0].count + 1, 'a vote from the demo page counts there');
      assert.equal(await subjectCount(t), 5);
    } finally {
      await t.dispose();
    }
  });
});
