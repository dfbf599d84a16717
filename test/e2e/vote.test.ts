// Citizens support news items and answer "was this page helpful?" on the demo page, in real Chromium.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { AdminSubject, AdminSubjectDetail, AdminSubjectList } from '../../src/contract/subject.js';
import { admin, demoSite, openPage, type RunningServer } from './harness.js';

const NEWS = 'actu-budget-participatif-relance';

async function subjects(server: RunningServer): Promise<AdminSubject[]> {
  const response = await admin(server, '/subjects?site=self');
  assert.equal(response.status, 200);
  return ((await response.json()) as AdminSubjectList).subjects;
}

async function supports(server: RunningServer, key: string): Promise<number> {
  return (await subjects(server)).find((subject) => subject.key === key)?.up ?? 0;
}

function supportButton(page: Page) {
  return page.locator(`parvis-vote[subject="${NEWS}"]`).getByRole('button', { name: /J’appuie/ });
}

describe('the vote buttons on the demo page', () => {
  const site = demoSite();

  test('a support is recorded and still pressed after a reload', async () => {
    const { server } = site;
    const { page, context, violations } = await openPage(site.browser);
    await page.goto(`${server.url}/`);
    const before = await supports(server, NEWS);
    assert.ok(before > 0, 'the demo seed gives the news item its supports');

    await supportButton(page).click();
    await page
      .locator(`parvis-vote[subject="${NEWS}"]`)
      .getByRole('status')
      .filter({ hasText: 'Votre soutien est enregistré.' })
      .waitFor();
    assert.equal(await supports(server, NEWS), before + 1);

    await page.reload();
    await page.locator(`parvis-vote[subject="${NEWS}"] >> [aria-pressed="true"]`).waitFor();
    assert.equal(await supportButton(page).getAttribute('aria-pressed'), 'true');
    assert.deepEqual(violations, [], 'no Content-Security-Policy violation on the demo page');
    await context.close();
  });

  test('a comment after "Non" reaches the city through the admin API, and the thanks stay after a reload', async () => {
    const { server } = site;
    const { page, context } = await openPage(site.browser);
    await page.goto(`${server.url}/`);
    const helpful = page.locator('parvis-vote[mode="helpful"]');
    await helpful.getByRole('button', { name: /^Non/ }).click();
    const comment = 'Les horaires de la mairie annexe ne sont pas indiqués.';
    await helpful.getByRole('textbox').fill(comment);
    await helpful.getByRole('button', { name: 'Envoyer' }).click();
    const thanks = 'Merci pour votre réponse et votre commentaire';
    await helpful.getByText(thanks).waitFor();

    const subject = (await subjects(server)).find((candidate) => candidate.mode === 'helpful');
    assert.ok(subject, 'the page became a "helpful" subject on its first answer');
    assert.equal(subject.down, 1);
    const detail = (await (await admin(server, `/subjects/${subject.id}`)).json()) as AdminSubjectDetail;
    assert.deepEqual(
      detail.comments.map(({ value, comment: text }) => ({ value, text })),
      [{ value: -1, text: comment }],
    );

    await page.reload();
    await helpful.getByText(thanks).waitFor();
    await context.close();
  });
});
