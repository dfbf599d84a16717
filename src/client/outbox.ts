import { createStore, del, entries, set, type UseStore } from 'idb-keyval';
import type { ErrorCode } from '../contract/errors.js';
import type { Operation } from './adapter.js';
import { ApiClient } from './api-client.js';
import { ParvisError, asParvisError, isWorthRetrying } from './errors.js';
import { ensureVoterToken } from './voter.js';

const DATABASE = 'parvis';

/** A write a citizen made that has not reached the server yet. */
export interface QueuedWrite {
  /** The idempotency key of the first attempt: a replay counts once, however often it is sent. */
  key: string;
  operation: Operation;
  api: string;
  /** What the write is about: the poll, idea box, idea, subject or budget id. */
  target: string;
  /** What the operation sends, as its widget queued it. */
  body: unknown;
  queuedAt: string;
  /**
   * Set when the server refused the write during a replay: it stays in the
   * outbox until a widget of its target has told the citizen (see `forget`),
   * since the replay may run on a page that does not show that widget.
   */
  refused?: { code: ErrorCode; message: string; status?: number };
}

/** Sends a queued write again, with its key, and answers what the server answered. */
export type Replayer = (client: ApiClient, entry: QueuedWrite) => Promise<unknown>;

export type OutboxResult =
  | { entry: QueuedWrite; result: unknown; error?: undefined }
  | { entry: QueuedWrite; result?: undefined; error: ParvisError };

/** Dispatches `settled` (a `CustomEvent<OutboxResult>`) when the server accepted or refused a queued write. */
export const outbox = new EventTarget();

/**
 * How to send each kind of queued write, registered by the widgets: a page
 * replays the writes of the widgets whose code it loaded, and keeps the others
 * for a page that shows them.
 */
const replayers = new Map<Operation, Replayer>();

let store: UseStore | undefined;
let replaying: Promise<void> | undefined;
let again = false;

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

export function registerReplayer(operation: Operation, replayer: Replayer): void {
  replayers.set(operation, replayer);
  // Writes of this kind may have waited for a widget that loaded after the page's first replay.
  if (watching && navigator.onLine) void replay();
}

export async function enqueue(entry: QueuedWrite): Promise<void> {
  const target = await openStore(true);
  await set(entry.key, entry, target);
}

/**
 * Keeps a write the network could not take, to be sent later under its key.
 * Without storage (private browsing, a full quota) it cannot wait: that throws
 * a `network_error`, so that the citizen is told rather than led to believe it
 * will be sent.
 */
export async function queueWrite<W extends QueuedWrite>(write: Omit<W, 'queuedAt'>): Promise<W> {
  // The voter token must exist before the replay, which may run on another page load.
  ensureVoterToken();
  const entry = { ...write, queuedAt: new Date().toISOString() } as W;
  try {
    await enqueue(entry);
  } catch (error) {
    throw new ParvisError('network_error', undefined, { cause: error });
  }
  return entry;
}

export async function queued(): Promise<QueuedWrite[]> {
  const target = await openStore(false);
  if (!target) return [];
  const all = await entries<string, QueuedWrite>(target);
  return all.map(([, entry]) => entry).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** The queued writes of these operations on one backend, oldest first; of one target when given. */
export async function queuedFor(api: string, operations: Operation[], target?: string): Promise<QueuedWrite[]> {
  const all = await queued();
  return all.filter(
    (entry) =>
      entry.api === api && operations.includes(entry.operation) && (target === undefined || entry.target === target),
  );
}

/** Removes a write once its outcome has been shown. */
export async function forget(key: string): Promise<void> {
  const target = await openStore(false);
  if (target) await del(key, target);
}

/** The refusal of a queued write, as the error the citizen is shown. */
export function refusalOf(entry: QueuedWrite): ParvisError | null {
  if (!entry.refused) return null;
  const { code, message, status } = entry.refused;
  return new ParvisError(code, message, { status });
}

/**
 * Sends every queued write this page knows how to send again, oldest first,
 * with its original idempotency key. A write the server accepts leaves the
 * queue; one it refuses stays, marked with its error, until a widget of its
 * target has shown that error; one that still cannot reach the server, or
 * that a failing server could not judge, stays as it is and is sent again later.
 */
export function replay(): Promise<void> {
  if (replaying) {
    // A replay asked for during another may concern writes that one already passed over.
    again = true;
    return replaying;
  }
  replaying = replayAll().finally(() => {
    replaying = undefined;
    if (again) {
      again = false;
      void replay();
    }
  });
  return replaying;
}

async function replayAll(): Promise<void> {
  const target = await openStore(false);
  if (!target) return;
  for (const entry of await queued()) {
    const replayer = replayers.get(entry.operation);
    if (entry.refused || !replayer) continue;
    let outcome: OutboxResult;
    try {
      outcome = { entry, result: await replayer(new ApiClient(entry.api), entry) };
    } catch (error) {
      if (isWorthRetrying(error)) return;
      outcome = { entry, error: asParvisError(error) };
    }
    if (outcome.error) {
      const { code, message, status } = outcome.error;
      await set(entry.key, { ...entry, refused: { code, message, status } }, target);
    } else {
      await del(entry.key, target);
    }
    outbox.dispatchEvent(new CustomEvent<OutboxResult>('settled', { detail: outcome }));
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
