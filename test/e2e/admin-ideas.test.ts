// A participation officer runs idea boxes from the console: create, edit, close, delete; the moderation queue;
// statuses, official answers and merges; and sees each decision on the demo page's idea box.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AdminIdea, AdminIdeaBox, IdeasExport } from '../../src/contract/idea.js';
import { axeViolations, focused, headingFocused, notice, openConsole, screen, tabTo } from './admin-console.js';
import { admin, demoSite, openPage, type RunningServer } from './harness.js';

const BOX = 'idees-centre-ville';
const PENDING = 'Des toilettes publiques accessibles place de la République';

async function ideas(server: RunningServer, box = BOX): Promise<IdeasExport['ideas']> {
  return ((await (await admin(server, `/idea-boxes/${box}/ideas.json`)).json()) as IdeasExport).ideas;
}

async function idea(server: RunningServer, title: string): Promise<AdminIdea> {
  const found = (await ideas(server)).find((entry) => entry.title === title);
  assert.ok(found, title);
  return (await (await admin(server, `/ideas/${found.id}`)).json()) as AdminIdea;
}

/** Citizens report an idea through the public API, as the widget does, until the box hides it. */
async function report(server: RunningServer, ideaId: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) {
    const response = await fetch(`${server.url}/v1/ideas/${ideaId}/reports`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'parvis-voter': `voter-${crypto.randomUUID()}`,
        'idempotency-key': crypto.randomUUID(),
      },
      body: JSON.stringify({ reason: 'abusive', details: 'Propos blessants' }),
    });
    assert.equal(response.status, 201, await response.text());
  }
}

/** The demo page's idea box, newest first, and the card of one idea if citizens see it. */
async function demoCard(page: Page, server: RunningServer, title: string) {
  await page.goto(`${server.url}/`);
  const box = page.locator(`parvis-idea-box[box="${BOX}"]`);
  await box.getByLabel('Trier par').selectOption('new');
  await box.locator('article').first().waitFor();
  return box.locator('article', { hasText: title });
}

function summary(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
}

