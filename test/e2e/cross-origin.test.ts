// A webmaster pastes the snippet into a page of another origin, served under a
// strict Content-Security-Policy: the poll renders and records the vote.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { admin, freePort, launchBrowser, startServer, temporaryDirectory, type RunningServer } from './harness.js';

describe('the snippet on a city site of another origin', () => {
  const data = temporaryDirectory();
  let parvis: RunningServer;
  let city: Server;
  let cityOrigin: string;
  let browser: Browser;

  before(async () => {
    const cityPort = await freePort();
    cityOrigin = `http://127.0.0.1:${cityPort}`;
    parvis = await startServer({ dataDir: data.path, env: { PARVIS_ALLOWED_ORIGINS: cityOrigin } });
    const csp = [
      "default-src 'none'",
      `script-src ${parvis.url}`,
      `connect-src ${parvis.url}`,
      "style-src 'self'",
      "img-src 'self'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; ');
    city = createServer((request, response) => {
      if (request.url !== '/') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp });
      response.end(`<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8"><title>Mairie de Saint-Aubin-sur-Loire – Parc des Tilleuls</title>
  <script type="module" src="${parvis.url}/parvis.js"></script></head>
  <body><main><h1>Parc des Tilleuls</h1>
    <parvis-poll poll="parc-des-tilleuls">
      <a href="${parvis.url}/">Répondre au sondage</a>
    </parvis-poll>
  </main></body>
</html>`);
    });
    await new Promise<void>((resolve) => city.listen(cityPort, '127.0.0.1', resolve));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    city?.close();
    await parvis?.stop();
    data.remove();
  });

  test('renders, records the vote and reports no CSP violation', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${cityOrigin}/`);
    await page.evaluate(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });

    const widget = page.locator('parvis-poll');
    const first = widget.getByRole('radio').first();
    await first.waitFor();
    assert.equal(
      await page.getByRole('link', { name: 'Répondre au sondage' }).isVisible(),
      false,
      'the fallback link is gone',
    );

    const response = await admin(parvis, '/polls/parc-des-tilleuls');
    const before = ((await response.json()) as { results: { voters: number } }).results.voters;
    await first.check();
    await widget.getByRole('button', { name: 'Voter' }).click();
    await widget.getByRole('status').filter({ hasText: 'Merci, votre vote est enregistré.' }).waitFor();

    const after = await admin(parvis, '/polls/parc-des-tilleuls');
    assert.equal(((await after.json()) as { results: { voters: number } }).results.voters, before + 1);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
