// Contributions from outside the web, recorded in the console: paper ballots of a poll counted with the web votes
// (apart and together), ballots of a budget checked by its rules, ideas collected at a meeting; each taken back.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AdminBudget } from '../../src/contract/budget.js';
import type { AdminIdeaBox, IdeasExport } from '../../src/contract/idea.js';
import type { AdminPoll } from '../../src/contract/poll.js';
import { axeViolations, focused, headingFocused, notice, openConsole, screen, tabTo } from './admin-console.js';
import { admin, demoSite, type RunningServer } from './harness.js';

const POLL = 'parc-des-tilleuls';
const BUDGET = 'budget-participatif-2027';
const BOX = 'idees-centre-ville';

async function read<T>(server: RunningServer, path: string): Promise<T> {
  const response = await admin(server, path);
  assert.equal(response.status, 200);
  return (await response.json()) as T;
}

/** A citizen votes through the public API, as a widget does. */
async function vote(server: RunningServer, choice: string): Promise<void> {
  const response = await fetch(`${server.url}/v1/polls/${POLL}/votes`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'parvis-voter': `voter-${crypto.randomUUID()}`,
      'idempotency-key': crypto.randomUUID(),
    },
    body: JSON.stringify({ choices: [choice] }),
  });
  assert.equal(response.status, 200, await response.text());
}

/** A checkbox's name starts with its project's title, then says its cost. */
const startingWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

const votesOf = (results: { options: Array<{ id: string; votes: number }> }, id: string) =>
  results.options.find((option) => option.id === id)?.votes ?? 0;

