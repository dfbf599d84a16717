import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../src/server/config.js';
import { startServer } from '../../src/server/start.js';

// An in-memory database has a single connection for reads and writes: any
// start-up write that bypassed the writer's transaction would wait forever.
test('starts on an in-memory SQLite database, seeds it and serves the demo poll', async () => {
  const server = await startServer({
    ...loadConfig({ DATABASE_URL: 'sqlite::memory:', PARVIS_SEED: 'demo' }),
    port: 0,
  });
  try {
    const response = await fetch(`${server.url}/v1/polls/parc-des-tilleuls`);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { id: string }).id, 'parc-des-tilleuls');
  } finally {
    await server.close();
  }
});
