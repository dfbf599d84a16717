// A citizen proposes an idea on the demo page, in real Chromium; the city approves it through
// the admin API; it appears with its status, and a support given to it survives a reload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ModerationQueue } from '../../src/contract/idea.js';
import { admin, demoSite, openPage } from './harness.js';

const BOX = 'idees-centre-ville';

describe('the idea box on the demo page', () => {
  const site = demoSite();

  test('an idea is submitted, approved by the city, shown with its status and supported', async () => {
    const { server } = site;
    // The city reviews ideas before publishing them.
    const settings = await admin(server, `/idea-boxes/${BOX}`, {
      method: 'PATCH',
      body: JSON.stringify({ moderation: 'pre' }),
    });
    assert.equal(settings.status, 200, await settings.text());

    const { page, context, violations } = await openPage(site.browser);
    await page.goto(`${server.url}/`);
    const box = page.locator(`parvis-idea-box[box="${BOX}"]`);
    const title = 'Un abri pour attendre la navette du samedi';
    await box.getByLabel('Titre de votre idée').fill(title);
    await box
      .getByLabel('Description', { exact: true })
      .fill('L’arrêt de la navette du marché n’a ni banc ni toit : on attend sous la pluie.');
    await box.getByRole('button', { name: 'Envoyer mon idée' }).click();
    await box.getByText('Elle sera publiée après relecture par la ville.').waitFor();

    const queue = (await (await admin(server, `/idea-boxes/${BOX}/queue`)).json()) as ModerationQueue;
    const submitted = queue.ideas.find((idea) => idea.title === title);
    assert.ok(submitted, 'the idea waits in the moderation queue');
    assert.equal(submitted.status, 'pending');
    const approval = await admin(server, `/ideas/${submitted.id}/approve`, { method: 'POST' });
    assert.equal(approval.status, 200, await approval.text());

    await page.reload();
    await box.getByLabel('Trier par').selectOption('new');
    const card = box.locator('article', { hasText: title });
    await card.locator('[part~="idea-status"]', { hasText: 'Publiée' }).waitFor();

    const support = card.getByRole('button', { name: /Soutenir/ });
    await support.click();
    await card.locator('[part~="support"][aria-pressed="true"]').waitFor();
    const stored = (await (await admin(server, `/ideas/${submitted.id}`)).json()) as { supports: number };
    assert.equal(stored.supports, 1);

    await page.reload();
    await box.getByLabel('Trier par').selectOption('new');
    await box.locator('article', { hasText: title }).locator('[part~="support"][aria-pressed="true"]').waitFor();
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation on the demo page');
    await context.close();
  });
});
