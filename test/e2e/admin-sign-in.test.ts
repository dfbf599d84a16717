// The admin console: signing in and out, the dashboard, the navigation by keyboard, and its pages' security.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import { describe, test } from 'node:test';
import { FullExport } from '../../src/contract/full-export.js';
import type { AdminPoll } from '../../src/contract/poll.js';
import {
  axeViolations,
  focused,
  headingFocused,
  openConsole,
  openConsolePage,
  screen,
  signIn,
} from './admin-console.js';
import { admin, ADMIN_TOKEN, demoSite, type RunningServer } from './harness.js';

/** The headers of a static file as the server sends them. */
function head(server: RunningServer, path: string): Promise<{ status: number; headers: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    request(`${server.url}${path}`, { method: 'HEAD' }, (response) => {
      response.resume();
      resolve({ status: response.statusCode!, headers: response.headers as Record<string, string> });
    })
      .on('error', reject)
      .end();
  });
}

describe('the admin console', () => {
  const site = demoSite();

  test('a wrong token is refused next to its field; the right one opens the dashboard, for this tab only', async () => {
    const { page, context, violations } = await openConsolePage(site.browser);
    await page.goto(`${site.server.url}/admin/`);
    await screen(page, 'Se connecter à la console');
    assert.deepEqual(await axeViolations(page), [], 'the sign-in screen passes axe');

    await page.getByRole('button', { name: 'Se connecter' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
    await summary.getByRole('link', { name: 'Saisissez votre jeton d’administration.' }).waitFor();
    assert.equal((await focused(page)).tag, 'div', 'focus moves to the summary of mistakes');

    await signIn(page, 'not-the-token');
    await summary.getByText('Ce jeton n’est pas reconnu').waitFor();
    const field = page.getByLabel('Jeton d’administration');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    assert.match((await field.getAttribute('aria-describedby')) ?? '', /field-token-error/);
    assert.deepEqual(await axeViolations(page), [], 'the refusal passes axe');
    await summary.getByRole('link').click();
    assert.equal((await focused(page)).tag, 'input', 'the summary link takes focus to the field');

    await signIn(page);
    await screen(page, 'Tableau de bord');
    await headingFocused(page, 'Tableau de bord');
    assert.equal(await page.evaluate(() => sessionStorage.getItem('parvis-admin-token')), ADMIN_TOKEN);
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing is kept in localStorage');

    await page.reload();
    await screen(page, 'Tableau de bord');
    const otherTab = await context.newPage();
    await otherTab.goto(`${site.server.url}/admin/`);
    await screen(otherTab, 'Se connecter à la console');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await screen(page, 'Se connecter à la console');
    await page.getByText('Vous êtes déconnecté.').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('parvis-admin-token')), null);
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
    await context.close();
  });

  test('a token the server stops accepting brings the officer back to sign-in, with a message', async () => {
    const { page, context } = await openConsole(site.browser, site.server);
    await screen(page, 'Tableau de bord');
    await page.evaluate(() => sessionStorage.setItem('parvis-admin-token', 'revoked-token'));
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Sondages' }).click();
    await screen(page, 'Se connecter à la console');
    await page.getByRole('alert').filter({ hasText: 'le jeton n’est plus accepté' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('parvis-admin-token')), null);

    await signIn(page);
    await screen(page, 'Sondages');
    await context.close();
  });

  test('the dashboard lists every consultation with its kind, status, dates and participation', async () => {
    const { page, context, violations, errors } = await openConsole(site.browser, site.server);
    await screen(page, 'Tableau de bord');
    const poll = (await (await admin(site.server, '/polls/parc-des-tilleuls')).json()) as AdminPoll;

    for (const kind of ['Sondages', 'Boîtes à idées', 'Budgets participatifs', 'Boutons de vote']) {
      await page.getByRole('table', { name: `${kind} : statut, dates et participation` }).waitFor();
    }
    const polls = page.getByRole('table', { name: 'Sondages : statut, dates et participation' });
    assert.deepEqual(await polls.getByRole('columnheader').allInnerTexts(), [
      'Consultation',
      'Statut',
      'Ouverture',
      'Clôture',
      'Participation',
      'Actions',
    ]);
    const row = polls.getByRole('row').filter({ hasText: poll.question });
    assert.match(await row.innerText(), new RegExp(`Ouvert[\\s\\S]*${poll.results.voters} votants`));
    await page
      .getByRole('table', { name: /^Boîtes à idées/ })
      .getByRole('rowheader', { name: 'Vos idées pour le centre-ville' })
      .waitFor();
    await page
      .getByRole('table', { name: /^Boutons de vote/ })
      .getByRole('row')
      .filter({ hasText: 'actu-budget-participatif-relance' })
      .filter({ hasText: '214 votes' })
      .waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the dashboard passes axe');

    const [everything] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tout exporter en JSON toutes les consultations' }).click(),
    ]);
    const exported = FullExport.parse(JSON.parse(await readFile((await everything.path())!, 'utf8')));
    assert.equal(exported.polls.find((each) => each.poll.id === poll.id)?.voters, poll.results.voters);
    assert.match(exported.metadata.licence.name, /Licence Ouverte/);

    await row.getByRole('link', { name: poll.question, exact: true }).click();
    await screen(page, poll.question);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('by keyboard: the skip link, the navigation marked with aria-current, focus on each new heading', async () => {
    const { page, context } = await openConsole(site.browser, site.server);
    await screen(page, 'Tableau de bord');
    // A page just loaded: the keyboard starts at its top.
    await page.reload();
    await screen(page, 'Tableau de bord');
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(page), { tag: 'a', text: 'Aller au contenu' });
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');

    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    assert.equal(await nav.getByRole('link', { name: 'Tableau de bord' }).getAttribute('aria-current'), 'page');
    await nav.getByRole('link', { name: 'Sondages' }).focus();
    await page.keyboard.press('Enter');
    await headingFocused(page, 'Sondages');
    assert.equal(await nav.getByRole('link', { name: 'Sondages' }).getAttribute('aria-current'), 'page');
    assert.equal(await nav.getByRole('link', { name: 'Tableau de bord' }).getAttribute('aria-current'), null);

    await page.getByRole('link', { name: 'Créer un sondage' }).focus();
    await page.keyboard.press('Enter');
    await headingFocused(page, 'Créer un sondage');
    assert.equal(
      await nav.getByRole('link', { name: 'Sondages' }).getAttribute('aria-current'),
      'true',
      'a poll’s screens belong to "Sondages"',
    );
    assert.equal(new URL(page.url()).pathname, '/admin/polls/new');

    await page.goBack();
    await headingFocused(page, 'Sondages');
    await page.goto(`${site.server.url}/admin/nowhere`);
    await screen(page, 'Page introuvable');
    await context.close();
  });

  test('is served under a strict Content-Security-Policy, at its own addresses, and never framed by other sites', async () => {
    for (const path of ['/admin/', '/admin/polls/parc-des-tilleuls', '/admin/preview.html']) {
      const { status, headers } = await head(site.server, path);
      assert.equal(status, 200, path);
      const csp = headers['content-security-policy'];
      assert.match(csp, /default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'/, path);
      assert.match(csp, /frame-ancestors 'self'/);
      assert.doesNotMatch(csp, /unsafe/);
      assert.equal(headers['x-frame-options'], 'SAMEORIGIN');
    }
    const redirect = await head(site.server, '/admin');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/admin/');
    assert.equal((await head(site.server, '/admin/assets/missing-0123abcd.js')).status, 404);
  });
});
