// Shared ground of the end-to-end tests: the real server as a child process on
// a temporary database, and a real Chromium driven by Playwright.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromeArgs, chromePath } from '../../scripts/chrome-path.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `dist/node/server/main.js` exactly as `npm start` does, and waits until it answers. */
export async function startServer(options: {
  dataDir: string;
  port?: number;
  env?: Record<string, string>;
  /** Milliseconds to wait for the first answer: a large seed takes a while to load. */
  timeout?: number;
}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [join(root, 'dist/node/server/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: `sqlite:${join(options.dataDir, 'parvis.db')}`,
      PARVIS_ADMIN_TOKEN: ADMIN_TOKEN,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  const timeout = options.timeout ?? 20_000;
  const deadline = Date.now() + timeout;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${url}/v1/openapi.json`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server did not answer within ${timeout / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    port,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function temporaryDirectory(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'parvis-e2e-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: await chromePath(), args: chromeArgs, headless: true });
}

export async function admin(server: RunningServer, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/v1/admin${path}`, {
    ...init,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...init.headers },
  });
}

/**
 * The real server on a fresh copy of the demo, and a Chromium, started before
 * the tests of the enclosing `describe` and stopped after them.
 */
export function demoSite(): {
  readonly server: RunningServer;
  readonly browser: Browser;
  restart(): Promise<void>;
} {
  const data = temporaryDirectory();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startServer({ dataDir: data.path });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });
  return {
    get server() {
      return server!;
    },
    get browser() {
      return browser!;
    },
    async restart() {
      await server!.stop();
      server = await startServer({ dataDir: data.path, port: server!.port });
    },
  };
}

/** A page in a context of its own (its own storage: a citizen of their own), noting Content-Security-Policy violations. */
export async function openPage(
  browser: Browser,
): Promise<{ page: Page; context: BrowserContext; violations: string[] }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  return { page, context, violations };
}
