import type * as z from 'zod/mini';
import type { Operation, ParvisAdapter, RequestContext, WriteContext } from './adapter.js';
import { DEFAULT_TIMEOUT, configured } from './config.js';
import { ParvisError, asParvisError } from './errors.js';
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

/** An adapter known to implement the operation being called. */
type Implementing<K extends Operation> = ParvisAdapter & Required<Pick<ParvisAdapter, K>>;

const restAdapter = new RestAdapter();

/**
 * The one way widgets talk to a backend: whichever adapter is configured, every
 * call gets a timeout and an `AbortSignal`, every answer is checked against the
 * contract, and every failure is a `ParvisError`. The operations themselves
 * live beside each widget's contract (`polls.ts`, `ideas.ts`, …), so that a
 * page downloads the schemas of the widgets it shows only.
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

  /** Runs a read and checks its answer against `schema`. */
  read<T, K extends Operation>(
    operation: K,
    schema: z.ZodMiniType<T>,
    options: CallOptions,
    run: (adapter: Implementing<K>, context: RequestContext) => Promise<unknown>,
  ): Promise<T> {
    return this.#call(operation, schema, options, run);
  }

  /**
   * Runs a write as the citizen (creating their voter token on this first
   * participation) with an idempotency key, new unless a retry passes its own.
   */
  write<T, K extends Operation>(
    operation: K,
    schema: z.ZodMiniType<T>,
    options: WriteOptions,
    run: (adapter: Implementing<K>, context: WriteContext) => Promise<unknown>,
  ): Promise<T> {
    const idempotencyKey = options.idempotencyKey ?? newIdempotencyKey();
    return this.#call(operation, schema, options, (adapter, context) =>
      run(adapter, { ...context, voter: ensureVoterToken(), idempotencyKey }),
    );
  }

  async #call<T, K extends Operation>(
    operation: K,
    schema: z.ZodMiniType<T>,
    options: CallOptions,
    run: (adapter: Implementing<K>, context: RequestContext) => Promise<unknown>,
  ): Promise<T> {
    const adapter = this.adapter;
    if (typeof adapter[operation] !== 'function') {
      throw new ParvisError('unsupported', `The configured adapter has no ${operation}().`);
    }
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
      const answer = await Promise.race([run(adapter as Implementing<K>, context), rejectOnAbort(controller.signal)]);
      const result = schema.safeParse(answer);
      if (!result.success) {
        const where = result.error.issues.map((issue) => issue.path.join('.') || '(root)').join(', ');
        throw new ParvisError('invalid_response', `The answer does not match the contract at: ${where}.`);
      }
      return result.data;
    } catch (error) {
      if (controller.signal.aborted) throw controller.signal.reason as ParvisError;
      throw asParvisError(error);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
    }
  }
}

export function newIdempotencyKey(): string {
  return randomToken(16);
}

/** A body the contract refuses is never sent: the caller gets the error the server would have answered. */
export function checked<T>(schema: z.ZodMiniType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new ParvisError('invalid_request', `${what} do not match the contract.`);
  return result.data;
}

function rejectOnAbort(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
