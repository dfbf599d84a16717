import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_RATE_LIMITS, loadConfig, sqlitePath } from '../../src/server/config.js';
import { findProjectRoot } from '../../src/server/paths.js';

test('the defaults are those of the documentation', () => {
  const config = loadConfig({}, '/srv/parvis');
  assert.equal(config.port, 8080);
  assert.equal(config.databaseUrl, 'sqlite:./data/parvis.db');
  assert.equal(sqlitePath(config), '/srv/parvis/data/parvis.db');
  assert.equal(config.adminToken, null);
  assert.equal(config.allowedOrigins, null);
  assert.equal(config.seed, 'demo');
  assert.equal(config.rateLimit, true);
  assert.equal(config.trustProxy, false);
  assert.deepEqual(config.rateLimits, DEFAULT_RATE_LIMITS);
  assert.equal(config.widgetsDir, '/srv/parvis/dist/widgets');
  assert.equal(config.demoDir, '/srv/parvis/demo');
});

test('reads every setting from the environment', () => {
  const config = loadConfig(
    {
      PORT: '9000',
      DATABASE_URL: 'postgres://parvis@db/parvis',
      PARVIS_ADMIN_TOKEN: 'secret-admin',
      PARVIS_ALLOWED_ORIGINS: 'https://www.ville.fr, https://participer.ville.fr/page',
      PARVIS_JWT_SECRET: 'jwt',
      PARVIS_JWKS_URL: 'https://auth.ville.fr/jwks.json',
      PARVIS_SEED: 'none',
      PARVIS_RATE_LIMIT: 'off',
      PARVIS_TRUST_PROXY: 'on',
    },
    '/srv/parvis',
  );
  assert.equal(config.port, 9000);
  assert.equal(sqlitePath(config), null);
  assert.equal(config.adminToken, 'secret-admin');
  assert.deepEqual(config.allowedOrigins, ['https://www.ville.fr', 'https://participer.ville.fr']);
  assert.equal(config.jwtSecret, 'jwt');
  assert.equal(config.jwksUrl, 'https://auth.ville.fr/jwks.json');
  assert.equal(config.seed, 'none');
  assert.equal(config.rateLimit, false);
  assert.equal(config.trustProxy, true);
  assert.equal(sqlitePath({ databaseUrl: 'sqlite:/var/lib/parvis.db', rootDir: '/srv' }), '/var/lib/parvis.db');
});

test('refuses settings it cannot understand rather than guessing', () => {
  assert.throws(() => loadConfig({ PORT: 'huit mille' }, '/srv'), /PORT/);
  assert.throws(() => loadConfig({ PARVIS_RATE_LIMIT: 'maybe' }, '/srv'), /PARVIS_RATE_LIMIT/);
  assert.throws(() => loadConfig({ PARVIS_ALLOWED_ORIGINS: 'not a url' }, '/srv'));
});

test('the project root is found from any depth', () => {
  const root = findProjectRoot(import.meta.url);
  assert.equal(findProjectRoot(new URL('../../src/server/store/schema.ts', import.meta.url).href), root);
  assert.equal(findProjectRoot(`${root}/dist/node/server/main.js`), root);
});
