import { msg, str } from '@lit/localize';
import type { ReactiveController } from 'lit';
import { MAX_AUTHOR_NAME, MAX_IDEA_BODY, MAX_IDEA_TITLE, type Idea, type SubmitIdea } from '../../contract/idea.js';
import { newIdempotencyKey } from '../../client/api-client.js';
import { isRetryableOffline, type ParvisError } from '../../client/errors.js';
import { ProofAhead, submitIdeaWithProof } from '../../client/ideas.js';
import {
  enqueue,
  forget,
  refusalOf,
  registerReplayer,
  type OutboxResult,
  type QueuedWrite,
} from '../../client/outbox.js';
import { reportError } from '../events.js';
import { QueuedWrites } from '../queued-writes.js';
import type { IdeaBoxHost } from './idea-box-host.js';
import type { IdeaField } from './idea-box-messages.js';
import type { IdeaListController } from './idea-list-controller.js';

/** What the citizen typed, as typed; `website` is the honeypot. */
export interface IdeaDraft {
  title: string;
  body: string;
  category: string;
  authorName: string;
  website: string;
}

/** Per field, why it cannot be sent: the same reasons the server gives in `fields`. */
export type FieldErrors = Partial<Record<IdeaField, string>>;

export type FormPhase = 'editing' | 'submitting' | 'submitted' | 'queued';

/** How a submission ended, so the element knows where to put focus. */
export type SubmitOutcome = 'accepted' | 'queued' | 'invalid' | 'refused' | 'cancelled';

/** What a queued idea keeps until it is sent. */
export interface QueuedIdea extends QueuedWrite {
  operation: 'submitIdea';
  body: SubmitIdea;
}

const EMPTY: IdeaDraft = { title: '', body: '', category: '', authorName: '', website: '' };
const FIELDS: readonly IdeaField[] = ['title', 'body', 'category', 'authorName'];

/** A challenge needs the network: a queued idea gets its proof of work when it is sent. */
registerReplayer('submitIdea', (client, entry) =>
  submitIdeaWithProof(client, entry.target, (entry as QueuedIdea).body, {
    idempotencyKey: entry.key,
    // Kept with the idea, so that a retry under this key sends the same request.
    onSend: (body) => enqueue({ ...entry, body }).catch(() => undefined),
  }),
);

/** Codes after which the box itself may have changed (closed, say): it is read again. */
const STALE_AFTER = new Set(['box_closed', 'box_not_open']);

/** How long the description stays still before its remaining characters are said. */
const SPEAK_COUNT_AFTER_MS = 1000;

/**
 * The idea form: the draft and its checks, the proof of work solved while the
 * citizen writes, sending, queueing when offline, and the outcome of an idea
 * queued earlier.
 */
export class IdeaFormController implements ReactiveController {
  readonly #host: IdeaBoxHost;
  readonly #list: IdeaListController;
  readonly #proof = new ProofAhead();
  readonly #writes: QueuedWrites<QueuedIdea>;
  #countTimer: ReturnType<typeof setTimeout> | undefined;

  draft: IdeaDraft = EMPTY;
  errors: FieldErrors = {};
  /** A refusal that is about no one field. */
  error: ParvisError | null = null;
  phase: FormPhase = 'editing';
  /** The idea as the server accepted it, for the confirmation. */
  submitted: Idea | null = null;
  /** Ideas waiting in the outbox for the network. */
  queued: QueuedIdea[] = [];
  /** The description's length as last said to screen readers, once the citizen paused. */
  spokenLength: number | null = null;

  constructor(host: IdeaBoxHost, list: IdeaListController) {
    this.#host = host;
    this.#list = list;
    this.#writes = new QueuedWrites(host, ['submitIdea'], () => ({ api: list.api, target: host.box }), this.#onSettled);
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#countTimer);
    this.#proof.cancel();
  }

  /** The citizen started writing: the solver downloads and solves a challenge meanwhile. */
  start(): void {
    this.#proof.prepare(this.#list.client);
  }

