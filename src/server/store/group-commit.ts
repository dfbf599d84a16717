import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';

const SAVEPOINT = CompiledQuery.raw('savepoint parvis_write');
const RELEASE = CompiledQuery.raw('release savepoint parvis_write');
const ROLLBACK = CompiledQuery.raw('rollback to savepoint parvis_write');

type Work<T> = (trx: Kysely<Database>) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Bounds the wait of the last job of a batch. */
const MAX_BATCH = 512;

/**
 * Group commit: the writes that arrive together share one
 * transaction, hence one fsync, instead of one fsync each. Each write runs in
 * its own savepoint, so a refused one (a second vote, a reused idempotency key)
 * rolls back only itself; every caller is answered only after the COMMIT,
 * so an accepted write is durable when its response leaves.
 */
export class GroupCommit {
  readonly #db: Kysely<Database>;
  #queue: Job[] = [];
  #scheduled = false;
  #busy = false;
  #idle: Array<() => void> = [];

  constructor(db: Kysely<Database>) {
    this.#db = db;
  }

  submit<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
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
      const outcomes: Outcome[] = [];
      for (const job of jobs) {
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
      return outcomes;
    });
  }
}
