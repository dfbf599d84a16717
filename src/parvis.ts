/**
 * The script-tag entry: `<script type="module" src=".../parvis.js">`. It stays
 * small — configuration, localisation and an autoloader — and each element's
 * code is fetched the first time its tag appears on the page.
 */
import { configureLocalization } from '@lit/localize';
import { configure, setScriptBase, SOURCE_LOCALE, TARGET_LOCALES, type ParvisOptions } from './client/config.js';
import { readPollEarly } from './client/early-read.js';
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

interface ElementEntry {
  /** Imports the chunk that defines the tag. Chunks live next to this file, so they load relative to it. */
  define: () => Promise<unknown>;
  /** Starts an element's first read while its chunk downloads. */
  readEarly?: (element: Element) => void;
}

const ELEMENTS: Record<string, ElementEntry> = {
  'parvis-poll': { define: () => import('./elements/poll/define.js'), readEarly: readPollEarly },
  'parvis-vote': { define: () => import('./elements/vote/define.js') },
  'parvis-idea-box': { define: () => import('./elements/idea-box/define.js') },
  'parvis-budget': { define: () => import('./elements/budget/define.js') },
};

/** Each language's strings are a chunk of their own, downloaded only by pages that speak it. */
const LOCALES = {
  en: () => import('./generated/locales/en.js'),
  es: () => import('./generated/locales/es.js'),
  de: () => import('./generated/locales/de.js'),
  it: () => import('./generated/locales/it.js'),
  nl: () => import('./generated/locales/nl.js'),
  ca: () => import('./generated/locales/ca.js'),
  ar: () => import('./generated/locales/ar.js'),
} satisfies Record<(typeof TARGET_LOCALES)[number], () => Promise<unknown>>;

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

/**
 * Imports the tag's chunk once, even when the tag is defined already: defined
 * by this same code, the import costs nothing; taken by another script (an
 * older copy of Parvis, a theme's own element), the chunk's `define()` keeps
 * that definition and says so in the console.
 */
function load(tag: string): void {
  if (requested.has(tag)) return;
  requested.add(tag);
  ELEMENTS[tag].define().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`Parvis: could not load <${tag}>; its fallback content stays.`, error);
  });
}

function discover(root: Element | Document): void {
  const found = [...root.querySelectorAll(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root);
  for (const element of found) {
    const tag = element.localName;
    // Once the tag is defined, the element reads as soon as it connects: an early read would be a second one.
    if (!customElements.get(tag)) afterHostScripts(() => ELEMENTS[tag].readEarly?.(element));
    load(tag);
  }
}

/**
 * A host page configures Parvis (API base, adapter, token) in its own scripts,
 * which run until `DOMContentLoaded`: early reads wait for them, so as not to
 * ask a backend the page is about to replace.
 */
function afterHostScripts(run: () => void): void {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const hostScriptsPending =
    document.readyState === 'loading' ||
    (document.readyState === 'interactive' && !navigation?.domContentLoadedEventStart);
  if (hostScriptsPending) document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
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
