import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { join } from 'node:path';
import { ApiError } from '../../src/server/errors.js';
import { findProjectRoot } from '../../src/server/paths.js';
import { seedOnce } from '../../src/server/seed.js';
import {
  castVote,
  closePoll,
  createPoll,
  readAdminPoll,
  readPoll,
  updatePoll,
} from '../../src/server/services/polls.js';
import type { Store } from '../../src/server/store/database.js';
import { findPoll, insertVote } from '../../src/server/store/polls.js';
import { readSetting, writeSettingOnce } from '../../src/server/store/settings.js';
import { ENGINE, countersAndRecount, newVoter, openTestStore, type TestStore } from './helpers.js';

const options = [
  { id: 'jeux', label: 'Une aire de jeux' },
  { id: 'bancs', label: 'Des bancs' },
  { id: 'arbres', label: 'Des arbres' },
];

describe(`store on ${ENGINE}`, () => {
  let db: TestStore;
  let store: Store;
  before(async () => {
    db = await openTestStore();
    store = db.store;
  });
  after(() => db.dispose());

  test('running the migrations again changes nothing', async () => {
    await createPoll(store, { id: 'deja-la', question: 'Q ?', options });
    await store.migrate();
    assert.ok(await findPoll(store.db, 'deja-la'));
  });

  test('a poll keeps its options in the order given', async () => {
    await createPoll(store, { id: 'ordre', question: 'Q ?', options: [...options].reverse() });
    const poll = await readPoll(store, 'ordre', null);
    assert.deepEqual(
      poll.options.map((option) => option.id),
      ['arbres', 'bancs', 'jeux'],
    );
  });

  test('the database itself refuses a second vote of the same voter in a poll', async () => {
    await createPoll(store, { id: 'unique', question: 'Q ?', options });
    const row = {
      poll_id: 'unique',
      voter: 'token:same-voter-000000',
      choices: '["jeux"]',
      created_at: 'x',
      updated_at: 'x',
    };
    await store.write((trx) => trx.insertInto('poll_votes').values(row).execute());
    await assert.rejects(store.write((trx) => trx.insertInto('poll_votes').values(row).execute()));
    const inserted = await store.write((trx) => insertVote(trx, 'unique', row.voter, ['bancs'], 'now'));
    assert.equal(inserted, false);
    const stored = await store.db.selectFrom('poll_votes').selectAll().where('poll_id', '=', 'unique').execute();
    assert.equal(stored.length, 1);
    assert.equal(stored[0].choices, '["jeux"]');
  });

  test('a refused write rolls back only itself, its neighbours commit', async () => {
    const results = await Promise.allSettled([
      store.write((trx) => writeSettingOnce(trx, 'neighbour-1', 'a')),
      store.write(async (trx) => {
        await writeSettingOnce(trx, 'refused', 'b');
        throw new ApiError('already_voted');
      }),
      store.write((trx) => writeSettingOnce(trx, 'neighbour-2', 'c')),
    ]);
    assert.deepEqual(
      results.map((result) => result.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal(await readSetting(store.db, 'neighbour-1'), 'a');
    assert.equal(await readSetting(store.db, 'refused'), null);
    assert.equal(await readSetting(store.db, 'neighbour-2'), 'c');
  });

  test('a setting keeps its first value', async () => {
    assert.equal(await store.write((trx) => writeSettingOnce(trx, 'admin', 'first')), 'first');
    assert.equal(await store.write((trx) => writeSettingOnce(trx, 'admin', 'second')), 'first');
  });

  test('1,000 concurrent votes from 100 voters: one vote each, counters equal the stored votes', async () => {
    await createPoll(store, { id: 'foule', question: 'Q ?', options, multiple: true, maxChoices: 2 });
    const voters = Array.from({ length: 100 }, () => `token:${newVoter()}`);
    const attempts = Array.from({ length: 1000 }, (_, i) => {
      const choices = [[options[i % 3].id], [options[i % 3].id, options[(i + 1) % 3].id]][i % 2];
      return castVote(store, {
        pollId: 'foule',
        voter: voters[i % 100],
        verified: false,
        choices,
        idempotency: { key: `k-${i}-attempt`, requestHash: `h${i}` },
      });
    });
    const settled = await Promise.allSettled(attempts);
    const accepted = settled.filter((result) => result.status === 'fulfilled').length;
    const refusals = settled.flatMap((result) =>
      result.status === 'rejected' ? [(result.reason as ApiError).code] : [],
    );
    assert.equal(accepted, 100);
    assert.deepEqual(new Set(refusals), new Set(['already_voted']));
    const { counters, fromVotes } = await countersAndRecount(store, 'foule');
    assert.equal(counters.voters, 100);
    assert.deepEqual(counters, fromVotes);
    const keys = await store.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', 'like', 'k-%-attempt')
      .execute();
    assert.equal(keys.length, 100, 'only accepted votes leave an idempotency record');
  });

  test('changing votes concurrently keeps the counters equal to the stored votes', async () => {
    await createPoll(store, { id: 'changeant', question: 'Q ?', options, allowChange: true });
    const voters = Array.from({ length: 100 }, () => `token:${newVoter()}`);
    const settled = await Promise.allSettled(
      Array.from({ length: 1000 }, (_, i) =>
        castVote(store, {
          pollId: 'changeant',
          voter: voters[i % 100],
          verified: false,
          choices: [options[(i * 7) % 3].id],
        }),
      ),
    );
    assert.ok(settled.every((result) => result.status === 'fulfilled'));
    const { counters, fromVotes } = await countersAndRecount(store, 'changeant');
    assert.equal(counters.voters, 100);
    assert.equal(
      Object.values(counters.votes).reduce((a, b) => a + b, 0),
      100,
    );
    assert.deepEqual(counters, fromVotes);
  });

  test('a retried vote with the same key answers the first answer and counts once', async () => {
    await createPoll(store, { id: 'rejeu', question: 'Q ?', options, resultsVisibility: 'always' });
    const voter = `token:${newVoter()}`;
    const ballot = {
      pollId: 'rejeu',
      voter,
      verified: false,
      choices: ['bancs'],
      idempotency: { key: 'same-key-1', requestHash: 'h1' },
    };
    const first = await castVote(store, ballot);
    await castVote(store, {
      ...ballot,
      voter: `token:${newVoter()}`,
      idempotency: { key: 'other-key', requestHash: 'h2' },
    });
    const again = await castVote(store, ballot);
    assert.equal(first.replayed, false);
    assert.equal(again.replayed, true);
    assert.equal(again.body, first.body, 'the replay shows the results as they were, not as they are');
    await assert.rejects(
      castVote(store, { ...ballot, choices: ['jeux'], idempotency: { key: 'same-key-1', requestHash: 'h3' } }),
      {
        code: 'idempotency_key_reused',
      },
    );
    const { counters } = await countersAndRecount(store, 'rejeu');
    assert.deepEqual(counters, { voters: 2, votes: { jeux: 0, bancs: 2, arbres: 0 } });
  });

  test('two voters may use the same idempotency key', async () => {
    await createPoll(store, { id: 'cles', question: 'Q ?', options });
    for (const voter of [newVoter(), newVoter()]) {
      const outcome = await castVote(store, {
        pollId: 'cles',
        voter: `token:${voter}`,
        verified: false,
        choices: ['jeux'],
        idempotency: { key: 'shared-key', requestHash: 'h' },
      });
      assert.equal(outcome.replayed, false);
    }
    assert.equal((await countersAndRecount(store, 'cles')).counters.voters, 2);
  });

  test('counters written once per batch equal the stored votes when some votes of the batch are refused', async () => {
    await createPoll(store, { id: 'lot-a', question: 'Q ?', options, multiple: true, maxChoices: 2 });
    await createPoll(store, { id: 'lot-b', question: 'Q ?', options });
    const reuser = `token:${newVoter()}`;
    const twice = `token:${newVoter()}`;
    const cast = (pollId: string, voter: string, choices: string[], key: string) =>
      castVote(store, {
        pollId,
        voter,
        verified: false,
        choices,
        idempotency: { key, requestHash: `${pollId}:${key}` },
      });
    // Submitted in the same turn of the event loop: one batch, one transaction.
    const settled = await Promise.allSettled([
      cast('lot-a', `token:${newVoter()}`, ['jeux', 'bancs'], 'lot-key-1'),
      cast('lot-a', reuser, ['arbres'], 'lot-reused'),
      cast('lot-a', twice, ['bancs'], 'lot-key-2'),
      cast('lot-a', twice, ['jeux'], 'lot-key-3'),
      cast('lot-a', `token:${newVoter()}`, ['inconnue'], 'lot-key-4'),
      // The same key for another poll: the vote is written, then undone.
      cast('lot-b', reuser, ['jeux'], 'lot-reused'),
      cast('lot-b', `token:${newVoter()}`, ['bancs'], 'lot-key-5'),
      cast('lot-a', `token:${newVoter()}`, ['arbres'], 'lot-key-6'),
    ]);
    assert.deepEqual(
      settled.map((result) => (result.status === 'fulfilled' ? 'ok' : (result.reason as ApiError).code)),
      ['ok', 'ok', 'ok', 'already_voted', 'unknown_option', 'idempotency_key_reused', 'ok', 'ok'],
    );
    const a = await countersAndRecount(store, 'lot-a');
    assert.deepEqual(a.counters, { voters: 4, votes: { jeux: 1, bancs: 2, arbres: 2 } });
    assert.deepEqual(a.counters, a.fromVotes);
    const b = await countersAndRecount(store, 'lot-b');
    assert.deepEqual(b.counters, { voters: 1, votes: { jeux: 0, bancs: 1, arbres: 0 } });
    assert.deepEqual(b.counters, b.fromVotes);
    // Each answer shows the counters as they were right after its own vote.
    const answers = settled.flatMap((result) =>
      result.status === 'fulfilled'
        ? [JSON.parse(result.value.body) as { id: string; results: { voters: number } }]
        : [],
    );
    assert.deepEqual(
      answers.map((answer) => `${answer.id}:${answer.results.voters}`),
      ['lot-a:1', 'lot-a:2', 'lot-a:3', 'lot-b:1', 'lot-a:4'],
    );
  });

  test('a write to a poll in the middle of a batch of votes sees the votes before it', async () => {
    await createPoll(store, { id: 'lot-admin', question: 'Q ?', options });
    const cast = () =>
      castVote(store, { pollId: 'lot-admin', voter: `token:${newVoter()}`, verified: false, choices: ['jeux'] });
    const [first, second, edit, close, late] = await Promise.allSettled([
      cast(),
      cast(),
      updatePoll(store, 'lot-admin', { options: [{ id: 'autre', label: 'Autre chose' }] }),
      closePoll(store, 'lot-admin'),
      cast(),
    ]);
    assert.equal(first.status, 'fulfilled');
    assert.equal(second.status, 'fulfilled');
    assert.equal(edit.status === 'rejected' && (edit.reason as ApiError).code, 'poll_has_votes');
    assert.equal(close.status === 'fulfilled' && close.value.results.voters, 2);
    assert.equal(late.status === 'rejected' && (late.reason as ApiError).code, 'poll_closed');
    const { counters, fromVotes } = await countersAndRecount(store, 'lot-admin');
    assert.deepEqual(counters, { voters: 2, votes: { jeux: 2, bancs: 0, arbres: 0 } });
    assert.deepEqual(counters, fromVotes);
    assert.equal((await readAdminPoll(store, 'lot-admin')).results.voters, 2);
  });

  test('votes survive closing and reopening the database', async () => {
    await createPoll(store, { id: 'durable', question: 'Q ?', options });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        castVote(store, { pollId: 'durable', voter: `token:${newVoter()}`, verified: false, choices: ['arbres'] }),
      ),
    );
    const reopened = db.reopen();
    const poll = await findPoll(reopened.db, 'durable');
    assert.equal(poll?.voters, 20);
    assert.equal(poll?.options.find((option) => option.id === 'arbres')?.votes, 20);
  });
});

