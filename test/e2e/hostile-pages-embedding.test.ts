// Where a city's pages put the widgets: inside the form that wraps a whole
// CMS page, in a frame, in a modal dialog; with the script pasted twice, or
// next to an element of the same name the theme defined first.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import {
  ballots,
  castBallotByKeyboard,
  citySite,
  createPoll,
  openCityPage,
  pollVoters,
  axeViolations,
  supportByKeyboard,
  supports,
  tabUntil,
  voteInPollByKeyboard,
  type CitySite,
} from './hostile/city-site.js';

const BUDGET = 'budget-participatif-2027';

/** Notes every navigation of the page's main frame and every request the host's own form would send. */
function watchHostForm(page: Page, site: CitySite): { navigations: string[]; posts: string[] } {
  const seen = { navigations: [] as string[], posts: [] as string[] };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.navigations.push(frame.url());
  });
  page.on('request', (request) => {
    if (request.url().startsWith(site.origin) && (request.method() === 'POST' || /submitted/.test(request.url()))) {
      seen.posts.push(`${request.method()} ${request.url()}`);
    }
  });
  return seen;
}

describe('widgets where city pages put them', () => {
  const site = citySite();

  before(async () => {
    for (const page of ['form', 'iframe', 'dialog', 'twice', 'older-tag'])
      await createPoll(site.parvis, `hostile-${page}`);
  });

  test('inside the form wrapping the whole page, Enter and the widgets’ buttons never submit it', async () => {
    const { page, context, violations, errors } = await openCityPage(site, '/form.html');
    const host = watchHostForm(page, site);
    await page.locator('parvis-budget').getByRole('radio').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);

    // Enter on a chosen answer submits the poll's own form, not the page's.
    const poll = 'parvis-poll[poll="hostile-form"]';
    await page.locator(poll).getByRole('radio').first().waitFor();
    await tabUntil(page, (f) => f.host === poll && f.type === 'radio');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.locator(poll).getByRole('status').filter({ hasText: 'Merci, votre vote est enregistré.' }).waitFor();
    assert.equal(await pollVoters(site.parvis, 'hostile-form'), 1);

    // Enter on the vote button.
    const vote = 'parvis-vote[subject="hostile-form-news"]';
    await tabUntil(page, (f) => f.host === vote && f.tag === 'button');
    await page.keyboard.press('Enter');
    await page.locator(vote).getByRole('status').filter({ hasText: 'Votre soutien est enregistré.' }).waitFor();
    assert.equal(await supports(site.parvis, site.origin, 'hostile-form-news'), 1);

    // Enter in the idea's title sends the idea.
    const box = 'parvis-idea-box[box="idees-centre-ville"]';
    await tabUntil(page, (f) => f.host === box && f.tag === 'input');
    await page.keyboard.type('Des bancs à l’ombre place du Marché');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Il n’y a aucun banc à l’ombre autour du marché du samedi.');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.locator(box).getByText('Merci, votre idée est publiée.').waitFor({ timeout: 20_000 });

    const before = await ballots(site.parvis, BUDGET);
    await castBallotByKeyboard(page);
    assert.equal(await ballots(site.parvis, BUDGET), before + 1);

    assert.deepEqual(host.posts, [], 'the page’s form was never submitted');
    assert.deepEqual(host.navigations, [], 'the page never navigated');
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    // While Enter in the page's own search field does submit the page's form.
    await page.getByLabel('Rechercher sur le site').press('Enter');
    await page.waitForURL(/submitted/);
    assert.equal(host.posts.length, 1);
    await context.close();
  });

  test('in a frame from another of the city’s sites, the widgets work by keyboard', async () => {
    const { page, context, violations, errors } = await openCityPage(site, '/iframe.html');
    const frame = page.frameLocator('iframe');
    await frame.locator('parvis-vote').getByRole('button').waitFor();
    const inner = page.frames().find((candidate) => candidate.url().startsWith(site.otherOrigin))!;
    assert.ok(inner, 'the frame loaded');
    assert.deepEqual(await axeViolations(page), []);

    await voteInPollByKeyboard(page, 'hostile-iframe', inner);
    assert.equal(await pollVoters(site.parvis, 'hostile-iframe'), 1);
    await supportByKeyboard(page, 'hostile-iframe-news', inner);
    assert.equal(await supports(site.parvis, site.otherOrigin, 'hostile-iframe-news'), 1);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('in a modal dialog, with a widget added when it opens, the widgets work by keyboard', async () => {
    const { page, context, violations, errors } = await openCityPage(site, '/dialog.html');
    await tabUntil(page, (f) => f.text === 'Donner mon avis');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Votre avis sur la piscine' });
    await dialog.locator('parvis-vote').getByRole('button').waitFor();
    await dialog.locator('parvis-poll').getByRole('radio').first().waitFor();
    assert.deepEqual(await axeViolations(page), []);

    await voteInPollByKeyboard(page, 'hostile-dialog');
    assert.equal(await pollVoters(site.parvis, 'hostile-dialog'), 1);
    await supportByKeyboard(page, 'hostile-dialog-news');
    assert.equal(await supports(site.parvis, site.origin, 'hostile-dialog-news'), 1);
    assert.ok(await dialog.isVisible(), 'voting left the dialog open');

    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the script pasted three times: one copy runs, the others warn and stay idle', async () => {
    const { page, context, violations, errors, warnings, requests } = await openCityPage(site, '/twice.html');
    await page.locator('parvis-budget').getByRole('radio').first().waitFor();
    await page.locator('parvis-idea-box').getByRole('button').first().waitFor();
    await voteInPollByKeyboard(page, 'hostile-twice');
    assert.equal(await pollVoters(site.parvis, 'hostile-twice'), 1);
    await supportByKeyboard(page, 'hostile-twice-news');
    assert.equal(await supports(site.parvis, site.origin, 'hostile-twice-news'), 1);

    assert.equal(warnings.filter((text) => /already loaded/.test(text)).length, 1, warnings.join('\n'));
    const reads = requests.filter((request) => request.url().includes('/v1/polls/hostile-twice'));
    assert.equal(reads.filter((request) => request.method() === 'GET').length, 1, 'the poll is read once');
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a <parvis-poll> the theme defined first stays; Parvis warns, and the other widgets work', async () => {
    const { page, context, violations, errors, warnings } = await openCityPage(site, '/older-tag.html');
    await page.locator('parvis-budget').getByRole('radio').first().waitFor();
    await page.locator('parvis-idea-box').getByRole('button').first().waitFor();
    assert.equal(await page.locator('parvis-poll').getAttribute('data-older'), 'yes', 'the theme’s element stays');
    assert.ok(await page.getByRole('link', { name: 'Répondre au sondage' }).isVisible(), 'with its fallback link');
    assert.ok(
      warnings.some((text) => /<parvis-poll> is already defined by another script/.test(text)),
      `a warning names the tag taken: ${warnings.join('\n')}`,
    );

    await supportByKeyboard(page, 'hostile-older-tag-news');
    assert.equal(await supports(site.parvis, site.origin, 'hostile-older-tag-news'), 1);
    const before = await ballots(site.parvis, BUDGET);
    await castBallotByKeyboard(page);
    assert.equal(await ballots(site.parvis, BUDGET), before + 1);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
