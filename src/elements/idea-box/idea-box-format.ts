import { msg, str } from '@lit/localize';
import { Formatter } from '../intl-formats.js';

/** The idea box's counts and limits in the reader's language; counts are worded as `Formatter` says. */
export class IdeaBoxFormat extends Formatter {
  ideas(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} idée`, { id: 'idea-box.ideas.zero' }),
      one: msg(str`${n} idée`, { id: 'idea-box.ideas.one' }),
      two: msg(str`${n} idées`, { id: 'idea-box.ideas.two' }),
      few: msg(str`${n} idées`, { id: 'idea-box.ideas.few' }),
      many: msg(str`${n} d’idées`, { id: 'idea-box.ideas.many' }),
      other: msg(str`${n} idées`, { id: 'idea-box.ideas.other' }),
    });
  }

  /** What is left of a field's limit, or how far past it the text goes. */
  remaining(length: number, max: number): string {
    const left = max - length;
    const n = this.number(Math.abs(left));
    if (left >= 0) {
      return this.plural(left, {
        zero: msg(str`Il vous reste ${n} caractère.`, { id: 'idea-box.remaining.zero' }),
        one: msg(str`Il vous reste ${n} caractère.`, { id: 'idea-box.remaining.one' }),
        two: msg(str`Il vous reste ${n} caractères.`, { id: 'idea-box.remaining.two' }),
        few: msg(str`Il vous reste ${n} caractères.`, { id: 'idea-box.remaining.few' }),
        many: msg(str`Il vous reste ${n} de caractères.`, { id: 'idea-box.remaining.many' }),
        other: msg(str`Il vous reste ${n} caractères.`, { id: 'idea-box.remaining.other' }),
      });
    }
    return this.plural(-left, {
      zero: msg(str`${n} caractère en trop.`, { id: 'idea-box.over.zero' }),
      one: msg(str`${n} caractère en trop.`, { id: 'idea-box.over.one' }),
      two: msg(str`${n} caractères en trop.`, { id: 'idea-box.over.two' }),
      few: msg(str`${n} caractères en trop.`, { id: 'idea-box.over.few' }),
      many: msg(str`${n} de caractères en trop.`, { id: 'idea-box.over.many' }),
      other: msg(str`${n} caractères en trop.`, { id: 'idea-box.over.other' }),
    });
  }

  /** A limit, said as a field's hint. */
  limit(max: number): string {
    const n = this.number(max);
    return this.plural(max, {
      zero: msg(str`${n} caractère au maximum.`, { id: 'idea-box.limit.zero' }),
      one: msg(str`${n} caractère au maximum.`, { id: 'idea-box.limit.one' }),
      two: msg(str`${n} caractères au maximum.`, { id: 'idea-box.limit.two' }),
      few: msg(str`${n} caractères au maximum.`, { id: 'idea-box.limit.few' }),
      many: msg(str`${n} de caractères au maximum.`, { id: 'idea-box.limit.many' }),
      other: msg(str`${n} caractères au maximum.`, { id: 'idea-box.limit.other' }),
    });
  }

  /** A field's text is longer than its limit. */
  tooLong(field: 'title' | 'body' | 'authorName' | 'details', max: number): string {
    const n = this.number(max);
    switch (field) {
      case 'title':
        return this.plural(max, {
          zero: msg(str`Le titre doit faire ${n} caractère au maximum.`, { id: 'idea-box.title-too-long.zero' }),
          one: msg(str`Le titre doit faire ${n} caractère au maximum.`, { id: 'idea-box.title-too-long.one' }),
          two: msg(str`Le titre doit faire ${n} caractères au maximum.`, { id: 'idea-box.title-too-long.two' }),
          few: msg(str`Le titre doit faire ${n} caractères au maximum.`, { id: 'idea-box.title-too-long.few' }),
          many: msg(str`Le titre doit faire ${n} de caractères au maximum.`, { id: 'idea-box.title-too-long.many' }),
          other: msg(str`Le titre doit faire ${n} caractères au maximum.`, { id: 'idea-box.title-too-long.other' }),
        });
      case 'body':
        return this.plural(max, {
          zero: msg(str`La description doit faire ${n} caractère au maximum.`, { id: 'idea-box.body-too-long.zero' }),
          one: msg(str`La description doit faire ${n} caractère au maximum.`, { id: 'idea-box.body-too-long.one' }),
          two: msg(str`La description doit faire ${n} caractères au maximum.`, { id: 'idea-box.body-too-long.two' }),
          few: msg(str`La description doit faire ${n} caractères au maximum.`, { id: 'idea-box.body-too-long.few' }),
          many: msg(str`La description doit faire ${n} de caractères au maximum.`, {
            id: 'idea-box.body-too-long.many',
          }),
          other: msg(str`La description doit faire ${n} caractères au maximum.`, {
            id: 'idea-box.body-too-long.other',
          }),
        });
      case 'authorName':
        return this.plural(max, {
          zero: msg(str`Le nom affiché doit faire ${n} caractère au maximum.`, { id: 'idea-box.name-too-long.zero' }),
          one: msg(str`Le nom affiché doit faire ${n} caractère au maximum.`, { id: 'idea-box.name-too-long.one' }),
          two: msg(str`Le nom affiché doit faire ${n} caractères au maximum.`, { id: 'idea-box.name-too-long.two' }),
          few: msg(str`Le nom affiché doit faire ${n} caractères au maximum.`, { id: 'idea-box.name-too-long.few' }),
          many: msg(str`Le nom affiché doit faire ${n} de caractères au maximum.`, {
            id: 'idea-box.name-too-long.many',
          }),
          other: msg(str`Le nom affiché doit faire ${n} caractères au maximum.`, {
            id: 'idea-box.name-too-long.other',
          }),
        });
      case 'details':
        return this.plural(max, {
          zero: msg(str`Vos précisions doivent faire ${n} caractère au maximum.`, {
            id: 'idea-box.details-too-long.zero',
          }),
          one: msg(str`Vos précisions doivent faire ${n} caractère au maximum.`, {
            id: 'idea-box.details-too-long.one',
          }),
          two: msg(str`Vos précisions doivent faire ${n} caractères au maximum.`, {
            id: 'idea-box.details-too-long.two',
          }),
          few: msg(str`Vos précisions doivent faire ${n} caractères au maximum.`, {
            id: 'idea-box.details-too-long.few',
          }),
          many: msg(str`Vos précisions doivent faire ${n} de caractères au maximum.`, {
            id: 'idea-box.details-too-long.many',
          }),
          other: msg(str`Vos précisions doivent faire ${n} caractères au maximum.`, {
            id: 'idea-box.details-too-long.other',
          }),
        });
    }
  }
}
