import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Operation } from '../client/adapter.js';
import {
  outbox,
  queuedFor,
  queueWrite,
  watchConnectivity,
  type OutboxResult,
  type QueuedWrite,
} from '../client/outbox.js';

/** The backend a controller talks to, and what its writes are about (any target when absent). */
export interface WriteScope {
  api: string;
  target?: string;
}

/**
 * A controller's share of the outbox: while its element is on the page, what
 * earlier pages left is replayed, and the outcome of each queued write of its
 * operations in its scope is handed to `settled`. The scope is read at each
 * use, since the element's attributes may have changed it.
 */
export class QueuedWrites<W extends QueuedWrite = QueuedWrite> implements ReactiveController {
  readonly #operations: Operation[];
  readonly #scope: () => WriteScope;
  readonly #settled: (result: OutboxResult) => void;

  constructor(
    host: ReactiveControllerHost,
    operations: Operation[],
    scope: () => WriteScope,
    settled: (result: OutboxResult) => void,
  ) {
    this.#operations = operations;
    this.#scope = scope;
    this.#settled = settled;
    host.addController(this);
  }

  hostConnected(): void {
    outbox.addEventListener('settled', this.#onSettled);
    watchConnectivity();
  }

  hostDisconnected(): void {
    outbox.removeEventListener('settled', this.#onSettled);
  }

  /** The writes of the scope still in the outbox, oldest first; none when storage cannot be read. */
  waiting(): Promise<W[]> {
    const { api, target } = this.#scope();
    return queuedFor(api, this.#operations, target).then(
      (entries) => entries as W[],
      () => [],
    );
  }

  /** Keeps a write to the scope's backend for later; throws a `network_error` without storage (see `queueWrite`). */
  add(write: Omit<W, 'api' | 'queuedAt'>): Promise<W> {
    return queueWrite<W>({ ...write, api: this.#scope().api } as Omit<W, 'queuedAt'>);
  }

  #onSettled = (event: Event): void => {
    const result = (event as CustomEvent<OutboxResult>).detail;
    const { operation, api, target } = result.entry;
    const scope = this.#scope();
    if (!this.#operations.includes(operation) || api !== scope.api) return;
    if (scope.target === undefined || target === scope.target) this.#settled(result);
  };
}