describe('idea boxes in the admin console', () => {
  const site = demoSite();

  test('creating an idea box: mistakes next to their fields, categories added and removed, then closing and deleting it', async () => {
    const { page, context, violations, errors } = await openConsole(site.browser, site.server, '/admin/idea-boxes');
    await screen(page, 'Boîtes à idées');
    await page.getByRole('table', { name: 'Boîtes à idées : statut, dates et participation' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the list of idea boxes passes axe');
    await page.getByRole('link', { name: 'Créer une boîte à idées' }).click();
    await headingFocused(page, 'Créer une boîte à idées');
    assert.deepEqual(await axeViolations(page), [], 'the empty form passes axe');

    await page.getByRole('button', { name: 'Créer la boîte à idées' }).click();
    const links = summary(page).getByRole('link');
    await links.first().waitFor();
    assert.deepEqual(await links.allInnerTexts(), [
      'Saisissez le titre de la boîte à idées.',
      'Saisissez un identifiant.',
    ]);
    assert.equal(await page.getByLabel('Titre', { exact: true }).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), [], 'the form with its mistakes passes axe');

    await page.getByLabel('Titre', { exact: true }).fill('Vos idées pour la fête de la musique');
    assert.equal(await page.getByLabel('Identifiant').inputValue(), 'vos-idees-pour-la-fete-de-la-musique');
    await page.getByRole('button', { name: 'Ajouter une catégorie' }).click();
    assert.equal((await focused(page)).tag, 'input', 'focus goes to the new category');
    await page.keyboard.type('Concerts');
    await page.getByRole('button', { name: 'Ajouter une catégorie' }).click();
    await page.keyboard.type('Buvette');
    await page.getByRole('button', { name: 'Retirer la catégorie 2' }).click();
    await notice(page).filter({ hasText: 'La catégorie « Buvette » est retirée.' }).waitFor();
    await page.getByLabel('Après publication', { exact: false }).check();
    await page.getByLabel('Signalements qui masquent une idée').fill('0');
    await page.getByRole('button', { name: 'Créer la boîte à idées' }).click();
    await summary(page).getByRole('link', { name: 'Saisissez un nombre entier de 1 à 1 000.' }).waitFor();
    await page.getByLabel('Signalements qui masquent une idée').fill('5');
    await page.getByRole('button', { name: 'Créer la boîte à idées' }).click();

    await headingFocused(page, 'Vos idées pour la fête de la musique');
    await notice(page)
      .filter({ hasText: 'La boîte à idées « Vos idées pour la fête de la musique » est créée.' })
      .waitFor();
    const created = (await (
      await admin(site.server, '/idea-boxes/vos-idees-pour-la-fete-de-la-musique')
    ).json()) as AdminIdeaBox;
    assert.deepEqual(created.categories, [{ id: 'concerts', label: 'Concerts' }]);
    assert.equal(created.moderation, 'post');
    assert.equal(created.reportThreshold, 5);
    assert.deepEqual(await axeViolations(page), [], 'the box’s screen passes axe');

    await page.getByRole('link', { name: 'Modifier' }).click();
    await screen(page, 'Modifier la boîte à idées');
    await page.getByLabel('Catégorie 1').fill('Concerts et scènes ouvertes');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await headingFocused(page, 'Vos idées pour la fête de la musique');
    await page.getByText('Concerts et scènes ouvertes').waitFor();

    await page.getByRole('button', { name: 'Clore maintenant' }).click();
    const closing = page.getByRole('dialog', { name: 'Clore cette boîte à idées ?' });
    assert.deepEqual(await focused(page), { tag: 'button', text: 'Annuler' }, 'focus starts on the safe choice');
    await closing.getByRole('button', { name: 'Clore la boîte à idées' }).click();
    await notice(page).filter({ hasText: 'est close.' }).waitFor();
    assert.equal(await page.locator('parvis-admin-idea-box dl .status').innerText(), 'Clos');

    await page.getByRole('button', { name: 'Supprimer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer la boîte à idées' }).click();
    await headingFocused(page, 'Boîtes à idées');
    await notice(page).filter({ hasText: 'est supprimée.' }).waitFor();
    assert.equal((await admin(site.server, '/idea-boxes/vos-idees-pour-la-fete-de-la-musique')).status, 404);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the moderation queue by keyboard: approve, reject with a reason, hide with a note; citizens see each decision', async () => {
    const { server } = site;
    const reported = await idea(server, 'Un frigo solidaire devant la mairie');
    await report(server, reported.id, 3);
    const hidden = await idea(server, "Un jardin partagé derrière l'école Jules-Ferry");
    await report(server, hidden.id, 3);

    const { page, context, errors } = await openConsole(site.browser, server, '/admin/');
    await screen(page, 'Tableau de bord');
    await page
      .getByRole('table', { name: 'Boîtes à idées : statut, dates et participation' })
      .getByRole('link', { name: 'Vos idées pour le centre-ville', exact: true })
      .click();
    await headingFocused(page, 'Vos idées pour le centre-ville');
    await page.getByRole('link', { name: /^File de modération/ }).click();
    await headingFocused(page, 'File de modération');
    const queue = page.locator('parvis-admin-moderation');
    await queue.getByRole('heading', { level: 2, name: PENDING }).waitFor();
    await queue.getByText('Masquée automatiquement après des signalements').first().waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the queue passes axe');

    await tabTo(page, `Approuver « ${PENDING} »`);
    await page.keyboard.press('Enter');
    await notice(page)
      .filter({ hasText: `L’idée « ${PENDING} » est publiée.` })
      .waitFor();
    assert.equal((await focused(page)).tag, 'h2', 'focus goes to the next idea of the queue');
    assert.equal((await idea(server, PENDING)).status, 'published');

    await tabTo(page, `Rejeter… « ${reported.title} »`);
    await page.keyboard.press('Enter');
    assert.equal((await focused(page)).tag, 'textarea', 'focus goes to the reason');
    await tabTo(page, 'Rejeter l’idée');
    await page.keyboard.press('Enter');
    await page.getByText('Saisissez la raison du rejet : elle est publiée sous l’idée.').waitFor();
    const reason = 'La mairie ne peut pas garantir la chaîne du froid ; le CCAS étudie une autre solution.';
    await page.keyboard.type(reason);
    await tabTo(page, 'Rejeter l’idée');
    await page.keyboard.press('Enter');
    await notice(page)
      .filter({ hasText: `L’idée « ${reported.title} » est rejetée.` })
      .waitFor();

    await page.getByRole('button', { name: `Masquer… « ${hidden.title} »` }).click();
    await page.getByLabel('Note pour les modérateurs (facultatif)').fill('Nom d’un voisin cité.');
    await page.getByRole('button', { name: 'Masquer l’idée' }).click();
    await notice(page).filter({ hasText: 'est masquée.' }).waitFor();
    await page.getByText('aucune idée n’attend de décision.').waitFor();
    await headingFocused(page, 'File de modération');
    const masked = await idea(server, hidden.title);
    assert.deepEqual([masked.status, masked.moderationNote], ['hidden', 'Nom d’un voisin cité.']);

    const citizen = await openPage(site.browser);
    const approved = await demoCard(citizen.page, server, PENDING);
    await approved.locator('[part~="idea-status"]', { hasText: 'Publiée' }).waitFor();
    const rejected = await demoCard(citizen.page, server, reported.title);
    await rejected.locator('[part~="idea-status"]', { hasText: 'Non retenue' }).waitFor();
    await rejected.locator('[part~="answer-text"]', { hasText: reason }).waitFor();
    assert.equal(await (await demoCard(citizen.page, server, hidden.title)).count(), 0, 'a hidden idea is not shown');
    assert.deepEqual(errors, []);
    await citizen.context.close();
    await context.close();
  });

  test('an idea’s status, official answer and merge into a duplicate found by its title; ideas exported as CSV', async () => {
    const { server } = site;
    const duplicate = await idea(server, 'Des bancs tous les 200 mètres pour les personnes âgées');
    const target = await idea(server, 'Rendre la rue Nationale piétonne le samedi');
    const { page, context } = await openConsole(site.browser, server, `/admin/idea-boxes/${BOX}`);
    await screen(page, 'Vos idées pour le centre-ville');
    const table = page.getByRole('table', { name: 'Idées, de la plus ancienne à la plus récente' });
    await table.getByRole('link', { name: duplicate.title }).click();
    await headingFocused(page, duplicate.title);
    assert.deepEqual(await axeViolations(page), [], 'the idea’s screen passes axe');

    await page.getByRole('radio', { name: 'À l’étude' }).check();
    await page.getByRole('button', { name: 'Enregistrer le statut' }).click();
    await notice(page).filter({ hasText: 'Le statut de l’idée est « À l’étude ».' }).waitFor();
    await page.getByLabel('Réponse de la ville').fill('Les services techniques recensent les trottoirs assez larges.');
    await page.getByRole('button', { name: 'Publier la réponse' }).click();
    await notice(page).filter({ hasText: 'La réponse officielle est publiée.' }).waitFor();
    const answered = await idea(server, duplicate.title);
    assert.equal(answered.status, 'under_review');
    assert.equal(answered.answer?.text, 'Les services techniques recensent les trottoirs assez larges.');

    await page.getByRole('button', { name: 'Fusionner…' }).click();
    await page.getByText('Cherchez puis choisissez l’idée qui remplace celle-ci.').waitFor();
    await page.getByLabel('Rechercher l’idée qui la remplace, par son titre').fill('piéton');
    await page.getByRole('status').filter({ hasText: '1 idée correspond.' }).waitFor();
    await page.getByRole('radio', { name: `${target.title} (Retenue)` }).check();
    assert.deepEqual(await axeViolations(page), [], 'the merge form with its matches passes axe');
    await page.getByRole('button', { name: 'Fusionner…' }).click();
    await page
      .getByRole('dialog', { name: 'Fusionner ces idées ?' })
      .getByRole('button', { name: 'Fusionner' })
      .click();
    await notice(page)
      .filter({ hasText: `est fusionnée dans « ${target.title} ».` })
      .waitFor();
    await page.getByRole('link', { name: target.title }).waitFor();
    const merged = await idea(server, duplicate.title);
    assert.deepEqual([merged.status, merged.mergedInto?.id], ['merged', target.id]);

    await page.getByRole('link', { name: 'Retour à la boîte à idées' }).click();
    await screen(page, 'Vos idées pour le centre-ville');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Télécharger en CSV les idées de « Vos idées pour le centre-ville »' }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), `${BOX}-ideas.csv`);
    assert.match(await readFile((await csv.path())!, 'utf8'), /Les services techniques recensent/);
    await context.close();
  });

  test('a box of many ideas is listed page by page, and by status', async () => {
    const { server } = site;
    const created = await admin(server, '/idea-boxes', {
      method: 'POST',
      body: JSON.stringify({ id: 'grande-boite', title: 'Grande boîte', moderation: 'post' }),
    });
    assert.equal(created.status, 201, await created.text());
    const recorded = await admin(server, '/idea-boxes/grande-boite/contributions', {
      method: 'POST',
      body: JSON.stringify({
        channel: 'meeting',
        location: 'Réunion publique, salle des fêtes',
        collectedOn: '2026-11-20',
        ideas: Array.from({ length: 60 }, (_, i) => ({
          title: `Idée de réunion ${String(i + 1).padStart(2, '0')}`,
          body: 'Recueillie en réunion publique.',
        })),
      }),
    });
    assert.equal(recorded.status, 201, await recorded.text());

    const { page, context, violations, errors } = await openConsole(
      site.browser,
      server,
      '/admin/idea-boxes/grande-boite',
    );
    await screen(page, 'Grande boîte');
    const table = page.getByRole('table', { name: /^Idées, de la plus ancienne à la plus récente/ });
    const rows = table.locator('tbody tr');
    await rows.nth(49).waitFor();
    assert.equal(await rows.count(), 50, 'the first page only');
    assert.match((await table.locator('caption').innerText()).trim(), /: 50 sur 60$/);
    assert.deepEqual(await axeViolations(page), [], 'the paged list passes axe');

    await page.getByRole('button', { name: 'Afficher les idées suivantes (10 de plus)' }).click();
    await rows.nth(59).waitFor();
    assert.equal(await rows.count(), 60);
    const firstOfPage = (await rows.nth(50).getByRole('link').innerText()).trim();
    assert.deepEqual(await focused(page), { tag: 'a', text: firstOfPage }, 'focus moves to the new page');
    const titles = (await table.locator('tbody th').allInnerTexts()).map((title) => title.trim()).sort();
    assert.deepEqual(
      titles,
      Array.from({ length: 60 }, (_, i) => `Idée de réunion ${String(i + 1).padStart(2, '0')}`),
      'every idea once',
    );
    assert.equal(await page.getByRole('button', { name: /^Afficher les idées suivantes/ }).count(), 0);

    await page.getByLabel('Idées affichées').selectOption({ label: 'En attente de modération' });
    await notice(page).filter({ hasText: '0 idée en tout.' }).waitFor();
    await page.getByText('Aucune idée n’a ce statut.').waitFor();
    await page.getByLabel('Idées affichées').selectOption({ label: 'Publiée' });
    await notice(page).filter({ hasText: '60 idées en tout.' }).waitFor();
    assert.equal(await rows.count(), 50, 'a new filter starts from the first page');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
