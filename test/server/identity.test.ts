import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { createTokenVerifier } from '../../src/server/http/identity.js';
import { signToken } from './helpers.js';

let jwks: Server;
let jwksUrl: string;
let privateKey: CryptoKey;
before(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'ville-1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_, response) => {
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});
after(() => new Promise<void>((resolve) => jwks.close(() => resolve())));

const rs256 = (claims: Record<string, unknown>, key: CryptoKey) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'ville-1' }).setExpirationTime('5m').sign(key);

test('a token signed with the key of PARVIS_JWKS_URL gives its subject', async () => {
  const verify = createTokenVerifier({ jwtSecret: null, jwksUrl });
  assert.equal(await verify(await rs256({ sub: 'citoyen-7' }, privateKey)), 'citoyen-7');
});

test('a token signed with another key is invalid', async () => {
  const verify = createTokenVerifier({ jwtSecret: null, jwksUrl });
  const other = await generateKeyPair('RS256');
  await assert.rejects(verify(await rs256({ sub: 'citoyen-7' }, other.privateKey)), { code: 'invalid_token' });
});

test('an HS256 token is refused where the key is a JWKS, and the reverse', async () => {
  await assert.rejects(createTokenVerifier({ jwtSecret: null, jwksUrl })(await signToken({ sub: 'x' })), {
    code: 'invalid_token',
  });
  await assert.rejects(
    createTokenVerifier({ jwtSecret: 'a secret', jwksUrl: null })(await rs256({ sub: 'x' }, privateKey)),
    { code: 'invalid_token' },
  );
});

test('without any key configured, every token is invalid', async () => {
  await assert.rejects(createTokenVerifier({ jwtSecret: null, jwksUrl: null })(await signToken({ sub: 'x' })), {
    code: 'invalid_token',
  });
});
