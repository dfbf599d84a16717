// What the console's end-to-end tests share: signing in, axe, and where focus is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ADMIN_TOKEN, root, type RunningServer } from './harness.js';

const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

declare const axe: {
  run(context: Document): Promise<{
    violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
  }>;
};

/**
 * A page in a context of its own whose browser speaks `locale`, noting
 * Content-Security-Policy violations. The console speaks the browser's
 * language: its tests read it in French unless they ask for another.
 */
export async function openConsolePage(
  browser: Browser,
  locale = 'fr-FR',
): Promise<{ page: Page; context: BrowserContext; violations: string[] }> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return { page, context, violations };
}

/** The console in a page of its own, signed in, on `path`; CSP violations and script errors are noted. */
export async function openConsole(browser: Browser, server: RunningServer, path = '/admin/', locale = 'fr-FR') {
  const opened = await openConsolePage(browser, locale);
  const errors: string[] = [];
  opened.page.on('pageerror', (error) => errors.push(error.message));
  await opened.page.goto(`${server.url}${path}`);
  await signIn(opened.page);
  return { ...opened, errors };
}

export async function signIn(page: Page, token = ADMIN_TOKEN): Promise<void> {
  await page.getByLabel('Jeton d’administration').fill(token);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

/** Waits until the screen titled `name` shows: its heading names the page once its data is in. */
export async function screen(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.waitForFunction(
    (expected) => {
      const title = document.title.replace(/ – Console Parvis$/, '');
      return typeof expected === 'string' ? title === expected : new RegExp(expected).test(title);
    },
    typeof name === 'string' ? name : name.source,
  );
}

/**
 * axe's verdict on the page, shadow roots included: one line per rule broken.
 * The console's CSP refuses the inline script `addScriptTag` would add; a
 * script evaluated through the DevTools protocol is not the page's.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const { violations } = await axe.run(document);
    return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
  });
}

/** The element that has focus, through shadow roots: its tag and its text. */
export async function focused(page: Page): Promise<{ tag: string; text: string }> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return { tag: active?.localName ?? '', text: (active?.textContent ?? '').replace(/\s+/g, ' ').trim() };
  });
}

/** Waits until the screen's heading has focus, as it does after each navigation. */
export async function headingFocused(page: Page, name: string): Promise<void> {
  await page.waitForFunction((expected) => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active?.localName === 'h1' && active.textContent?.trim() === expected;
  }, name);
}

/** What the console's live region says. */
export function notice(page: Page) {
  return page.locator('main > [role="status"]');
}

/**
 * Presses Tab until the focused element's text is `text` (a control's name
 * as the screen shows it), as a keyboard user would, at most `limit` times.
 */
export async function tabTo(page: Page, text: string | RegExp, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const { text: current } = await focused(page);
    if (typeof text === 'string' ? current === text : text.test(current)) return;
  }
  throw new Error(`Tab never reached “${String(text)}”.`);
}
