import type { Operation } from '../client/adapter.js';
import { asParvisError, type ParvisError } from '../client/errors.js';
import type { ErrorCode } from '../contract/errors.js';
import type { Poll } from '../contract/poll.js';
import type { SubjectVotes, VoteValue } from '../contract/subject.js';
import type { ParvisElement } from './parvis-element.js';

/**
 * The events several elements fire under one name. Each element's own events
 * are declared beside its class; these are declared once here, since a name
 * can have only one type on `GlobalEventHandlersEventMap`.
 */

/** `parvis-error`: the operation that failed, its code, and what it was about (one of the ids). */
export interface ParvisErrorDetail {
  operation: Operation;
  code: ErrorCode;
  message: string;
  status: number | undefined;
  error: ParvisError;
  pollId?: string;
  boxId?: string;
  ideaId?: string;
  subject?: string;
  budgetId?: string;
}

/** What a `parvis-error` is about: the id of the poll, box, idea, subject or budget. */
export type ErrorAbout = Pick<ParvisErrorDetail, 'pollId' | 'boxId' | 'ideaId' | 'subject' | 'budgetId'>;

/** Fires `parvis-error` for a failed operation, and answers the error the citizen is shown. */
export function reportError(host: ParvisElement, error: unknown, operation: Operation, about: ErrorAbout): ParvisError {
  const parvisError = asParvisError(error);
  const { code, message, status } = parvisError;
  host.emit('parvis-error', { ...about, operation, code, message, status, error: parvisError });
  return parvisError;
}

/** `parvis-voted` from a `<parvis-poll>`. */
export interface PollVotedDetail {
  pollId: string;
  choices: string[];
  poll: Poll;
}

/** `parvis-voted` from a `<parvis-vote>`. */
export interface SubjectVotedDetail {
  subject: string;
  value: VoteValue;
  votes: SubjectVotes;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'parvis-voted': CustomEvent<PollVotedDetail | SubjectVotedDetail>;
    'parvis-error': CustomEvent<ParvisErrorDetail>;
  }
}
