import { msg, str } from '@lit/localize';
import type { Poll } from '../../contract/poll.js';
import { Formatter } from '../intl-formats.js';

/** The poll's counts, hints and problems in the reader's language; counts are worded as `Formatter` says. */
export class PollFormat extends Formatter {
  voters(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} participant`, { id: 'poll.voters.zero' }),
      one: msg(str`${n} participant`, { id: 'poll.voters.one' }),
      two: msg(str`${n} participants`, { id: 'poll.voters.two' }),
      few: msg(str`${n} participants`, { id: 'poll.voters.few' }),
      many: msg(str`${n} de participants`, { id: 'poll.voters.many' }),
      other: msg(str`${n} participants`, { id: 'poll.voters.other' }),
    });
  }

  choiceHint(poll: Poll): string {
    const { minChoices: min, maxChoices: max } = poll;
    if (min === max) return min === 1 ? msg('Choisissez une réponse.') : this.#exactly(min);
    if (min <= 1) return this.#upTo(max);
    return this.#between(min, max);
  }

  #exactly(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`Choisissez ${n} réponse.`, { id: 'poll.exactly.zero' }),
      one: msg(str`Choisissez ${n} réponse.`, { id: 'poll.exactly.one' }),
      two: msg(str`Choisissez ${n} réponses.`, { id: 'poll.exactly.two' }),
      few: msg(str`Choisissez ${n} réponses.`, { id: 'poll.exactly.few' }),
      many: msg(str`Choisissez ${n} de réponses.`, { id: 'poll.exactly.many' }),
      other: msg(str`Choisissez ${n} réponses.`, { id: 'poll.exactly.other' }),
    });
  }

  #upTo(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`Choisissez jusqu’à ${n} réponse.`, { id: 'poll.up-to.zero' }),
      one: msg(str`Choisissez jusqu’à ${n} réponse.`, { id: 'poll.up-to.one' }),
      two: msg(str`Choisissez jusqu’à ${n} réponses.`, { id: 'poll.up-to.two' }),
      few: msg(str`Choisissez jusqu’à ${n} réponses.`, { id: 'poll.up-to.few' }),
      many: msg(str`Choisissez jusqu’à ${n} de réponses.`, { id: 'poll.up-to.many' }),
      other: msg(str`Choisissez jusqu’à ${n} réponses.`, { id: 'poll.up-to.other' }),
    });
  }

  /** Worded by the upper bound, as « entre 2 et 3 réponses » is. */
  #between(min: number, max: number): string {
    const [a, n] = [this.number(min), this.number(max)];
    return this.plural(max, {
      zero: msg(str`Choisissez entre ${a} et ${n} réponses.`, { id: 'poll.between.zero' }),
      one: msg(str`Choisissez entre ${a} et ${n} réponses.`, { id: 'poll.between.one' }),
      two: msg(str`Choisissez entre ${a} et ${n} réponses.`, { id: 'poll.between.two' }),
      few: msg(str`Choisissez entre ${a} et ${n} réponses.`, { id: 'poll.between.few' }),
      many: msg(str`Choisissez entre ${a} et ${n} de réponses.`, { id: 'poll.between.many' }),
      other: msg(str`Choisissez entre ${a} et ${n} réponses.`, { id: 'poll.between.other' }),
    });
  }

  /** Why the selection cannot be sent yet, or `null` when it can. */
  selectionProblem(poll: Poll, count: number): string | null {
    if (count === 0) return msg('Choisissez au moins une réponse avant de voter.');
    if (count < poll.minChoices) return this.#tooFew(poll.minChoices);
    if (count > poll.maxChoices) return this.#tooMany(poll.maxChoices);
    return null;
  }

  #tooFew(min: number): string {
    const n = this.number(min);
    return this.plural(min, {
      zero: msg(str`Choisissez au moins ${n} réponse avant de voter.`, { id: 'poll.too-few.zero' }),
      one: msg(str`Choisissez au moins ${n} réponse avant de voter.`, { id: 'poll.too-few.one' }),
      two: msg(str`Choisissez au moins ${n} réponses avant de voter.`, { id: 'poll.too-few.two' }),
      few: msg(str`Choisissez au moins ${n} réponses avant de voter.`, { id: 'poll.too-few.few' }),
      many: msg(str`Choisissez au moins ${n} de réponses avant de voter.`, { id: 'poll.too-few.many' }),
      other: msg(str`Choisissez au moins ${n} réponses avant de voter.`, { id: 'poll.too-few.other' }),
    });
  }

  #tooMany(max: number): string {
    const n = this.number(max);
    return this.plural(max, {
      zero: msg(str`Vous pouvez choisir au plus ${n} réponse : retirez-en avant de voter.`, {
        id: 'poll.too-many.zero',
      }),
      one: msg(str`Vous pouvez choisir au plus ${n} réponse : retirez-en avant de voter.`, {
        id: 'poll.too-many.one',
      }),
      two: msg(str`Vous pouvez choisir au plus ${n} réponses : retirez-en avant de voter.`, {
        id: 'poll.too-many.two',
      }),
      few: msg(str`Vous pouvez choisir au plus ${n} réponses : retirez-en avant de voter.`, {
        id: 'poll.too-many.few',
      }),
      many: msg(str`Vous pouvez choisir au plus ${n} de réponses : retirez-en avant de voter.`, {
        id: 'poll.too-many.many',
      }),
      other: msg(str`Vous pouvez choisir au plus ${n} réponses : retirez-en avant de voter.`, {
        id: 'poll.too-many.other',
      }),
    });
  }

  /** Selection progress for checkboxes; read with the hint. */
  selected(count: number, poll: Poll): string {
    const [n, max] = [this.number(count), this.number(poll.maxChoices)];
    return this.plural(count, {
      zero: msg(str`${n} sur ${max} choisie`, { id: 'poll.selected.zero' }),
      one: msg(str`${n} sur ${max} choisie`, { id: 'poll.selected.one' }),
      two: msg(str`${n} sur ${max} choisies`, { id: 'poll.selected.two' }),
      few: msg(str`${n} sur ${max} choisies`, { id: 'poll.selected.few' }),
      many: msg(str`${n} sur ${max} choisies`, { id: 'poll.selected.many' }),
      other: msg(str`${n} sur ${max} choisies`, { id: 'poll.selected.other' }),
    });
  }
}
