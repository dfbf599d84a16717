import * as z from 'zod/mini';

/** A public identifier chosen by the city: lower-case letters, digits and dashes. */
export const Slug = z.string().check(z.regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/));

/** An instant, as an ISO 8601 string with a time zone. */
export const Instant = z.iso.datetime({ offset: true });

/** The random token a widget creates on a citizen's first participation. */
export const VOTER_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;
/** The key that makes a retried write count once. */
export const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,128}$/;

export const VOTER_HEADER = 'Parvis-Voter';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Plain text written by a person: trimmed by the widget, never interpreted as markup. */
export const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
