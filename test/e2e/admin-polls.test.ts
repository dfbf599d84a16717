// A participation officer runs polls from the console: create, edit, open, close, delete, results and exports.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AdminPoll } from '../../src/contract/poll.js';
import { axeViolations, focused, headingFocused, notice, openConsole, screen } from './admin-console.js';
import { admin, demoSite, type RunningServer } from './harness.js';

async function readPoll(server: RunningServer, id: string): Promise<AdminPoll> {
  const response = await admin(server, `/polls/${id}`);
  assert.equal(response.status, 200);
  return (await response.json()) as AdminPoll;
}

async function createPoll(server: RunningServer, body: Record<string, unknown>): Promise<AdminPoll> {
  const response = await admin(server, '/polls', {
    method: 'POST',
    body: JSON.stringify({
      question: 'Quel nom pour la nouvelle médiathèque ?',
      options: [
        { id: 'jules-verne', label: 'Jules Verne' },
        { id: 'simone-veil', label: 'Simone Veil' },
      ],
      ...body,
    }),
  });
  assert.equal(response.status, 201);
  return (await response.json()) as AdminPoll;
}

/** A citizen votes through the public API, as a widget does. */
async function vote(server: RunningServer, pollId: string, choice: string): Promise<void> {
  const response = await fetch(`${server.url}/v1/polls/${pollId}/votes`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'parvis-voter': `voter-${crypto.randomUUID()}`,
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({ choices: [choice] }),
  });
  assert.equal(response.status, 200);
}

function summary(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
}

