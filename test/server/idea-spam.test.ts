import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { solveChallenge as solveAsWidget } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { createChallenge, solveChallenge } from 'altcha-lib/v1';
import { Challenge } from '../../src/contract/idea.js';
import { DEFAULT_PROOF_DIFFICULTY, IDEA_RATE_LIMITS, loadConfig } from '../../src/server/config.js';
import { ApiError } from '../../src/server/errors.js';
import { submitIdea as submitThroughService } from '../../src/server/services/ideas.js';
import { ProofOfWork } from '../../src/server/services/proof-of-work.js';
import { openLimiters } from '../../src/server/start.js';
import { readSetting } from '../../src/server/store/settings.js';
import {
  ENGINE,
  createIdeaBox,
  errorCode,
  ideaSnapshot,
  newKey,
  newVoter,
  openTestApp,
  solveProof,
  submitIdea,
  supportIdea,
  type TestApp,
} from './helpers.js';

const idea = { title: 'Un jardin partagé', body: 'Derrière la médiathèque.' };

/** A payload as the `<altcha>` widget builds it from a v1 challenge and its solution. */
function payloadOf(challenge: Record<string, any>, number: number): string {
  const { algorithm, salt, signature } = challenge;
  return btoa(JSON.stringify({ algorithm, challenge: challenge.challenge, number, salt, signature, took: 10 }));
}

async function refusedWith(t: TestApp, response: Promise<Response>, status: number, code: string) {
  const before = await ideaSnapshot(t.store);
  const answer = await response;
  assert.deepEqual([answer.status, await errorCode(answer)], [status, code]);
  assert.deepEqual(await ideaSnapshot(t.store), before, `${code}: nothing written`);
}

