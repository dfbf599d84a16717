import { msg } from '@lit/localize';
import type { ErrorCode } from '../contract/errors.js';

/** What a citizen reads for each error code: what happened, and what they can do. */
export function errorMessage(code: ErrorCode): string {
  switch (code) {
    case 'network_error':
    case 'unavailable':
      return msg('Le service de participation est injoignable. Vérifiez votre connexion, puis réessayez.');
    case 'timeout':
      return msg('Le service de participation met trop de temps à répondre. Réessayez dans un instant.');
    case 'poll_not_found':
    case 'not_found':
      return msg('Ce sondage n’existe pas ou a été retiré.');
    case 'poll_closed':
      return msg('Ce sondage est clos : il n’accepte plus de votes.');
    case 'poll_not_open':
      return msg('Ce sondage n’est pas encore ouvert.');
    case 'already_voted':
      return msg('Vous avez déjà voté à ce sondage.');
    case 'verification_required':
    case 'invalid_token':
      return msg(
        'Ce sondage est réservé aux habitants identifiés. Connectez-vous au site de la ville, puis réessayez.',
      );
    case 'token_expired':
      return msg('Votre session a expiré. Reconnectez-vous au site de la ville, puis réessayez.');
    case 'rate_limited':
      return msg('Trop de demandes en peu de temps. Patientez une minute, puis réessayez.');
    case 'origin_not_allowed':
      return msg('Ce site n’est pas autorisé à afficher ce sondage. Merci de prévenir le webmestre.');
    case 'invalid_request':
    case 'unknown_option':
    case 'duplicate_choice':
    case 'too_few_choices':
    case 'too_many_choices':
      return msg('Votre réponse n’a pas pu être enregistrée. Vérifiez vos choix, puis réessayez.');
    default:
      return msg('Une erreur inattendue est survenue. Réessayez dans un instant.');
  }
}
