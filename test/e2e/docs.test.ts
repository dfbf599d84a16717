// The developer documentation in real Chromium, served by the real server: each element's page runs its live
// examples against the demo data, passes axe and breaks no rule of its Content-Security-Policy.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { elementDeclarations, EXAMPLES, type Manifest } from '../../scripts/build-docs.js';
import { axeViolations } from './admin-console.js';
import { demoSite, openPage, root } from './harness.js';

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
const tags = elementDeclarations(manifest).map(({ declaration }) => declaration.tagName!);

/** Waits until every live example of `tag` shows its data: neither loading nor failed. */
async function examplesReady(page: Page, tag: string): Promise<void> {
  await page.waitForFunction(
    (tag) => {
      const elements = [...document.querySelectorAll(`.example-live ${tag}`)] as Array<Element & { state?: string }>;
      return (
        elements.length > 0 && elements.every((element) => element.state && !/^(loading|error)$/.test(element.state))
      );
    },
    tag,
    { timeout: 15_000 },
  );
}

describe('the docs at /docs', () => {
  const site = demoSite();

  test('the index names every element, links its page, and passes axe', async () => {
    const { page, context, violations } = await openPage(site.browser);
    await page.goto(`${site.server.url}/docs`);
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Parvis for developers');
    for (const tag of tags) {
      assert.equal(
        await page
          .getByRole('link', { name: `<${tag}>` })
          .first()
          .getAttribute('href'),
        `/docs/${tag}`,
      );
    }
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(violations, []);
    await context.close();
  });

  for (const tag of tags) {
    test(`/docs/${tag}: the live examples run on the demo data, axe passes, the CSP holds`, async () => {
      const { page, context, violations } = await openPage(site.browser);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const response = await page.goto(`${site.server.url}/docs/${tag}`);
      assert.equal(response!.status(), 200);
      assert.match(response!.headers()['content-security-policy'], /script-src 'self';/);
      await examplesReady(page, tag);
      assert.equal(await page.locator(`.example-live ${tag}`).count(), EXAMPLES[tag].length);
      // Each widget rendered its own content, and its fallback gave way.
      for (const element of await page.locator(`.example-live ${tag}`).all()) {
        assert.ok(await element.evaluate((node) => (node.shadowRoot?.textContent ?? '').trim().length > 0));
      }
      assert.deepEqual(await axeViolations(page), [], `${tag}: axe, widgets included`);
      assert.deepEqual(violations, [], `${tag}: no Content-Security-Policy violation`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  test('a vote in the poll’s example shows parvis-vote and parvis-voted in the event log', async () => {
    const { page, context, violations } = await openPage(site.browser);
    await page.goto(`${site.server.url}/docs/parvis-poll`);
    await examplesReady(page, 'parvis-poll');
    const poll = page.locator('.example-live parvis-poll[poll="mobilite-centre-ville"]');
    await poll.getByRole('checkbox').first().check();
    await poll.getByRole('button', { name: 'Voter' }).click();
    const log = page.getByRole('log');
    await log.getByText('parvis-voted').waitFor();
    assert.deepEqual(await log.locator('li > code').allInnerTexts(), ['parvis-voted', 'parvis-vote']);
    await log.getByText('detail').first().click();
    assert.match(await log.locator('pre').first().innerText(), /"pollId": "mobilite-centre-ville"/);
    assert.deepEqual(await axeViolations(page), [], 'the page with its event log passes axe');
    assert.deepEqual(violations, []);
    await context.close();
  });
});
