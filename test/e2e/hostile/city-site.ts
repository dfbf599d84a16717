// What the hostile-page tests share: the real Parvis server, a city site of
// another origin serving the pages of this folder under a strict
// Content-Security-Policy, a Chromium, and ways to look into the widgets.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Frame, Page, Request } from 'playwright-core';
import {
  admin,
  freePort,
  launchBrowser,
  root,
  startServer,
  temporaryDirectory,
  type RunningServer,
} from '../harness.js';

const PAGES = dirname(fileURLToPath(import.meta.url));

/** Files the city's pages link to, as a CMS theme would ship them. */
const VENDOR: Record<string, string> = {
  '/vendor/bootstrap/': join(root, 'node_modules/bootstrap/dist/'),
  '/vendor/dsfr/': join(root, 'node_modules/@gouvfr/dsfr/dist/'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export interface CitySite {
  readonly parvis: RunningServer;
  readonly browser: Browser;
  /** The city's site, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** The same server under another name, `http://localhost:<port>`: a second site of the city, for frames. */
  readonly otherOrigin: string;
}

/**
 * The strict policy every page is served with: scripts and requests only to
 * the Parvis server (and the city's own script files when a page has some),
 * no inline script or style, no eval, Trusted Types required.
 */
function contentSecurityPolicy(site: CitySite, html: string): string {
  const parvis = site.parvis.url;
  const ownScripts = /<script[^>]+src="\//.test(html) ? "'self' " : '';
  return [
    "default-src 'none'",
    `script-src ${ownScripts}${parvis}`,
    `connect-src ${parvis}`,
    "style-src 'self'",
    `img-src 'self' data: ${parvis}`,
    "font-src 'self'",
    `frame-src ${site.otherOrigin}`,
    "form-action 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
}

/**
 * The Parvis server on a fresh copy of the demo, allowing the city's two
 * origins, the city's site serving this folder, and a Chromium: started before
 * the tests of the enclosing `describe`, stopped after them. In the pages,
 * `%PARVIS%` stands for the Parvis server's address and `%OTHER%` for the
 * city's second origin.
 */
export function citySite(): CitySite {
  const data = temporaryDirectory();
  let parvis: RunningServer | undefined;
  let city: Server | undefined;
  let browser: Browser | undefined;
  let port = 0;
  const site: CitySite = {
    get parvis() {
      return parvis!;
    },
    get browser() {
      return browser!;
    },
    get origin() {
      return `http://127.0.0.1:${port}`;
    },
    get otherOrigin() {
      return `http://localhost:${port}`;
    },
  };

  before(async () => {
    port = await freePort();
    parvis = await startServer({
      dataDir: data.path,
      env: { PARVIS_ALLOWED_ORIGINS: `${site.origin},${site.otherOrigin}` },
    });
    city = createServer((request, response) => {
      serve(site, new URL(request.url ?? '/', site.origin).pathname).then(
        (file) => {
          if (!file) return void response.writeHead(404).end();
          response.writeHead(200, file.headers).end(file.body);
        },
        () => response.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve) => city!.listen(port, '127.0.0.1', resolve));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    city?.close();
    await parvis?.stop();
    data.remove();
  });

  return site;
}

async function serve(
  site: CitySite,
  path: string,
): Promise<{ body: Buffer | string; headers: Record<string, string> } | null> {
  const vendor = Object.keys(VENDOR).find((prefix) => path.startsWith(prefix));
  const base = vendor ? VENDOR[vendor] : PAGES;
  const file = normalize(join(base, vendor ? path.slice(vendor.length) : path));
  if (!file.startsWith(base.endsWith(sep) ? base : base + sep)) return null;
  const type = TYPES[extname(file)];
  if (!type) return null;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return null;
  }
  if (extname(file) !== '.html') return { body: bytes, headers: { 'content-type': type } };
  const html = bytes.toString('utf8').replaceAll('%PARVIS%', site.parvis.url).replaceAll('%OTHER%', site.otherOrigin);
  return {
    body: html,
    headers: {
      'content-type': type,
      'content-security-policy': contentSecurityPolicy(site, html),
      'cache-control': 'no-store',
    },
  };
}

/** A citizen's tab on one of the city's pages, with everything the page said and asked noted. */
export interface CityPage {
  page: Page;
  context: BrowserContext;
  /** Content-Security-Policy violations, from the console and from `securitypolicyviolation` events. */
  violations: string[];
  /** Uncaught exceptions and `console.error` messages. */
  errors: string[];
  warnings: string[];
  /** Every request to the Parvis server, in order. */
  requests: Request[];
}

/** Opens `path` of the city's site in a context of its own; `before` runs in the page before any of its scripts. */
export async function openCityPage(site: CitySite, path: string, before?: () => void): Promise<CityPage> {
  const context = await site.browser.newContext();
  if (before) await context.addInitScript(before);
  // A script evaluated through the DevTools protocol is not the page's: the policy does not apply to it.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`);
    });
  });
  const page = await context.newPage();
  const opened: CityPage = { page, context, violations: [], errors: [], warnings: [], requests: [] };
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|CSP violation|Refused to|TrustedHTML|Trusted Type/i.test(text)) {
      opened.violations.push(text);
    } else if (message.type() === 'error') opened.errors.push(text);
    else if (message.type() === 'warning') opened.warnings.push(text);
  });
  page.on('pageerror', (error) => opened.errors.push(`${error.name}: ${error.message}`));
  page.on('request', (request) => {
    if (request.url().startsWith(site.parvis.url)) opened.requests.push(request);
  });
  await page.goto(`${site.origin}${path}`);
  return opened;
}

