// The ready-made themes as a page gets them: built beside parvis.js, served to any site, and shown on the demo's
// theme gallery under the strict page CSP; every widget in forced colours keeps its bars, pressed buttons and focus
// visible. The widgets are built afresh into a temporary folder, so that the test never depends on dist/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { build } from 'vite';
import { loadConfig } from '../../src/server/config.js';
import { startServer, type RunningServer } from '../../src/server/start.js';
import { ADMIN_TOKEN, launchBrowser, openPage, root, temporaryDirectory } from './harness.js';

const THEMES = ['default', 'dsfr', 'dark'];

/** The gallery's cards, in order, and the surface each one's widgets should paint. */
const CARDS = [
  { name: 'Par défaut', surface: 'rgb(255, 255, 255)' },
  { name: 'Par défaut, page sombre', surface: 'rgb(30, 30, 30)' },
  { name: 'DSFR', surface: 'rgb(255, 255, 255)' },
  { name: 'DSFR, thème sombre', surface: 'rgb(22, 22, 22)' },
  { name: 'Sombre', surface: 'rgb(30, 30, 30)' },
];

describe('themes', () => {
  const dir = temporaryDirectory();
  const widgetsDir = join(dir.path, 'widgets');
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'silent', build: { outDir: widgetsDir } });
    const env = { PORT: '0', DATABASE_URL: `sqlite:${join(dir.path, 'parvis.db')}`, PARVIS_ADMIN_TOKEN: ADMIN_TOKEN };
    server = await startServer({ ...loadConfig(env), widgetsDir });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    dir.remove();
  });

  test('each theme is built beside parvis.js and served at /themes/<name>.css to any site', async () => {
    for (const name of THEMES) {
      const source = await readFile(join(root, 'src/themes', `${name}.css`), 'utf8');
      assert.equal(await readFile(join(widgetsDir, 'themes', `${name}.css`), 'utf8'), source);
      const response = await fetch(`${server.url}/themes/${name}.css`, {
        headers: { Origin: 'https://ville.example' },
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'text/css; charset=utf-8');
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(response.headers.get('cache-control'), 'no-cache');
      assert.equal(await response.text(), source);
    }
  });

  test('the gallery shows every widget in every theme under the page CSP, with no axe violation', async () => {
    const { page, context, violations } = await openPage(browser);
    try {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${server.url}/themes.html`);
      await rendered(page);
      for (const widget of ['sondage', 'vote', 'idees', 'budget']) {
        const cards = page.locator(`#${widget} .theme`);
        assert.deepEqual(
          (await cards.locator('h3').allTextContents()).map((name) => name.trim()),
          CARDS.map(({ name }) => name),
        );
      }
      for (const [index, { name, surface }] of CARDS.entries()) {
        const card = page.locator('#sondage .theme').nth(index);
        assert.equal(
          await shadowStyle(card.locator('parvis-poll'), '[part~="base"]', 'backgroundColor'),
          surface,
          name,
        );
      }
      // One card at a time: the same widget five times on a page repeats its landmarks' names by design.
      for (const { name } of CARDS) {
        for (const widget of ['sondage', 'vote', 'idees', 'budget']) {
          const heading = page.getByRole('heading', { name, exact: true });
          const card = page.locator(`#${widget} .theme`).filter({ has: heading });
          assert.deepEqual(await axeViolations(card), [], `${widget}, ${name}`);
        }
      }
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('forced colours: result bars, the budget gauge, pressed buttons, focus and placeholders stay visible', async () => {
    const { page, context } = await openPage(browser);
    try {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${server.url}/themes.html`);
      await rendered(page);
      const highlight = await systemColour(page, 'Highlight');
      const canvas = await systemColour(page, 'Canvas');
      assert.notEqual(highlight, canvas);

      for (const index of CARDS.keys()) {
        const card = (widget: string) => page.locator(`#${widget} .theme`).nth(index);
        const poll = card('sondage').locator('parvis-poll');
        assert.equal(await shadowStyle(poll, '[part~="bar"]', 'backgroundColor'), highlight, 'a result bar');
        assert.equal(await shadowStyle(poll, '[part~="track"]', 'backgroundColor'), canvas, 'its track');

        // The buttons on one subject share its state: pressed in the first card, pressed in every card.
        const vote = card('vote').locator('parvis-vote').first();
        if (index === 0) await vote.getByRole('button', { name: /J’appuie/ }).click();
        await vote.locator('[aria-pressed="true"]').waitFor();
        assert.equal(await shadowStyle(vote, '[aria-pressed="true"]', 'backgroundColor'), highlight, 'a pressed vote');

        const box = card('idees').locator('parvis-idea-box');
        const support = box.locator('[part~="support"]').first();
        if ((await support.getAttribute('aria-pressed')) === 'false') await support.click();
        await box.locator('[part~="support"][aria-pressed="true"]').first().waitFor();
        assert.equal(
          await shadowStyle(box, '[part~="support"][aria-pressed="true"]', 'backgroundColor'),
          highlight,
          'a supported idea',
        );

        const budget = card('budget').locator('parvis-budget');
        await budget.getByRole('radio').first().check();
        await budget.getByRole('checkbox').first().check();
        assert.equal(await shadowStyle(budget, '[part~="meter-bar"]', 'backgroundColor'), highlight, 'the gauge');
        // The gauge grows in a short transition: it is read once it has started to.
        const grown = async () => Number.parseFloat(await shadowStyle(budget, '[part~="meter-bar"]', 'width')) > 0;
        for (let tries = 0; tries < 20 && !(await grown()); tries++) await page.waitForTimeout(50);
        assert.ok(await grown(), 'the gauge shows the amount chosen');
      }

      const submit = page
        .locator('#sondage .theme')
        .first()
        .locator('parvis-poll')
        .getByRole('button', { name: 'Voter' });
      await submit.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      const ring = await submit.evaluate((button) => {
        const style = getComputedStyle(button);
        return [style.outlineStyle, style.outlineWidth, style.outlineColor];
      });
      assert.deepEqual(ring, ['solid', '3px', highlight]);
    } finally {
      await context.close();
    }
  });

  test('forced colours: a vote button’s placeholder is a blank shape, without stand-in words or counts', async () => {
    const { page, context } = await openPage(browser);
    try {
      await page.emulateMedia({ forcedColors: 'active' });
      await page.route('**/v1/subjects**', () => undefined);
      await page.goto(`${server.url}/themes.html`);
      const vote = page.locator('#vote parvis-vote').first();
      await vote.locator('[part~="skeleton"]').waitFor();
      const bone = await vote.evaluate((host) => {
        const style = getComputedStyle(host.shadowRoot!.querySelector('.bone')!);
        return { color: style.color, border: style.borderTopStyle };
      });
      assert.deepEqual(bone, { color: 'rgba(0, 0, 0, 0)', border: 'solid' });
    } finally {
      await context.close();
    }
  });
});

