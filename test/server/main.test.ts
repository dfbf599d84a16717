import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { findProjectRoot } from '../../src/server/paths.js';

const root = findProjectRoot(import.meta.url);
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'parvis-main-'));
});
/** Every server started, so that a failed test does not leave one running (and the test process waiting on it). */
const children = new Set<ChildProcess>();
after(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  url: string;
  adminToken: string;
  output: () => string;
}

/** Runs the CLI as `npm start` would, on port 0, and waits for it to print its URLs. */
function start(env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      DATABASE_URL: `sqlite:${join(dir, 'parvis.db')}`,
      PARVIS_ADMIN_TOKEN: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 20 s:\n${output}`)), 20_000);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    child.stdout!.on('data', () => {
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const adminToken = /Admin token\s+(\S+)/.exec(output)?.[1];
      if (url && adminToken) {
        clearTimeout(timer);
        resolve({ child, url, adminToken, output: () => output });
      }
    });
  });
}

function stop(started: Started, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.on('exit', (code) => resolve(code));
    started.child.kill(signal);
  });
}

test('starts, seeds the demo once, prints its URLs and the admin token, and stops cleanly', async () => {
  const first = await start();
  for (const path of ['/', '/parvis.js', '/v1', '/v1/openapi.json'])
    assert.ok(first.output().includes(`${first.url}${path}`), path);
  // Over real HTTP: a compressed page carries its length once (a second one makes fetch refuse the answer).
  const page = await fetch(`${first.url}/`, { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(page.headers.get('Content-Encoding'), 'br');
  assert.match(page.headers.get('Content-Length') ?? '', /^\d+$/);
  assert.equal(await page.text(), await readFile(join(root, 'demo/index.html'), 'utf8'));
  const poll = await fetch(`${first.url}/v1/polls/parc-des-tilleuls`);
  assert.equal(poll.status, 200);
  const vote = await fetch(`${first.url}/v1/polls/parc-des-tilleuls/votes`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'Parvis-Voter': 'main-test-voter-0001',
      'Idempotency-Key': 'main-test-key-1',
    },
    body: JSON.stringify({ choices: ['fontaine'] }),
  });
  assert.equal(vote.status, 200);
  assert.equal(await stop(first, 'SIGTERM'), 0);

  const second = await start();
  assert.equal(second.adminToken, first.adminToken, 'the generated admin token is kept');
  assert.doesNotMatch(second.output(), /Seed loaded/);
  const again = await fetch(`${second.url}/v1/polls/parc-des-tilleuls`, {
    headers: { 'Parvis-Voter': 'main-test-voter-0001' },
  });
  const body = (await again.json()) as { myVote: { choices: string[] } | null };
  assert.deepEqual(body.myVote?.choices, ['fontaine'], 'the vote survived the restart');
  assert.equal(await stop(second, 'SIGINT'), 0);
});

test('PARVIS_ADMIN_TOKEN replaces the generated token', async () => {
  const started = await start({
    PARVIS_ADMIN_TOKEN: 'token-from-the-environment',
    DATABASE_URL: `sqlite:${join(dir, 'other.db')}`,
    PARVIS_SEED: 'none',
  });
  assert.equal(started.adminToken, 'token-from-the-environment');
  const polls = await fetch(`${started.url}/v1/admin/polls`, {
    headers: { Authorization: 'Bearer token-from-the-environment' },
  });
  assert.deepEqual(await polls.json(), { polls: [] });
  assert.equal(await stop(started, 'SIGTERM'), 0);
});
