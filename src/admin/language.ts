import { LOCALE_STATUS_EVENT } from '@lit/localize';

/** The console's languages: French, the language of its source strings, and English. */
export const CONSOLE_LANGUAGES = ['fr', 'en'] as const;
export type ConsoleLanguage = (typeof CONSOLE_LANGUAGES)[number];

/** Each language's name in that language, as the language switch shows it. */
export const LANGUAGE_NAMES: Readonly<Record<ConsoleLanguage, string>> = { fr: 'Français', en: 'English' };

/** What `configureLocalization` returns. */
export interface Localization {
  getLocale(): string;
  setLocale(locale: string): Promise<void>;
}

/** The officer's choice of language, kept in this browser: it is a preference, not a secret. */
const KEY = 'parvis-admin-language';

/** How `Intl` writes each language when the browser names no variant of it. */
const DEFAULT_TAGS: Readonly<Record<ConsoleLanguage, string>> = { fr: 'fr-FR', en: 'en-GB' };

let localization: Localization | undefined;
const intlTags = new Map<ConsoleLanguage, string>();

/** The console's language matching a language tag (`en-GB`, `fr_CA`, `en-US@posix`), if it speaks it. */
export function toConsoleLanguage(tag: string | null | undefined): ConsoleLanguage | undefined {
  const primary = tag?.toLowerCase().split(/[-_@.]/)[0];
  return CONSOLE_LANGUAGES.find((language) => language === primary);
}

/** The language the console speaks now; French until the entry has configured it. */
export function consoleLanguage(): ConsoleLanguage {
  return toConsoleLanguage(localization?.getLocale()) ?? 'fr';
}

/**
 * The tag numbers, dates, money and percentages are written with: the
 * browser's own variant of the console's language when it has one (`en-US`,
 * `fr-CA`), else British English or the French of France.
 */
export function consoleLocale(): string {
  const language = consoleLanguage();
  let tag = intlTags.get(language);
  if (!tag) {
    tag =
      browserLanguages()
        .flatMap(canonical)
        .find((t) => toConsoleLanguage(t) === language) ?? DEFAULT_TAGS[language];
    intlTags.set(language, tag);
  }
  return tag;
}

/** The officer's choice, else the first of the browser's languages the console speaks, else French. */
export function preferredLanguage(): ConsoleLanguage {
  const chosen = toConsoleLanguage(readChoice());
  if (chosen) return chosen;
  for (const tag of browserLanguages()) {
    const language = toConsoleLanguage(tag);
    if (language) return language;
  }
  return 'fr';
}

/**
 * Called once by the entry with the console's localisation: the console
 * speaks `preferredLanguage()`, and `<html lang>` follows each switch.
 * Settles once that language's strings are in (or failed to load: the
 * console then speaks French, whose strings are always there).
 */
export async function startLanguage(value: Localization): Promise<void> {
  localization = value;
  addEventListener(LOCALE_STATUS_EVENT, (event) => {
    if (event.detail.status === 'ready') document.documentElement.lang = event.detail.readyLocale;
  });
  try {
    await localization.setLocale(preferredLanguage());
  } catch (error) {
    console.error('Parvis: the console’s strings could not be loaded; it speaks French.', error);
  }
  document.documentElement.lang = consoleLanguage();
}

/**
 * The officer picks a language: it is remembered in this browser, and every
 * screen re-renders in it once its strings are in. Rejects when they cannot
 * be loaded; the console then keeps its language.
 */
export async function chooseLanguage(language: ConsoleLanguage): Promise<void> {
  try {
    localStorage.setItem(KEY, language);
  } catch {
    // Storage refused (a locked-down browser): the choice lasts as long as the page.
  }
  await localization?.setLocale(language);
}

function readChoice(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** The tag as `Intl` takes it, or none when it is not a valid tag (`en-US@posix`). */
function canonical(tag: string): string[] {
  try {
    return Intl.getCanonicalLocales(tag);
  } catch {
    return [];
  }
}
