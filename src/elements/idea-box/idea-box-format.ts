import { msg, str } from '@lit/localize';
import { Formatter } from '../intl-formats.js';

/** The idea box's counts and limits in the reader's language. */
export class IdeaBoxFormat extends Formatter {
  ideas(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} idée`) : msg(str`${n} idées`);
  }

  supports(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} soutien`) : msg(str`${n} soutiens`);
  }

  /** What is left of a field's limit, or how far past it the text goes. */
  remaining(length: number, max: number): string {
    const left = max - length;
    const n = this.number(Math.abs(left));
    if (left >= 0) {
      return this.one(left) ? msg(str`Il vous reste ${n} caractère.`) : msg(str`Il vous reste ${n} caractères.`);
    }
    return this.one(-left) ? msg(str`${n} caractère en trop.`) : msg(str`${n} caractères en trop.`);
  }

  /** A limit, said as a field's hint. */
  limit(max: number): string {
    return msg(str`${this.number(max)} caractères au maximum.`);
  }
}
