/**
 * The `Intl` objects widgets format with. Creating one is costly — the first
 * on a page loads the locale's data, tens of milliseconds on a slow phone —
 * so each is made once per kind and locale, and an element prepares them
 * while its data is on the way.
 */
const FORMATS = {
  number: (locale: string) => new Intl.NumberFormat(locale),
  share: (locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  date: (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }),
  list: (locale: string) => new Intl.ListFormat(locale, { type: 'conjunction' }),
  plural: (locale: string) => new Intl.PluralRules(locale),
};

type Kind = keyof typeof FORMATS;

const made = new Map<string, unknown>();

export function intlFormat<K extends Kind>(kind: K, locale: string): ReturnType<(typeof FORMATS)[K]> {
  const key = `${kind} ${locale}`;
  let format = made.get(key);
  if (!format) made.set(key, (format = FORMATS[kind](locale)));
  return format as ReturnType<(typeof FORMATS)[K]>;
}

/**
 * Makes the costliest formats in tasks of their own, after the placeholder is
 * on screen: the render that shows the data then does not pay for them.
 */
export function prepareFormats(locale: string): void {
  setTimeout(() => intlFormat('date', locale).format(0));
  setTimeout(() => intlFormat('number', locale).format(0));
}

/**
 * What every widget's format shares: numbers, shares, dates and lists in the
 * reader's language, and the plural category a count takes in it. Each
 * widget's format adds its own words (« 1 vote », « 2 projets »…).
 */
export class Formatter {
  protected readonly locale: string;
  readonly #plural: Intl.PluralRules;

  constructor(locale: string) {
    this.locale = locale;
    this.#plural = intlFormat('plural', locale);
  }

  number(value: number): string {
    return intlFormat('number', this.locale).format(value);
  }

  share(value: number): string {
    return intlFormat('share', this.locale).format(value);
  }

  date(iso: string): string {
    return intlFormat('date', this.locale).format(new Date(iso));
  }

  list(items: string[]): string {
    return intlFormat('list', this.locale).format(items);
  }

  /** French says « 0 vote », English "0 votes": the category comes from the locale's own rules. */
  protected one(count: number): boolean {
    return this.#plural.select(count) === 'one';
  }
}
