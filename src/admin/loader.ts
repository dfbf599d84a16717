import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ParvisError } from '../client/errors.js';

/**
 * What a screen reads from the API, after `@lit/task`'s `Task`: the work gets
 * an `AbortSignal`, a stale answer is dropped, the last value stays on screen
 * while a new run is pending, and `render()` picks what to show.
 */
export class Loader<T> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #task: (signal: AbortSignal) => Promise<T>;
  #abort: AbortController | undefined;
  #settled: Promise<void> = Promise.resolve();

  value: T | undefined = undefined;
  error: ParvisError | undefined = undefined;
  pending = false;

  constructor(host: ReactiveControllerHost, task: (signal: AbortSignal) => Promise<T>) {
    this.#host = host;
    this.#task = task;
    host.addController(this);
  }

  /** Settles once the latest run has its value or its error. */
  get settled(): Promise<void> {
    return this.#settled;
  }

  run(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.pending = true;
    this.#host.requestUpdate();
    this.#settled = this.#task(abort.signal).then(
      (value) => {
        if (abort.signal.aborted) return;
        this.value = value;
        this.error = undefined;
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        this.error = error instanceof ParvisError ? error : new ParvisError('internal_error', String(error));
      },
    );
    return this.#settled.finally(() => {
      if (abort.signal.aborted) return;
      this.pending = false;
      this.#host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this.#abort?.abort();
  }

  render<R>(renderers: { pending: () => R; complete: (value: T) => R; error: (error: ParvisError) => R }): R {
    if (this.value !== undefined && !this.error) return renderers.complete(this.value);
    if (this.error) return renderers.error(this.error);
    return renderers.pending();
  }
}
