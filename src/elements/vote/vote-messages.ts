import { msg } from '@lit/localize';
import type { ErrorCode } from '../../contract/errors.js';
import type { VoteMode } from '../../contract/subject.js';
import { errorMessage } from '../error-messages.js';
import type { Told } from './vote-controller.js';

/**
 * What a citizen reads for each error code, worded for a vote button; the
 * codes every widget meets (network, timeout, rate limit…) keep the shared
 * wording of `errorMessage`.
 */
export function voteErrorMessage(code: ErrorCode): string {
  switch (code) {
    case 'subject_closed':
      return msg('Ce vote est clos : il n’accepte plus de réponses.');
    case 'subject_not_found':
    case 'not_found':
      return msg('Ce vote n’existe pas ou a été retiré.');
    case 'invalid_subject_key':
      return msg('Ce bouton de vote est mal configuré (sujet invalide). Merci de prévenir le webmestre.');
    case 'mode_mismatch':
      return msg(
        'Ce bouton de vote ne correspond pas au type de vote choisi pour ce sujet. Merci de prévenir le webmestre.',
      );
    case 'origin_not_allowed':
      return msg('Ce site n’est pas autorisé à afficher ce bouton de vote. Merci de prévenir le webmestre.');
    case 'verification_required':
    case 'invalid_token':
      return msg('Ce vote est réservé aux habitants identifiés. Connectez-vous au site de la ville, puis réessayez.');
    case 'comment_not_allowed':
      return msg('Votre commentaire n’a pas pu être enregistré : répondez d’abord à la question.');
    case 'invalid_request':
    case 'too_many_subjects':
      return msg('Votre vote n’a pas pu être enregistré. Rechargez la page, puis réessayez.');
    default:
      return errorMessage(code);
  }
}

/** What the live region says after this button's vote: recorded, withdrawn, queued, or sent once back online. */
export function announcement(mode: VoteMode, told: Told | null): string {
  if (!told) return '';
  if (told.outcome === 'queued')
    return msg('Vous semblez hors ligne : votre vote sera envoyé dès le retour de la connexion.');
  if (told.outcome === 'sent') return msg('Votre vote en attente a été envoyé.');
  if (mode === 'helpful')
    return told.comment
      ? msg('Merci, votre commentaire est enregistré.')
      : msg('Merci, votre réponse est enregistrée.');
  if (told.value === 0) return mode === 'support' ? msg('Votre soutien est retiré.') : msg('Votre vote est retiré.');
  if (mode === 'support') return msg('Votre soutien est enregistré.');
  return told.value === 1 ? msg('Votre vote « pour » est enregistré.') : msg('Votre vote « contre » est enregistré.');
}

/** Shown on every button of a subject while its vote waits for the connection. */
export function queuedNotice(): string {
  return msg('En attente de connexion : votre vote sera envoyé dès que possible.');
}
