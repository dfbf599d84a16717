import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { AdminPollList } from '../../src/contract/poll.js';
import { createApp } from '../../src/server/app.js';
import {
  createAdminToken,
  listAdminTokens,
  registerAdminToken,
  revokeAdminToken,
} from '../../src/server/services/admin-tokens.js';
import {
  ADMIN_TOKEN,
  ENGINE,
  adminRequest,
  createPoll,
  errorCode,
  openTestApp,
  requestWithToken,
  runScript,
  type TestApp,
} from './helpers.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

async function refused(response: Response): Promise<void> {
  assert.equal(response.status, 401);
  assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
  assert.equal(await errorCode(response), 'unauthorized');
}

describe(`named admin tokens on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await registerAdminToken(t.store);
    await createPoll(t.app, { id: 'parc' });
  });
  after(() => t.dispose());

  test('`npm run token -- create` prints a new token once; only its SHA-256 is stored, and it opens the admin API', async () => {
    const created = await runScript('token', ['create', 'marie.dupont'], t.db.url);
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^[A-Za-z0-9_-]{32}$/);
    assert.match(created.stderr, /shown this once/);

    const rows = await t.store.db.selectFrom('admin_tokens').selectAll().where('name', '=', 'marie.dupont').execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0].token_hash, sha256(token));
    assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is nowhere in the database');

    const polls = await requestWithToken(t.app, token, 'GET', '/v1/admin/polls');
    assert.equal(polls.status, 200);
    assert.deepEqual(
      AdminPollList.parse(await polls.json()).polls.map((poll) => poll.id),
      ['parc'],
    );
    await refused(await requestWithToken(t.app, sha256(token), 'GET', '/v1/admin/polls'));
  });

  test('`npm run token -- list` shows names and dates, never a token', async () => {
    const token = await createAdminToken(t.store, 'service-sig');
    assert.ok(token);
    const before = (await listAdminTokens(t.store)).find((one) => one.name === 'service-sig');
    assert.equal(before?.lastUsedAt, null, 'not used yet');
    assert.equal((await requestWithToken(t.app, token, 'GET', '/v1/admin/polls')).status, 200);

    const listed = await runScript('token', ['list'], t.db.url);
    assert.equal(listed.code, 0, listed.stderr);
    const lines = listed.stdout.trim().split('\n');
    assert.match(lines[0], /^name\s+created\s+last used\s+revoked$/);
    const line = lines.find((one) => one.startsWith('service-sig '));
    assert.ok(line, listed.stdout);
    assert.match(line, /^service-sig\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\s+—$/);
    assert.ok(
      lines.some((one) => one.startsWith('admin ')),
      'the server’s own token is listed as admin',
    );
    assert.ok(!listed.stdout.includes(token));
    assert.ok(!listed.stdout.includes(ADMIN_TOKEN));
    assert.ok(!listed.stdout.includes(sha256(token)), 'nor its hash');
  });

  test('a revoked token gets 401 at once, on every instance, results routes included', async () => {
    const token = await createAdminToken(t.store, 'paul');
    assert.ok(token);
    const other = createApp({ ...t.deps, store: t.db.reopen() });
    for (const app of [t.app, other]) {
      assert.equal((await requestWithToken(app, token, 'GET', '/v1/admin/polls')).status, 200);
      assert.equal((await requestWithToken(app, token, 'GET', '/v1/polls/parc/results.json')).status, 200);
    }

    const revoked = await runScript('token', ['revoke', 'paul'], t.db.url);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, /Admin token "paul" revoked/);
    for (const app of [t.app, other]) {
      await refused(await requestWithToken(app, token, 'GET', '/v1/admin/polls'));
      await refused(await requestWithToken(app, token, 'POST', '/v1/admin/polls/parc/close'));
      await refused(await requestWithToken(app, token, 'GET', '/v1/polls/parc/results.json'));
      assert.equal((await adminRequest(app, 'GET', '/v1/admin/polls')).status, 200, 'other tokens still work');
    }
    const poll = await adminRequest(t.app, 'GET', '/v1/admin/polls/parc');
    assert.equal(((await poll.json()) as { status: string }).status, 'open', 'the refused close wrote nothing');

    const again = await runScript('token', ['revoke', 'paul'], t.db.url);
    assert.equal(again.code, 0);
    assert.match(again.stdout, /already revoked/);
    const [paul] = (await listAdminTokens(t.store)).filter((one) => one.name === 'paul');
    assert.ok(paul.revokedAt);
  });

  test('names are kept for one token forever, `admin` is reserved, and a bad name or command changes nothing', async () => {
    assert.ok(await createAdminToken(t.store, 'claire'));
    assert.equal(await createAdminToken(t.store, 'claire'), null, 'taken');
    assert.equal(await revokeAdminToken(t.store, 'claire'), 'revoked');
    assert.equal(await createAdminToken(t.store, 'claire'), null, 'a revoked name is not reused');
    assert.equal(await createAdminToken(t.store, 'admin'), null, 'reserved');

    const before = await listAdminTokens(t.store);
    const attempts: Array<[string[], RegExp]> = [
      [['create', 'claire'], /taken/],
      [['create', 'marie dupont'], /A token name has letters/],
      [['revoke', 'personne'], /No admin token is named personne/],
      [['delete', 'claire'], /Unknown command: delete/],
    ];
    for (const [args, message] of attempts) {
      const result = await runScript('token', args, t.db.url);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stderr, message, args.join(' '));
      assert.match(result.stderr, /Usage:/);
      assert.equal(result.stdout, '', 'no token printed');
    }
    assert.deepEqual(await listAdminTokens(t.store), before);
  });

  test('a command on a SQLite file that does not exist creates nothing', { skip: ENGINE !== 'sqlite' }, async () => {
    const missing = `${t.db.path}.missing`;
    const result = await runScript('token', ['create', 'anne'], `sqlite:${missing}`);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /No database at/);
    assert.equal(existsSync(missing), false);
  });
});

describe(`the server's own token on ${ENGINE}`, () => {
  let t: TestApp;
  before(async () => {
    t = await openTestApp();
    await registerAdminToken(t.store);
  });
  after(() => t.dispose());

  test('acts as `admin`, is dated on use, and once `admin` is revoked opens nothing while named tokens still work', async () => {
    const token = await createAdminToken(t.store, 'marie');
    assert.ok(token);
    assert.equal((await adminRequest(t.app, 'GET', '/v1/admin/polls')).status, 200);
    const [admin] = await listAdminTokens(t.store);
    assert.equal(admin.name, 'admin');
    assert.ok(admin.lastUsedAt, 'its last use is dated');

    const revoked = await runScript('token', ['revoke', 'admin'], t.db.url);
    assert.equal(revoked.code, 0, revoked.stderr);
    await refused(await adminRequest(t.app, 'GET', '/v1/admin/polls'));
    await refused(await adminRequest(t.app, 'GET', '/v1/admin/audit'));
    assert.equal((await requestWithToken(t.app, token, 'GET', '/v1/admin/polls')).status, 200);
  });
});