describe(`anti-spam layers on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ proofDifficulty: 30 });
    await createIdeaBox(t.app, { id: 'boite', moderation: 'post' });
  });
  after(() => t.dispose());

  test('getChallenge answers a fresh signed challenge each time, never cached', async () => {
    const first = await t.app.request('/v1/challenge');
    assert.equal(first.status, 200);
    assert.equal(first.headers.get('Cache-Control'), 'no-store');
    const challenge = Challenge.parse(await first.json());
    assert.deepEqual([challenge.algorithm, challenge.maxnumber], ['SHA-256', 30]);
    assert.match(challenge.salt, /\?expires=\d+&$/, 'the expiry is inside the signed salt');
    const second = Challenge.parse(await (await t.app.request('/v1/challenge')).json());
    assert.notEqual(second.salt, challenge.salt);
    assert.equal((await t.app.request('/v1/challenge', { method: 'POST' })).status, 405);
  });

  test('the honeypot: a filled hidden field is refused as spam, even with a valid proof', async () => {
    await refusedWith(
      t,
      submitIdea(t.app, 'boite', { ...idea, website: 'https://promo.example' }),
      422,
      'spam_detected',
    );
    assert.equal((await submitIdea(t.app, 'boite', { ...idea, website: '' })).status, 201, 'an empty field is fine');
  });

  test('the proof of work: missing, wrong, forged, expired or used twice, each refused', async () => {
    const challenge = (await (await t.app.request('/v1/challenge')).json()) as Record<string, any>;
    const { number } = (await solveChallenge(challenge.challenge, challenge.salt, 'SHA-256', 30).promise)!;
    const send = (proof: unknown) =>
      submitIdea(t.app, 'boite', {}, { body: JSON.stringify({ ...idea, ...(proof === undefined ? {} : { proof }) }) });
    await refusedWith(t, send(undefined), 400, 'proof_required');
    await refusedWith(t, send(''), 400, 'proof_required');
    await refusedWith(t, send('pas du base64 {'), 422, 'invalid_proof');
    await refusedWith(t, send(btoa('"une chaine"')), 422, 'invalid_proof');
    await refusedWith(t, send(payloadOf(challenge, number + 1)), 422, 'invalid_proof');
    const forged = await createChallenge({
      hmacKey: 'a key of our own',
      maxnumber: 30,
      expires: new Date(Date.now() + 60_000),
    });
    const forgedNumber = (await solveChallenge(forged.challenge, forged.salt, 'SHA-256', 30).promise)!.number;
    await refusedWith(t, send(payloadOf(forged, forgedNumber)), 422, 'invalid_proof');
    const hmacKey = (await readSetting(t.store.db, 'proof_hmac_key'))!;
    const expired = await createChallenge({ hmacKey, maxnumber: 30, expires: new Date(Date.now() - 1_000) });
    const expiredNumber = (await solveChallenge(expired.challenge, expired.salt, 'SHA-256', 30).promise)!.number;
    await refusedWith(t, send(payloadOf(expired, expiredNumber)), 422, 'invalid_proof');
    const timeless = await createChallenge({ hmacKey, maxnumber: 30 });
    const timelessNumber = (await solveChallenge(timeless.challenge, timeless.salt, 'SHA-256', 30).promise)!.number;
    await refusedWith(t, send(payloadOf(timeless, timelessNumber)), 422, 'invalid_proof');

    const proof = payloadOf(challenge, number);
    assert.equal((await send(proof)).status, 201);
    await refusedWith(t, send(proof), 422, 'invalid_proof');
  });

  test('a proof used on one instance is refused on another sharing the database', async () => {
    const otherInstance = t.db.reopen();
    const proofs = new ProofOfWork(otherInstance, 30);
    const proof = await solveProof(t.app);
    const submission = { boxId: 'boite', voter: `token:${newVoter()}`, verified: false, idea: { ...idea, proof } };
    assert.equal((await submitThroughService(otherInstance, proofs, submission)).status, 201, 'the key is shared');
    await refusedWith(
      t,
      submitIdea(t.app, 'boite', {}, { body: JSON.stringify({ ...idea, proof }) }),
      422,
      'invalid_proof',
    );
  });

  test('a proof refused for another reason is not spent', async () => {
    const proof = await solveProof(t.app);
    const body = (extra: Record<string, unknown>) => JSON.stringify({ ...idea, proof, ...extra });
    await refusedWith(
      t,
      submitIdea(t.app, 'boite', {}, { body: body({ category: 'inconnue' }) }),
      422,
      'unknown_category',
    );
    assert.equal((await submitIdea(t.app, 'boite', {}, { body: body({}) })).status, 201);
  });

  test('links: at most two web addresses in the title and the description', async () => {
    const two = 'Voir https://www.saint-aubin.fr/plan et www.loire.fr pour le tracé.';
    assert.equal((await submitIdea(t.app, 'boite', { title: 'Deux liens', body: two })).status, 201);
    const three = `${two} Et http://exemple.org/page.`;
    await refusedWith(t, submitIdea(t.app, 'boite', { title: 'Trois liens', body: three }), 422, 'too_many_links');
    await refusedWith(
      t,
      submitIdea(t.app, 'boite', { title: 'https://a.example', body: 'https://b.example https://c.example' }),
      422,
      'too_many_links',
    );
  });

  test('a challenge solved the way the <altcha> widget 3 solves a v1 challenge is accepted', async () => {
    const challenge = (await (await t.app.request('/v1/challenge')).json()) as Record<string, any>;
    // What the widget does with a challenge that has a top-level `challenge` field (createChallengeFromV1).
    const parameters = {
      algorithm: challenge.algorithm,
      cost: 1,
      keyLength: 32,
      nonce: Buffer.from(challenge.salt).toString('hex'),
      keyPrefix: challenge.challenge,
      salt: '',
    };
    const solution = await solveAsWidget({
      challenge: { parameters, signature: challenge.signature },
      deriveKey,
      counterMode: 'string',
    });
    assert.ok(solution);
    const response = await submitIdea(
      t.app,
      'boite',
      {},
      { body: JSON.stringify({ ...idea, proof: payloadOf(challenge, solution.counter) }) },
    );
    assert.equal(response.status, 201);
  });

  test('the difficulty comes from PARVIS_PROOF_DIFFICULTY, within sane bounds', () => {
    assert.equal(loadConfig({}, '/tmp').proofDifficulty, DEFAULT_PROOF_DIFFICULTY);
    assert.equal(loadConfig({ PARVIS_PROOF_DIFFICULTY: '50000' }, '/tmp').proofDifficulty, 50_000);
    for (const bad of ['0', '-5', '1.5', 'beaucoup', '100000000'])
      assert.throws(() => loadConfig({ PARVIS_PROOF_DIFFICULTY: bad }, '/tmp'), /PARVIS_PROOF_DIFFICULTY/);
  });
});

