// A participation officer runs participatory budgets from the console: create with districts and projects, edit
// (what ballots froze is shown read-only, with why), open, close, publish the results, read them per district, export.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AdminBudget, BallotsExport } from '../../src/contract/budget.js';
import { axeViolations, focused, headingFocused, notice, openConsole, screen, tabTo } from './admin-console.js';
import { admin, demoSite, type RunningServer } from './harness.js';

const DEMO = 'budget-participatif-2027';

async function readBudget(server: RunningServer, id: string): Promise<AdminBudget> {
  const response = await admin(server, `/budgets/${id}`);
  assert.equal(response.status, 200);
  return (await response.json()) as AdminBudget;
}

function summary(page: Page) {
  return page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
}

/** The money as the console writes it: « 160 000 € », with the narrow spaces of French. */
const euros = (amount: number) =>
  new Intl.NumberFormat('fr', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(amount);

describe('participatory budgets in the admin console', () => {
  const site = demoSite();

  test('creating a budget with districts and projects: each mistake is said next to its field', async () => {
    const { page, context, violations, errors } = await openConsole(site.browser, site.server, '/admin/budgets');
    await screen(page, 'Budgets participatifs');
    await page.getByRole('table', { name: 'Budgets participatifs : statut, dates et participation' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the list of budgets passes axe');
    await page.getByRole('link', { name: 'Créer un budget' }).click();
    await headingFocused(page, 'Créer un budget participatif');
    assert.deepEqual(await axeViolations(page), [], 'the empty form passes axe');

    await page.getByRole('button', { name: 'Créer le budget' }).click();
    const links = summary(page).getByRole('link');
    await links.first().waitFor();
    assert.deepEqual(await links.allInnerTexts(), [
      'Saisissez le titre du budget.',
      'Saisissez un identifiant.',
      'Saisissez le titre du projet 1, ou retirez-le.',
      'Saisissez le résumé du projet 1.',
      'Saisissez le coût du projet 1, en euros entiers, plus de 0.',
    ]);
    assert.deepEqual(await axeViolations(page), [], 'the form with its mistakes passes axe');

    await page.getByLabel('Titre', { exact: true }).first().fill('Budget des écoles 2027');
    await page.getByRole('button', { name: 'Ajouter un quartier' }).click();
    assert.equal((await focused(page)).tag, 'input', 'focus goes to the new district');
    await page.keyboard.type('Centre');
    await page.getByLabel('Enveloppe du quartier 1 (€)').fill('100000');
    await page.getByRole('button', { name: 'Ajouter un quartier' }).click();
    await page.keyboard.type('Hameaux');
    await page.getByLabel('Enveloppe du quartier 2 (€)').fill('50000');
    assert.equal(await page.getByLabel('Enveloppe du budget (€)').count(), 0, 'districts make the envelope');

    const project = (n: number) => page.getByRole('group', { name: new RegExp(`^Projet ${n}( :|$)`) });
    await project(1).getByLabel('Titre', { exact: true }).fill('Cour végétalisée');
    await project(1).getByLabel('Résumé').fill('Des arbres et un sol perméable dans la cour de l’école Jules-Ferry.');
    await project(1).getByLabel('Coût (€)').fill('60000');
    await project(1).getByLabel('Quartier').selectOption({ label: 'Centre' });
    await project(1).getByLabel('Adresse de l’image (facultatif)').fill('http://exemple.fr/cour.jpg');
    await page.getByRole('button', { name: 'Ajouter un projet' }).click();
    await page.keyboard.type('Verger pédagogique');
    await project(2).getByLabel('Résumé').fill('Vingt arbres fruitiers à l’école des Landes.');
    await project(2).getByLabel('Coût (€)').fill('70000');
    await project(2).getByLabel('Quartier').selectOption({ label: 'Hameaux' });
    await page.getByRole('button', { name: 'Créer le budget' }).click();
    await summary(page)
      .getByRole('link', {
        name: 'L’adresse de l’image du projet 1 doit commencer par https:// (ou par / pour une image de ce serveur).',
      })
      .waitFor();
    await project(1).getByLabel('Adresse de l’image (facultatif)').fill('https://exemple.fr/cour.jpg');
    await project(1).getByLabel('Texte de remplacement de l’image').fill('La cour plantée, vue du préau');
    await page.getByRole('button', { name: 'Créer le budget' }).click();
    const over = summary(page).getByRole('link', {
      name: 'Le projet 2 coûte plus que son enveloppe : il ne pourrait jamais être financé.',
    });
    await over.waitFor();
    await over.click();
    assert.equal((await focused(page)).tag, 'input', 'the mistake’s link takes focus to the cost');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('20000');
    await page.getByRole('button', { name: 'Créer le budget' }).click();

    await headingFocused(page, 'Budget des écoles 2027');
    await notice(page).filter({ hasText: 'Le budget « Budget des écoles 2027 » est créé.' }).waitFor();
    const created = await readBudget(site.server, 'budget-des-ecoles-2027');
    assert.deepEqual(created.districts, [
      { id: 'centre', name: 'Centre', envelope: 100000 },
      { id: 'hameaux', name: 'Hameaux', envelope: 50000 },
    ]);
    assert.equal(created.total, 150000);
    assert.deepEqual(
      created.projects.map(({ id, cost, district, image }) => ({ id, cost, district, image })),
      [
        {
          id: 'cour-vegetalisee',
          cost: 60000,
          district: 'centre',
          image: { url: 'https://exemple.fr/cour.jpg', alt: 'La cour plantée, vue du préau' },
        },
        { id: 'verger-pedagogique', cost: 20000, district: 'hameaux', image: null },
      ],
    );
    assert.deepEqual(await axeViolations(page), [], 'the budget’s screen passes axe');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('once ballots were cast, the rule, envelopes and costs are shown read-only with why; the wording still changes', async () => {
    const before = await readBudget(site.server, DEMO);
    const { page, context } = await openConsole(site.browser, site.server, `/admin/budgets/${DEMO}/edit`);
    await screen(page, 'Modifier le budget');
    const frozen = page.getByRole('region', { name: 'Règles du vote' });
    await frozen
      .getByText(
        `La règle, les limites, les enveloppes et les coûts ne peuvent plus changer : ${before.results.ballots} bulletins ont déjà été déposés.`,
      )
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Ajouter un projet' }).count(), 0, 'no project can be added');
    assert.equal(await page.getByLabel('Coût (€)').count(), 0, 'no cost can be edited');
    assert.equal(await page.getByRole('radio', { name: /^Par approbation/ }).count(), 0, 'the rule cannot change');
    assert.deepEqual(await axeViolations(page), [], 'the frozen form passes axe');

    const first = page.getByRole('group', { name: /^Projet 1 :/ });
    await first.getByLabel('Titre', { exact: true }).fill('Une aire de jeux ombragée au square');
    await page.getByLabel('Nom du quartier 1').fill('Centre-ville et bords de Loire');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await headingFocused(page, before.title);
    const after = await readBudget(site.server, DEMO);
    assert.equal(after.projects[0].title, 'Une aire de jeux ombragée au square');
    assert.equal(after.districts[0].name, 'Centre-ville et bords de Loire');
    assert.deepEqual(
      after.projects.map(({ id, cost, district }) => [id, cost, district]),
      before.projects.map(({ id, cost, district }) => [id, cost, district]),
    );
    await context.close();
  });

  test('closing and publishing by keyboard; results per district beside their chart; results and ballots exported', async () => {
    const { page, context } = await openConsole(site.browser, site.server, '/admin/');
    const budget = await readBudget(site.server, DEMO);
    await screen(page, 'Tableau de bord');
    await page
      .getByRole('table', { name: 'Budgets participatifs : statut, dates et participation' })
      .getByRole('link', { name: budget.title, exact: true })
      .click();
    await headingFocused(page, budget.title);

    await tabTo(page, 'Clore le vote');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Clore ce vote ?' }).waitFor();
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).text, 'Clore le vote');
    await page.keyboard.press('Enter');
    await notice(page).filter({ hasText: 'est clos.' }).waitFor();
    assert.equal((await readBudget(site.server, DEMO)).status, 'closed');
    await tabTo(page, 'Publier les résultats');
    await page.keyboard.press('Enter');
    await page
      .getByRole('dialog', { name: 'Publier les résultats ?' })
      .getByRole('button', { name: 'Publier les résultats' })
      .click();
    await notice(page).filter({ hasText: 'sont publiés.' }).waitFor();
    const published = await readBudget(site.server, DEMO);
    assert.ok(published.resultsPublishedAt);
    assert.equal((await fetch(`${site.server.url}/v1/budgets/${DEMO}/results.json`)).status, 200, 'results are public');

    await page.getByText('Dans chaque enveloppe (chaque quartier, ou tout le budget), les projets sont pris').waitFor();
    for (const district of published.districts) {
      const table = page.getByRole('table', { name: `Résultats : ${district.name}` });
      const chart = page.getByRole('img', { name: /^Diagramme en barres/ }).nth(published.districts.indexOf(district));
      const description = (await chart.getAttribute('aria-label')) ?? '';
      for (const result of published.results.projects) {
        const project = published.projects.find((entry) => entry.id === result.id)!;
        if (project.district !== district.id) continue;
        const row = table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: project.title, exact: true }) });
        assert.deepEqual(await row.getByRole('cell').allInnerTexts(), [
          String(result.rank),
          euros(project.cost),
          String(result.votes),
          '0',
          String(result.votes),
          result.funded ? 'Oui' : 'Non',
        ]);
        assert.ok(
          description.includes(`${project.title}, ${result.votes} votes, ${result.funded ? 'financé' : 'non financé'}`),
        );
      }
    }
    assert.deepEqual(await axeViolations(page), [], 'the results pass axe');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Télécharger en CSV les résultats de « ${budget.title} »` }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), `${DEMO}-results.csv`);
    assert.match(await readFile((await csv.path())!, 'utf8'), /^project_id,title,district/);
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: `Télécharger en JSON les bulletins de « ${budget.title} »` }).click(),
    ]);
    const ballots = JSON.parse(await readFile((await json.path())!, 'utf8')) as BallotsExport;
    assert.equal(ballots.budget.id, DEMO);
    assert.ok(ballots.ballots.length > 0);
    await context.close();
  });
});
