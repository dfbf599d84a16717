import { API_ERRORS, CLIENT_ERRORS, type ErrorCode } from '../contract/errors.js';

/**
 * The one error type of the browser side. Whatever went wrong — the network,
 * a timeout, an answer that breaks the contract, or an error the server
 * reported — widgets receive a `ParvisError` and choose their message by `code`.
 */
export class ParvisError extends Error {
  override readonly name = 'ParvisError';
  readonly code: ErrorCode;
  /** The HTTP status, when a server answered. */
  readonly status: number | undefined;
  /** Per-field reasons sent with `invalid_request`. */
  readonly fields: Readonly<Record<string, string>> | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    init: { status?: number; fields?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message ?? describe(code), { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.fields = init.fields;
  }
}

/** Whatever a call threw, as the error widgets show: what is not a `ParvisError` never reached a server. */
export function asParvisError(error: unknown): ParvisError {
  return error instanceof ParvisError ? error : new ParvisError('network_error', undefined, { cause: error });
}

/** The server's own message travels with its codes; a code raised here without one is named as is. */
function describe(code: ErrorCode): string {
  return code in CLIENT_ERRORS ? CLIENT_ERRORS[code as keyof typeof CLIENT_ERRORS] : code;
}

/** A code the server may send that this version does not know yet is still an error, just a generic one. */
export function knownCode(code: string, status: number): ErrorCode {
  if (code in API_ERRORS || code in CLIENT_ERRORS) return code as ErrorCode;
  return status >= 500 ? 'internal_error' : 'invalid_request';
}

/** Whether the request may never have reached the server, so sending it again later is worth it. */
export function isRetryableOffline(error: unknown): boolean {
  return error instanceof ParvisError && (error.code === 'network_error' || error.code === 'timeout');
}

/**
 * Whether a queued write should stay queued: besides the network, a server
 * that is down, overloaded or failing (5xx, 429) has not judged the vote.
 */
export function isWorthRetrying(error: unknown): boolean {
  return (
    isRetryableOffline(error) ||
    (error instanceof ParvisError && (error.code === 'rate_limited' || (error.status ?? 0) >= 500))
  );
}
