import { API_ERROR_DESCRIPTIONS, API_ERRORS, type ApiErrorCode, type ErrorEnvelope } from '../contract/errors.js';

/** The one error type of the server: a stable code whose HTTP status comes from the contract. */
export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly fields: Record<string, string> | undefined;
  /** Extra response headers, such as `Retry-After` or `Allow`. */
  readonly headers: Record<string, string> | undefined;

  constructor(code: ApiErrorCode, fields?: Record<string, string>, headers?: Record<string, string>) {
    super(API_ERROR_DESCRIPTIONS[code]);
    this.name = 'ApiError';
    this.code = code;
    this.status = API_ERRORS[code];
    this.fields = fields;
    this.headers = headers;
  }

  toJSON(): ErrorEnvelope {
    const error: ErrorEnvelope['error'] = { code: this.code, message: this.message };
    if (this.fields) error.fields = this.fields;
    return { error };
  }
}

export function errorResponse(error: ApiError): Response {
  const headers = new Headers({ 'Content-Type': 'application/json; charset=utf-8', ...error.headers });
  return new Response(JSON.stringify(error.toJSON()), { status: error.status, headers });
}
