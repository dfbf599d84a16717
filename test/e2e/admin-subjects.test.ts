// The vote buttons' subjects in the admin console: counts by site, the "helpful" ratio, comments, reset and closing,
// creating a subject before its first vote, changing its mode and deleting it.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { AdminSubject, AdminSubjectDetail, AdminSubjectList } from '../../src/contract/subject.js';
import { axeViolations, focused, notice, openConsole, screen } from './admin-console.js';
import { admin, demoSite, type RunningServer } from './harness.js';

const PAGE = 'demarches/etat-civil';

/** A citizen answers "was this page helpful?" on one of the server's own pages, as the widget does. */
async function answer(server: RunningServer, value: 1 | -1, comment?: string): Promise<void> {
  const response = await fetch(`${server.url}/v1/subjects/${encodeURIComponent(PAGE)}/votes`, {
    method: 'PUT',
    headers: {
      origin: server.url,
      'content-type': 'application/json',
      'parvis-voter': `voter-${crypto.randomUUID()}`,
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({ value, mode: 'helpful', ...(comment ? { comment } : {}) }),
  });
  assert.equal(response.status, 200, await response.text());
}

async function subject(server: RunningServer): Promise<AdminSubject> {
  const { subjects } = (await (await admin(server, '/subjects')).json()) as AdminSubjectList;
  return subjects.find((entry) => entry.key === PAGE)!;
}

describe('vote buttons in the admin console', () => {
  const site = demoSite();

  test('subjects are listed by site with their counts and the share of "helpful"; comments are hidden and shown', async () => {
    const { server } = site;
    await answer(server, 1);
    await answer(server, 1);
    await answer(server, -1, 'Les horaires de la mairie annexe manquent.');
    const { page, context, violations, errors } = await openConsole(site.browser, server, '/admin/subjects');
    await screen(page, 'Boutons de vote');
    const table = page.getByRole('table', { name: 'Boutons de vote : Pages de ce serveur' });
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: PAGE }) });
    assert.deepEqual(await row.getByRole('cell').allInnerTexts(), [
      'Page utile ?',
      '2',
      '1',
      '67\u00a0%',
      '1',
      'Ouvert',
    ]);
    assert.deepEqual(await axeViolations(page), [], 'the list passes axe');

    await row.getByRole('link', { name: PAGE }).click();
    await screen(page, PAGE);
    const comments = page.getByRole('table', { name: 'Commentaires, du plus ancien au plus récent' });
    const comment = comments.getByRole('row').filter({ hasText: 'Les horaires de la mairie annexe manquent.' });
    assert.deepEqual((await comment.getByRole('cell').allInnerTexts()).slice(0, 3), [
      'Non',
      'Les horaires de la mairie annexe manquent.',
      'Visible',
    ]);
    assert.deepEqual(await axeViolations(page), [], 'the subject’s screen passes axe');

    await comment.getByRole('button', { name: /^Masquer le commentaire du / }).click();
    await notice(page).filter({ hasText: 'Le commentaire est masqué.' }).waitFor();
    assert.equal(await comment.getByRole('cell').nth(2).innerText(), 'Masqué');
    const id = (await subject(server)).id;
    const detail = (await (await admin(server, `/subjects/${id}`)).json()) as AdminSubjectDetail;
    assert.equal(detail.comments[0].hidden, true);
    await comment.getByRole('button', { name: /^Afficher le commentaire du / }).click();
    await notice(page).filter({ hasText: 'Le commentaire est de nouveau visible.' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Télécharger en CSV les commentaires de « ${PAGE} »` }).click(),
    ]);
    assert.match(await readFile((await download.path())!, 'utf8'), /Les horaires de la mairie annexe manquent\./);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a subject is closed, opened again, and reset after a confirmation', async () => {
    const { server } = site;
    await answer(server, 1);
    const { id } = await subject(server);
    const { page, context } = await openConsole(site.browser, server, `/admin/subjects/${id}`);
    await screen(page, PAGE);

    await page.getByRole('button', { name: 'Clore (les votes restent affichés)' }).click();
    await notice(page)
      .filter({ hasText: `« ${PAGE} » est clos.` })
      .waitFor();
    assert.equal((await subject(server)).closed, true);
    await page.getByRole('button', { name: 'Rouvrir aux votes' }).click();
    await notice(page).filter({ hasText: 'est rouvert aux votes.' }).waitFor();
    assert.equal((await subject(server)).closed, false);

    await page.getByRole('button', { name: 'Remettre à zéro' }).click();
    const dialog = page.getByRole('dialog', { name: `Remettre « ${PAGE} » à zéro ?` });
    await dialog.getByRole('button', { name: 'Annuler' }).click();
    assert.ok((await subject(server)).up > 0, 'cancelling keeps the votes');
    await page.getByRole('button', { name: 'Remettre à zéro' }).click();
    await dialog.getByRole('button', { name: 'Effacer les votes et les commentaires' }).click();
    await notice(page).filter({ hasText: 'est remis à zéro.' }).waitFor();
    const reset = await subject(server);
    assert.deepEqual([reset.up, reset.down, reset.comments], [0, 0, 0]);
    await page.getByText('Aucun commentaire.').waitFor();
    await context.close();
  });

  test('a subject is created before its first vote, its mode changed, then deleted', async () => {
    const { server } = site;
    const { page, context, violations, errors } = await openConsole(site.browser, server, '/admin/subjects');
    await screen(page, 'Boutons de vote');
    await page.getByRole('link', { name: 'Créer un bouton de vote' }).click();
    await screen(page, 'Créer un bouton de vote');

    await page.getByRole('button', { name: 'Créer le bouton de vote' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
    await summary.waitFor();
    assert.equal((await focused(page)).tag, 'div', 'focus moves to the summary of mistakes');
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
      'Saisissez l’adresse du site qui affiche le bouton, par exemple https://www.ville-exemple.fr.',
      'Saisissez le sujet : lettres, chiffres et . _ ~ : / @ % + - seulement, sans espace, 200 caractères au plus.',
    ]);
    assert.deepEqual(await axeViolations(page), [], 'the form with its errors passes axe');
    await summary.getByRole('link').first().click();
    assert.equal((await focused(page)).tag, 'input', 'the mistake’s link takes focus to its field');
    const before = (await (await admin(server, '/subjects')).json()) as AdminSubjectList;

    await page.keyboard.type('https://www.ville-exemple.fr/actualites/kiosque');
    await page.keyboard.press('Tab');
    await page.keyboard.type('projet-kiosque');
    await page.getByRole('radio', { name: 'Pour ou contre' }).check();
    await page.getByRole('button', { name: 'Créer le bouton de vote' }).press('Enter');
    await notice(page).filter({ hasText: 'Le bouton de vote « projet-kiosque » est créé.' }).waitFor();
    await screen(page, 'projet-kiosque');
    const after = (await (await admin(server, '/subjects')).json()) as AdminSubjectList;
    assert.equal(after.subjects.length, before.subjects.length + 1);
    const created = after.subjects.find((entry) => entry.key === 'projet-kiosque')!;
    assert.deepEqual(
      [created.site, created.mode, created.up, created.down],
      ['https://www.ville-exemple.fr', 'updown', 0, 0],
      'only the site’s origin is kept',
    );
    assert.deepEqual(await axeViolations(page), [], 'the new subject’s screen passes axe');

    await page.getByLabel('Mode de vote').selectOption({ label: 'Soutien' });
    await page.getByRole('button', { name: 'Changer le mode' }).click();
    await notice(page).filter({ hasText: '« projet-kiosque » se vote désormais en mode « Soutien ».' }).waitFor();
    const changed = (await (await admin(server, `/subjects/${created.id}`)).json()) as AdminSubjectDetail;
    assert.equal(changed.subject.mode, 'support');

    await page.getByRole('button', { name: 'Supprimer', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Supprimer « projet-kiosque » ?' });
    await dialog.getByRole('button', { name: 'Supprimer le sujet' }).click();
    await notice(page).filter({ hasText: '« projet-kiosque » est supprimé.' }).waitFor();
    await screen(page, 'Boutons de vote');
    assert.equal((await admin(server, `/subjects/${created.id}`)).status, 404);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
