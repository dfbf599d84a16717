// A citizen votes on the demo page served by the real server, in real Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { admin, demoSite, openPage, type RunningServer } from './harness.js';

const POLL = 'parc-des-tilleuls';

async function voters(server: RunningServer, pollId: string): Promise<number> {
  const response = await admin(server, `/polls/${pollId}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { results: { voters: number } }).results.voters;
}

function poll(page: Page, id = POLL) {
  return page.locator(`parvis-poll[poll="${id}"]`);
}

/** Chooses the first option and votes; returns the option's label. */
async function voteForFirstOption(page: Page, id = POLL): Promise<string> {
  const widget = poll(page, id);
  const first = widget.getByRole('radio').first();
  await first.waitFor();
  const label = await widget.locator('[part~="option-label"]').first().innerText();
  await first.check();
  await widget.getByRole('button', { name: 'Voter' }).click();
  return label;
}

async function myVote(page: Page, id = POLL): Promise<string> {
  const mine = poll(page, id).locator('[part~="my-vote"]');
  await mine.waitFor();
  return mine.innerText();
}

describe('the poll on the demo page', () => {
  const site = demoSite();

  test('a vote is recorded, shown after a reload and still counted after a restart', async () => {
    const { page, context, violations } = await openPage(site.browser);
    await page.goto(`${site.server.url}/`);
    const before = await voters(site.server, POLL);

    const choice = await voteForFirstOption(page);
    await poll(page).getByRole('status').filter({ hasText: 'Merci, votre vote est enregistré.' }).waitFor();
    assert.equal(await voters(site.server, POLL), before + 1);

    await page.reload();
    assert.match(await myVote(page), new RegExp(choice), 'own choice shown after reload');

    await site.restart();
    assert.equal(await voters(site.server, POLL), before + 1, 'the vote survives a restart');
    await page.reload();
    assert.match(await myVote(page), new RegExp(choice));
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation on the demo page');
    await context.close();
  });

  test('a vote made while the network is cut is sent when it returns', async () => {
    const { page, context } = await openPage(site.browser);
    await page.goto(`${site.server.url}/`);
    await poll(page).getByRole('radio').first().waitFor();
    const before = await voters(site.server, POLL);

    await context.setOffline(true);
    const choice = await voteForFirstOption(page);
    const pending = poll(page).getByRole('status').filter({ hasText: 'votre vote sera envoyé' });
    await pending.waitFor();
    assert.equal(await voters(site.server, POLL), before, 'nothing reached the server while offline');

    await context.setOffline(false);
    await poll(page).getByRole('status').filter({ hasText: 'Merci, votre vote est enregistré.' }).waitFor();
    assert.equal(await voters(site.server, POLL), before + 1);
    assert.match(await myVote(page), new RegExp(choice));
    await context.close();
  });
});
