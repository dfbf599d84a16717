// The npm package of the widgets (dist/package/) carries only what the widgets need, never the server's dependencies.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { packageJson } from '../../scripts/build-package.js';

const root = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

test('depends on the widgets’ own imports only, at the versions the repository uses', () => {
  const manifest = packageJson(root) as { dependencies: Record<string, string>; private?: boolean; name: string };
  assert.deepEqual(Object.keys(manifest.dependencies).sort(), ['@lit/localize', 'altcha', 'idb-keyval', 'lit', 'zod']);
  for (const [name, version] of Object.entries(manifest.dependencies)) assert.equal(version, root.dependencies[name]);
  for (const server of ['better-sqlite3', 'pg', 'hono', 'kysely', 'redis'])
    assert.ok(!(server in manifest.dependencies), `${server} stays with the server`);
  assert.equal(manifest.name, 'parvis');
  assert.equal(manifest.private, undefined, 'publishable');
  assert.equal(root.private, true, 'the repository itself is never published');
});

test('exports each element, the client, the bundle, the themes and the manifest', () => {
  const { exports } = packageJson(root) as { exports: Record<string, unknown> };
  assert.deepEqual(Object.keys(exports), [
    '.',
    './poll',
    './vote',
    './idea-box',
    './budget',
    './client',
    './parvis.js',
    './themes/*.css',
    './custom-elements.json',
    './package.json',
  ]);
  assert.deepEqual(exports['./poll'], { types: './types/elements/poll/define.d.ts', default: './lib/poll.js' });
});

test('refuses to build when a dependency the widgets import is missing', () => {
  const { zod: _zod, ...others } = root.dependencies as Record<string, string>;
  assert.throws(() => packageJson({ ...root, dependencies: others }), /lacks the widgets' dependencies: zod/);
});
