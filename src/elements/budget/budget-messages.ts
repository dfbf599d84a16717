import { msg } from '@lit/localize';
import type { ErrorCode } from '../../contract/errors.js';
import { errorMessage } from '../error-messages.js';

/** What a citizen reads for each error code about a budget; codes every widget shares fall back to theirs. */
export function budgetErrorMessage(code: ErrorCode): string {
  switch (code) {
    case 'budget_not_found':
    case 'not_found':
      return msg('Ce budget participatif n’existe pas ou a été retiré.');
    case 'budget_not_open':
      return msg('Le vote de ce budget participatif n’est pas encore ouvert.');
    case 'budget_closed':
      return msg('Le vote de ce budget participatif est clos : il n’accepte plus de bulletins.');
    case 'ballot_exists':
      return msg('Vous avez déjà voté pour ce budget participatif.');
    case 'verification_required':
    case 'invalid_token':
      return msg('Ce vote est réservé aux habitants identifiés. Connectez-vous au site de la ville, puis réessayez.');
    case 'origin_not_allowed':
      return msg('Ce site n’est pas autorisé à afficher ce budget participatif. Merci de prévenir le webmestre.');
    case 'over_budget':
    case 'under_min_spend':
    case 'too_few_projects':
    case 'too_many_projects':
    case 'unknown_project':
    case 'project_not_in_district':
    case 'unknown_district':
    case 'district_required':
      // The widget checks these rules itself: the server refusing them means the projects or rules changed.
      return msg(
        'Les projets ou les règles de ce budget ont changé depuis l’affichage de la page. Vérifiez votre sélection, puis renvoyez-la.',
      );
    case 'duplicate_project':
    case 'invalid_request':
      return msg('Votre vote n’a pas pu être enregistré. Vérifiez votre sélection, puis réessayez.');
    default:
      return errorMessage(code);
  }
}
