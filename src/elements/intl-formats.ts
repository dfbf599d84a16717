import { msg, str } from '@lit/localize';

/**
 * The `Intl` objects widgets format with. Creating one is costly — the first
 * on a page loads the locale's data, tens of milliseconds on a slow phone —
 * so each is made once per kind and locale, and an element prepares them
 * while its data is on the way.
 */
const FORMATS = {
  number: (locale: string) => new Intl.NumberFormat(locale),
  score: (locale: string) => new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' }),
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
  if (!format) made.set(key, (format = FORMATS[kind](withDigits(locale))));
  return format as ReturnType<(typeof FORMATS)[K]>;
}

/**
 * Arabic is written with Western digits (0–9), as in the Maghreb and on French
 * public sites, where the figures of a consultation's own texts are Western
 * too. Recent CLDR data makes them the default of `ar`, but older browsers
 * still default to Arabic-Indic digits (٠–٩). A page that names a region
 * (`lang="ar-EG"`) gets that region's digits.
 */
export function withDigits(locale: string): string {
  return locale.toLowerCase() === 'ar' ? 'ar-u-nu-latn' : locale;
}

/**
 * Makes the costliest formats in tasks of their own, after the placeholder is
 * on screen: the render that shows the data then does not pay for them.
 */
export function prepareFormats(locale: string): void {
  setTimeout(() => intlFormat('date', locale).format(0));
  setTimeout(() => intlFormat('number', locale).format(0));
}

/** One wording of a count for each plural category of CLDR. */
export type PluralForms = Readonly<Record<Intl.LDMLPluralRule, string>>;

/**
 * What every widget's format shares: numbers, shares, dates and lists in the
 * reader's language, and the counts said the same way by several widgets.
 * Each widget's format adds its own words (« 1 vote », « 2 projets »…).
 *
 * Every count is worded through `plural()`, one way everywhere. @lit/localize
 * has no ICU plurals, so a counted wording is six messages, one per CLDR
 * category, each with an explicit id `<widget>.<wording>.<category>`:
 *
 *     this.plural(count, {
 *       zero: msg(str`${n} vote`, { id: 'count.votes.zero' }),
 *       one: msg(str`${n} vote`, { id: 'count.votes.one' }),
 *       …
 *       other: msg(str`${n} votes`, { id: 'count.votes.other' }),
 *     });
 *
 * Every category thus exists in the source, and each language words the
 * forms it uses: Arabic all six (0, 1, 2, 3–10, 11–99, the rest); French
 * `one` (0 and 1), `many` (whole millions: « 1 000 000 de votes ») and
 * `other`; English `one` and `other`. A language repeats its `other` wording
 * in the categories it does not use. `Intl.PluralRules` of the locale picks
 * the form; each form keeps the count's placeholder `${n}`.
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

  /** The wording of `count` in the plural category the reader's language gives it. */
  protected plural(count: number, forms: PluralForms): string {
    return forms[this.#plural.select(count)];
  }

  /** Votes for a poll's answer or a budget's project. */
  votes(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} vote`, { id: 'count.votes.zero' }),
      one: msg(str`${n} vote`, { id: 'count.votes.one' }),
      two: msg(str`${n} votes`, { id: 'count.votes.two' }),
      few: msg(str`${n} votes`, { id: 'count.votes.few' }),
      many: msg(str`${n} de votes`, { id: 'count.votes.many' }),
      other: msg(str`${n} votes`, { id: 'count.votes.other' }),
    });
  }

  /** Supports of an idea or a subject. */
  supports(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} soutien`, { id: 'count.supports.zero' }),
      one: msg(str`${n} soutien`, { id: 'count.supports.one' }),
      two: msg(str`${n} soutiens`, { id: 'count.supports.two' }),
      few: msg(str`${n} soutiens`, { id: 'count.supports.few' }),
      many: msg(str`${n} de soutiens`, { id: 'count.supports.many' }),
      other: msg(str`${n} soutiens`, { id: 'count.supports.other' }),
    });
  }
}
