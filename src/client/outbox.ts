import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { Poll } from '../contract/poll.js';
import { ApiClient } from './api-client.js';
import type { ErrorCode } from '../contract/errors.js';
import { ParvisError, isWorthRetrying } from './errors.js';

const DATABASE = 'parvis';

/** A write a citizen made that has not reached the server yet. */
export interface QueuedVote {
  /** The idempotency key of the first attempt: a replay counts once, however often it is sent. */
  key: string;
  operation: 'castPollVote';
  api: string;
  pollId: string;
  choices: string[];
  queuedAt: string;
  /**
   * Set when the server refused the write during a replay: it stays in the
   * outbox until a widget of its poll has told the citizen (see `forget`),
   * since the replay may run on a page that does not show that poll.
   */
  refused?: { code: ErrorCode; message: string; status?: number };
}

export type OutboxResult =
  | { entry: QueuedVote; poll: Poll; error?: undefined }
  | { entry: QueuedVote; poll?: undefined; error: ParvisError };

/** Dispatches `settled` (a `CustomEvent<OutboxResult>`) when the server accepted or refused a queued write. */
export const outbox = new EventTarget();

let store: UseStore | undefined;
let replaying: Promise<void> | undefined;

/** Opening the database creates it, so it is opened only to store a write or when one may exist. */
async function openStore(create: boolean): Promise<UseStore | undefined> {
  if (store) return store;
  if (!create && indexedDB.databases) {
    const existing = await indexedDB.databases();
    if (!existing.some((database) => database.name === DATABASE)) return undefined;
  }
  store = createStore(DATABASE, 'outbox');
  return store;
}

export async function enqueue(entry: QueuedVote): Promise<void> {
  const target = await openStore(true);
  await set(entry.key, entry, target);
}

export async function queued(): Promise<QueuedVote[]> {
  const target = await openStore(false);
  if (!target) return [];
  const all = await entries<string, QueuedVote>(target);
  return all.map(([, entry]) => entry).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Removes a write once its outcome has been shown. */
export async function forget(key: string): Promise<void> {
  const target = await openStore(false);
  if (target) await del(key, target);
}

/** The refusal of a queued write, as the error the citizen is shown. */
export function refusalOf(entry: QueuedVote): ParvisError | null {
  if (!entry.refused) return null;
  const { code, message, status } = entry.refused;
  return new ParvisError(code, message, { status });
}

export async function queuedFor(api: string, pollId: string): Promise<QueuedVote | undefined> {
  const all = await queued();
  return all.filter((entry) => entry.api === api && entry.pollId === pollId).at(-1);
}

/**
 * Sends every queued write again, oldest first, with its original idempotency
 * key. A write the server accepts leaves the queue; one it refuses stays,
 * marked with its error, until a widget of its poll has shown that error;
 * one that still cannot reach the server, or that a failing server could not
 * judge, stays as it is and is sent again later.
 */
export function replay(): Promise<void> {
  replaying ??= replayAll().finally(() => {
    replaying = undefined;
  });
  return replaying;
}

async function replayAll(): Promise<void> {
  const target = await openStore(false);
  if (!target) return;
  for (const entry of await queued()) {
    if (entry.refused) continue;
    let result: OutboxResult;
    try {
      const poll = await new ApiClient(entry.api).castPollVote(entry.pollId, entry.choices, {
        idempotencyKey: entry.key,
      });
      result = { entry, poll };
    } catch (error) {
      if (isWorthRetrying(error)) return;
      const refusal =
        error instanceof ParvisError ? error : new ParvisError('network_error', undefined, { cause: error });
      result = { entry, error: refusal };
    }
    if (result.error) {
      const { code, message, status } = result.error;
      await set(entry.key, { ...entry, refused: { code, message, status } }, target);
    } else {
      await del(entry.key, target);
    }
    outbox.dispatchEvent(new CustomEvent<OutboxResult>('settled', { detail: result }));
  }
}

let watching = false;

/** Replays now (a previous page may have left writes behind) and each time the browser is back online. */
export function watchConnectivity(): void {
  if (watching) return;
  watching = true;
  addEventListener('online', () => void replay());
  if (navigator.onLine) void replay();
}