describe('polls in the admin console', () => {
  const site = demoSite();

  test('creating a poll: mistakes are listed above the form and said next to their fields', async () => {
    const { page, context, violations, errors } = await openConsole(site.browser, site.server, '/admin/polls/new');
    await screen(page, 'Créer un sondage');
    assert.deepEqual(await axeViolations(page), [], 'the empty form passes axe');

    await page.getByRole('button', { name: 'Créer le sondage' }).click();
    const links = summary(page).getByRole('link');
    await links.first().waitFor();
    assert.deepEqual(await links.allInnerTexts(), [
      'Saisissez la question.',
      'Saisissez un identifiant.',
      'Saisissez le texte de la réponse 1, ou retirez-la.',
      'Saisissez le texte de la réponse 2, ou retirez-la.',
    ]);
    assert.equal((await focused(page)).tag, 'div', 'focus moves to the summary');
    const question = page.getByLabel('Question', { exact: true });
    assert.equal(await question.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), [], 'the form with its mistakes passes axe');
    await links.first().click();
    assert.equal((await focused(page)).tag, 'input', 'a mistake’s link takes focus to its field');

    await question.fill('Où installer le marché de Noël ?');
    assert.equal(await page.getByLabel('Identifiant').inputValue(), 'ou-installer-le-marche-de-noel');
    await page.getByLabel('Réponse 1', { exact: true }).fill('Place de la République');
    await page.getByLabel('Réponse 2', { exact: true }).fill('Sur les quais');
    await page.getByRole('button', { name: 'Ajouter une réponse' }).click();
    assert.equal((await focused(page)).tag, 'input', 'focus goes to the new answer');
    await page.keyboard.type('Au parc des Tilleuls');
    await page.getByRole('button', { name: 'Retirer la réponse 3' }).click();
    await notice(page).filter({ hasText: 'La réponse « Au parc des Tilleuls » est retirée.' }).waitFor();
    await page.getByLabel('Clôture (facultatif)').fill('2026-12-01T18:00');
    await page.getByLabel('Ouverture (facultatif)').fill('2026-12-02T18:00');
    await page.getByLabel('Toujours, même avant de voter').check();
    await page.getByRole('button', { name: 'Créer le sondage' }).click();
    await summary(page).getByRole('link', { name: 'La clôture doit venir après l’ouverture.' }).waitFor();
    assert.equal(await page.getByLabel('Clôture (facultatif)').getAttribute('aria-invalid'), 'true');

    await page.getByLabel('Clôture (facultatif)').fill('');
    await page.getByRole('button', { name: 'Créer le sondage' }).click();
    await headingFocused(page, 'Où installer le marché de Noël ?');
    await notice(page).filter({ hasText: 'Le sondage « Où installer le marché de Noël ? » est créé.' }).waitFor();
    const created = await readPoll(site.server, 'ou-installer-le-marche-de-noel');
    assert.deepEqual(created.options, [
      { id: 'place-de-la-republique', label: 'Place de la République' },
      { id: 'sur-les-quais', label: 'Sur les quais' },
    ]);
    assert.equal(created.resultsVisibility, 'always');
    assert.equal(created.closesAt, null);
    assert.equal(created.opensAt, new Date('2026-12-02T18:00').toISOString());
    assert.equal(created.status, 'upcoming');

    await page.goto(`${site.server.url}/admin/polls/new`);
    await screen(page, 'Créer un sondage');
    await page.getByLabel('Question', { exact: true }).fill('Où installer le marché de Noël ?');
    await page.getByLabel('Réponse 1', { exact: true }).fill('Oui');
    await page.getByLabel('Réponse 2', { exact: true }).fill('Non');
    await page.getByRole('button', { name: 'Créer le sondage' }).click();
    await summary(page)
      .getByRole('link', { name: 'Un sondage porte déjà cet identifiant : choisissez-en un autre.' })
      .waitFor();
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('editing a poll: once people voted, the answers are shown frozen and the reason is said', async () => {
    await createPoll(site.server, { id: 'nom-mediatheque' });
    const { page, context } = await openConsole(site.browser, site.server, '/admin/polls/nom-mediatheque/edit');
    await screen(page, 'Modifier le sondage');
    assert.equal(await page.getByLabel('Réponse 2', { exact: true }).inputValue(), 'Simone Veil');
    await page.getByLabel('Réponse 2', { exact: true }).fill('Simone Veil (1927-2017)');
    await page.getByLabel('Question', { exact: true }).fill('Quel nom donner à la médiathèque ?');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await headingFocused(page, 'Quel nom donner à la médiathèque ?');
    await notice(page).filter({ hasText: 'sont enregistrées' }).waitFor();
    assert.equal((await readPoll(site.server, 'nom-mediatheque')).options[1].label, 'Simone Veil (1927-2017)');

    await vote(site.server, 'nom-mediatheque', 'jules-verne');
    await page.getByRole('link', { name: 'Modifier' }).click();
    await screen(page, 'Modifier le sondage');
    const frozen = page.getByRole('region', { name: 'Réponses proposées' });
    await frozen.getByText('Les réponses ne peuvent plus changer : 1 personne a déjà répondu.').waitFor();
    assert.deepEqual(await frozen.getByRole('listitem').allInnerTexts(), ['Jules Verne', 'Simone Veil (1927-2017)']);
    assert.equal(await page.getByLabel('Réponse 1', { exact: true }).count(), 0, 'no answer can be edited');
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Les participants peuvent changer leur vote tant que le sondage est ouvert').check();
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await headingFocused(page, 'Quel nom donner à la médiathèque ?');
    assert.equal((await readPoll(site.server, 'nom-mediatheque')).allowChange, true);
    await context.close();
  });

  test('opening, closing (after a confirmation) and deleting a poll', async () => {
    await createPoll(site.server, { id: 'horaires-piscine', opensAt: '2030-01-01T08:00:00Z' });
    const { page, context } = await openConsole(site.browser, site.server, '/admin/polls/horaires-piscine');
    await screen(page, 'Quel nom pour la nouvelle médiathèque ?');
    const status = page.locator('parvis-admin-poll dl .status');
    assert.equal(await status.innerText(), 'À venir');

    await page.getByRole('button', { name: 'Ouvrir maintenant' }).click();
    await notice(page).filter({ hasText: 'est ouvert.' }).waitFor();
    assert.equal(await status.innerText(), 'Ouvert');
    assert.equal((await readPoll(site.server, 'horaires-piscine')).status, 'open');

    await page.getByRole('button', { name: 'Clore maintenant' }).click();
    const closing = page.getByRole('dialog', { name: 'Clore ce sondage ?' });
    await closing.waitFor();
    assert.deepEqual(await focused(page), { tag: 'button', text: 'Annuler' }, 'focus starts on the safe choice');
    assert.deepEqual(await axeViolations(page), [], 'the open dialog passes axe');
    await page.keyboard.press('Escape');
    await closing.waitFor({ state: 'hidden' });
    assert.equal((await readPoll(site.server, 'horaires-piscine')).status, 'open', 'Escape closes nothing');

    await page.getByRole('button', { name: 'Clore maintenant' }).click();
    await closing.getByRole('button', { name: 'Clore le sondage' }).click();
    await notice(page).filter({ hasText: 'est clos.' }).waitFor();
    assert.equal(await status.innerText(), 'Clos');
    assert.equal((await readPoll(site.server, 'horaires-piscine')).closed, true);
    await page.getByText('il ne peut plus être rouvert').waitFor();

    await page.getByRole('button', { name: 'Supprimer' }).click();
    const deleting = page.getByRole('dialog', { name: /^Supprimer le sondage/ });
    await deleting.getByRole('button', { name: 'Supprimer le sondage' }).click();
    await headingFocused(page, 'Sondages');
    await notice(page).filter({ hasText: 'est supprimé.' }).waitFor();
    assert.equal((await admin(site.server, '/polls/horaires-piscine')).status, 404);
    await context.close();
  });

  test('a poll closed by its date opens again when its closing date is taken away', async () => {
    const poll = await createPoll(site.server, { id: 'fete-de-la-musique' });
    const past = new Date(Date.now() - 60_000).toISOString();
    await admin(site.server, `/polls/${poll.id}`, {
      method: 'PATCH',
      body: JSON.stringify({ opensAt: new Date(Date.now() - 120_000).toISOString(), closesAt: past }),
    });
    const { page, context } = await openConsole(site.browser, site.server, `/admin/polls/${poll.id}`);
    await screen(page, poll.question);
    await page.getByRole('button', { name: 'Rouvrir (retirer la date de clôture)' }).click();
    await notice(page).filter({ hasText: 'est rouvert' }).waitFor();
    const reopened = await readPoll(site.server, poll.id);
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.closesAt, null);
    await context.close();
  });

  test('results: bars as an image with its text alternative, the numbers in a table, CSV and JSON downloads', async () => {
    const poll = await readPoll(site.server, 'parc-des-tilleuls');
    const { page, context } = await openConsole(site.browser, site.server, `/admin/polls/${poll.id}`);
    await screen(page, poll.question);
    const chart = page.getByRole('img', { name: /^Diagramme en barres/ });
    const description = (await chart.getAttribute('aria-label')) ?? '';
    const table = page.getByRole('table', { name: 'Résultats par réponse' });
    for (const option of poll.options) {
      const votes = poll.results.options.find((result) => result.id === option.id)!.votes;
      const share = `${Math.round((votes / poll.results.voters) * 100)}\u00a0%`;
      assert.ok(description.includes(`${option.label}, ${votes} votes (${share})`), option.label);
      const cells = await table.getByRole('row').filter({ hasText: option.label }).getByRole('cell').allInnerTexts();
      assert.deepEqual(cells, [String(votes), share]);
    }
    await table.getByRole('row', { name: `Votants ${poll.results.voters}`, exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the poll’s screen passes axe');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger en CSV les résultats' }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), `${poll.id}-results.csv`);
    const text = await readFile((await csv.path())!, 'utf8');
    assert.match(text, new RegExp(poll.options[0].label.replace(/[()]/g, '.')));
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger en JSON les résultats' }).click(),
    ]);
    const data = JSON.parse(await readFile((await json.path())!, 'utf8')) as { voters: number; licence: string };
    assert.equal(data.voters, poll.results.voters);
    assert.match(data.licence, /Licence Ouverte/);
    await context.close();
  });
});
