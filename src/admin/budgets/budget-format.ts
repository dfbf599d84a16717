import { msg, str } from '@lit/localize';
import type { AdminBudget } from '../../contract/budget.js';
import { BudgetFormat } from '../../elements/budget/budget-format.js';
import { consoleLocale, formatNumber, formatShare } from '../format.js';

/** Money and counts as the budget widget says them, in the console's language. */
export function budgetFormat(budget: Pick<AdminBudget, 'currency'>): BudgetFormat {
  return new BudgetFormat(consoleLocale(), budget.currency);
}

/** The ballot rule and its limits, in one sentence for the officer. */
export function ruleLabel(budget: AdminBudget): string {
  const format = budgetFormat(budget);
  const limits: string[] = [];
  if (budget.rule === 'knapsack') {
    limits.push(msg('chacun choisit des projets dont les coûts tiennent dans l’enveloppe de son quartier'));
    if (budget.minSpendShare)
      limits.push(msg(str`en dépensant au moins ${formatShare(budget.minSpendShare)} de l’enveloppe`));
    if (budget.maxProjects !== null) limits.push(msg(str`au plus ${format.projects(budget.maxProjects)}`));
  } else {
    limits.push(
      budget.maxProjects === null
        ? msg('chacun choisit autant de projets qu’il veut, quel que soit leur coût')
        : msg(str`chacun choisit jusqu’à ${format.projects(budget.maxProjects)}, quel que soit leur coût`),
    );
  }
  if (budget.minProjects !== null && budget.minProjects > 1)
    limits.push(msg(str`au moins ${formatNumber(budget.minProjects)} projets`));
  const rule = budget.rule === 'knapsack' ? msg('Vote dans la limite de l’enveloppe') : msg('Vote par approbation');
  return msg(str`${rule} : ${limits.join(', ')}.`);
}

/** How the server picks the funded projects (services/budget-results.ts), said to the officer and the public. */
export function fundingRule(): string {
  return msg(
    'Dans chaque enveloppe (chaque quartier, ou tout le budget), les projets sont pris dans l’ordre des votes, le plus soutenu d’abord : un projet est financé si son coût tient dans ce qui reste de l’enveloppe ; sinon il est passé, et le suivant est examiné. À égalité de votes, le projet le moins cher passe d’abord. Un projet qu’aucun bulletin n’a choisi n’est pas financé.',
  );
}
