import { msg } from '@lit/localize';
import type { Idea, IdeaSupport } from '../../contract/idea.js';
import type { Operation } from '../../client/adapter.js';
import { newIdempotencyKey } from '../../client/api-client.js';
import { ParvisError, isRetryableOffline } from '../../client/errors.js';
import { supportIdea, withdrawSupport } from '../../client/ideas.js';
import { forget, refusalOf, registerReplayer, type OutboxResult, type QueuedWrite } from '../../client/outbox.js';
import { reportError } from '../events.js';
import { QueuedWrites } from '../queued-writes.js';
import type { IdeaBoxHost } from './idea-box-host.js';
import type { IdeaListController } from './idea-list-controller.js';

type SupportOperation = 'supportIdea' | 'withdrawSupport';
const OPERATIONS: SupportOperation[] = ['supportIdea', 'withdrawSupport'];

registerReplayer('supportIdea', (client, entry) => supportIdea(client, entry.target, { idempotencyKey: entry.key }));
registerReplayer('withdrawSupport', (client, entry) =>
  withdrawSupport(client, entry.target, { idempotencyKey: entry.key }),
);

/** Codes after which the box itself may have changed (closed, say): it is read again. */
const STALE_AFTER = new Set(['box_closed', 'box_not_open']);

/**
 * Supports and their withdrawal: shown at once, corrected if the server
 * refuses, and kept in the outbox when the network fails, with the count on
 * screen already saying what will be sent.
 */
export class IdeaSupportController {
  readonly #host: IdeaBoxHost;
  readonly #list: IdeaListController;
  readonly #sending = new Set<string>();
  /** The latest support or withdrawal per idea still waiting in the outbox. */
  readonly #queued = new Map<string, QueuedWrite>();
  readonly #errors = new Map<string, ParvisError>();
  readonly #writes: QueuedWrites;

  constructor(host: IdeaBoxHost, list: IdeaListController) {
    this.#host = host;
    this.#list = list;
    this.#writes = new QueuedWrites(host, OPERATIONS, () => ({ api: list.api }), this.#onSettled);
  }

  isSending(ideaId: string): boolean {
    return this.#sending.has(ideaId);
  }

  isQueued(ideaId: string): boolean {
    return this.#queued.has(ideaId);
  }

  errorFor(ideaId: string): ParvisError | undefined {
    return this.#errors.get(ideaId);
  }

  /** Takes in what earlier visits left in the outbox: waiting supports are shown, refused ones said. */
  async load(): Promise<void> {
    const api = this.#list.api;
    const entries = await this.#writes.waiting();
    if (api !== this.#list.api) return;
    this.#queued.clear();
    for (const entry of entries) {
      const refusal = refusalOf(entry);
      if (!refusal) this.#queued.set(entry.target, entry);
      else if (this.#list.find(entry.target)) {
        // Refused while this box was not on screen: said now, then forgotten.
        this.#errors.set(entry.target, this.#report(refusal, entry.operation, entry.target));
        void forget(entry.key);
      }
    }
    this.#list.ideas = this.overlay(this.#list.ideas);
    this.#host.requestUpdate();
  }

  /** The ideas as the citizen will see them once the outbox is sent. */
  overlay(ideas: Idea[]): Idea[] {
    return ideas.map((idea) => {
      const entry = this.#queued.get(idea.id);
      return entry ? withSupport(idea, entry.operation === 'supportIdea') : idea;
    });
  }

  async toggle(ideaId: string): Promise<void> {
    const idea = this.#list.find(ideaId);
    if (!idea || this.#sending.has(ideaId)) return;
    const supported = !idea.supportedByMe;
    const detail = { boxId: this.#host.box, ideaId, supported };
    if (!this.#host.emit('parvis-support', detail, { cancelable: true })) return;
    const operation: SupportOperation = supported ? 'supportIdea' : 'withdrawSupport';
    const idempotencyKey = newIdempotencyKey();
    this.#errors.delete(ideaId);
    this.#list.patch(ideaId, withSupport(idea, supported));
    if (!navigator.onLine) return this.#enqueue(idea, operation, idempotencyKey);
    this.#sending.add(ideaId);
    this.#host.requestUpdate();
    try {
      const send = supported ? supportIdea : withdrawSupport;
      const result = await send(this.#list.client, ideaId, { idempotencyKey, timeout: this.#host.timeout });
      this.#list.patch(ideaId, counts(result));
    } catch (error) {
      if (isRetryableOffline(error)) return await this.#enqueue(idea, operation, idempotencyKey);
      this.#refuse(idea, error, operation);
    } finally {
      this.#sending.delete(ideaId);
      this.#host.requestUpdate();
    }
  }

  async #enqueue(idea: Idea, operation: SupportOperation, key: string): Promise<void> {
    let entry: QueuedWrite;
    try {
      entry = await this.#writes.add({ key, operation, target: idea.id, body: null });
    } catch (error) {
      this.#refuse(idea, error, operation);
      return;
    }
    this.#queued.set(idea.id, entry);
    this.#host.announce(msg('Vous semblez hors ligne : votre soutien sera envoyé dès le retour de la connexion.'));
    this.#host.requestUpdate();
  }

  /** Puts the idea back as it was, and says why. */
  #refuse(before: Idea, error: unknown, operation: SupportOperation): void {
    this.#list.patch(before.id, counts(before));
    this.#errors.set(before.id, this.#report(error, operation, before.id));
    if (error instanceof ParvisError && STALE_AFTER.has(error.code)) void this.#list.load();
  }

  #onSettled = ({ entry, result, error }: OutboxResult): void => {
    const operation = entry.operation as SupportOperation;
    if (this.#queued.get(entry.target)?.key === entry.key) this.#queued.delete(entry.target);
    const idea = this.#list.find(entry.target);
    if (!error) {
      if (idea) this.#list.patch(idea.id, counts(result as IdeaSupport));
    } else {
      void forget(entry.key);
      // The screen showed the support as given: it was not.
      if (idea) this.#refuse(withSupport(idea, !idea.supportedByMe), error, operation);
      else this.#report(error, operation, entry.target);
    }
    this.#host.requestUpdate();
  };

  #report(error: unknown, operation: Operation, ideaId: string): ParvisError {
    return reportError(this.#host, error, operation, { boxId: this.#host.box, ideaId });
  }
}

function counts({ supports, supportedByMe }: Pick<Idea, 'supports' | 'supportedByMe'>) {
  return { supports, supportedByMe };
}

/** The idea with the citizen's support given or withdrawn, counted once. */
function withSupport(idea: Idea, supported: boolean): Idea {
  if (idea.supportedByMe === supported) return idea;
  return { ...idea, supportedByMe: supported, supports: Math.max(0, idea.supports + (supported ? 1 : -1)) };
}
