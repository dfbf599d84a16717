import * as z from 'zod/mini';
import { CastPollVote, Poll } from '../contract/poll.js';
import type { ParvisAdapter, RequestContext } from './adapter.js';
import { DEFAULT_TIMEOUT, configured } from './config.js';
import { ParvisError } from './errors.js';
import { RestAdapter } from './rest-adapter.js';
import { ensureVoterToken, randomToken, voterToken } from './voter.js';

export interface CallOptions {
  /** Abort when the caller no longer needs the answer. */
  signal?: AbortSignal;
  /** Milliseconds; defaults to `Parvis.configure({ timeout })`, else 10 s. */
  timeout?: number;
}

export interface WriteOptions extends CallOptions {
  /** Reuse the key of a first attempt when sending a write again. */
  idempotencyKey?: string;
}

const restAdapter = new RestAdapter();

/**
 * The one way widgets talk to a backend: whichever adapter is configured, every
 * call gets a timeout and an `AbortSignal`, every answer is checked against the
 * contract, and every failure is a `ParvisError`.
 */
export class ApiClient {
  readonly api: string;
  readonly #adapter: ParvisAdapter | undefined;

  /** Without an adapter, the one from `Parvis.configure({ adapter })` is used, else the REST contract. */
  constructor(api: string, adapter?: ParvisAdapter) {
    this.api = api;
    this.#adapter = adapter;
  }

  get adapter(): ParvisAdapter {
    return this.#adapter ?? configured().adapter ?? restAdapter;
  }

  getPoll(pollId: string, options: CallOptions = {}): Promise<Poll> {
    return this.#call(Poll, options, (context) => this.adapter.getPoll(pollId, context));
  }

  castPollVote(pollId: string, choices: string[], options: WriteOptions = {}): Promise<Poll> {
    const body = CastPollVote.safeParse({ choices });
    if (!body.success)
      return Promise.reject(new ParvisError('invalid_request', 'The choices do not match the contract.'));
    const idempotencyKey = options.idempotencyKey ?? newIdempotencyKey();
    return this.#call(Poll, options, (context) =>
      this.adapter.castPollVote(pollId, body.data, { ...context, voter: ensureVoterToken(), idempotencyKey }),
    );
  }

  async #call<T>(
    schema: z.ZodMiniType<T>,
    options: CallOptions,
    run: (context: RequestContext) => Promise<unknown>,
  ): Promise<T> {
    const timeout = options.timeout ?? configured().timeout ?? DEFAULT_TIMEOUT;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new ParvisError('timeout')), timeout);
    const onAbort = () => controller.abort(new ParvisError('aborted'));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const context: RequestContext = {
      api: this.api,
      signal: controller.signal,
      voter: voterToken(),
      token: configured().token ?? undefined,
    };
    try {
      // Racing the signal keeps the timeout even for an adapter that ignores it.
      const answer = await Promise.race([run(context), rejectOnAbort(controller.signal)]);
      const result = schema.safeParse(answer);
      if (!result.success) {
        const where = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
        throw new ParvisError('invalid_response', `The answer does not match the contract at: ${where}.`);
      }
      return result.data;
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason as ParvisError;
      if (error instanceof ParvisError) throw error;
      throw new ParvisError('network_error', undefined, { cause: error });
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}

export function newIdempotencyKey(): string {
  return randomToken(16);
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
