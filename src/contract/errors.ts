import * as z from 'zod/mini';

/**
 * Every error code the API can answer with, its HTTP status and what it means.
 * Codes are public and stable: widgets choose their message by code, and
 * integrators may rely on them. Add codes; never rename or reuse one.
 */
export const API_ERRORS = {
  malformed_json: [400, 'The body is not valid JSON.'],
  invalid_request: [400, 'The body, query or path does not match the contract; `fields` says which field and why.'],
  unsupported_media_type: [415, 'A write must be sent as `Content-Type: application/json`.'],
  payload_too_large: [413, 'The body is larger than the server accepts.'],
  header_too_large: [431, 'A header is larger than the server accepts.'],
  voter_required: [400, 'The `Parvis-Voter` header is missing.'],
  invalid_voter: [400, 'The `Parvis-Voter` header is not a valid voter token.'],
  idempotency_key_required: [400, 'Writes must carry an `Idempotency-Key` header.'],
  invalid_idempotency_key: [400, 'The `Idempotency-Key` header is malformed.'],
  idempotency_key_reused: [422, 'This `Idempotency-Key` was already used for a different request.'],
  verification_required: [
    401,
    'This consultation counts only verified citizens: a signed token from the host site is required.',
  ],
  invalid_token: [401, 'The citizen token is invalid (bad signature, issuer or audience).'],
  token_expired: [401, 'The citizen token has expired.'],
  unauthorized: [401, 'The admin token is missing or wrong.'],
  origin_not_allowed: [403, 'This site is not allowed to call the API (see `PARVIS_ALLOWED_ORIGINS`).'],
  results_hidden: [403, 'The results of this poll are not public (yet).'],
  not_found: [404, 'No such resource.'],
  poll_not_found: [404, 'No poll has this id.'],
  method_not_allowed: [405, 'This method is not allowed on this path.'],
  poll_not_open: [409, 'The poll has not opened yet.'],
  poll_closed: [409, 'The poll is closed.'],
  already_voted: [409, 'This voter has already voted in this poll and the poll does not allow changing a vote.'],
  poll_exists: [409, 'A poll with this id already exists.'],
  poll_has_votes: [409, 'The options of a poll cannot change once votes were cast.'],
  unknown_option: [422, 'A choice is not an option of this poll.'],
  duplicate_choice: [422, 'The same option is chosen twice.'],
  too_few_choices: [422, 'Fewer options are chosen than the poll requires.'],
  too_many_choices: [422, 'More options are chosen than the poll allows.'],
  rate_limited: [429, 'Too many requests; wait a moment (see `Retry-After`).'],
  internal_error: [500, 'An unexpected server error. This is a bug; please report it.'],
  unavailable: [503, 'The server cannot serve the request right now.'],
} as const satisfies Record<string, readonly [number, string]>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/**
 * Codes the client itself raises when no answer from the server could be used.
 */
export const CLIENT_ERRORS = {
  network_error: 'The server could not be reached.',
  timeout: 'The server took too long to answer.',
  invalid_response: 'The server answered something that does not match the contract.',
  aborted: 'The request was cancelled.',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERRORS;
export type ErrorCode = ApiErrorCode | ClientErrorCode;

export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.record(z.string(), z.string())),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
