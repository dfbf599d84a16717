import { msg, str } from '@lit/localize';
import { intlFormat } from '../intl-formats.js';

/** Counts, plurals and dates of the idea box in the reader's language, all through `Intl`. */
export class IdeaBoxFormat {
  readonly #locale: string;
  readonly #plural: Intl.PluralRules;

  constructor(locale: string) {
    this.#locale = locale;
    this.#plural = intlFormat('plural', locale);
  }

  number(value: number): string {
    return intlFormat('number', this.#locale).format(value);
  }

  date(iso: string): string {
    return intlFormat('date', this.#locale).format(new Date(iso));
  }

  /** French says « 0 idée », English "0 ideas": the category comes from the locale's own rules. */
  ideas(count: number): string {
    const n = this.number(count);
    return this.#one(count) ? msg(str`${n} idée`) : msg(str`${n} idées`);
  }

  supports(count: number): string {
    const n = this.number(count);
    return this.#one(count) ? msg(str`${n} soutien`) : msg(str`${n} soutiens`);
  }

  /** What is left of a field's limit, or how far past it the text goes. */
  remaining(length: number, max: number): string {
    const left = max - length;
    const n = this.number(Math.abs(left));
    if (left >= 0) {
      return this.#one(left) ? msg(str`Il vous reste ${n} caractère.`) : msg(str`Il vous reste ${n} caractères.`);
    }
    return this.#one(-left) ? msg(str`${n} caractère en trop.`) : msg(str`${n} caractères en trop.`);
  }

  /** A limit, said as a field's hint. */
  limit(max: number): string {
    return msg(str`${this.number(max)} caractères au maximum.`);
  }

  #one(count: number): boolean {
    return this.#plural.select(count) === 'one';
  }
}
