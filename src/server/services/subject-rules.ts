import type { VoteMode, VoteValue } from '../../contract/subject.js';
import { ApiError } from '../errors.js';

export interface VoteRequest {
  value: VoteValue;
  /** The mode the widget shows; the subject's own when omitted. */
  mode?: VoteMode;
  comment?: string;
}

/** Refuses a vote the subject cannot take, with the code a widget shows a message for. */
export function checkVote(subject: { mode: VoteMode; closed: boolean }, vote: VoteRequest): void {
  if (subject.closed) throw new ApiError('subject_closed');
  if (vote.mode !== undefined && vote.mode !== subject.mode) throw new ApiError('mode_mismatch');
  if (vote.value === -1 && subject.mode === 'support') throw new ApiError('mode_mismatch');
  // A comment says why a page helped or not: it goes with a "helpful" answer, not with its withdrawal.
  if (vote.comment !== undefined && (subject.mode !== 'helpful' || vote.value === 0))
    throw new ApiError('comment_not_allowed');
}

/** What replacing the vote `from` with `to` adds to the up and down counters. */
export function counterDeltas(from: VoteValue, to: VoteValue): { up: number; down: number } {
  return {
    up: Number(to === 1) - Number(from === 1),
    down: Number(to === -1) - Number(from === -1),
  };
}
