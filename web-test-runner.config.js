import { readFile } from 'node:fs/promises';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromeArgs, chromePath } from './scripts/chrome-path.js';
import { examplesPlugin } from './test/browser/support/examples-plugin.js';

const executablePath = await chromePath();
const mockServiceWorker = new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url);

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: 'test/browser/**/*.test.ts',
  nodeResolve: { exportConditions: ['browser', 'production'] },
  // Two cores: one browser, two pages at a time.
  concurrentBrowsers: 1,
  concurrency: 2,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), examplesPlugin()],
  middleware: [
    // msw registers its worker at the root so that it controls every test page.
    async function serveMockServiceWorker(context, next) {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.body = await readFile(mockServiceWorker, 'utf8');
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: chromeArgs },
      // Each page in its own context: files running side by side must not share localStorage or IndexedDB.
      createPage: async ({ browser }) => (await browser.createBrowserContext()).newPage(),
    }),
  ],
};
