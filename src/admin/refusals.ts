import { msg } from '@lit/localize';
import type { ErrorCode } from '../contract/errors.js';
import { errorMessage } from './messages.js';

/**
 * What an officer reads when an operation on an idea box, a budget or a
 * contribution fails; the console's other messages are `errorMessage`'s.
 */
export function refusalMessage(code: ErrorCode): string {
  switch (code) {
    case 'idea_box_not_found':
      return msg('Cette boîte à idées n’existe pas ou a été supprimée.');
    case 'idea_not_found':
      return msg('Cette idée n’existe pas ou a été supprimée.');
    case 'idea_merged':
      return msg('Cette idée a été fusionnée dans une autre : agissez sur celle-ci.');
    case 'category_in_use':
      return msg('Des idées sont classées dans cette catégorie : elle ne peut pas être retirée.');
    case 'unknown_category':
      return msg('Cette catégorie n’existe pas dans cette boîte à idées.');
    case 'budget_not_found':
      return msg('Ce budget n’existe pas ou a été supprimé.');
    case 'budget_exists':
      return msg('Un budget porte déjà cet identifiant : choisissez-en un autre.');
    case 'budget_has_ballots':
      return msg(
        'Des bulletins ont déjà été déposés : les projets, leurs coûts, les enveloppes et la règle de vote ne peuvent plus changer.',
      );
    case 'budget_not_closed':
      return msg('Les résultats ne peuvent être publiés qu’une fois le vote clos.');
    case 'unknown_project':
      return msg('Un projet choisi ne fait pas partie de ce budget.');
    case 'duplicate_project':
      return msg('Un bulletin choisit deux fois le même projet.');
    case 'district_required':
      return msg('Choisissez le quartier du bulletin.');
    case 'unknown_district':
      return msg('Ce quartier n’existe pas dans ce budget.');
    case 'project_not_in_district':
      return msg('Un projet choisi appartient à un autre quartier que celui du bulletin.');
    case 'over_budget':
      return msg('Les projets choisis coûtent plus que l’enveloppe.');
    case 'under_min_spend':
      return msg('Les projets choisis dépensent moins que la part minimale de l’enveloppe.');
    case 'too_few_projects':
      return msg('Le bulletin choisit moins de projets que le budget n’en demande.');
    case 'too_many_projects':
      return msg('Le bulletin choisit plus de projets que le budget n’en permet.');
    case 'duplicate_choice':
      return msg('Une réponse compte plus de votes qu’il n’y a de bulletins.');
    case 'too_few_choices':
      return msg('Les bulletins comptent trop peu de réponses pour les règles du sondage.');
    case 'too_many_choices':
      return msg('Les bulletins comptent plus de réponses que les règles du sondage n’en permettent.');
    case 'unknown_option':
      return msg('Une réponse comptée n’existe pas dans ce sondage.');
    default:
      return errorMessage(code);
  }
}
