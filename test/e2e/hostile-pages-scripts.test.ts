// Scripts of the host page that change the built-ins the widgets rely on:
// Prototype.js 1.6's additions to arrays, old polyfills put over the native
// methods, an analytics tag that wraps fetch and JSON. Every widget still reads, and every participation reaches the
// server as the contract says.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import {
  axeViolations,
  ballots,
  castBallotByKeyboard,
  citySite,
  createPoll,
  openCityPage,
  pollVoters,
  supportByKeyboard,
  supports,
  tabUntil,
  voteInPollByKeyboard,
} from './hostile/city-site.js';

const BUDGET = 'budget-participatif-2027';

describe('widgets on a page whose scripts patch the built-ins', () => {
  const site = citySite();

  before(async () => {
    await createPoll(site.parvis, 'hostile-legacy');
  });

  test('Prototype.js 1.6, old polyfills and a fetch-wrapping analytics tag: every widget reads, and every vote is recorded', async () => {
    const { page, context, violations, errors } = await openCityPage(site, '/legacy.html');
    assert.equal(
      await page.evaluate(() => typeof Object.getOwnPropertyDescriptor(Array.prototype, 'toJSON')?.value),
      'function',
    );
    await page.locator('parvis-budget').getByRole('radio').first().waitFor();
    await page.locator('parvis-idea-box').getByRole('button').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);

    await voteInPollByKeyboard(page, 'hostile-legacy');
    assert.equal(await pollVoters(site.parvis, 'hostile-legacy'), 1);
    await supportByKeyboard(page, 'hostile-legacy-news');
    assert.equal(await supports(site.parvis, site.origin, 'hostile-legacy-news'), 1);

    const box = 'parvis-idea-box[box="idees-centre-ville"]';
    await tabUntil(page, (f) => f.host === box && f.tag === 'input');
    await page.keyboard.type('Un marché de producteurs le mercredi soir');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pour celles et ceux qui travaillent le samedi matin.');
    await tabUntil(page, (f) => f.host === box && f.text === 'Envoyer mon idée');
    await page.keyboard.press('Enter');
    await page.locator(box).getByText('Merci, votre idée est publiée.').waitFor({ timeout: 20_000 });

    const before = await ballots(site.parvis, BUDGET);
    await castBallotByKeyboard(page);
    assert.equal(await ballots(site.parvis, BUDGET), before + 1);

    const measured = await page.evaluate(
      () => (window as unknown as { cityAnalytics: Array<{ url?: string }> }).cityAnalytics,
    );
    assert.ok(
      measured.some((entry) => entry.url?.startsWith(`${site.parvis.url}/v1/`)),
      'the widgets’ requests went through the page’s fetch',
    );
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('Prototype.js 1.6: a ballot being built survives a reload', async () => {
    const { page, context, errors } = await openCityPage(site, '/legacy.html');
    const budget = page.locator('parvis-budget');
    await budget.getByRole('radio').first().check();
    const project = budget.getByRole('checkbox').first();
    await project.check();
    await page.reload();
    await budget.getByRole('checkbox').first().waitFor();
    assert.equal(await budget.getByRole('checkbox').first().isChecked(), true, 'the project chosen is still chosen');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
