import type { ParvisAdapter } from './adapter.js';

/** What a host page may set once for every widget, through `Parvis.configure()`. */
export interface ParvisOptions {
  /** API base URL, for every element that has no `api` attribute. `null` removes it. */
  api?: string | null;
  /** A backend that does not speak the default REST contract. `null` returns to the REST adapter. */
  adapter?: ParvisAdapter | null;
  /** A citizen token signed by the host site (JWT), sent as `Authorization: Bearer`. `null` removes it. */
  token?: string | null;
  /** Milliseconds before a request is abandoned. */
  timeout?: number;
}

export const DEFAULT_TIMEOUT = 10_000;
export const SOURCE_LOCALE = 'fr';
/** The languages the widgets are translated into, besides French; each is a chunk loaded on demand. */
export const TARGET_LOCALES = ['en', 'es', 'de', 'it', 'nl', 'ca', 'ar'] as const;
export type Locale = typeof SOURCE_LOCALE | (typeof TARGET_LOCALES)[number];

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(['ar']);

/** The direction a locale's text runs in: the widgets mirror their layout for right-to-left ones. */
export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

const settings: ParvisOptions = {};
let scriptBase: string | undefined;

/** Merges `options` into the page's settings; omitted keys keep their value, `null` clears one. */
export function configure(options: ParvisOptions): void {
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) (settings as Record<string, unknown>)[key] = value;
  }
}

export function configured(): Readonly<ParvisOptions> {
  return settings;
}

/** Set by the script-tag entry: the folder that served `parvis.js` is the API base by default. */
export function setScriptBase(url: string): void {
  scriptBase = url;
}

/**
 * The API base for an element: its `api` attribute, else `Parvis.configure({ api })`,
 * else `<meta name="parvis:api">`, else the folder that served `parvis.js`, else
 * the page's own origin. Returned without a trailing slash, as an absolute URL.
 */
export function resolveApi(element?: Element): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="parvis:api"]')?.content;
  const base = element?.getAttribute('api') || settings.api || meta || scriptBase || new URL('/', location.href).href;
  return new URL(base, document.baseURI).href.replace(/\/+$/, '');
}

/**
 * The language an element speaks: its own `lang`, else the closest `[lang]`
 * ancestor (crossing shadow roots), else `<html lang>`, else French.
 */
export function resolveLang(element?: Element): string {
  let node: Node | null = element ?? null;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return document.documentElement.lang || SOURCE_LOCALE;
}

/** The supported locale closest to a language tag: `en-GB` speaks English, `ar-MA` Arabic, anything unknown French. */
export function toLocale(lang: string): Locale {
  const primary = lang.toLowerCase().split(/[-_]/)[0];
  return (TARGET_LOCALES as readonly string[]).includes(primary) ? (primary as Locale) : SOURCE_LOCALE;
}
