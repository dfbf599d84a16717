// How fast a widget appears on a page, in real Chromium slowed down 4× (DESIGN §9:
// first render ≤ 50 ms after the script arrives, no task over 50 ms, no layout shift).
import type { RunningServer } from '../test/e2e/harness.js';
import { launchBrowser } from '../test/e2e/harness.js';

export interface RenderReport {
  /** From the end of parvis.js's download to the widget's first render (its placeholder). */
  firstRender: number;
  /** From the end of parvis.js's download to the widget's content on screen. */
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

/**
 * Watches the page from its first script on. A string, not a function: the
 * TypeScript loader would add helpers the page does not have.
 */
const probeScript = (tag: string, ready: string, count: number) => `
  const probe = { shift: 0, longTasks: [] };
  window.parvisProbe = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (!entry.hadRecentInput) probe.shift += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  customElements.whenDefined(${JSON.stringify(tag)}).then(async () => {
    const widget = document.querySelector(${JSON.stringify(tag)});
    await widget.updateComplete;
    probe.firstRender = performance.now();
    const watch = () => {
      const found = widget.shadowRoot ? widget.shadowRoot.querySelectorAll(${JSON.stringify(ready)}).length : 0;
      if (found >= ${count}) probe.ready = performance.now();
      else requestAnimationFrame(watch);
    };
    watch();
  });
`;

/** A widget on a page, and what shows it is ready: `count` elements matching `ready` in its shadow root. */
export interface RenderCase {
  tag: string;
  markup: string;
  ready: string;
  count?: number;
}

export async function renderTimings(server: RunningServer, widget: RenderCase): Promise<RenderReport> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 412, height: 915 } });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(probeScript(widget.tag, widget.ready, widget.count ?? 1));
    const pageUrl = `${server.url}/bench/render.html`;
    await page.route(pageUrl, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="fr"><title>Participer</title>
<script type="module" src="${server.url}/parvis.js"></script>
<h1>Participer</h1><p>La ville vous consulte ; donnez votre avis.</p>
${widget.markup}
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