/** A poll of its own for a test, open now, two answers, results after voting. */
export async function createPoll(server: RunningServer, id: string): Promise<void> {
  const response = await admin(server, '/polls', {
    method: 'POST',
    body: JSON.stringify({
      id,
      question: 'Faut-il ouvrir la piscine municipale le dimanche matin ?',
      options: [
        { id: 'oui', label: 'Oui, de 9 h à midi' },
        { id: 'non', label: 'Non, garder les horaires actuels' },
      ],
    }),
  });
  assert.equal(response.status, 201, await response.text());
}

export async function pollVoters(server: RunningServer, id: string): Promise<number> {
  const response = await admin(server, `/polls/${id}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { results: { voters: number } }).results.voters;
}

/** Supports recorded for a subject of the city's site (`origin`): subjects are kept per site. */
export async function supports(server: RunningServer, origin: string, subject: string): Promise<number> {
  const response = await admin(server, `/subjects?site=${encodeURIComponent(origin)}`);
  assert.equal(response.status, 200);
  const { subjects } = (await response.json()) as { subjects: Array<{ key: string; up: number }> };
  return subjects.find(({ key }) => key === subject)?.up ?? 0;
}

export async function ballots(server: RunningServer, budget: string): Promise<number> {
  const response = await admin(server, `/budgets/${budget}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { results: { ballots: number } }).results.ballots;
}

/** What has focus, through shadow roots: the widget holding it (if any), and the control. */
export interface Focus {
  /** The outermost focused element: the widget's tag and its id attribute (`poll`, `subject`…), or a page element. */
  host: string;
  tag: string;
  type: string;
  role: string;
  text: string;
  /** The focus ring drawn around it: `outline-style outline-width`. */
  ring: string;
}

export async function focus(frame: Frame): Promise<Focus> {
  return frame.evaluate(() => {
    const outer = document.activeElement;
    let active = outer;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    const id = ['poll', 'subject', 'box', 'budget'].find((name) => outer?.hasAttribute(name));
    return {
      host: outer ? `${outer.localName}${id ? `[${id}="${outer.getAttribute(id)}"]` : ''}` : '',
      tag: active?.localName ?? '',
      type: active?.getAttribute('type') ?? '',
      role: active?.getAttribute('role') ?? '',
      text: (active?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      ring: active ? `${getComputedStyle(active).outlineStyle} ${getComputedStyle(active).outlineWidth}` : '',
    };
  });
}

/** Presses Tab, as a keyboard user would, until `wanted` says yes of what has focus; at most `limit` times. */
export async function tabUntil(
  page: Page,
  wanted: (focus: Focus) => boolean,
  options: { frame?: Frame; limit?: number; shift?: boolean } = {},
): Promise<Focus> {
  const frame = options.frame ?? page.mainFrame();
  const seen: string[] = [];
  for (let i = 0; i < (options.limit ?? 80); i++) {
    await page.keyboard.press(options.shift ? 'Shift+Tab' : 'Tab');
    const now = await focus(frame);
    if (wanted(now)) return now;
    seen.push(`${now.host} ${now.tag} ${now.text}`.slice(0, 60));
  }
  throw new Error(`Tab never reached the control wanted; it went through:\n${seen.join('\n')}`);
}

/** The control with focus shows it, whatever the page did to `:focus` outlines. */
export function assertRing(focused: Focus): void {
  assert.ok(
    !focused.ring.startsWith('none') && parseFloat(focused.ring.split(' ')[1]) >= 2,
    `focus ring: ${focused.ring}`,
  );
}

/**
 * Votes in the poll `id` with the keyboard only: Tab into it, Space on the
 * first answer, Tab to "Voter" and Enter; waits for the thanks.
 */
export async function voteInPollByKeyboard(page: Page, id: string, frame: Frame = page.mainFrame()): Promise<void> {
  const host = `parvis-poll[poll="${id}"]`;
  await frame.locator(host).getByRole('radio').first().waitFor();
  const radio = await tabUntil(page, (f) => f.host === host && f.type === 'radio', { frame });
  assertRing(radio);
  await page.keyboard.press('Space');
  await tabUntil(page, (f) => f.host === host && f.text === 'Voter', { frame, limit: 5 });
  await page.keyboard.press('Enter');
  await frame
    .locator(host)
    .getByRole('status')
    .filter({ hasText: 'Merci, votre vote est enregistré.' })
    .waitFor({ timeout: 10_000 });
}

/** Supports the subject `subject` with the keyboard only: Tab to its button, Space; waits for the thanks. */
export async function supportByKeyboard(page: Page, subject: string, frame: Frame = page.mainFrame()): Promise<void> {
  const host = `parvis-vote[subject="${subject}"]`;
  await frame.locator(host).getByRole('button').first().waitFor();
  assertRing(await tabUntil(page, (f) => f.host === host && f.tag === 'button', { frame, limit: 300 }));
  await page.keyboard.press('Space');
  await frame
    .locator(host)
    .getByRole('status')
    .filter({ hasText: 'Votre soutien est enregistré.' })
    .waitFor({ timeout: 10_000 });
}

/** Properties a page passes down by inheritance, which the widgets set for themselves. */
export const INHERITED = [
  'text-transform',
  'letter-spacing',
  'word-spacing',
  'line-height',
  'text-align',
  'text-indent',
  'white-space',
  'font-style',
  'font-variant-caps',
  'font-weight',
  'font-size',
  'word-break',
  'text-shadow',
  'box-sizing',
] as const;

/**
 * Computed styles of elements inside each widget's shadow root (`selector`
 * in the widget `host`), for comparing a hostile page with a plain one.
 */
export async function shadowStyles(
  frame: Frame,
  host: string,
  selector: string,
  properties: readonly string[] = INHERITED,
): Promise<Record<string, string>> {
  return frame.evaluate(
    ({ host, selector, properties }) => {
      const element = document.querySelector(host)?.shadowRoot?.querySelector(selector);
      if (!element) throw new Error(`${host} has no ${selector} in its shadow root`);
      const style = getComputedStyle(element);
      return Object.fromEntries(properties.map((name) => [name, style.getPropertyValue(name)]));
    },
    { host, selector, properties: [...properties] },
  );
}

/** The size of an element inside a widget's shadow root, as drawn. */
export async function shadowBox(
  frame: Frame,
  host: string,
  selector: string,
): Promise<{ width: number; height: number; visible: boolean }> {
  return frame.evaluate(
    ({ host, selector }) => {
      const element = document.querySelector(host)?.shadowRoot?.querySelector(selector);
      if (!element) throw new Error(`${host} has no ${selector} in its shadow root`);
      const { width, height } = element.getBoundingClientRect();
      return { width, height, visible: element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) };
    },
    { host, selector },
  );
}

