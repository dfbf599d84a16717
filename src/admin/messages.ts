import { msg } from '@lit/localize';
import type { ErrorCode } from '../contract/errors.js';

/** What an officer reads when an operation fails: what happened, and what to do. */
export function errorMessage(code: ErrorCode): string {
  switch (code) {
    case 'network_error':
    case 'unavailable':
      return msg('Le serveur Parvis est injoignable. Vérifiez votre connexion, puis réessayez.');
    case 'timeout':
      return msg('Le serveur Parvis met trop de temps à répondre. Réessayez dans un instant.');
    case 'unauthorized':
      return msg('Votre jeton d’administration n’est plus accepté. Reconnectez-vous.');
    case 'poll_not_found':
      return msg('Ce sondage n’existe pas ou a été supprimé.');
    case 'subject_not_found':
      return msg('Ce sujet n’existe pas ou a été supprimé.');
    case 'comment_not_found':
      return msg('Ce commentaire n’existe plus.');
    case 'not_found':
      return msg('Cette page n’existe pas.');
    case 'poll_exists':
      return msg('Un sondage porte déjà cet identifiant : choisissez-en un autre.');
    case 'poll_has_votes':
      return msg('Des personnes ont déjà voté : les réponses proposées ne peuvent plus changer.');
    case 'rate_limited':
      return msg('Trop de demandes en peu de temps. Patientez une minute, puis réessayez.');
    case 'invalid_request':
      return msg('Le serveur a refusé ces informations. Corrigez les champs signalés, puis réessayez.');
    case 'invalid_response':
      return msg(
        'Le serveur a répondu de façon inattendue. Rechargez la page ; si cela continue, prévenez l’équipe technique.',
      );
    default:
      return msg(
        'Une erreur inattendue est survenue. Réessayez dans un instant ; si cela continue, prévenez l’équipe technique.',
      );
  }
}
