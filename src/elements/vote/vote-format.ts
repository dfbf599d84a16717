import { msg, str } from '@lit/localize';
import { Formatter } from '../intl-formats.js';

/** The vote's counts and score in the reader's language. */
export class VoteFormat extends Formatter {
  /** `+12`, `0`, `-3`: a score reads as a balance. */
  score(value: number): string {
    return value > 0 ? `+${this.number(value)}` : this.number(value);
  }

  supports(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} soutien`) : msg(str`${n} soutiens`);
  }

  ups(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} vote pour`) : msg(str`${n} votes pour`);
  }

  downs(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} vote contre`) : msg(str`${n} votes contre`);
  }

  yeses(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} réponse « oui »`) : msg(str`${n} réponses « oui »`);
  }

  noes(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} réponse « non »`) : msg(str`${n} réponses « non »`);
  }

  scoreText(value: number): string {
    const n = this.score(value);
    return msg(str`Score : ${n}`);
  }

  remaining(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} caractère restant`) : msg(str`${n} caractères restants`);
  }

  over(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} caractère en trop`) : msg(str`${n} caractères en trop`);
  }
}
