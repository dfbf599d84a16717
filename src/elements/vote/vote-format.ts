import { msg, str } from '@lit/localize';
import { intlFormat } from '../intl-formats.js';

/** Counts and plurals in the reader's language, through `Intl`. */
export class VoteFormat {
  readonly #locale: string;
  readonly #plural: Intl.PluralRules;

  constructor(locale: string) {
    this.#locale = locale;
    this.#plural = intlFormat('plural', locale);
  }

  number(value: number): string {
    return intlFormat('number', this.#locale).format(value);
  }

  /** `+12`, `0`, `-3`: a score reads as a balance. */
  score(value: number): string {
    return value > 0 ? `+${this.number(value)}` : this.number(value);
  }

  #one(count: number): boolean {
    return this.#plural.select(count) === 'one';
  }

  supports(count: number): string {
    const n = this.number(count);
    return this.#one(count) ? msg(str`${n} soutien`) : msg(str`${n} soutiens`);
  }

  ups(count: number): string {
    const n = this.number(count);
    return this.#one(count) ? msg(str`${n} vote pour`) : msg(str`${n} votes pour`);
  }

  downs(count: number): string {
    const n = this.number(count);
    return this.#one(count) ? msg(str`${n} vote contre`) : msg(str`${n} votes contre`);
  }

  yeses(count: number): string {
    const n = this.number(count);
    return this.#one(count) ? msg(str`${n} réponse « oui »`) : msg(str`${n} réponses « oui »`);
  }

  noes(count: number): string {
    const n = this.number(count);
    return this.#one(count) ? msg(str`${n} réponse « non »`) : msg(str`${n} réponses « non »`);
  }

  scoreText(value: number): string {
    const n = this.score(value);
    return msg(str`Score : ${n}`);
  }

  remaining(count: number): string {
    const n = this.number(count);
    return this.#one(count) ? msg(str`${n} caractère restant`) : msg(str`${n} caractères restants`);
  }

  over(count: number): string {
    const n = this.number(count);
    return this.#one(count) ? msg(str`${n} caractère en trop`) : msg(str`${n} caractères en trop`);
  }
}
