import * as z from 'zod/mini';

/**
 * Every error code the API can answer with, and its HTTP status. Codes are
 * public and stable: widgets choose their message by code, and integrators may
 * rely on them. Add codes; never rename or reuse one.
 */
export const API_ERRORS = {
  malformed_json: 400,
  invalid_request: 400,
  unsupported_media_type: 415,
  payload_too_large: 413,
  header_too_large: 431,
  voter_required: 400,
  invalid_voter: 400,
  idempotency_key_required: 400,
  invalid_idempotency_key: 400,
  idempotency_key_reused: 422,
  verification_required: 401,
  invalid_token: 401,
  token_expired: 401,
  unauthorized: 401,
  origin_not_allowed: 403,
  results_hidden: 403,
  not_found: 404,
  poll_not_found: 404,
  method_not_allowed: 405,
  poll_not_open: 409,
  poll_closed: 409,
  already_voted: 409,
  poll_exists: 409,
  poll_has_votes: 409,
  unknown_option: 422,
  duplicate_choice: 422,
  too_few_choices: 422,
  too_many_choices: 422,
  idea_box_not_found: 404,
  idea_not_found: 404,
  box_not_open: 409,
  box_closed: 409,
  idea_box_exists: 409,
  idea_not_supportable: 409,
  already_reported: 409,
  unknown_category: 422,
  proof_required: 400,
  invalid_proof: 422,
  spam_detected: 422,
  too_many_links: 422,
  idea_merged: 409,
  category_in_use: 409,
  invalid_subject_key: 400,
  subject_not_found: 404,
  comment_not_found: 404,
  subject_closed: 409,
  mode_mismatch: 422,
  comment_not_allowed: 422,
  too_many_subjects: 400,
  subject_exists: 409,
  subject_has_votes: 409,
  budget_not_found: 404,
  budget_not_open: 409,
  budget_closed: 409,
  ballot_exists: 409,
  budget_exists: 409,
  budget_has_ballots: 409,
  unknown_project: 422,
  duplicate_project: 422,
  district_required: 422,
  unknown_district: 422,
  project_not_in_district: 422,
  over_budget: 422,
  under_min_spend: 422,
  too_few_projects: 422,
  too_many_projects: 422,
  budget_not_closed: 409,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const satisfies Record<string, number>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/**
 * What each code means, for the server's messages and the OpenAPI document.
 * Kept apart from the codes so that browser code, which words its messages by
 * code in the reader's language, never ships these English sentences.
 */
export const API_ERROR_DESCRIPTIONS = {
  malformed_json: 'The body is not valid JSON.',
  invalid_request: 'The body, query or path does not match the contract; `fields` says which field and why.',
  unsupported_media_type: 'A write must be sent as `Content-Type: application/json`.',
  payload_too_large: 'The body is larger than the server accepts.',
  header_too_large: 'A header is larger than the server accepts.',
  voter_required: 'The `Parvis-Voter` header is missing.',
  invalid_voter: 'The `Parvis-Voter` header is not a valid voter token.',
  idempotency_key_required: 'Writes must carry an `Idempotency-Key` header.',
  invalid_idempotency_key: 'The `Idempotency-Key` header is malformed.',
  idempotency_key_reused: 'This `Idempotency-Key` was already used for a different request.',
  verification_required:
    'This consultation counts only verified citizens: a signed token from the host site is required.',
  invalid_token: 'The citizen token is invalid (bad signature, issuer or audience).',
  token_expired: 'The citizen token has expired.',
  unauthorized: 'The admin token is missing or wrong.',
  origin_not_allowed: 'This site is not allowed to call the API (see `PARVIS_ALLOWED_ORIGINS`).',
  results_hidden: 'These results are not public (yet).',
  not_found: 'No such resource.',
  poll_not_found: 'No poll has this id.',
  method_not_allowed: 'This method is not allowed on this path.',
  poll_not_open: 'The poll has not opened yet.',
  poll_closed: 'The poll is closed.',
  already_voted: 'This voter has already voted in this poll and the poll does not allow changing a vote.',
  poll_exists: 'A poll with this id already exists.',
  poll_has_votes: 'The options of a poll cannot change once votes were cast.',
  unknown_option: 'A choice is not an option of this poll.',
  duplicate_choice: 'The same option is chosen twice.',
  too_few_choices: 'Fewer options are chosen than the poll requires.',
  too_many_choices: 'More options are chosen than the poll allows.',
  idea_box_not_found: 'No idea box has this id.',
  idea_not_found: 'No idea has this id, or it is not visible.',
  box_not_open: 'The idea box does not accept ideas yet.',
  box_closed: 'The idea box is closed: it accepts no more ideas or supports.',
  idea_box_exists: 'An idea box with this id already exists.',
  idea_not_supportable:
    'This idea cannot be supported in its current status (awaiting moderation, hidden, merged or closed).',
  already_reported: 'This voter has already reported this idea.',
  unknown_category: 'The category is not one of this idea box.',
  proof_required: 'This write needs a solved proof-of-work challenge (`GET /v1/challenge`).',
  invalid_proof: 'The proof-of-work is wrong, expired or already used; fetch a new challenge.',
  spam_detected: 'The submission looks automated (a field people never fill was filled).',
  too_many_links: 'The text holds more links than an idea may.',
  idea_merged: 'This idea was merged into another one; act on that one instead.',
  category_in_use: 'A category cannot be removed while ideas are filed under it.',
  invalid_subject_key: 'The subject key is empty, too long or has characters a key may not have.',
  subject_not_found: 'No subject has this key on this site, or this id.',
  comment_not_found: 'The subject has no comment with this id.',
  subject_closed: 'The subject is closed: it accepts no more votes.',
  mode_mismatch: 'The vote does not fit the subject’s mode (for example a “down” vote on a support button).',
  comment_not_allowed: 'A comment goes with a "helpful" vote only.',
  too_many_subjects: 'A batched read asks for more subjects than allowed.',
  subject_exists: 'The site already has a subject with this key.',
  subject_has_votes: 'A subject’s mode cannot change once it received votes; reset it first.',
  budget_not_found: 'No budget has this id.',
  budget_not_open: 'The budget vote has not opened yet.',
  budget_closed: 'The budget vote is closed.',
  ballot_exists: 'This voter has already cast a ballot and the budget does not allow changing it.',
  budget_exists: 'A budget with this id already exists.',
  budget_has_ballots: 'Projects, costs and rules cannot change once ballots were cast.',
  unknown_project: 'A project is not one of this budget.',
  duplicate_project: 'The same project is chosen twice.',
  district_required: 'This budget has districts: the ballot must name one.',
  unknown_district: 'The district is not one of this budget.',
  project_not_in_district: 'A project belongs to another district than the ballot’s.',
  over_budget: 'The chosen projects cost more than the envelope.',
  under_min_spend: 'The chosen projects spend less than the share of the envelope the budget requires.',
  too_few_projects: 'Fewer projects are chosen than the budget requires.',
  too_many_projects: 'More projects are chosen than the budget allows.',
  budget_not_closed: 'Results can be published only once the budget vote is closed.',
  rate_limited: 'Too many requests; wait a moment (see `Retry-After`).',
  internal_error: 'An unexpected server error. This is a bug; please report it.',
  unavailable: 'The server cannot serve the request right now.',
} as const satisfies Record<ApiErrorCode, string>;

/**
 * Codes the client itself raises when no answer from the server could be used.
 */
export const CLIENT_ERRORS = {
  network_error: 'The server could not be reached.',
  timeout: 'The server took too long to answer.',
  invalid_response: 'The server answered something that does not match the contract.',
  aborted: 'The request was cancelled.',
  unsupported: 'The configured adapter does not implement this operation.',
} as const;

export type ClientErrorCode = keyof typeof CLIENT_ERRORS;
export type ErrorCode = ApiErrorCode | ClientErrorCode;

export const ErrorEnvelope = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    // Field name → reason. Said as an object of strings rather than `z.record`, which would add
    // the record parser to the browser bundle for the same check.
    fields: z.optional(z.catchall(z.object({}), z.string())),
  }),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;