describe(`demo seed on ${ENGINE}`, () => {
  let db: TestStore;
  before(async () => {
    db = await openTestStore();
  });
  after(() => db.dispose());

  test('loads the demo polls once, their tallies made of stored votes', async () => {
    const demoDir = join(findProjectRoot(import.meta.url), 'demo');
    assert.ok(await seedOnce(db.store, 'demo', demoDir));
    assert.equal(await seedOnce(db.store, 'demo', demoDir), null, 'a seeded database is not seeded again');
    const statuses: Record<string, string> = {};
    for (const id of [
      'parc-des-tilleuls',
      'mobilite-centre-ville',
      'horaires-mediatheque',
      'riverside-park',
      'budget-participatif-2027-calendrier',
    ]) {
      const poll = await readPoll(db.store, id, null);
      statuses[id] = poll.status;
      const { counters, fromVotes } = await countersAndRecount(db.store, id);
      assert.deepEqual(counters, fromVotes, id);
    }
    assert.deepEqual(statuses, {
      'parc-des-tilleuls': 'open',
      'mobilite-centre-ville': 'open',
      'horaires-mediatheque': 'closed',
      'riverside-park': 'open',
      'budget-participatif-2027-calendrier': 'upcoming',
    });
    const library = await readPoll(db.store, 'horaires-mediatheque', null);
    assert.ok(library.results && library.results.voters > 0, 'a closed poll shows its results');
    const park = await readPoll(db.store, 'parc-des-tilleuls', null);
    assert.equal(park.results, null, 'after_vote: hidden until one votes');
    assert.equal(park.multiple, false);
    assert.equal(park.allowChange, true);
    const mobility = await readPoll(db.store, 'mobilite-centre-ville', null);
    assert.deepEqual(
      [mobility.multiple, mobility.minChoices, mobility.maxChoices, mobility.resultsVisibility],
      [true, 1, 3, 'always'],
    );
  });

  test('is not loaded into a database that already holds polls', async () => {
    const other = await openTestStore();
    try {
      await createPoll(other.store, { id: 'existant', question: 'Q ?', options });
      assert.equal(await seedOnce(other.store, 'demo', join(findProjectRoot(import.meta.url), 'demo')), null);
      assert.equal(await findPoll(other.store.db, 'parc-des-tilleuls'), null);
    } finally {
      await other.dispose();
    }
  });
});
