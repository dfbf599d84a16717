// The admin console in English: the browser's language, the switch to French and back, remembered in this browser.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AdminBudget } from '../../src/contract/budget.js';
import type { AdminPoll } from '../../src/contract/poll.js';
import { axeViolations, focused, notice, openConsolePage } from './admin-console.js';
import { admin, ADMIN_TOKEN, demoSite, type RunningServer } from './harness.js';

const ENGLISH_NAV = [
  'Dashboard',
  'Polls',
  'Idea boxes',
  'Participatory budgets',
  'Vote buttons',
  'Offline contributions',
  'Embed a widget',
];
const ENGLISH_DATE =
  /\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/;
const FRENCH_DATE =
  /\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b/;

/** Waits until the screen's heading is `name` and the page is titled after it, in the console's language. */
async function screenIn(page: Page, name: string, suffix: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
  await page.waitForFunction((title) => document.title === title, `${name} – ${suffix}`);
}

async function signInInEnglish(page: Page): Promise<void> {
  await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function htmlLang(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

async function readJson<T>(server: RunningServer, path: string): Promise<T> {
  const response = await admin(server, path);
  assert.equal(response.status, 200);
  return (await response.json()) as T;
}

describe('the admin console in English', () => {
  const site = demoSite();

  test('a browser in British English gets the sign-in screen, the dashboard and their figures in English', async () => {
    const { page, context, violations } = await openConsolePage(site.browser, 'en-GB');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${site.server.url}/admin/`);
    await screenIn(page, 'Sign in to the console', 'Parvis console');
    assert.equal(await htmlLang(page), 'en');
    assert.equal(await page.locator('.skip-link').innerText(), 'Skip to main content');
    const toFrench = page.getByRole('button', { name: 'Français' });
    assert.equal(await toFrench.getAttribute('lang'), 'fr', 'the switch names French in French');
    assert.deepEqual(await axeViolations(page), [], 'the English sign-in screen passes axe');

    await page.getByRole('button', { name: 'Sign in' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Enter your admin token.' }).waitFor();

    await signInInEnglish(page);
    await screenIn(page, 'Dashboard', 'Parvis console');
    const nav = page.getByRole('navigation', { name: 'Main menu' });
    assert.deepEqual(await nav.getByRole('link').allInnerTexts(), ENGLISH_NAV);
    assert.equal(await nav.getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current'), 'page');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();

    const poll = await readJson<AdminPoll>(site.server, '/polls/parc-des-tilleuls');
    const polls = page.getByRole('table', { name: 'Polls: status, dates and participation' });
    assert.deepEqual(await polls.getByRole('columnheader').allInnerTexts(), [
      'Consultation',
      'Status',
      'Opens',
      'Closes',
      'Participation',
      'Actions',
    ]);
    const row = await polls.getByRole('row').filter({ hasText: poll.question }).innerText();
    const voters = new Intl.NumberFormat('en-GB').format(poll.results.voters);
    assert.match(row, new RegExp(`Open[\\s\\S]*${voters} voters?\\b`), 'status and participation in English');
    assert.match(row, ENGLISH_DATE, 'dates in English');
    assert.doesNotMatch(row, FRENCH_DATE);
    assert.deepEqual(await axeViolations(page), [], 'the English dashboard passes axe');
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing is kept until the officer chooses');

    const budget = await readJson<AdminBudget>(site.server, '/budgets/budget-participatif-2027');
    await nav.getByRole('link', { name: 'Participatory budgets' }).click();
    await page.getByRole('link', { name: budget.title, exact: true }).click();
    await screenIn(page, budget.title, 'Parvis console');
    const money = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: budget.currency,
      maximumFractionDigits: 0,
    });
    await page.getByText(money.format(budget.total), { exact: false }).first().waitFor();
    await page.getByRole('button', { name: 'Close voting' }).waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the English budget screen passes axe');

    assert.deepEqual(violations, [], 'no Content-Security-Policy violation');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('the switch to Français and back is remembered in this browser, and <html lang> follows', async () => {
    const { page, context } = await openConsolePage(site.browser, 'en-GB');
    await page.goto(`${site.server.url}/admin/`);
    await screenIn(page, 'Sign in to the console', 'Parvis console');
    await signInInEnglish(page);
    await screenIn(page, 'Dashboard', 'Parvis console');

    await page.getByRole('button', { name: 'Français' }).click();
    await screenIn(page, 'Tableau de bord', 'Console Parvis');
    assert.equal(await htmlLang(page), 'fr');
    await notice(page).filter({ hasText: 'La console est maintenant en français.' }).waitFor();
    const toEnglish = page.getByRole('button', { name: 'English' });
    assert.equal(await toEnglish.getAttribute('lang'), 'en', 'the switch names English in English');
    assert.deepEqual(await focused(page), { tag: 'button', text: 'English' }, 'focus stays on the switch');
    const nav = page.getByRole('navigation', { name: 'Menu principal' });
    await nav.getByRole('link', { name: 'Sondages' }).waitFor();
    const polls = page.getByRole('table', { name: 'Sondages : statut, dates et participation' });
    assert.match(await polls.getByRole('row').nth(1).innerText(), FRENCH_DATE, 'dates follow the switch');
    assert.match(await polls.getByRole('row').nth(1).innerText(), /votants?\b/, 'so do counts');
    assert.equal(await page.evaluate(() => localStorage.getItem('parvis-admin-language')), 'fr');

    await page.reload();
    await screenIn(page, 'Tableau de bord', 'Console Parvis');
    assert.equal(await htmlLang(page), 'fr', 'the choice outlasts a reload, over the browser’s language');

    await nav.getByRole('link', { name: 'Sondages' }).click();
    await screenIn(page, 'Sondages', 'Console Parvis');
    await toEnglish.click();
    await screenIn(page, 'Polls', 'Parvis console');
    assert.equal(await htmlLang(page), 'en');
    await notice(page).filter({ hasText: 'The console is now in English.' }).waitFor();
    await page.getByRole('link', { name: 'Create a poll' }).waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('parvis-admin-language')), 'en');
    assert.deepEqual(await axeViolations(page), [], 'the console passes axe after the switch');

    await page.reload();
    await screenIn(page, 'Polls', 'Parvis console');
    assert.equal(await htmlLang(page), 'en');
    await context.close();
  });

  test('a browser in French gets French, with a switch to English before signing in', async () => {
    const { page, context } = await openConsolePage(site.browser, 'fr-FR');
    await page.goto(`${site.server.url}/admin/`);
    await screenIn(page, 'Se connecter à la console', 'Console Parvis');
    assert.equal(await htmlLang(page), 'fr');

    await page.getByRole('button', { name: 'English' }).click();
    await screenIn(page, 'Sign in to the console', 'Parvis console');
    assert.equal(await htmlLang(page), 'en');
    await signInInEnglish(page);
    await screenIn(page, 'Dashboard', 'Parvis console');
    await context.close();
  });
});
