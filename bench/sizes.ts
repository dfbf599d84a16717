// What a page downloads: measured in a real Chromium loading a page with one
// poll from the real server, then compressed the way a server would send it.
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

function measure(files: string[]): SizeReport {
  let raw = 0;
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const bytes = readFileSync(join(root, 'dist/widgets', file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
    brotli += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { files, raw, gzip, brotli };
}

function allScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return allScripts(path);
    return entry.name.endsWith('.js') ? [relative(join(root, 'dist/widgets'), path)] : [];
  });
}

export interface Transferred {
  /** Bytes of JavaScript bodies as the server sent them to Chromium, and their encodings. */
  bytes: number;
  encodings: string[];
}

export async function bundleSizes(
  server: RunningServer,
  pollId: string,
): Promise<{ onePoll: SizeReport; all: SizeReport; transferred: Transferred }> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const pageUrl = `${server.url}/bench/one-poll.html`;
    await page.route(pageUrl, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="fr"><title>Un sondage</title>
<script type="module" src="${server.url}/parvis.js"></script>
<parvis-poll poll="${pollId}"><a href="#">Répondre</a></parvis-poll>`,
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
    await page.getByRole('group').first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const bodies = await Promise.all(sent);
    return {
      onePoll: measure([...scripts].sort()),
      all: measure(allScripts(join(root, 'dist/widgets'))),
      transferred: {
        bytes: bodies.reduce((sum, body) => sum + body.bytes, 0),
        encodings: [...new Set(bodies.map((body) => body.encoding))],
      },
    };
  } finally {
    await browser.close();
  }
}
