import { msg, str } from '@lit/localize';
import type { Budget } from '../../contract/budget.js';
import {
  type Ballot,
  type BallotProblem,
  type FitProblem,
  envelopeOf,
  hasDistricts,
  leftOf,
  minimumSpend,
  spentOn,
} from '../../client/budgets.js';
import { Formatter, withDigits } from '../intl-formats.js';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Money, counts and the ballot rules in the reader's language; counts are worded as `Formatter` says. */
export class BudgetFormat extends Formatter {
  readonly #currency: string;

  constructor(locale: string, currency: string) {
    super(locale);
    this.#currency = currency;
  }

  /** Budgets are voted in round sums: no cents. */
  money(amount: number): string {
    const key = `${this.locale} ${this.#currency}`;
    let format = moneyFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(withDigits(this.locale), {
        style: 'currency',
        currency: this.#currency,
        maximumFractionDigits: 0,
      });
      moneyFormats.set(key, format);
    }
    return format.format(amount);
  }

  projects(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} projet`, { id: 'budget.projects.zero' }),
      one: msg(str`${n} projet`, { id: 'budget.projects.one' }),
      two: msg(str`${n} projets`, { id: 'budget.projects.two' }),
      few: msg(str`${n} projets`, { id: 'budget.projects.few' }),
      many: msg(str`${n} de projets`, { id: 'budget.projects.many' }),
      other: msg(str`${n} projets`, { id: 'budget.projects.other' }),
    });
  }

  ballots(count: number): string {
    const n = this.number(count);
    return this.plural(count, {
      zero: msg(str`${n} bulletin`, { id: 'budget.ballots.zero' }),
      one: msg(str`${n} bulletin`, { id: 'budget.ballots.one' }),
      two: msg(str`${n} bulletins`, { id: 'budget.ballots.two' }),
      few: msg(str`${n} bulletins`, { id: 'budget.ballots.few' }),
      many: msg(str`${n} de bulletins`, { id: 'budget.ballots.many' }),
      other: msg(str`${n} bulletins`, { id: 'budget.ballots.other' }),
    });
  }

  /** The rules of a ballot, in sentences, for the envelope of `district` (the whole budget's without one). */
  rules(budget: Budget, district: string | null): string[] {
    const { minProjects: min, maxProjects: max } = budget;
    const sentences: string[] = [];
    if (budget.rule === 'knapsack') {
      const unknown = hasDistricts(budget) && district === null;
      const envelope = this.money(envelopeOf(budget, district));
      sentences.push(
        unknown
          ? msg(
              'Choisissez votre quartier, puis les projets que vous voulez y voir réalisés, dans la limite de son enveloppe.',
            )
          : msg(str`Choisissez les projets que vous voulez voir réalisés, dans la limite de ${envelope}.`),
      );
      if (budget.minSpendShare) {
        const share = this.share(budget.minSpendShare);
        const minimum = this.money(minimumSpend(budget, district));
        sentences.push(
          unknown
            ? msg(str`Votre sélection doit utiliser au moins ${share} de l’enveloppe.`)
            : msg(str`Votre sélection doit utiliser au moins ${share} de l’enveloppe (${minimum}).`),
        );
      }
    } else {
      sentences.push(
        max === null
          ? msg('Choisissez tous les projets que vous soutenez, quel que soit leur coût.')
          : msg(str`Choisissez jusqu’à ${this.projects(max)}, quel que soit leur coût.`),
      );
    }
    if (min !== null && min > 1 && max !== null && budget.rule === 'knapsack') {
      sentences.push(msg(str`Choisissez entre ${this.number(min)} et ${this.projects(max)}.`));
    } else if (min !== null && min > 1) {
      sentences.push(msg(str`Choisissez au moins ${this.projects(min)}.`));
    } else if (max !== null && budget.rule === 'knapsack') {
      sentences.push(msg(str`Choisissez au plus ${this.projects(max)}.`));
    }
    return sentences;
  }

  /** How many projects are chosen, out of how many when the budget limits them. */
  chosen(count: number, max: number | null): string {
    const n = this.number(count);
    if (max !== null) return this.#chosenOf(count, max);
    return this.plural(count, {
      zero: msg(str`${n} projet choisi`, { id: 'budget.chosen.zero' }),
      one: msg(str`${n} projet choisi`, { id: 'budget.chosen.one' }),
      two: msg(str`${n} projets choisis`, { id: 'budget.chosen.two' }),
      few: msg(str`${n} projets choisis`, { id: 'budget.chosen.few' }),
      many: msg(str`${n} de projets choisis`, { id: 'budget.chosen.many' }),
      other: msg(str`${n} projets choisis`, { id: 'budget.chosen.other' }),
    });
  }

  #chosenOf(count: number, max: number): string {
    const [n, m] = [this.number(count), this.number(max)];
    return this.plural(count, {
      zero: msg(str`${n} projet choisi sur ${m}`, { id: 'budget.chosen-of.zero' }),
      one: msg(str`${n} projet choisi sur ${m}`, { id: 'budget.chosen-of.one' }),
      two: msg(str`${n} projets choisis sur ${m}`, { id: 'budget.chosen-of.two' }),
      few: msg(str`${n} projets choisis sur ${m}`, { id: 'budget.chosen-of.few' }),
      many: msg(str`${n} de projets choisis sur ${m}`, { id: 'budget.chosen-of.many' }),
      other: msg(str`${n} projets choisis sur ${m}`, { id: 'budget.chosen-of.other' }),
    });
  }

  /** What is spent and left, for the gauge and its announcements. */
  gauge(budget: Budget, ballot: Ballot): string {
    if (budget.rule === 'approval') return `${this.chosen(ballot.projectIds.length, budget.maxProjects)}.`;
    const count = this.projects(ballot.projectIds.length);
    const spent = this.money(spentOn(budget, ballot.projectIds));
    const left = this.money(Math.max(0, leftOf(budget, ballot)));
    const envelope = this.money(envelopeOf(budget, ballot.district));
    return msg(str`${count}, ${spent} dépensés sur ${envelope}, reste ${left}.`);
  }

  /** Why a project cannot be added, said next to it. */
  fitProblem(problem: FitProblem): string {
    switch (problem.code) {
      case 'over_budget':
        return msg(
          str`Ce projet dépasse de ${this.money(problem.excess)} ce qui reste dans l’enveloppe : retirez un autre projet pour le choisir.`,
        );
      case 'too_many_projects':
        return msg(
          str`Vous avez déjà choisi ${this.projects(problem.max)}, le maximum : retirez-en un pour choisir celui-ci.`,
        );
      case 'project_not_in_district':
        return msg('Ce projet appartient à un autre quartier que celui de votre vote.');
    }
  }

  /** Why the ballot cannot be sent yet. */
  ballotProblem(problem: BallotProblem): string {
    switch (problem.code) {
      case 'district_required':
        return msg('Choisissez d’abord votre quartier.');
      case 'too_few_projects':
        return problem.min === 1
          ? msg('Choisissez au moins un projet.')
          : msg(str`Choisissez au moins ${this.projects(problem.min)}.`);
      case 'too_many_projects':
        return msg(str`Vous pouvez choisir au plus ${this.projects(problem.max)} : retirez-en.`);
      case 'over_budget':
        return msg(str`Votre sélection dépasse l’enveloppe de ${this.money(problem.excess)} : retirez un projet.`);
      case 'under_min_spend':
        return msg(
          str`Votre sélection doit atteindre au moins ${this.money(problem.minimum)} : il manque ${this.money(problem.missing)}.`,
        );
      case 'project_not_in_district':
        return msg('Votre sélection contient un projet d’un autre quartier : retirez-le.');
    }
  }
}
