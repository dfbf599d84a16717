// What a page downloads: measured in a real Chromium loading pages with one
// kind of widget from the real server, then compressed the way a server would
// send them.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchBrowser, root, type RunningServer } from '../test/e2e/harness.js';

export interface SizeReport {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

const WIDGETS = join(root, 'dist/widgets');

function sizeOf(file: string): { raw: number; gzip: number; brotli: number } {
  const bytes = readFileSync(join(WIDGETS, file));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

export function measure(files: string[]): SizeReport {
  const report = { files, raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) {
    const size = sizeOf(file);
    report.raw += size.raw;
    report.gzip += size.gzip;
    report.brotli += size.brotli;
  }
  return report;
}

/** Every script of the build, each measured on its own. */
export function allChunks(): Array<{ file: string; raw: number; gzip: number; brotli: number }> {
  const scripts = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return scripts(path);
      return entry.name.endsWith('.js') ? [relative(WIDGETS, path)] : [];
    });
  return scripts(WIDGETS)
    .sort()
    .map((file) => ({ file, ...sizeOf(file) }));
}

export interface PageWeight extends SizeReport {
  /** Bytes of JavaScript bodies as the server sent them to Chromium, and their encodings. */
  transferred: number;
  encodings: string[];
}

/**
 * Loads `markup` after the script tag, waits until `ready` finds its
 * selector in every widget's shadow root, and lists the scripts fetched.
 */
export async function pageWeight(server: RunningServer, markup: string, ready: string): Promise<PageWeight> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const pageUrl = `${server.url}/bench/page.html`;
    await page.route(pageUrl, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="fr"><title>Une page de la ville</title>
<script type="module" src="${server.url}/parvis.js"></script>
${markup}`,
      }),
    );
    const scripts = new Set<string>();
    const sent: Array<Promise<{ bytes: number; encoding: string }>> = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin !== server.url || !url.pathname.endsWith('.js')) return;
      scripts.add(url.pathname.slice(1));
      sent.push(
        response
          .request()
          .sizes()
          .then(async ({ responseBodySize }) => ({
            bytes: responseBodySize,
            encoding: (await response.headerValue('content-encoding')) ?? 'identity',
          })),
      );
    });
    await page.goto(pageUrl);
    await page.waitForFunction(
      (selector) =>
        [...document.querySelectorAll('body > *')]
          .filter((element) => element.localName.startsWith('parvis-'))
          .every((element) => element.shadowRoot?.querySelector(selector)),
      ready,
      { timeout: 30_000 },
    );
    await page.waitForLoadState('networkidle');
    const bodies = await Promise.all(sent);
    return {
      ...measure([...scripts].sort()),
      transferred: bodies.reduce((sum, body) => sum + body.bytes, 0),
      encodings: [...new Set(bodies.map((body) => body.encoding))],
    };
  } finally {
    await browser.close();
  }
}
