// Where to find a Chromium for browser and end-to-end tests, and how to start it
// headless on a machine that has no browser installed (CI, a fresh Linux box).
import { access, constants } from 'node:fs/promises';

const INSTALLED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

async function isExecutable(path) {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * `CHROME_PATH`, else an installed Chrome or Chromium, else the Chromium shipped
 * in `@sparticuz/chromium` (unpacked to the temporary directory on first use).
 * @returns {Promise<string>}
 */
export async function chromePath() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH;
  for (const path of INSTALLED) {
    if (await isExecutable(path)) return path;
  }
  const { default: chromium } = await import('@sparticuz/chromium');
  // WebGL is not needed, and skipping it spares unpacking SwiftShader.
  chromium.setGraphicsMode = false;
  return chromium.executablePath();
}

/**
 * Flags to run that Chromium headless here. `--no-sandbox` because CI and
 * containers run as root; the background services are turned off so tests
 * never reach the network. No `--single-process`: the packaged build runs
 * fine without it, and with it several pages at once share one renderer.
 */
export const chromeArgs = [
  '--headless',
  '--no-sandbox',
  '--no-zygote',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-domain-reliability',
  '--no-default-browser-check',
  '--no-first-run',
  '--no-pings',
  '--font-render-hinting=none',
];
