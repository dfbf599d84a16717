import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Poll } from '../../src/contract/poll.js';
import {
  ENGINE,
  adminRequest,
  countersAndRecount,
  createPoll,
  errorCode,
  minutesFromNow,
  newKey,
  newVoter,
  openTestApp,
  signToken,
  snapshot,
  type TestApp,
  vote,
} from './helpers.js';

async function readPoll(t: TestApp, id: string, headers: Record<string, string> = {}) {
  const response = await t.app.request(`/v1/polls/${id}`, { headers });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.ok(Poll.safeParse(body).success, 'getPoll answers the contract');
  return body as Poll;
}

describe(`getPoll on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await createPoll(t.app, { id: 'toujours', resultsVisibility: 'always' });
    await createPoll(t.app, { id: 'apres-vote', resultsVisibility: 'after_vote' });
    await createPoll(t.app, { id: 'apres-cloture', resultsVisibility: 'after_close' });
    await createPoll(t.app, { id: 'jamais', resultsVisibility: 'never' });
    await createPoll(t.app, { id: 'bientot', opensAt: minutesFromNow(60) });
    await createPoll(t.app, { id: 'echue', opensAt: minutesFromNow(-120), closesAt: minutesFromNow(-60) });
  });
  after(() => t.dispose());

  test('computes the status from the dates and the closed flag', async () => {
    assert.equal((await readPoll(t, 'toujours')).status, 'open');
    assert.equal((await readPoll(t, 'bientot')).status, 'upcoming');
    assert.equal((await readPoll(t, 'echue')).status, 'closed');
  });

  test('shows results according to the poll visibility', async () => {
    const voter = newVoter();
    const asVoter = { 'Parvis-Voter': voter };
    assert.deepEqual((await readPoll(t, 'toujours')).results, {
      voters: 0,
      options: [
        { id: 'jeux', votes: 0 },
        { id: 'bancs', votes: 0 },
        { id: 'arbres', votes: 0 },
      ],
    });
    for (const id of ['apres-vote', 'apres-cloture', 'jamais'])
      assert.equal((await readPoll(t, id, asVoter)).results, null, id);

    for (const id of ['apres-vote', 'apres-cloture', 'jamais'])
      assert.equal((await vote(t.app, id, ['bancs'], { voter })).status, 200);
    assert.equal((await readPoll(t, 'apres-vote', asVoter)).results?.voters, 1, 'after_vote: shown to who voted');
    assert.equal((await readPoll(t, 'apres-vote')).results, null, 'after_vote: hidden from who did not');
    assert.equal((await readPoll(t, 'apres-cloture', asVoter)).results, null);
    assert.equal((await readPoll(t, 'jamais', asVoter)).results, null);

    for (const id of ['apres-vote', 'apres-cloture', 'jamais'])
      assert.equal((await adminRequest(t.app, 'POST', `/v1/admin/polls/${id}/close`)).status, 200);
    assert.equal((await readPoll(t, 'apres-vote')).results?.voters, 1, 'after_vote: shown to all once closed');
    assert.equal((await readPoll(t, 'apres-cloture')).results?.voters, 1);
    assert.equal((await readPoll(t, 'jamais', asVoter)).results, null, 'never means never');
  });

  test("includes the identified voter's own vote", async () => {
    const voter = newVoter();
    await vote(t.app, 'toujours', ['arbres'], { voter });
    const mine = await readPoll(t, 'toujours', { 'Parvis-Voter': voter });
    assert.deepEqual(mine.myVote?.choices, ['arbres']);
    assert.equal((await readPoll(t, 'toujours', { 'Parvis-Voter': newVoter() })).myVote, null);
    assert.equal((await readPoll(t, 'toujours')).myVote, null);
  });

  test('answers 304 to If-None-Match until the poll changes', async () => {
    const voter = newVoter();
    const first = await t.app.request('/v1/polls/toujours', { headers: { 'Parvis-Voter': voter } });
    const etag = first.headers.get('ETag');
    assert.ok(etag);
    assert.equal(first.headers.get('Cache-Control'), 'no-cache');
    assert.match(first.headers.get('Vary') ?? '', /Parvis-Voter, Authorization/);
    const again = await t.app.request('/v1/polls/toujours', {
      headers: { 'Parvis-Voter': voter, 'If-None-Match': etag },
    });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    await vote(t.app, 'toujours', ['jeux']);
    const changed = await t.app.request('/v1/polls/toujours', {
      headers: { 'Parvis-Voter': voter, 'If-None-Match': etag },
    });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('ETag'), etag);
  });

  test('refuses an unknown poll, a malformed id and a malformed voter', async () => {
    const unknown = await t.app.request('/v1/polls/inconnu');
    assert.equal(unknown.status, 404);
    assert.equal(await errorCode(unknown), 'poll_not_found');
    const malformed = await t.app.request('/v1/polls/Pas_Un_Id');
    assert.equal(malformed.status, 400);
    const { error } = (await malformed.json()) as { error: { code: string; fields: unknown } };
    assert.equal(error.code, 'invalid_request');
    assert.deepEqual(error.fields, { pollId: 'invalid_format' });
    const voter = await t.app.request('/v1/polls/toujours', { headers: { 'Parvis-Voter': 'court' } });
    assert.equal(voter.status, 400);
    assert.equal(await errorCode(voter), 'invalid_voter');
  });
});

describe(`castPollVote on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await createPoll(t.app, { id: 'parc', resultsVisibility: 'after_vote' });
    await createPoll(t.app, {
      id: 'mobilite',
      multiple: true,
      minChoices: 2,
      maxChoices: 2,
      resultsVisibility: 'always',
    });
    await createPoll(t.app, { id: 'fermee' });
    await adminRequest(t.app, 'POST', '/v1/admin/polls/fermee/close');
    await createPoll(t.app, { id: 'echue', opensAt: minutesFromNow(-120), closesAt: minutesFromNow(-1) });
    await createPoll(t.app, { id: 'future', opensAt: minutesFromNow(60) });
    await createPoll(t.app, { id: 'modifiable', allowChange: true, resultsVisibility: 'always' });
    await createPoll(t.app, { id: 'verifiee', requiresVerification: true, resultsVisibility: 'always' });
  });
  after(() => t.dispose());

  test('stores the vote and answers 200 with the poll as the voter now sees it', async () => {
    const voter = newVoter();
    const response = await vote(t.app, 'parc', ['bancs'], { voter });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Cache-Control'), 'no-store');
    const poll = (await response.json()) as Poll;
    assert.ok(Poll.safeParse(poll).success);
    assert.deepEqual(poll.myVote?.choices, ['bancs']);
    assert.equal(poll.results?.options.find((option) => option.id === 'bancs')?.votes, 1);
    assert.deepEqual((await readPoll(t, 'parc', { 'Parvis-Voter': voter })).myVote, poll.myVote);
  });

  test('takes several choices within the limits of a multiple-choice poll', async () => {
    const response = await vote(t.app, 'mobilite', ['jeux', 'arbres']);
    assert.equal(response.status, 200);
    const { results } = (await response.json()) as Poll;
    assert.deepEqual(results, {
      voters: 1,
      options: [
        { id: 'jeux', votes: 1 },
        { id: 'bancs', votes: 0 },
        { id: 'arbres', votes: 1 },
      ],
    });
  });

  const voted = newVoter();
  const usedKey = newKey();
  const big = JSON.stringify({ choices: ['jeux'], padding: 'x'.repeat(17 * 1024) });
  const refusals: Array<{ name: string; status: number; code: string; send: () => Promise<Response> }> = [
    {
      name: 'malformed JSON',
      status: 400,
      code: 'malformed_json',
      send: () => vote(t.app, 'parc', null, { body: '{"choices": [' }),
    },
    {
      name: 'a body that is not JSON',
      status: 415,
      code: 'unsupported_media_type',
      send: () =>
        vote(t.app, 'parc', null, {
          body: 'choices=jeux',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        }),
    },
    {
      name: 'text/plain',
      status: 415,
      code: 'unsupported_media_type',
      send: () => vote(t.app, 'parc', ['jeux'], { headers: { 'Content-Type': 'text/plain' } }),
    },
    { name: 'a string for choices', status: 400, code: 'invalid_request', send: () => vote(t.app, 'parc', 'jeux') },
    { name: 'a number as a choice', status: 400, code: 'invalid_request', send: () => vote(t.app, 'parc', [1]) },
    { name: 'no choice at all', status: 400, code: 'invalid_request', send: () => vote(t.app, 'parc', []) },
    { name: 'no body', status: 400, code: 'malformed_json', send: () => vote(t.app, 'parc', null, { body: '' }) },
    { name: 'an unknown poll', status: 404, code: 'poll_not_found', send: () => vote(t.app, 'inconnu', ['jeux']) },
    { name: 'an unknown option', status: 422, code: 'unknown_option', send: () => vote(t.app, 'parc', ['piscine']) },
    {
      name: 'a duplicated choice',
      status: 422,
      code: 'duplicate_choice',
      send: () => vote(t.app, 'mobilite', ['jeux', 'jeux']),
    },
    {
      name: 'too many choices',
      status: 422,
      code: 'too_many_choices',
      send: () => vote(t.app, 'mobilite', ['jeux', 'bancs', 'arbres']),
    },
    {
      name: 'two choices in a single-choice poll',
      status: 422,
      code: 'too_many_choices',
      send: () => vote(t.app, 'parc', ['jeux', 'bancs']),
    },
    { name: 'too few choices', status: 422, code: 'too_few_choices', send: () => vote(t.app, 'mobilite', ['jeux']) },
    { name: 'a closed poll', status: 409, code: 'poll_closed', send: () => vote(t.app, 'fermee', ['jeux']) },
    {
      name: 'a poll past its closing date',
      status: 409,
      code: 'poll_closed',
      send: () => vote(t.app, 'echue', ['jeux']),
    },
    { name: 'a poll not open yet', status: 409, code: 'poll_not_open', send: () => vote(t.app, 'future', ['jeux']) },
    {
      name: 'a second vote',
      status: 409,
      code: 'already_voted',
      send: () => vote(t.app, 'parc', ['arbres'], { voter: voted }),
    },
    {
      name: 'an oversized body',
      status: 413,
      code: 'payload_too_large',
      send: () => vote(t.app, 'parc', null, { body: big }),
    },
    {
      name: 'no voter',
      status: 400,
      code: 'voter_required',
      send: () => vote(t.app, 'parc', ['jeux'], { voter: null }),
    },
    {
      name: 'a malformed voter',
      status: 400,
      code: 'invalid_voter',
      send: () => vote(t.app, 'parc', ['jeux'], { voter: 'pas un jeton!' }),
    },
    {
      name: 'no idempotency key',
      status: 400,
      code: 'idempotency_key_required',
      send: () => vote(t.app, 'parc', ['jeux'], { key: null }),
    },
    {
      name: 'a malformed idempotency key',
      status: 400,
      code: 'invalid_idempotency_key',
      send: () => vote(t.app, 'parc', ['jeux'], { key: 'k' }),
    },
    {
      name: 'a reused idempotency key',
      status: 422,
      code: 'idempotency_key_reused',
      send: () => vote(t.app, 'parc', ['arbres'], { voter: voted, key: usedKey }),
    },
    {
      name: 'an unverified vote where verification is required',
      status: 401,
      code: 'verification_required',
      send: () => vote(t.app, 'verifiee', ['jeux']),
    },
    {
      name: 'a token with a bad signature',
      status: 401,
      code: 'invalid_token',
      send: async () =>
        vote(t.app, 'parc', ['jeux'], {
          headers: {
            Authorization: `Bearer ${await signToken({ sub: 'c1' }, '10m', 'another secret of enough length')}`,
          },
        }),
    },
    {
      name: 'a token that is not a JWT',
      status: 401,
      code: 'invalid_token',
      send: () => vote(t.app, 'verifiee', ['jeux'], { headers: { Authorization: 'Bearer abc.def.ghi' } }),
    },
    {
      name: 'a token without subject',
      status: 401,
      code: 'invalid_token',
      send: async () =>
        vote(t.app, 'verifiee', ['jeux'], { headers: { Authorization: `Bearer ${await signToken({})}` } }),
    },
    {
      name: 'an expired token',
      status: 401,
      code: 'token_expired',
      send: async () =>
        vote(t.app, 'verifiee', ['jeux'], {
          headers: { Authorization: `Bearer ${await signToken({ sub: 'c2' }, Math.floor(Date.now() / 1000) - 60)}` },
        }),
    },
  ];

  describe('refuses bad input with its code, writes nothing and keeps serving', () => {
    before(async () => {
      assert.equal((await vote(t.app, 'parc', ['jeux'], { voter: voted, key: usedKey })).status, 200);
    });
    for (const refusal of refusals) {
      test(refusal.name, async () => {
        const before = await snapshot(t.store);
        const response = await refusal.send();
        assert.equal(await errorCode(response), refusal.code);
        assert.equal(response.status, refusal.status);
        assert.deepEqual(await snapshot(t.store), before, 'nothing was written');
        assert.equal((await vote(t.app, 'modifiable', ['jeux'])).status, 200, 'the next vote is served');
      });
    }
  });

  test('names the bad field of an invalid body', async () => {
    const response = await vote(t.app, 'parc', [1]);
    assert.deepEqual(((await response.json()) as { error: { fields: unknown } }).error.fields, {
      'choices.0': 'invalid_type',
    });
  });

  test('replaces the vote where the poll allows changing it', async () => {
    const voter = newVoter();
    await vote(t.app, 'modifiable', ['jeux'], { voter });
    const before = await countersAndRecount(t.store, 'modifiable');
    const response = await vote(t.app, 'modifiable', ['arbres'], { voter });
    assert.equal(response.status, 200);
    assert.deepEqual(((await response.json()) as Poll).myVote?.choices, ['arbres']);
    const afterChange = await countersAndRecount(t.store, 'modifiable');
    assert.equal(afterChange.counters.voters, before.counters.voters);
    assert.equal(afterChange.counters.votes.jeux, before.counters.votes.jeux - 1);
    assert.equal(afterChange.counters.votes.arbres, before.counters.votes.arbres + 1);
    assert.deepEqual(afterChange.counters, afterChange.fromVotes);
  });

  test('a verified citizen votes under the subject of the token, once, whatever voter token is sent', async () => {
    const token = await signToken({ sub: 'citoyen-42' });
    const auth = { Authorization: `Bearer ${token}` };
    assert.equal((await vote(t.app, 'verifiee', ['bancs'], { headers: auth })).status, 200);
    const again = await vote(t.app, 'verifiee', ['jeux'], { headers: auth, voter: newVoter() });
    assert.equal(await errorCode(again), 'already_voted');
    assert.deepEqual((await readPoll(t, 'verifiee', auth)).myVote?.choices, ['bancs']);
    const stored = await t.store.db
      .selectFrom('poll_votes')
      .select('voter')
      .where('poll_id', '=', 'verifiee')
      .execute();
    assert.deepEqual(stored, [{ voter: 'subject:citoyen-42' }]);
    assert.equal(
      (await vote(t.app, 'parc', ['jeux'], { headers: auth, voter: null })).status,
      200,
      'a token identifies the voter on any poll',
    );
  });

  test('a retried request answers the first answer again and counts once', async () => {
    const voter = newVoter();
    const key = newKey();
    const first = await vote(t.app, 'mobilite', ['bancs', 'arbres'], { voter, key });
    const firstBody = await first.text();
    await vote(t.app, 'mobilite', ['jeux', 'bancs']);
    const retry = await vote(t.app, 'mobilite', ['bancs', 'arbres'], { voter, key });
    assert.equal(retry.status, first.status);
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await retry.text(), firstBody);
    const rows = await t.store.db
      .selectFrom('poll_votes')
      .select('voter')
      .where('poll_id', '=', 'mobilite')
      .where('voter', '=', `token:${voter}`)
      .execute();
    assert.equal(rows.length, 1);
  });

  test('a retry is recognised even after the poll closed or the vote changed, and changes nothing', async () => {
    await createPoll(t.app, { id: 'rejeux', allowChange: true, resultsVisibility: 'always' });
    const voter = newVoter();
    const firstKey = newKey();
    const first = await (await vote(t.app, 'rejeux', ['jeux'], { voter, key: firstKey })).text();
    assert.equal((await vote(t.app, 'rejeux', ['arbres'], { voter })).status, 200, 'the voter changes their mind');
    const beforeRetry = await snapshot(t.store);
    const retry = await vote(t.app, 'rejeux', ['jeux'], { voter, key: firstKey });
    assert.equal(retry.headers.get('Idempotent-Replayed'), 'true');
    assert.equal(await retry.text(), first);
    assert.deepEqual(await snapshot(t.store), beforeRetry, 'the late retry does not bring the old choice back');
    await adminRequest(t.app, 'POST', '/v1/admin/polls/rejeux/close');
    const afterClose = await vote(t.app, 'rejeux', ['jeux'], { voter, key: firstKey });
    assert.equal(afterClose.status, 200);
    assert.equal(await afterClose.text(), first);
  });

  test('1,000 concurrent votes from 100 voters: the tally equals the accepted votes and the stored rows', async () => {
    await createPoll(t.app, { id: 'affluence', resultsVisibility: 'always' });
    const voters = Array.from({ length: 100 }, () => newVoter());
    const options = ['jeux', 'bancs', 'arbres'];
    const responses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => vote(t.app, 'affluence', [options[i % 3]], { voter: voters[i % 100] })),
    );
    const accepted = responses.filter((response) => response.status === 200).length;
    const codes = new Set(await Promise.all(responses.filter((response) => response.status !== 200).map(errorCode)));
    assert.equal(accepted, 100);
    assert.deepEqual(codes, new Set(['already_voted']));
    const { counters, fromVotes } = await countersAndRecount(t.store, 'affluence');
    assert.deepEqual(counters, fromVotes);
    assert.equal(counters.voters, 100);
    const shown = await readPoll(t, 'affluence');
    assert.equal(shown.results?.voters, 100);
    assert.deepEqual(
      Object.fromEntries(shown.results!.options.map((option) => [option.id, option.votes])),
      counters.votes,
    );
  });
});
