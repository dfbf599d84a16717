import { msg, str } from '@lit/localize';
import type { Poll } from '../../contract/poll.js';
import { Formatter } from '../intl-formats.js';

/** The poll's counts, hints and problems in the reader's language. */
export class PollFormat extends Formatter {
  votes(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} vote`) : msg(str`${n} votes`);
  }

  voters(count: number): string {
    const n = this.number(count);
    return this.one(count) ? msg(str`${n} participant`) : msg(str`${n} participants`);
  }

  choiceHint(poll: Poll): string {
    const { minChoices: min, maxChoices: max } = poll;
    const [a, b] = [this.number(min), this.number(max)];
    if (min === max) return this.one(min) ? msg('Choisissez une réponse.') : msg(str`Choisissez ${a} réponses.`);
    if (min <= 1) return msg(str`Choisissez jusqu’à ${b} réponses.`);
    return msg(str`Choisissez entre ${a} et ${b} réponses.`);
  }

  /** Why the selection cannot be sent yet, or `null` when it can. */
  selectionProblem(poll: Poll, count: number): string | null {
    const [min, max] = [this.number(poll.minChoices), this.number(poll.maxChoices)];
    if (count === 0) return msg('Choisissez au moins une réponse avant de voter.');
    if (count < poll.minChoices) return msg(str`Choisissez au moins ${min} réponses avant de voter.`);
    if (count > poll.maxChoices)
      return msg(str`Vous pouvez choisir au plus ${max} réponses : retirez-en avant de voter.`);
    return null;
  }

  /** Selection progress for checkboxes; read with the hint. */
  selected(count: number, poll: Poll): string {
    const [n, max] = [this.number(count), this.number(poll.maxChoices)];
    return msg(str`${n} sur ${max} choisies`);
  }
}
