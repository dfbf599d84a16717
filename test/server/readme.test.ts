// The README is what integrators read: its table of error codes must say what the contract says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_ERRORS } from '../../src/contract/errors.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

test('the README lists every error code with its status, and no other', () => {
  const rows = [...readme.matchAll(/^\| `([a-z_]+)` +\| (\d{3}) +\|/gm)].map(([, code, status]) => [
    code,
    Number(status),
  ]);
  assert.deepEqual(Object.fromEntries(rows), API_ERRORS);
});
