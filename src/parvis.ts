/**
 * The script-tag entry: `<script type="module" src=".../parvis.js">`. It stays
 * small — configuration, localisation and an autoloader — and each element's
 * code is fetched the first time its tag appears on the page.
 */
import { configureLocalization } from '@lit/localize';
import { configure, setScriptBase, SOURCE_LOCALE, TARGET_LOCALES, type ParvisOptions } from './client/config.js';
import { registerLocalization } from './elements/locale.js';

export const version = '0.1.0';

export interface ParvisGlobal {
  readonly version: string;
  configure(options: ParvisOptions): void;
}

declare global {
  interface Window {
    Parvis?: ParvisGlobal;
  }
}

/** Each tag and the chunk that defines it. Chunks live next to this file, so they load relative to it. */
const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'parvis-poll': () => import('./elements/poll/define.js'),
};

const LOCALES = {
  en: () => import('./generated/locales/en.js'),
};

function start(): void {
  // Without an explicit API base, the server that served this file is the backend.
  setScriptBase(import.meta.url.replace(/[^/]*$/, ''));

  // @lit/localize is configured once per page, here; see src/elements/locale.ts.
  registerLocalization(
    configureLocalization({
      sourceLocale: SOURCE_LOCALE,
      targetLocales: TARGET_LOCALES,
      loadLocale: (locale) => LOCALES[locale as (typeof TARGET_LOCALES)[number]](),
    }),
  );

  window.Parvis = { version, configure };
  autoload();
}

const requested = new Set<string>();
const selector = Object.keys(ELEMENTS).join(',');

function load(tag: string): void {
  if (requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  ELEMENTS[tag]().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`Parvis: could not load <${tag}>; its fallback content stays.`, error);
  });
}

function discover(root: Element | Document): void {
  if (root instanceof Element && root.matches(selector)) load(root.localName);
  for (const element of root.querySelectorAll(selector)) load(element.localName);
}

function autoload(): void {
  discover(document);
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) discover(node);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (window.Parvis) {
  // Loaded twice (or two versions): the first copy already watches the page.
  console.warn(
    `Parvis ${version}: Parvis ${window.Parvis.version} is already loaded on this page; this copy stays idle.`,
  );
} else {
  start();
}
