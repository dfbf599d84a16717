import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../src/server/app.js';
import { findProjectRoot } from '../../src/server/paths.js';
import { seedOnce } from '../../src/server/seed.js';
import { createAdminToken } from '../../src/server/services/admin-tokens.js';
import type { Store } from '../../src/server/store/database.js';
import { backupToFile, BackupError, restoreFromFile } from '../../src/server/store/dump.js';
import { MIGRATION_NAMES, schemaVersion } from '../../src/server/store/migrations.js';
import { writeSettingOnce } from '../../src/server/store/settings.js';
import { anyTables, BATCH_ROWS, rowBatches, tablesInOrder } from '../../src/server/store/tables.js';
import {
  ENGINE,
  adminRequest,
  createIdeaBox,
  openTestApp,
  openTestStore,
  requestWithToken,
  runScript,
  submitIdea,
  supportIdea,
  type TestApp,
  type TestStore,
  voteOnSubject,
} from './helpers.js';

type Engine = Store['engine'];
const POSTGRES = Boolean(process.env.PARVIS_TEST_DATABASE_URL);
const needsPostgres = (...engines: Engine[]) =>
  engines.includes('postgres') && !POSTGRES ? 'needs PostgreSQL (PARVIS_TEST_DATABASE_URL)' : false;

/** Every row of every table, each table's rows in one order whatever the engine: equal means the same data. */
async function contents(store: Store): Promise<Record<string, string[]>> {
  const db = anyTables(store.db);
  const tables: Record<string, string[]> = {};
  for (const table of await tablesInOrder(db, store.engine)) {
    const columns = [...table.columns].sort();
    const rows = await db.selectFrom(table.name).selectAll().execute();
    tables[table.name] = rows.map((row) => JSON.stringify(columns.map((column) => row[column]))).sort();
  }
  return tables;
}

/**
 * The demo seed, and what an officer and citizens add to it: a named token,
 * the audit entries of its writes, idempotency keys, used proofs, a comment.
 */
async function populate(t: TestApp): Promise<string> {
  await seedOnce(t.store, 'demo', join(findProjectRoot(), 'demo'));
  await t.store.write((trx) => writeSettingOnce(trx, 'admin_token', 'a stored admin token'));
  const token = await createAdminToken(t.store, 'marie');
  assert.ok(token);
  const created = await requestWithToken(t.app, token, 'POST', '/v1/admin/polls', {
    id: 'sauvegarde',
    question: 'Sauvegarder ?',
    options: [
      { id: 'oui', label: 'Oui' },
      { id: 'non', label: 'Non' },
    ],
  });
  assert.equal(created.status, 201);
  await createIdeaBox(t.app, { id: 'boite', moderation: 'post' });
  const idea = await submitIdea(t.app, 'boite', { title: 'Une idée', body: 'Écrite en ligne, avec « guillemets ».' });
  assert.equal(idea.status, 201);
  assert.equal((await supportIdea(t.app, ((await idea.json()) as { id: string }).id, 'PUT')).status, 200);
  const comment = await voteOnSubject(t.app, 'page/aide', { value: -1, mode: 'helpful', comment: 'Où ?\nIci.' });
  assert.equal(comment.status, 200);
  return token;
}