  edit(field: keyof IdeaDraft, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    if (field === 'body') {
      clearTimeout(this.#countTimer);
      this.#countTimer = setTimeout(() => {
        this.spokenLength = this.draft.body.length;
        this.#host.requestUpdate();
      }, SPEAK_COUNT_AFTER_MS);
    }
    this.#host.requestUpdate();
  }

  /** Checks the draft against the contract's limits, as the server would. */
  check(): FieldErrors {
    const { title, body, authorName } = this.draft;
    const errors: FieldErrors = {};
    const tooLong = (value: string, max: number) => value.trim().length > max;
    if (!title.trim()) errors.title = 'too_small';
    else if (tooLong(title, MAX_IDEA_TITLE)) errors.title = 'too_big';
    if (!body.trim()) errors.body = 'too_small';
    else if (tooLong(body, MAX_IDEA_BODY)) errors.body = 'too_big';
    if (tooLong(authorName, MAX_AUTHOR_NAME)) errors.authorName = 'too_big';
    return errors;
  }

  async submit(): Promise<SubmitOutcome> {
    if (this.phase === 'submitting') return 'cancelled';
    this.errors = this.check();
    this.error = null;
    this.#host.requestUpdate();
    if (Object.keys(this.errors).length) return 'invalid';
    let sent = this.#idea();
    const { website: _honeypot, ...idea } = sent;
    const boxId = this.#host.box;
    if (!this.#host.emit('parvis-idea-submit', { boxId, idea }, { cancelable: true })) return 'cancelled';
    const idempotencyKey = newIdempotencyKey();
    if (!navigator.onLine) return this.#enqueue(sent, idempotencyKey);
    this.phase = 'submitting';
    this.#host.requestUpdate();
    try {
      const proof = await this.#proof.take(this.#list.client);
      const accepted = await submitIdeaWithProof(
        this.#list.client,
        boxId,
        { ...sent, proof },
        {
          idempotencyKey,
          timeout: this.#host.timeout,
          onSend: (body) => (sent = body),
        },
      );
      this.#accept(accepted);
      return 'accepted';
    } catch (error) {
      if (isRetryableOffline(error)) return await this.#enqueue(sent, idempotencyKey);
      this.phase = 'editing';
      return this.#refuse(error);
    } finally {
      this.#host.requestUpdate();
    }
  }

  /** Back to an empty form after a confirmation. */
  again(): void {
    this.phase = 'editing';
    this.submitted = null;
    this.#host.requestUpdate();
  }

  /** Takes in what earlier visits left in the outbox for this box. */
  async load(): Promise<void> {
    const { api } = this.#list;
    const boxId = this.#host.box;
    const entries = await this.#writes.waiting();
    if (api !== this.#list.api || boxId !== this.#host.box) return;
    this.queued = entries.filter((entry) => !entry.refused);
    const refused = entries.find((entry) => entry.refused);
    if (refused) this.#refuseQueued(refused, refusalOf(refused)!);
    this.#host.requestUpdate();
  }

  /** The draft as the contract wants it: trimmed, optional fields left out when empty. */
  #idea(): SubmitIdea {
    const { title, body, category, authorName, website } = this.draft;
    const idea: SubmitIdea = { title: title.trim(), body: body.trim() };
    if (category) idea.category = category;
    if (authorName.trim()) idea.authorName = authorName.trim();
    if (website) idea.website = website;
    return idea;
  }

  #accept(idea: Idea): void {
    this.phase = 'submitted';
    this.submitted = idea;
    this.draft = EMPTY;
    this.spokenLength = null;
    this.#host.emit('parvis-idea-submitted', { boxId: this.#host.box, idea });
    this.#list.added(idea);
  }

  async #enqueue(idea: SubmitIdea, key: string): Promise<SubmitOutcome> {
    let entry: QueuedIdea;
    try {
      entry = await this.#writes.add({ key, operation: 'submitIdea', target: this.#host.box, body: idea });
    } catch (error) {
      // Without storage the idea cannot wait: say so, and keep it in the form.
      this.phase = 'editing';
      this.#host.requestUpdate();
      return this.#refuse(error);
    }
    this.queued = [...this.queued, entry];
    this.phase = 'queued';
    this.draft = EMPTY;
    this.spokenLength = null;
    this.#host.requestUpdate();
    return 'queued';
  }

  /** Field errors go next to their fields; anything else is said above the form. */
  #refuse(error: unknown): SubmitOutcome {
    const refusal = reportError(this.#host, error, 'submitIdea', { boxId: this.#host.box });
    const errors: FieldErrors = {};
    for (const [field, reason] of Object.entries(refusal.fields ?? {})) {
      if ((FIELDS as string[]).includes(field)) errors[field as IdeaField] = reason;
    }
    if (refusal.code === 'unknown_category') errors.category = 'unknown_category';
    if (refusal.code === 'too_many_links') errors.body = 'too_many_links';
    this.errors = errors;
    if (Object.keys(errors).length) return 'invalid';
    this.error = refusal;
    if (STALE_AFTER.has(refusal.code)) void this.#list.load();
    return 'refused';
  }

  /** A queued idea the server refused comes back into the form, unless the citizen is writing another. */
  #refuseQueued(entry: QueuedIdea, error: ParvisError): void {
    this.queued = this.queued.filter((queued) => queued.key !== entry.key);
    if (this.phase === 'submitting' || this.draft.title || this.draft.body) {
      this.error = reportError(this.#host, error, 'submitIdea', { boxId: this.#host.box });
      return;
    }
    const { title, body, category = '', authorName = '' } = entry.body;
    this.draft = { ...EMPTY, title, body, category, authorName };
    this.phase = 'editing';
    this.#refuse(error);
    void forget(entry.key);
  }

  #onSettled = ({ entry, result, error }: OutboxResult): void => {
    if (error) {
      this.#refuseQueued(entry as QueuedIdea, error);
    } else {
      this.queued = this.queued.filter((queued) => queued.key !== entry.key);
      const idea = result as Idea;
      if (this.phase === 'queued') this.#accept(idea);
      else {
        this.#host.emit('parvis-idea-submitted', { boxId: this.#host.box, idea });
        this.#list.added(idea);
        this.#host.announce(msg(str`Votre idée « ${idea.title} » a été envoyée.`));
      }
    }
    this.#host.requestUpdate();
  };
}
