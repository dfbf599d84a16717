import { SOURCE_LOCALE, toLocale, type Locale } from '../client/config.js';

/** What `configureLocalization` returns. */
export interface Localization {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

let localization: Localization | undefined;
let requested: Locale | undefined;
let loading: Promise<void> = Promise.resolve();

/**
 * Called once by the script-tag entry, which owns `configureLocalization`.
 * Elements used without the entry simply stay in French.
 */
export function registerLocalization(value: Localization): void {
  localization = value;
  if (requested) loading = localization.setLocale(requested);
}

/**
 * @lit/localize has one active locale per page, so the first widget to ask
 * decides it (from its `lang`, its ancestors or `<html lang>`). A later widget
 * with another language keeps the page's strings; its numbers and dates follow
 * the active locale too, so that a sentence never mixes two languages.
 */
export function requestLocale(lang: string): void {
  if (requested) return;
  requested = toLocale(lang);
  if (localization) loading = localization.setLocale(requested);
}

/**
 * Settles once the requested locale's strings are in: a widget shows its
 * content after that, so that no one reads it first in the wrong language.
 * A locale that fails to load leaves the French strings, which still work.
 */
export function localeReady(): Promise<void> {
  return loading.catch(() => undefined);
}

export function activeLocale(): Locale {
  return toLocale(localization?.getLocale() ?? SOURCE_LOCALE);
}

/** The tag for `Intl`: the element's own (`en-GB` dates) when it matches the active locale, else the locale. */
export function intlLocale(lang: string): string {
  return toLocale(lang) === activeLocale() ? lang : activeLocale();
}
