// A citizen builds and casts a participatory-budget ballot on the demo page, in real Chromium;
// the city closes the vote and publishes the results through the admin API.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AdminBudget } from '../../src/contract/budget.js';
import { admin, demoSite, openPage, type RunningServer } from './harness.js';

const BUDGET = 'budget-participatif-2027';

async function ballots(server: RunningServer): Promise<number> {
  const response = await admin(server, `/budgets/${BUDGET}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as AdminBudget).results.ballots;
}

describe('the participatory budget on the demo page', () => {
  const site = demoSite();

  test('a ballot is cast, shown as cast after a reload, and counted in the published results', async () => {
    const { server } = site;
    const { page, context, violations } = await openPage(site.browser);
    await page.goto(`${server.url}/`);
    const budget = page.locator(`parvis-budget[budget="${BUDGET}"]`);
    const before = await ballots(server);

    await budget.getByRole('radio').first().check();
    const projects = budget.getByRole('checkbox');
    await projects.first().waitFor();
    const first = projects.first();
    // The checkbox is named "Je choisis ce projet : <title>".
    const label = await first.evaluate((input) => (input as HTMLInputElement).labels![0].textContent!);
    const title = label.split(' : ')[1].trim();
    await first.check();
    await budget.getByRole('button', { name: 'Vérifier mon vote' }).click();
    await budget.getByRole('button', { name: 'Envoyer mon vote' }).click();
    const mine = budget.locator('[part~="my-ballot"]');
    await mine.locator('[part~="notice"]', { hasText: 'Enregistré le' }).waitFor();
    assert.equal(await ballots(server), before + 1);
    assert.match(await mine.innerText(), new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

    await page.reload();
    await mine.locator('[part~="notice"]', { hasText: 'Enregistré le' }).waitFor();

    for (const action of ['close', 'publish']) {
      const response = await admin(server, `/budgets/${BUDGET}/${action}`, { method: 'POST' });
      assert.equal(response.status, 200, `${action}: ${await response.text()}`);
    }
    await page.reload();
    const results = budget.locator('[part~="results"]');
    await results.waitFor();
    assert.match(await results.innerText(), new RegExp(`Participation : ${before + 1}`));
    assert.ok((await results.locator('[part~="funded"]').count()) > 0, 'each project says whether it is funded');
    assert.match(await results.innerText(), /\(votre choix\)/);
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation on the demo page');
    await context.close();
  });
});
