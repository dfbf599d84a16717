// The path of a consultation from the console to a city's page and back: create a poll, copy its snippet into a
// page of another site, vote there, see the vote in the console's results, export it as CSV.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { axeViolations, focused, headingFocused, notice, openConsole, screen } from './admin-console.js';
import { demoSite, freePort, openPage } from './harness.js';

/** A city's page that holds whatever a webmaster pasted, under the Content-Security-Policy they set. */
class CityPage {
  server: Server | undefined;
  origin = '';
  body = '';
  csp = '';

  async start(): Promise<void> {
    const port = await freePort();
    this.origin = `http://127.0.0.1:${port}`;
    this.server = createServer((request, response) => {
      if (request.url !== '/') return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': this.csp });
      response.end(`<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8"><title>Mairie de Saint-Aubin-sur-Loire – Fête des voisins</title></head>
  <body><main><h1>Fête des voisins</h1>
${this.body}
  </main></body>
</html>`);
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
  }
}

describe('the snippet builder', () => {
  const site = demoSite();
  const city = new CityPage();
  before(() => city.start());
  after(() => city.server?.close());

  test('a poll created in the console is voted on a city page through its snippet, and its vote is exported', async () => {
    const { server } = site;
    const { page, context, violations, errors } = await openConsole(site.browser, server, '/admin/polls/new');
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await screen(page, 'Créer un sondage');
    const question = 'Quel jour pour la fête des voisins ?';
    await page.getByLabel('Question', { exact: true }).fill(question);
    await page.getByLabel('Réponse 1', { exact: true }).fill('Vendredi 29 mai');
    await page.getByLabel('Réponse 2', { exact: true }).fill('Samedi 30 mai');
    await page.getByRole('button', { name: 'Créer le sondage' }).click();
    await headingFocused(page, question);

    await page.getByRole('link', { name: 'Intégrer ce sondage dans une page' }).click();
    await headingFocused(page, 'Intégrer un widget dans une page');
    assert.equal(await page.getByLabel('Consultation').inputValue(), 'poll:quel-jour-pour-la-fete-des-voisins');
    const preview = page.frameLocator('iframe[title="Aperçu du widget"]').locator('parvis-poll');
    await preview.getByRole('radio', { name: 'Vendredi 29 mai' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the snippet builder passes axe');

    await page.getByRole('button', { name: 'Copier l’extrait' }).click();
    await notice(page).filter({ hasText: 'Copié dans le presse-papiers.' }).waitFor();
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(snippet, await page.getByLabel('Extrait HTML').inputValue());
    assert.equal(
      snippet,
      `<script type="module" src="${server.url}/parvis.js"></script>\n\n` +
        '<parvis-poll poll="quel-jour-pour-la-fete-des-voisins" lang="fr">\n' +
        '  <p>Cette consultation s’affiche quand JavaScript est activé.</p>\n</parvis-poll>\n',
    );
    await page.getByRole('button', { name: 'Copier les directives' }).click();
    const directives = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(directives, `script-src ${server.url}; connect-src ${server.url}`);
    await page.getByText('PARVIS_ALLOWED_ORIGINS').waitFor();

    city.body = snippet;
    city.csp = `default-src 'none'; ${directives}; base-uri 'none'; object-src 'none'`;
    const citizen = await openPage(site.browser);
    await citizen.page.goto(`${city.origin}/`);
    const widget = citizen.page.locator('parvis-poll');
    await widget.getByRole('radio', { name: 'Samedi 30 mai' }).check();
    await widget.getByRole('button', { name: 'Voter' }).click();
    await widget.getByRole('status').filter({ hasText: 'Merci, votre vote est enregistré.' }).waitFor();
    assert.deepEqual(citizen.violations, [], 'the pasted snippet needs nothing the copied directives do not allow');
    await citizen.context.close();

    await page.goto(`${server.url}/admin/polls/quel-jour-pour-la-fete-des-voisins`);
    await screen(page, question);
    const table = page.getByRole('table', { name: 'Résultats par réponse' });
    assert.deepEqual(
      await table
        .getByRole('row', { name: /^Samedi 30 mai/ })
        .getByRole('cell')
        .allInnerTexts(),
      ['1', '100\u00a0%'],
    );
    await page.getByRole('img', { name: /Samedi 30 mai, 1 vote \(100/ }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger en CSV les résultats' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    const saturday = csv.split(/\r?\n/).find((line) => line.includes('Samedi 30 mai'));
    assert.ok(saturday, csv);
    assert.match(saturday, /(^|,)1(,|$)/, 'the vote is in the export');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a vote button: its key checked against the contract, its mode and hidden counts; copying falls back to selecting', async () => {
    const { page, context } = await openConsole(site.browser, site.server, '/admin/snippet');
    // A browser that refuses the clipboard to scripts.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('Refused', 'NotAllowedError')) },
      });
    });
    await page.reload();
    await screen(page, 'Intégrer un widget dans une page');
    await page.getByLabel('Consultation').selectOption({ label: 'Nouveau bouton de vote' });
    const key = page.getByLabel('Clé du sujet (facultatif)');
    await key.fill('projet pistes cyclables');
    await page.getByText('Une clé commence par une lettre ou un chiffre').waitFor();
    assert.equal(await key.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.getByLabel('Extrait HTML').count(), 0, 'no snippet while the key is wrong');
    assert.deepEqual(await axeViolations(page), [], 'the refused key passes axe');

    await key.fill('projet-pistes-cyclables');
    await page.getByLabel('Pour ou contre').check();
    await page.getByLabel('Masquer les compteurs').check();
    await page.getByLabel('Anglais').check();
    const snippet = page.getByLabel('Extrait HTML');
    assert.match(
      await snippet.inputValue(),
      /<parvis-vote subject="projet-pistes-cyclables" mode="updown" counts="hidden" lang="en"><\/parvis-vote>/,
    );
    const preview = page.frameLocator('iframe[title="Aperçu du widget"]');
    await preview.locator('parvis-vote[mode="updown"][counts="hidden"][lang="en"]').waitFor();
    await preview.locator('html[lang="en"]').waitFor();

    await page.getByRole('button', { name: 'Copier l’extrait' }).click();
    await notice(page).filter({ hasText: 'le texte est sélectionné' }).waitFor();
    assert.equal((await focused(page)).tag, 'textarea');
    const selected = await snippet.evaluate((field: HTMLTextAreaElement) =>
      field.value.slice(field.selectionStart, field.selectionEnd),
    );
    assert.equal(selected, await snippet.inputValue(), 'the whole snippet is selected, ready for Ctrl+C');

    await page.getByLabel('Consultation').selectOption('subject:actu-budget-participatif-relance');
    await page.getByText('Mode : Soutien (fixé par le premier vote de ce sujet).').waitFor();
    assert.match(
      await snippet.inputValue(),
      /<parvis-vote subject="actu-budget-participatif-relance" counts="hidden" lang="en">/,
    );
    await context.close();
  });
});