describe(`idea submission rate limits on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp({ proofDifficulty: 10, rateLimits: {} });
    await createIdeaBox(t.app, { id: 'limites', moderation: 'post' });
  });
  after(() => t.dispose());

  test('a voter has a tighter budget for ideas than for votes', async () => {
    const voter = newVoter();
    for (let i = 0; i < IDEA_RATE_LIMITS.voterWrites; i++) {
      assert.equal((await submitIdea(t.app, 'limites', { ...idea, title: `Idée ${i}` }, { voter })).status, 201);
    }
    const refused = await submitIdea(t.app, 'limites', { ...idea, title: 'Une de trop' }, { voter });
    assert.deepEqual([refused.status, await errorCode(refused)], [429, 'rate_limited']);
    assert.ok(Number(refused.headers.get('Retry-After')) > 0);
    const ideaId = (await t.store.db.selectFrom('ideas').select('id').limit(1).executeTakeFirstOrThrow()).id;
    assert.equal((await supportIdea(t.app, ideaId, 'PUT', { voter })).status, 200, 'supports count apart');
    assert.equal((await submitIdea(t.app, 'limites', idea)).status, 201, 'another voter still submits');
  });

  test('an address has a budget for ideas whoever submits them', async () => {
    const stored = async () => (await t.store.db.selectFrom('ideas').select('id').execute()).length;
    let accepted = 0;
    let refused: Response | null = null;
    while (!refused) {
      const response = await submitIdea(t.app, 'limites', { ...idea, title: `Classe ${accepted}` }, { key: newKey() });
      if (response.status === 429) refused = response;
      else accepted += 1;
      assert.ok(accepted <= IDEA_RATE_LIMITS.addressWrites, 'the address budget ends');
    }
    assert.equal(await errorCode(refused), 'rate_limited');
    assert.equal(await stored(), IDEA_RATE_LIMITS.addressWrites, 'every accepted idea, across both tests, is stored');
  });

  test('a server without Redis counts idea submissions in memory, against their own budget', async () => {
    const { limiter, submissionLimiter } = await openLimiters(loadConfig({}, '/tmp'));
    assert.ok(limiter && submissionLimiter);
    const voter = newVoter();
    for (let i = 0; i < IDEA_RATE_LIMITS.voterWrites; i++) await submissionLimiter.takeVoter(voter);
    await assert.rejects(submissionLimiter.takeVoter(voter), (error) => (error as ApiError).code === 'rate_limited');
    await limiter.takeVoter(voter); // votes and supports count apart
  });

  test('PARVIS_RATE_LIMIT=off lifts the idea budget with every other limit', async () => {
    const off = await openLimiters(loadConfig({ PARVIS_RATE_LIMIT: 'off' }, '/tmp'));
    assert.deepEqual(off, { limiter: null, submissionLimiter: null });
    const unlimited = await openTestApp({ proofDifficulty: 10, rateLimits: false });
    try {
      await createIdeaBox(unlimited.app, { id: 'libre', moderation: 'post' });
      const voter = newVoter();
      for (let i = 0; i <= IDEA_RATE_LIMITS.voterWrites; i++) {
        const response = await submitIdea(unlimited.app, 'libre', { ...idea, title: `Idée ${i}` }, { voter });
        assert.equal(response.status, 201);
      }
    } finally {
      await unlimited.dispose();
    }
  });
});
