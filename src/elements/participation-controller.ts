import type { ReactiveController } from 'lit';
import type { Operation, ParvisAdapter } from '../client/adapter.js';
import { ApiClient, newIdempotencyKey, type CallOptions, type WriteOptions } from '../client/api-client.js';
import { resolveApi } from '../client/config.js';
import { isRetryableOffline, type ParvisError } from '../client/errors.js';
import { forget, refusalOf, type OutboxResult, type QueuedWrite } from '../client/outbox.js';
import { reportError, type ErrorAbout } from './events.js';
import { localeReady } from './locale.js';
import type { ParvisElement } from './parvis-element.js';
import { QueuedWrites } from './queued-writes.js';

export interface ParticipationHost extends ParvisElement {
  adapter: ParvisAdapter | undefined;
  timeout: number | undefined;
}

/** How a participation ended, so the element knows where to put focus. */
export type Outcome = 'accepted' | 'queued' | 'refused' | 'cancelled';

/** What a queued participation keeps until it is sent. */
export interface QueuedParticipation<Body> extends QueuedWrite {
  body: Body;
}

/** The operations of one kind of consultation, and the codes after which what it shows is stale. */
export interface ParticipationOperations {
  read: Operation;
  write: Operation;
  staleAfter: ReadonlySet<string>;
}

/**
 * A consultation a citizen takes part in once — a poll, a budget — and its
 * round trips: loading (dropping stale answers), sending the participation,
 * queueing one that cannot reach the server, and taking in the outcome of a
 * queued one replayed later. Each kind says how to read and write it, and
 * which events to fire.
 */
export abstract class ParticipationController<Host extends ParticipationHost, Data extends { id: string }, Body>
  implements ReactiveController
{
  protected readonly host: Host;
  readonly #operations: ParticipationOperations;
  readonly #writes: QueuedWrites<QueuedParticipation<Body>>;
  #abort: AbortController | undefined;
  #api = '';

  data: Data | null = null;
  loading = false;
  submitting = false;
  loadError: ParvisError | null = null;
  /** Why the last participation was refused. */
  sendError: ParvisError | null = null;
  /** A participation kept in the outbox until the server accepts it. */
  queued: QueuedParticipation<Body> | null = null;
  /** The participation just accepted; set only in this page's lifetime, for the confirmation. */
  accepted: Body | null = null;

  constructor(host: Host, operations: ParticipationOperations) {
    this.host = host;
    this.#operations = operations;
    this.#writes = new QueuedWrites(
      host,
      [operations.write],
      () => ({ api: this.#api, target: this.id }),
      this.#onSettled,
    );
    host.addController(this);
  }

  /** The id of the consultation the element shows. */
  protected abstract get id(): string;
  /** What a `parvis-error` is about. */
  protected abstract get about(): ErrorAbout;
  protected abstract read(client: ApiClient, id: string, options: CallOptions): Promise<Data>;
  protected abstract write(client: ApiClient, id: string, body: Body, options: WriteOptions): Promise<Data>;
  /** Fires the element's event for an accepted participation, sent now or queued earlier. */
  protected abstract announce(data: Data, body: Body): void;

  /** A queued participation the server refused: told, then taken out of the outbox. */
  protected refused(_entry: QueuedParticipation<Body>): void {}

  /** The API base the consultation was read from. */
  get api(): string {
    return this.#api;
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }

  get #client(): ApiClient {
    return new ApiClient(this.#api, this.host.adapter);
  }

  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const id = this.id;
    this.#api = resolveApi(this.host);
    if (this.data?.id !== id) this.data = null;
    this.loading = true;
    this.loadError = null;
    this.starting();
    this.host.requestUpdate();
    const queued = this.#writes.waiting().then((entries) => entries.at(-1));
    let fresh: Data | null = null;
    try {
      [fresh] = await Promise.all([
        this.read(this.#client, id, { signal: abort.signal, timeout: this.host.timeout }),
        localeReady(),
      ]);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.loadError = this.#report(error, this.#operations.read);
    }
    const entry = await queued;
    if (abort.signal.aborted) return;
    // The answer and the write still waiting land together: the element never reports a state it has not drawn.
    if (fresh) this.data = fresh;
    const refusal = entry && refusalOf(entry);
    if (entry && refusal) {
      // Refused while this consultation was not on screen: said now, then forgotten.
      this.sendError = this.#report(refusal, this.#operations.write);
      this.refused(entry);
      void forget(entry.key);
    } else {
      this.queued = entry ?? this.queued;
    }
    this.loading = false;
    this.host.requestUpdate();
  }

  /** Called as a load starts, once the API base is known. */
  protected starting(): void {}

  /** Sends `body` unless `before` (which fires the cancelable event) answers `false`. */
  protected async send(body: Body, before: () => boolean): Promise<Outcome> {
    if (this.submitting || !before()) return 'cancelled';
    const id = this.id;
    const idempotencyKey = newIdempotencyKey();
    this.sendError = null;
    this.accepted = null;
    if (!navigator.onLine) return this.#enqueue(id, body, idempotencyKey);
    this.submitting = true;
    this.host.requestUpdate();
    try {
      const data = await this.write(this.#client, id, body, { idempotencyKey, timeout: this.host.timeout });
      this.#accept(data, body);
      return 'accepted';
    } catch (error) {
      if (isRetryableOffline(error)) return await this.#enqueue(id, body, idempotencyKey);
      this.sendError = this.#report(error, this.#operations.write);
      if (this.#operations.staleAfter.has(this.sendError.code)) void this.load();
      return 'refused';
    } finally {
      this.submitting = false;
      this.host.requestUpdate();
    }
  }

  async #enqueue(target: string, body: Body, key: string): Promise<Outcome> {
    try {
      this.queued = await this.#writes.add({ key, operation: this.#operations.write, target, body });
      return 'queued';
    } catch (error) {
      this.sendError = this.#report(error, this.#operations.write);
      return 'refused';
    } finally {
      this.host.requestUpdate();
    }
  }

  #accept(data: Data, body: Body): void {
    this.data = data;
    this.accepted = body;
    this.announce(data, body);
    this.host.requestUpdate();
  }

  #onSettled = ({ entry, result, error }: OutboxResult): void => {
    const queued = entry as QueuedParticipation<Body>;
    if (this.queued?.key === entry.key) this.queued = null;
    if (!error) {
      this.sendError = null;
      this.#accept(result as Data, queued.body);
    } else {
      this.sendError = this.#report(error, this.#operations.write);
      this.refused(queued);
      void forget(entry.key);
      void this.load();
    }
  };

  #report(error: unknown, operation: Operation): ParvisError {
    return reportError(this.host, error, operation, this.about);
  }
}
