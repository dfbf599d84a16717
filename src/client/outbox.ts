import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { Poll } from '../contract/poll.js';
import { ApiClient } from './api-client.js';
import { ParvisError, isRetryableOffline } from './errors.js';

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

export async function queuedFor(api: string, pollId: string): Promise<QueuedVote | undefined> {
  const all = await queued();
  return all.filter((entry) => entry.api === api && entry.pollId === pollId).at(-1);
}

/**
 * Sends every queued write again, oldest first, with its original idempotency
 * key. A write the server refuses leaves the queue with its error, so the
 * widget can tell the citizen; one that still cannot reach the server stays.
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
    let result: OutboxResult;
    try {
      const poll = await new ApiClient(entry.api).castPollVote(entry.pollId, entry.choices, {
        idempotencyKey: entry.key,
      });
      result = { entry, poll };
    } catch (error) {
      if (isRetryableOffline(error)) return;
      result = {
        entry,
        error: error instanceof ParvisError ? error : new ParvisError('network_error', undefined, { cause: error }),
      };
    }
    await del(entry.key, target);
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