const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

declare const axe: {
  run(
    context: Element,
  ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
};

/** axe's verdict on one part of the page, shadow roots included: one line per rule broken. */
async function axeViolations(scope: Locator): Promise<string[]> {
  const page = scope.page();
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return scope.evaluate(async (element) => {
    const { violations } = await axe.run(element);
    return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
  });
}

/** Every widget of the gallery has its data. */
async function rendered(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const hosts = [...document.querySelectorAll('parvis-poll, parvis-vote, parvis-idea-box, parvis-budget')];
    return (
      hosts.length === 25 &&
      hosts.every((host) => {
        const base = host.shadowRoot?.querySelector('[part~="base"]');
        return base && !base.matches('[part~="skeleton"]') && !host.shadowRoot!.querySelector('[part~="skeleton"]');
      }) &&
      [...document.querySelectorAll('parvis-idea-box')].every((box) => box.shadowRoot!.querySelector('[part~="idea"]'))
    );
  });
}

async function shadowStyle(host: Locator, selector: string, property: keyof CSSStyleDeclaration): Promise<string> {
  return host.evaluate(
    (element, [selector, property]) => {
      const node = element.shadowRoot!.querySelector(selector as string);
      if (!node) throw new Error(`<${element.localName}> shows nothing matching ${selector}`);
      return String(getComputedStyle(node)[property as keyof CSSStyleDeclaration]);
    },
    [selector, property] as const,
  );
}

/** The colour a system colour keyword stands for on this page, as computed styles write it. */
async function systemColour(page: Page, keyword: string): Promise<string> {
  return page.evaluate((keyword) => {
    const probe = document.createElement('span');
    probe.style.color = keyword;
    probe.style.forcedColorAdjust = 'none';
    document.body.append(probe);
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, keyword);
}
