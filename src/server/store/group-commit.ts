import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';

const SAVEPOINT = CompiledQuery.raw('savepoint parvis_write');
const RELEASE = CompiledQuery.raw('release savepoint parvis_write');
const ROLLBACK = CompiledQuery.raw('rollback to savepoint parvis_write');

type Db = Kysely<Database>;
type Work<T> = (trx: Db) => Promise<T>;

/**
 * Recognises the errors a write throws only when it has left nothing written:
 * such a write needs no savepoint of its own.
 */
export type Refusal = (error: unknown) => boolean;

/** Writes what the writes of a batch kept in memory (counters); may run several times per batch. */
export type Settle = (trx: Db) => Promise<void>;

interface Job {
  work: Work<unknown>;
  refused: Refusal | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Bounds the wait of the last job of a batch. */
const MAX_BATCH = 512;

const settlesOf = new WeakMap<Db, Map<string, Settle>>();

/**
 * Asks the batch that `trx` belongs to to run `settle` before it commits, and
 * before any write of the batch that runs in a savepoint of its own, so that
 * such a write reads what the writes before it did. One settle per `key`, the
 * last given; settles run in the order of their keys (the same lock order in
 * every transaction).
 */
export function beforeCommit(trx: Db, key: string, settle: Settle): void {
  const settles = settlesOf.get(trx);
  if (!settles) throw new Error('beforeCommit outside of a write');
  settles.set(key, settle);
}

/**
 * Group commit: the writes that arrive together share one
 * transaction, hence one fsync, instead of one fsync each. Each write runs in
 * its own savepoint, so a refused one (a second vote, a reused idempotency key)
 * rolls back only itself, unless it declares the errors it throws only when it
 * left nothing written: votes, the hot path, save the two statements. Any
 * other error of such a write rolls back the whole batch, which then fails.
 * Every caller is answered only after the COMMIT, so an accepted write is
 * durable when its response leaves.
 */
export class GroupCommit {
  readonly #db: Db;
  #queue: Job[] = [];
  #scheduled = false;
  #busy = false;
  #idle: Array<() => void> = [];

  constructor(db: Db) {
    this.#db = db;
  }

  submit<T>(work: Work<T>, refused?: Refusal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, refused, resolve: resolve as (value: unknown) => void, reject });
      this.#schedule();
    });
  }

  /** Resolves once every submitted write has been committed or refused. */
  drain(): Promise<void> {
    if (!this.#busy && !this.#scheduled && this.#queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  #schedule(): void {
    if (this.#scheduled || this.#busy) return;
    this.#scheduled = true;
    // setImmediate, not a microtask: the requests read in the same turn of the event loop join the batch.
    setImmediate(() => void this.#flush());
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    this.#busy = true;
    const jobs = this.#queue.splice(0, MAX_BATCH);
    try {
      const outcomes = await this.#runBatch(jobs);
      outcomes.forEach((outcome, index) => {
        if (outcome.ok) jobs[index].resolve(outcome.value);
        else jobs[index].reject(outcome.error);
      });
    } catch (error) {
      for (const job of jobs) job.reject(error);
    } finally {
      this.#busy = false;
      if (this.#queue.length > 0) this.#schedule();
      else for (const resolve of this.#idle.splice(0)) resolve();
    }
  }

  #runBatch(jobs: Job[]): Promise<Outcome[]> {
    return this.#db.transaction().execute(async (trx) => {
      const settles = new Map<string, Settle>();
      settlesOf.set(trx, settles);
      const outcomes: Outcome[] = [];
      for (const job of jobs) {
        if (job.refused) {
          try {
            outcomes.push({ ok: true, value: await job.work(trx) });
          } catch (error) {
            if (!job.refused(error)) throw error;
            outcomes.push({ ok: false, error });
          }
          continue;
        }
        await settle(trx, settles);
        await trx.executeQuery(SAVEPOINT);
        try {
          const value = await job.work(trx);
          await trx.executeQuery(RELEASE);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await trx.executeQuery(ROLLBACK);
          await trx.executeQuery(RELEASE);
          outcomes.push({ ok: false, error });
        }
      }
      await settle(trx, settles);
      return outcomes;
    });
  }
}

async function settle(trx: Db, settles: Map<string, Settle>): Promise<void> {
  if (settles.size === 0) return;
  for (const key of [...settles.keys()].sort()) await settles.get(key)!(trx);
}