describe(`backup and restore (a run on ${ENGINE})`, () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parvis-backup-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const pairs: Array<[Engine, Engine]> = [
    ['sqlite', 'sqlite'],
    ['postgres', 'postgres'],
    ['sqlite', 'postgres'],
    ['postgres', 'sqlite'],
  ];
  for (const [from, to] of pairs) {
    test(
      `${from} → ${to}: the restored database holds the same rows in every table, and works`,
      {
        skip: needsPostgres(from, to),
      },
      async () => {
        const source = await openTestApp({ engine: from, proofDifficulty: 20 });
        const target = await openTestStore({ engine: to, migrated: false });
        try {
          const token = await populate(source);
          const file = join(dir, `${from}-${to}.jsonl`);
          const written = await backupToFile(source.store, file);
          const restored = await restoreFromFile(target.store, file);
          const expected = await contents(source.store);
          assert.deepEqual(await contents(target.store), expected);
          assert.deepEqual(restored, written);
          assert.equal(written.schema, MIGRATION_NAMES.at(-1));
          assert.equal(written.rows, Object.values(expected).flat().length);
          assert.ok(
            expected.audit_log.length > 0 && expected.idea_supports.length > 0 && expected.admin_tokens.length > 0,
          );

          // A restored server goes on: the named token still opens it, new rows take new numbers.
          const app = createApp({ ...source.deps, store: target.store });
          const closed = await requestWithToken(app, token, 'POST', '/v1/admin/polls/sauvegarde/close');
          assert.equal(closed.status, 200);
          const log = await adminRequest(app, 'GET', '/v1/admin/audit?limit=1');
          const [entry] = ((await log.json()) as { entries: Array<{ id: number; actor: string }> }).entries;
          assert.equal(entry.actor, 'marie');
          const numbers = await source.store.db.selectFrom('audit_log').select('id').execute();
          assert.equal(entry.id, Math.max(...numbers.map((row) => row.id)) + 1);
        } finally {
          await target.dispose();
          await source.dispose();
        }
      },
    );
  }

  test('`npm run backup` and `npm run restore` round-trip through a compressed file', async () => {
    const source = await openTestApp({ proofDifficulty: 20 });
    const target = await openTestStore({ migrated: false });
    try {
      await populate(source);
      const file = join(dir, 'cli.jsonl.gz');
      const backup = await runScript('backup', [file], source.db.url);
      assert.equal(backup.code, 0, backup.stderr);
      assert.match(backup.stdout, /^Backed up \d+ rows of \d+ tables \(schema \d{4}_\w+\) to /);
      const [header] = gunzipSync(await readFile(file))
        .toString('utf8')
        .split('\n');
      assert.deepEqual(Object.keys(JSON.parse(header)), ['format', 'version', 'schema', 'engine', 'createdAt']);

      const again = await runScript('backup', [file], source.db.url);
      assert.equal(again.code, 1);
      assert.match(again.stderr, /exists: add --force/);

      const restore = await runScript('restore', [file], target.url);
      assert.equal(restore.code, 0, restore.stderr);
      assert.deepEqual(await contents(target.store), await contents(source.store));
    } finally {
      await target.dispose();
      await source.dispose();
    }
  });

  test('a database that holds data is refused unless --force, which replaces its data with the backup’s', async () => {
    const t = await openTestApp({ proofDifficulty: 20 });
    try {
      await populate(t);
      const file = join(dir, 'force.jsonl');
      await backupToFile(t.store, file);
      const atBackup = await contents(t.store);
      assert.equal((await adminRequest(t.app, 'POST', '/v1/admin/polls/sauvegarde/close')).status, 200);
      const later = await contents(t.store);

      const refused = await runScript('restore', [file], t.db.url);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /holds data: restore into an empty database, or add --force/);
      assert.deepEqual(await contents(t.store), later, 'nothing changed');

      const forced = await runScript('restore', [file, '--force'], t.db.url);
      assert.equal(forced.code, 0, forced.stderr);
      assert.deepEqual(await contents(t.store), atBackup);
    } finally {
      await t.dispose();
    }
  });

  test('a backup of a newer schema, a damaged one and one cut short are refused, and write nothing', async () => {
    const t = await openTestApp({ proofDifficulty: 20 });
    const target = await openTestStore({ migrated: false });
    try {
      await populate(t);
      const file = join(dir, 'good.jsonl');
      await backupToFile(t.store, file);
      const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
      const header = JSON.parse(lines[0]) as Record<string, unknown>;
      const ideasAt = lines.findIndex((line) => line.startsWith('{"table":"ideas"'));
      const restore = async (name: string, content: string[], message: RegExp) => {
        const bad = join(dir, `${name}.jsonl`);
        await writeFile(bad, `${content.join('\n')}\n`);
        await assert.rejects(restoreFromFile(target.store, bad), (error: Error) => {
          assert.ok(error instanceof BackupError, name);
          assert.match(error.message, message, name);
          return true;
        });
        assert.deepEqual(Object.values(await contents(target.store)).flat(), [], `${name}: no row written`);
      };

      await restore('newer', [JSON.stringify({ ...header, schema: '9999_future' }), ...lines.slice(1)], /newer Parvis/);
      assert.equal(await schemaVersion(target.store.db), null, 'a newer backup does not even create the tables');
      await restore('not a backup', ['{"hello":"world"}', ...lines.slice(1)], /not a Parvis backup/);
      await restore('cut in a table', lines.slice(0, ideasAt + 3), /cut short: table ideas has 2 of its \d+ rows/);
      await restore('cut after a table', lines.slice(0, -1), /cut short: it lacks its end/);
      await restore(
        'a row of other columns',
        [...lines.slice(0, ideasAt + 1), '["x"]', ...lines.slice(ideasAt + 2)],
        new RegExp(`line ${ideasAt + 2} holds a row of ideas with other columns`),
      );
      await restore(
        'unknown table',
        [lines[0], '{"table":"votes_secrets","columns":["a"],"rows":0}', ...lines.slice(1)],
        /line 2 holds table votes_secrets, which this schema does not have/,
      );
      const zipped = join(dir, 'cut.jsonl.gz');
      await writeFile(zipped, gzipSync(`${lines.join('\n')}\n`).subarray(0, 2_000));
      await assert.rejects(restoreFromFile(target.store, zipped), /The compressed backup is damaged/);
      assert.deepEqual(Object.values(await contents(target.store)).flat(), []);
    } finally {
      await target.dispose();
      await t.dispose();
    }
  });

  test('a backup made under an older schema loads into that schema, then the database migrates to the latest', async () => {
    const source = await openTestStore({ migrated: false });
    const target = await openTestStore({ migrated: false });
    try {
      await source.store.migrate('0001_polls');
      await source.store.write(async (trx) => {
        const at = '2024-05-01T10:00:00.000Z';
        await trx.insertInto('settings').values({ key: 'seeded_at', value: at }).execute();
        await anyTables(trx)
          .insertInto('polls')
          .values({
            id: 'ancienne',
            question: 'Avant les budgets ?',
            description: null,
            multiple: 0,
            min_choices: 1,
            max_choices: 1,
            opens_at: null,
            closes_at: null,
            results_visibility: 'always',
            allow_change: 0,
            requires_verification: 0,
            closed: 1,
            voters: 0,
            created_at: at,
            updated_at: at,
          })
          .execute();
      });
      const file = join(dir, 'old.jsonl');
      assert.equal((await backupToFile(source.store, file)).schema, '0001_polls');
      await restoreFromFile(target.store, file);
      assert.equal(await schemaVersion(target.store.db), MIGRATION_NAMES.at(-1));
      const polls = await target.store.db.selectFrom('polls').select(['id', 'question', 'closed']).execute();
      assert.deepEqual(polls, [{ id: 'ancienne', question: 'Avant les budgets ?', closed: 1 }]);
      const settings = await target.store.db.selectFrom('settings').selectAll().execute();
      assert.deepEqual(settings, [{ key: 'seeded_at', value: '2024-05-01T10:00:00.000Z' }]);
    } finally {
      await target.dispose();
      await source.dispose();
    }
  });
});

