// How fast a poll appears on a page, in real Chromium slowed down 4× (DESIGN §9:
// first render ≤ 50 ms after the script arrives, no task over 50 ms, no layout shift).
import type { RunningServer } from '../test/e2e/harness.js';
import { launchBrowser } from '../test/e2e/harness.js';

export interface RenderReport {
  /** From the end of parvis.js's download to the poll's first render (its placeholder). */
  firstRender: number;
  /** From the end of parvis.js's download to the poll's question and choices on screen. */
  ready: number;
  longTasks: number[];
  layoutShift: number;
}

interface Probe {
  shift: number;
  longTasks: number[];
  firstRender?: number;
  ready?: number;
}

declare global {
  interface Window {
    parvisProbe: Probe;
  }
}

// A string, not a function: the TypeScript loader would add helpers the page does not have.
const PROBE = `
  const probe = { shift: 0, longTasks: [] };
  window.parvisProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) probe.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  customElements.whenDefined('parvis-poll').then(async () => {
    const poll = document.querySelector('parvis-poll');
    await poll.updateComplete;
    probe.firstRender = performance.now();
    const watch = () => {
      if (poll.shadowRoot && poll.shadowRoot.querySelector('fieldset')) probe.ready = performance.now();
      else requestAnimationFrame(watch);
    };
    watch();
  });
`;

export async function renderTimings(server: RunningServer, pollId: string): Promise<RenderReport> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(PROBE);
    const pageUrl = `${server.url}/bench/render.html`;
    await page.route(pageUrl, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="fr"><title>Parc des Tilleuls</title>
<script type="module" src="${server.url}/parvis.js"></script>
<h1>Parc des Tilleuls</h1><p>Le parc sera rénové en 2027 ; donnez votre avis.</p>
<parvis-poll poll="${pollId}"><a href="#">Répondre au sondage</a></parvis-poll>
<p>Une réunion publique aura lieu en janvier à la salle des fêtes.</p>`,
      }),
    );
    await page.goto(pageUrl);
    await page.waitForFunction(() => window.parvisProbe.ready !== undefined, undefined, { timeout: 30_000 });
    await page.waitForTimeout(500);
    const probe = await page.evaluate(() => window.parvisProbe);
    const scriptArrived = await page.evaluate(
      (url) => (performance.getEntriesByName(url)[0] as PerformanceResourceTiming).responseEnd,
      `${server.url}/parvis.js`,
    );
    return {
      firstRender: probe.firstRender! - scriptArrived,
      ready: probe.ready! - scriptArrived,
      longTasks: probe.longTasks,
      layoutShift: probe.shift,
    };
  } finally {
    await browser.close();
  }
}
