import { msg, str } from '@lit/localize';
import { Formatter, intlFormat } from '../intl-formats.js';

/** The vote's counts and score in the reader's language; counts are worded as `Formatter` says. */
export class VoteFormat extends Formatter {
  /** `+12`, `0`, `-3`: a score reads as a balance, its sign placed as the reader's language places it. */
  score(value: number): string {
    return intlFormat('score', this.locale).format(value);
  }

  ups(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} vote pour`, { id: 'vote.ups.zero' }),
      one: msg(str`${n} vote pour`, { id: 'vote.ups.one' }),
      two: msg(str`${n} votes pour`, { id: 'vote.ups.two' }),
      few: msg(str`${n} votes pour`, { id: 'vote.ups.few' }),
      many: msg(str`${n} de votes pour`, { id: 'vote.ups.many' }),
      other: msg(str`${n} votes pour`, { id: 'vote.ups.other' }),
    });
  }

  downs(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} vote contre`, { id: 'vote.downs.zero' }),
      one: msg(str`${n} vote contre`, { id: 'vote.downs.one' }),
      two: msg(str`${n} votes contre`, { id: 'vote.downs.two' }),
      few: msg(str`${n} votes contre`, { id: 'vote.downs.few' }),
      many: msg(str`${n} de votes contre`, { id: 'vote.downs.many' }),
      other: msg(str`${n} votes contre`, { id: 'vote.downs.other' }),
    });
  }

  yeses(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} réponse « oui »`, { id: 'vote.yeses.zero' }),
      one: msg(str`${n} réponse « oui »`, { id: 'vote.yeses.one' }),
      two: msg(str`${n} réponses « oui »`, { id: 'vote.yeses.two' }),
      few: msg(str`${n} réponses « oui »`, { id: 'vote.yeses.few' }),
      many: msg(str`${n} de réponses « oui »`, { id: 'vote.yeses.many' }),
      other: msg(str`${n} réponses « oui »`, { id: 'vote.yeses.other' }),
    });
  }

  noes(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} réponse « non »`, { id: 'vote.noes.zero' }),
      one: msg(str`${n} réponse « non »`, { id: 'vote.noes.one' }),
      two: msg(str`${n} réponses « non »`, { id: 'vote.noes.two' }),
      few: msg(str`${n} réponses « non »`, { id: 'vote.noes.few' }),
      many: msg(str`${n} de réponses « non »`, { id: 'vote.noes.many' }),
      other: msg(str`${n} réponses « non »`, { id: 'vote.noes.other' }),
    });
  }

  scoreText(value: number): string {
    const n = this.score(value);
    return msg(str`Score : ${n}`);
  }

  remaining(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} caractère restant`, { id: 'vote.remaining.zero' }),
      one: msg(str`${n} caractère restant`, { id: 'vote.remaining.one' }),
      two: msg(str`${n} caractères restants`, { id: 'vote.remaining.two' }),
      few: msg(str`${n} caractères restants`, { id: 'vote.remaining.few' }),
      many: msg(str`${n} de caractères restants`, { id: 'vote.remaining.many' }),
      other: msg(str`${n} caractères restants`, { id: 'vote.remaining.other' }),
    });
  }

  over(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} caractère en trop`, { id: 'vote.over.zero' }),
      one: msg(str`${n} caractère en trop`, { id: 'vote.over.one' }),
      two: msg(str`${n} caractères en trop`, { id: 'vote.over.two' }),
      few: msg(str`${n} caractères en trop`, { id: 'vote.over.few' }),
      many: msg(str`${n} de caractères en trop`, { id: 'vote.over.many' }),
      other: msg(str`${n} caractères en trop`, { id: 'vote.over.other' }),
    });
  }
}