describe(`a box of 10,000 ideas with their supports, on ${ENGINE}`, () => {
  let source: TestStore;
  let target: TestStore;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parvis-backup-'));
    source = await openTestStore();
    target = await openTestStore({ migrated: false });
    await source.store.write(async (db) => {
      const trx = anyTables(db);
      const at = '2025-01-01T00:00:00.000Z';
      await trx
        .insertInto('idea_boxes')
        .values({
          id: 'grande',
          title: 'Grande boîte',
          description: null,
          categories: '[]',
          moderation: 'post',
          report_threshold: 3,
          opens_at: null,
          closes_at: null,
          requires_verification: 0,
          closed: 0,
          created_at: at,
          updated_at: at,
        })
        .execute();
      for (let first = 0; first < 10_000; first += 250) {
        const ideas = Array.from({ length: 250 }, (_, i) => ({
          id: `idee-${first + i}`,
          box_id: 'grande',
          title: `Idée numéro ${first + i}`,
          body: `Une idée assez longue pour peser : ${'des arbres, des bancs, des vélos. '.repeat(8)}`,
          category: null,
          author_name: null,
          author: `token:voter-${first + i}`,
          status: 'published',
          hidden_by: null,
          moderation_note: null,
          supports: 3,
          trending: 1.5 + (first + i) / 7,
          reports: 0,
          reports_at_review: 0,
          answer: null,
          answered_at: null,
          merged_into: null,
          created_at: at,
          updated_at: at,
        }));
        await trx.insertInto('ideas').values(ideas).execute();
        const supports = ideas.flatMap((idea) =>
          [1, 2, 3].map((n) => ({ idea_id: idea.id, voter: `token:supporter-${n}`, created_at: at })),
        );
        await trx.insertInto('idea_supports').values(supports).execute();
      }
    });
  });
  after(async () => {
    await target.dispose();
    await source.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  test('reads each table a batch of rows at a time', async () => {
    const sizes = await anyTables(source.store.db)
      .transaction()
      .execute(async (trx) => {
        const batches: number[] = [];
        for await (const batch of rowBatches(trx, source.store.engine, 'idea_supports')) batches.push(batch.length);
        return batches;
      });
    assert.equal(
      sizes.reduce((sum, size) => sum + size, 0),
      30_000,
    );
    assert.ok(
      sizes.every((size) => size <= BATCH_ROWS),
      `batches of at most ${BATCH_ROWS}`,
    );
    assert.equal(sizes.length, 30_000 / BATCH_ROWS);
  });

  test('round-trips through a backup', async () => {
    const file = join(dir, 'grande.jsonl');
    const written = await backupToFile(source.store, file);
    assert.ok(existsSync(file) && !existsSync(`${file}.partial`));
    assert.equal(written.rows, 1 + 10_000 + 30_000);
    await restoreFromFile(target.store, file);
    assert.deepEqual(await contents(target.store), await contents(source.store));
  });
});