describe('contributions from outside the web in the admin console', () => {
  const site = demoSite();

  test('paper ballots of a poll are counted beside the web votes, apart and together, and taken back', async () => {
    const { server } = site;
    const before = await read<AdminPoll>(server, `/polls/${POLL}`);
    const [first, second] = before.options;
    await vote(server, first.id);
    const web = await read<AdminPoll>(server, `/polls/${POLL}`);

    const { page, context, violations, errors } = await openConsole(site.browser, server, '/admin/');
    await screen(page, 'Tableau de bord');
    await page.getByRole('link', { name: 'Contributions hors web' }).click();
    await headingFocused(page, 'Contributions hors web');
    assert.deepEqual(await axeViolations(page), [], 'the list of consultations passes axe');
    await page.getByRole('link', { name: before.question }).click();
    await headingFocused(page, 'Contributions hors web');
    await page.getByText(before.question).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the poll’s contributions pass axe');

    await page.getByLabel('Nombre de bulletins (facultatif)').fill('3');
    await page.getByLabel(first.label, { exact: true }).fill('5');
    await tabTo(page, 'Enregistrer les bulletins');
    await page.keyboard.press('Enter');
    const problems = page.getByRole('alert').filter({ hasText: 'Il y a un problème' });
    await problems.getByRole('link', { name: 'Saisissez où la contribution a été recueillie.' }).waitFor();
    await page.getByLabel('Lieu de recueil').fill('Mairie annexe des Acacias, urne papier');
    await page.getByRole('button', { name: 'Enregistrer les bulletins' }).click();
    await problems
      .getByRole('link', { name: `« ${first.label} » compte plus de bulletins qu’il n’y en a en tout.` })
      .waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the form with its mistakes passes axe');
    assert.equal(
      (await read<AdminPoll>(server, `/polls/${POLL}`)).results.voters,
      web.results.voters,
      'nothing counted',
    );

    await page.getByLabel('Nombre de bulletins (facultatif)').fill('');
    await page.getByLabel(first.label, { exact: true }).fill('12');
    await page.getByLabel(second.label, { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Enregistrer les bulletins' }).click();
    await notice(page).filter({ hasText: 'Les bulletins de 17 votants recueillis le' }).waitFor();
    assert.equal((await focused(page)).text, 'Contributions enregistrées (1)');

    const counted = await read<AdminPoll>(server, `/polls/${POLL}`);
    const byChannel = counted.results.byChannel!;
    assert.equal(votesOf(byChannel.paper, first.id), 12);
    assert.equal(votesOf(byChannel.web, first.id), votesOf(web.results, first.id));
    assert.equal(votesOf(counted.results, first.id), votesOf(web.results, first.id) + 12);
    assert.equal(counted.results.voters, web.results.voters + 17);

    const table = page.getByRole('table', { name: 'Votes par réponse et par canal' });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: first.label, exact: true }) });
    assert.deepEqual(await row.getByRole('cell').allInnerTexts(), [
      String(votesOf(web.results, first.id)),
      '12',
      '0',
      '0',
      '0',
      String(votesOf(web.results, first.id) + 12),
    ]);
    const recorded = page.getByRole('table', { name: /^Contributions enregistrées/ });
    await recorded.getByRole('cell', { name: 'Mairie annexe des Acacias, urne papier', exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the screen with a contribution passes axe');

    await recorded.getByRole('button', { name: /^Supprimer la contribution du/ }).click();
    await page
      .getByRole('dialog', { name: 'Supprimer cette contribution ?' })
      .getByRole('button', { name: 'Supprimer la contribution' })
      .click();
    await notice(page).filter({ hasText: 'est supprimée.' }).waitFor();
    await page.getByText('Aucune contribution enregistrée.').waitFor();
    const takenBack = await read<AdminPoll>(server, `/polls/${POLL}`);
    assert.deepEqual(takenBack.results, web.results);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('paper ballots of a budget are checked by its rules, then counted in each project’s results', async () => {
    const { server } = site;
    const before = await read<AdminBudget>(server, `/budgets/${BUDGET}`);
    const north = before.districts[1];
    const { page, context } = await openConsole(site.browser, server, `/admin/budgets/${BUDGET}/contributions`);
    await screen(page, 'Contributions hors web');
    assert.deepEqual(await axeViolations(page), [], 'the budget’s contributions pass axe');

    await page.getByRole('radio', { name: 'Réunion publique' }).check();
    await page.getByLabel('Lieu de recueil').fill('Réunion de quartier, salle des Landes');
    const ballot = page.getByRole('group', { name: 'Bulletin 1' });
    await ballot.getByLabel('Quartier').selectOption({ label: north.name });
    const expensive = before.projects
      .filter((project) => project.district === north.id)
      .sort((a, b) => b.cost - a.cost);
    for (const project of expensive.slice(0, 3))
      await ballot.getByRole('checkbox', { name: startingWith(project.title) }).check();
    await page.getByRole('button', { name: 'Enregistrer les bulletins' }).click();
    await page
      .getByRole('alert')
      .getByRole('link', { name: 'Bulletin 1 : Les projets choisis coûtent plus que l’enveloppe.' })
      .waitFor();

    await ballot.getByRole('checkbox', { name: startingWith(expensive[0].title) }).uncheck();
    await ballot.getByRole('checkbox', { name: startingWith(expensive[1].title) }).uncheck();
    await ballot.getByLabel('Nombre de bulletins identiques').fill('4');
    await page.getByRole('button', { name: 'Enregistrer les bulletins' }).click();
    await notice(page).filter({ hasText: 'Bulletins comptés : 4, recueillis le' }).waitFor();
    const after = await read<AdminBudget>(server, `/budgets/${BUDGET}`);
    assert.equal(after.results.byChannel!.meeting.ballots, 4);
    assert.equal(after.results.ballots, before.results.ballots + 4);

    await page.getByRole('link', { name: 'Voir les résultats de chaque projet, web et hors web' }).click();
    await screen(page, before.title);
    const chosen = expensive[2];
    const result = after.results.projects.find((entry) => entry.id === chosen.id)!;
    const row = page
      .getByRole('table', { name: `Résultats : ${north.name}` })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: chosen.title, exact: true }) });
    const cells = await row.getByRole('cell').allInnerTexts();
    assert.deepEqual(cells.slice(2, 5), [String(result.votes - 4), '4', String(result.votes)]);
    await context.close();
  });

  test('ideas collected at a meeting are published at once, counted by channel, and taken back together', async () => {
    const { server } = site;
    const { page, context } = await openConsole(site.browser, server, `/admin/idea-boxes/${BOX}/contributions`);
    await screen(page, 'Contributions hors web');
    await page.getByRole('radio', { name: 'Réunion publique' }).check();
    await page.getByLabel('Lieu de recueil').fill('Conseil de quartier du centre, 12 mars');
    await page.getByRole('group', { name: 'Idée 1' }).getByLabel('Titre').fill('Un marché de producteurs le mercredi');
    await page
      .getByRole('group', { name: 'Idée 1' })
      .getByLabel('Description')
      .fill('Sur la place du Marché, en fin de journée.');
    await page.getByRole('button', { name: 'Ajouter une idée' }).click();
    assert.equal((await focused(page)).tag, 'input', 'focus goes to the new idea’s title');
    await page.keyboard.type('Des fontaines à eau dans les parcs');
    await page.getByRole('button', { name: 'Enregistrer les idées' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Saisissez la description de l’idée 2.' }).waitFor();
    await page.getByRole('group', { name: 'Idée 2' }).getByLabel('Description').fill('Pour les familles, l’été.');
    await page.getByRole('group', { name: 'Idée 2' }).getByLabel('Catégorie').selectOption({ label: 'Espaces verts' });
    await page.getByRole('button', { name: 'Enregistrer les idées' }).click();
    await notice(page).filter({ hasText: '2 idées recueillies le' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the screen with recorded ideas passes axe');

    const { ideas } = await read<IdeasExport>(server, `/idea-boxes/${BOX}/ideas.json`);
    const fountains = ideas.find((idea) => idea.title === 'Des fontaines à eau dans les parcs');
    assert.deepEqual(
      [fountains?.status, fountains?.channel, fountains?.category],
      ['published', 'meeting', 'espaces-verts'],
    );
    const box = await read<AdminIdeaBox>(server, `/idea-boxes/${BOX}`);
    assert.equal(box.ideasByChannel!.meeting, 2);
    const table = page.getByRole('table', { name: 'Idées visibles, par canal de dépôt' });
    assert.equal(
      await table
        .getByRole('row', { name: /^Idées visibles/ })
        .getByRole('cell')
        .nth(2)
        .innerText(),
      '2',
    );

    await page.getByRole('button', { name: /^Supprimer la contribution du/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Supprimer la contribution' }).click();
    await notice(page).filter({ hasText: 'est supprimée.' }).waitFor();
    const left = await read<IdeasExport>(server, `/idea-boxes/${BOX}/ideas.json`);
    assert.equal(
      left.ideas.some((idea) => idea.channel === 'meeting'),
      false,
    );
    await context.close();
  });
});
