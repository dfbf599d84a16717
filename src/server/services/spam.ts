import type { SubmitIdea } from '../../contract/idea.js';
import { ApiError } from '../errors.js';

/** More links than this in an idea's title and description is how most spam looks; a citizen rarely needs more. */
export const MAX_LINKS = 2;

/** A web address: a scheme, or `www.` at the start of a word (not the `www.` of an address already counted). */
const LINK = /\b(?:https?|ftp):\/\/[^\s<>"]+|(?<![\w./-])www\.[^\s<>"]+/giu;

/**
 * The checks on the text of a submission that need no database: text that
 * cannot be stored as typed, the honeypot, the links. Each refusal has its
 * own code, so a person who trips one learns what to change.
 */
export function screenSubmission(input: SubmitIdea): void {
  const fields: Record<string, string> = {};
  for (const field of ['title', 'body', 'authorName'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const problem = textProblem(value);
    if (problem) fields[field] = problem;
  }
  if (Object.keys(fields).length > 0) throw new ApiError('invalid_request', fields);
  // People never see the field, so never fill it; form-filling robots fill every field.
  if (input.website) throw new ApiError('spam_detected');
  if (countLinks(`${input.title}\n${input.body}`) > MAX_LINKS) throw new ApiError('too_many_links');
}

export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/**
 * Why a person's text cannot be kept exactly as typed, if it cannot: a NUL
 * character (PostgreSQL text cannot hold it) or half of a surrogate pair (it
 * would come back as U+FFFD). Blank text says nothing. Everything else,
 * markup, scripts, control and zero-width characters included, is stored as
 * typed and only ever shown as text.
 */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000') || Buffer.from(value, 'utf8').toString('utf8') !== value) return 'invalid_character';
  if (value.trim() === '') return 'blank';
  return null;
}