/** Every control a citizen can reach in a widget, with the size it is drawn at. */
export async function shadowControls(
  frame: Frame,
  host: string,
): Promise<Array<{ control: string; type: string; width: number; height: number; visible: boolean }>> {
  return frame.evaluate((host) => {
    const root = document.querySelector(host)?.shadowRoot;
    if (!root) throw new Error(`${host} has no shadow root`);
    return [...root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], summary')]
      .filter((control) => control.tabIndex >= 0)
      .map((control) => {
        const { width, height } = control.getBoundingClientRect();
        return {
          control: `${control.localName} ${(control.textContent ?? '').trim().slice(0, 30)}`,
          type: control.getAttribute('type') ?? '',
          width,
          height,
          visible: control.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
        };
      });
  }, host);
}

/** Chooses the first district and its first project, reviews and casts the ballot, with the keyboard only. */
export async function castBallotByKeyboard(page: Page, frame: Frame = page.mainFrame()): Promise<void> {
  const host = 'parvis-budget';
  await frame.locator(host).getByRole('radio').first().waitFor();
  await tabUntil(page, (f) => f.host.startsWith(host) && f.type === 'radio', { frame });
  await page.keyboard.press('Space');
  await frame.locator(host).getByRole('checkbox').first().waitFor();
  await tabUntil(page, (f) => f.host.startsWith(host) && f.type === 'checkbox', { frame });
  await page.keyboard.press('Space');
  await tabUntil(page, (f) => f.host.startsWith(host) && f.text === 'Vérifier mon vote', { frame });
  await page.keyboard.press('Enter');
  await frame.locator(host).getByRole('button', { name: 'Envoyer mon vote' }).waitFor();
  await tabUntil(page, (f) => f.host.startsWith(host) && f.text === 'Envoyer mon vote', { frame });
  await page.keyboard.press('Enter');
  await frame
    .locator(host)
    .locator('[part~="my-ballot"] [part~="notice"]', { hasText: 'Enregistré le' })
    .waitFor({ timeout: 10_000 });
}

const AXE = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

declare const axe: {
  run(
    context: Document,
    options: { iframes: boolean },
  ): Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }>;
};

/**
 * axe's verdict on every frame of the page, shadow roots included: one line
 * per rule broken. Each frame is audited on its own, axe evaluated through
 * the DevTools protocol (the pages' policy refuses scripts of their origin's).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE);
    const lines = await frame.evaluate(async () => {
      const { violations } = await axe.run(document, { iframes: false });
      return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' > ')).join(', ')}`);
    });
    found.push(...lines.map((line) => (frame === page.mainFrame() ? line : `${frame.url()}: ${line}`)));
  }
  return found;
}
