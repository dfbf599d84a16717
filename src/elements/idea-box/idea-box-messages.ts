import { msg } from '@lit/localize';
import type { ErrorCode } from '../../contract/errors.js';
import {
  MAX_AUTHOR_NAME,
  MAX_IDEA_BODY,
  MAX_IDEA_TITLE,
  MAX_REPORT_DETAILS,
  type IdeaSort,
  type IdeaStatus,
  type ReportReason,
} from '../../contract/idea.js';
import { errorMessage } from '../error-messages.js';
import type { IdeaBoxFormat } from './idea-box-format.js';

/** What a citizen reads for each error code about an idea box; the codes every widget shares fall back. */
export function ideaErrorMessage(code: ErrorCode): string {
  switch (code) {
    case 'idea_box_not_found':
    case 'not_found':
      return msg('Cette boîte à idées n’existe pas ou a été retirée.');
    case 'idea_not_found':
      return msg('Cette idée n’existe plus ou n’est plus visible.');
    case 'box_not_open':
      return msg('Cette boîte à idées n’est pas encore ouverte.');
    case 'box_closed':
      return msg('Cette boîte à idées est close : elle n’accepte plus d’idées ni de soutiens.');
    case 'idea_not_supportable':
    case 'idea_merged':
      return msg('Cette idée ne peut pas être soutenue dans son état actuel.');
    case 'already_reported':
      return msg('Vous avez déjà signalé cette idée : la modération en est informée.');
    case 'unknown_category':
      return msg('Cette catégorie n’existe pas dans cette boîte à idées. Choisissez-en une autre.');
    case 'proof_required':
    case 'invalid_proof':
      return msg('La vérification anti-spam n’a pas abouti. Réessayez dans un instant.');
    case 'spam_detected':
      return msg(
        'Votre idée ressemble à un envoi automatique et n’a pas été enregistrée. Si un outil remplit le formulaire pour vous, désactivez-le, puis réessayez.',
      );
    case 'too_many_links':
      return msg('Votre texte contient trop de liens. Retirez-en, puis réessayez.');
    case 'invalid_request':
      return msg('Votre idée n’a pas pu être enregistrée. Vérifiez les champs, puis réessayez.');
    case 'verification_required':
    case 'invalid_token':
      return msg(
        'Cette boîte à idées est réservée aux habitants identifiés. Connectez-vous au site de la ville, puis réessayez.',
      );
    case 'origin_not_allowed':
      return msg('Ce site n’est pas autorisé à afficher cette boîte à idées. Merci de prévenir le webmestre.');
    default:
      return errorMessage(code);
  }
}

/** The fields of the idea form, named as the contract names them. */
export type IdeaField = 'title' | 'body' | 'category' | 'authorName';

/**
 * Why a field cannot be sent: the reasons checked here before sending are
 * the ones the server sends back in `fields` (zod's issue codes), so both
 * read the same.
 */
export function fieldMessage(field: IdeaField, reason: string, format: IdeaBoxFormat): string {
  switch (`${field} ${reason}`) {
    case 'title too_small':
      return msg('Saisissez le titre de votre idée.');
    case 'title too_big':
      return format.tooLong('title', MAX_IDEA_TITLE);
    case 'body too_small':
      return msg('Décrivez votre idée.');
    case 'body too_big':
      return format.tooLong('body', MAX_IDEA_BODY);
    case 'body too_many_links':
      return msg('La description contient trop de liens : retirez-en.');
    case 'authorName too_big':
      return format.tooLong('authorName', MAX_AUTHOR_NAME);
    case 'category unknown_category':
      return msg('Choisissez une catégorie de la liste.');
  }
  switch (field) {
    case 'title':
      return msg('Vérifiez le titre.');
    case 'body':
      return msg('Vérifiez la description.');
    case 'category':
      return msg('Vérifiez la catégorie.');
    case 'authorName':
      return msg('Vérifiez le nom affiché.');
  }
}

export function statusLabel(status: IdeaStatus): string {
  switch (status) {
    case 'pending':
      return msg('En attente de modération');
    case 'published':
      return msg('Publiée');
    case 'under_review':
      return msg('À l’étude');
    case 'accepted':
      return msg('Retenue');
    case 'rejected':
      return msg('Non retenue');
    case 'done':
      return msg('Réalisée');
    case 'merged':
      return msg('Fusionnée');
    case 'hidden':
      return msg('Masquée');
  }
}

export function sortLabel(sort: IdeaSort): string {
  switch (sort) {
    case 'top':
      return msg('Les plus soutenues');
    case 'new':
      return msg('Les plus récentes');
    case 'trending':
      return msg('Soutenues ces derniers jours');
  }
}

/** Why a report cannot be sent yet. */
export type ReportProblem = 'no_reason' | 'details_too_long';

export function reportProblem(problem: ReportProblem, format: IdeaBoxFormat): string {
  return problem === 'no_reason'
    ? msg('Choisissez la raison de votre signalement.')
    : format.tooLong('details', MAX_REPORT_DETAILS);
}

export function reasonLabel(reason: ReportReason): string {
  switch (reason) {
    case 'spam':
      return msg('Publicité ou envoi automatique');
    case 'abusive':
      return msg('Propos injurieux, haineux ou menaçants');
    case 'off_topic':
      return msg('Sans rapport avec cette consultation');
    case 'personal_data':
      return msg('Révèle des informations personnelles');
    case 'other':
      return msg('Autre raison');
  }
}
