import {
  MAX_SUBJECTS_PER_READ,
  SetSubjectVote,
  SubjectVotes,
  SubjectVotesList,
  type VoteValue,
} from '../contract/subject.js';
import { type ApiClient, type CallOptions, type WriteOptions, checked, newIdempotencyKey } from './api-client.js';
import { ParvisError, asParvisError, isRetryableOffline } from './errors.js';
import {
  forget,
  outbox,
  queuedFor,
  queueWrite,
  refusalOf,
  registerReplayer,
  type OutboxResult,
  type QueuedWrite,
} from './outbox.js';

/** getSubjectVotes: the counts of one subject and the identified voter's own vote. */
export function getSubjectVotes(
  client: ApiClient,
  subjectKey: string,
  options: CallOptions = {},
): Promise<SubjectVotes> {
  return client.read('getSubjectVotes', SubjectVotes, options, (adapter, context) =>
    adapter.getSubjectVotes(subjectKey, context),
  );
}

/** Batched getSubjectVotes: the subjects in the order asked, at most `MAX_SUBJECTS_PER_READ` of them. */
export async function getSubjectVotesBatch(
  client: ApiClient,
  subjectKeys: string[],
  options: CallOptions = {},
): Promise<SubjectVotesList> {
  if (subjectKeys.length > MAX_SUBJECTS_PER_READ) throw new ParvisError('too_many_subjects');
  const list = await client.read('getSubjectVotesBatch', SubjectVotesList, options, (adapter, context) =>
    adapter.getSubjectVotesBatch(subjectKeys, context),
  );
  const { subjects } = list;
  if (subjects.length !== subjectKeys.length || subjects.some((subject, index) => subject.key !== subjectKeys[index]))
    throw new ParvisError('invalid_response', 'The subjects answered are not the keys asked, in their order.');
  return list;
}

/** setSubjectVote: answers the subject as this voter now sees it. */
export async function setSubjectVote(
  client: ApiClient,
  subjectKey: string,
  vote: SetSubjectVote,
  options: WriteOptions = {},
): Promise<SubjectVotes> {
  const body = checked(SetSubjectVote, vote, 'The vote');
  return client.write('setSubjectVote', SubjectVotes, options, (adapter, context) =>
    adapter.setSubjectVote(subjectKey, body, context),
  );
}

/** What a vote waiting in the outbox keeps. */
export interface QueuedSubjectVote extends QueuedWrite {
  operation: 'setSubjectVote';
  body: SetSubjectVote;
}

registerReplayer('setSubjectVote', (client, entry) =>
  setSubjectVote(client, entry.target, (entry as QueuedSubjectVote).body, { idempotencyKey: entry.key }),
);

/**
 * The keys travel in the query string; proxies in front of a server often
 * refuse URLs past 8 KB, so a batch stops well before.
 */
const MAX_BATCH_CHARS = 4000;

interface Waiting {
  key: string;
  resolve(votes: SubjectVotes): void;
  reject(error: unknown): void;
}

interface Batch {
  client: ApiClient;
  timeout: number | undefined;
  waiting: Waiting[];
}

let gathering: Batch[] = [];

/**
 * Reads one subject's votes. The reads asked for in the same moment (a list
 * of fifty news items whose buttons all connect at once) leave together: one
 * batched request per backend, instead of one each.
 */
export function readSubjectVotes(
  client: ApiClient,
  subjectKey: string,
  options: Pick<CallOptions, 'timeout'> = {},
): Promise<SubjectVotes> {
  const { api, adapter } = client;
  let batch = gathering.find(
    (open) => open.client.api === api && open.client.adapter === adapter && open.timeout === options.timeout,
  );
  if (!batch) {
    batch = { client, timeout: options.timeout, waiting: [] };
    if (gathering.push(batch) === 1) setTimeout(sendGathered);
  }
  const { waiting } = batch;
  return new Promise((resolve, reject) => waiting.push({ key: subjectKey, resolve, reject }));
}

function sendGathered(): void {
  const batches = gathering;
  gathering = [];
  for (const { client, timeout, waiting } of batches) {
    const answers = new Map<string, Promise<SubjectVotes>>();
    for (const keys of chunks([...new Set(waiting.map(({ key }) => key))])) {
      readChunk(client, keys, timeout).forEach((answer, index) => answers.set(keys[index], answer));
    }
    for (const { key, resolve, reject } of waiting) answers.get(key)!.then(resolve, reject);
  }
}

function chunks(keys: string[]): string[][] {
  const result: string[][] = [];
  let current: string[] = [];
  let chars = 0;
  for (const key of keys) {
    if (current.length === MAX_SUBJECTS_PER_READ || (current.length > 0 && chars + key.length > MAX_BATCH_CHARS)) {
      result.push(current);
      current = [];
      chars = 0;
    }
    current.push(key);
    chars += key.length;
  }
  if (current.length) result.push(current);
  return result;
}

/** One answer per key. A lone key, or an adapter without the batched read, reads subjects one by one. */
function readChunk(client: ApiClient, keys: string[], timeout: number | undefined): Promise<SubjectVotes>[] {
  if (keys.length === 1 || typeof client.adapter.getSubjectVotesBatch !== 'function') {
    return keys.map((key) => getSubjectVotes(client, key, { timeout }));
  }
  const list = getSubjectVotesBatch(client, keys, { timeout });
  return keys.map((_, index) => list.then(({ subjects }) => subjects[index]));
}

/** The subject as it will be once the server takes this vote: what a button shows at once. */
export function withVote(votes: SubjectVotes, vote: SetSubjectVote): SubjectVotes {
  const from = votes.mine;
  const to = vote.value;
  const change = (side: VoteValue) => Number(to === side) - Number(from === side);
  return {
    ...votes,
    mode: votes.mode ?? vote.mode ?? null,
    up: votes.up === null ? null : votes.up + change(1),
    down: votes.down === null ? null : votes.down + change(-1),
    score: votes.score + to - from,
    mine: to,
    commented: votes.commented || vote.comment !== undefined,
  };
}

export type VoteOutcome =
  | { outcome: 'accepted'; votes: SubjectVotes; error?: undefined }
  | { outcome: 'queued'; votes?: undefined; error?: undefined }
  | { outcome: 'refused'; error: ParvisError; votes?: undefined };

/** A vote settled out of a button's hands: a queued vote the server took or refused later. */
export type LaterOutcome =
  | { vote: SetSubjectVote; votes: SubjectVotes; error?: undefined }
  | { vote: SetSubjectVote; error: ParvisError; votes?: undefined };

/** A button showing a subject. */
export interface SubjectListener {
  /** The shared state changed: show it. */
  changed(): void;
  /** Called on one button only (the one that voted, while it shows): tell the citizen. */
  settled(outcome: LaterOutcome): void;
}

/** Codes after which what the buttons show is stale: the subject is read again. */
const STALE_AFTER = new Set(['subject_closed', 'mode_mismatch']);

/**
 * What every button of one subject on one backend shares, so that they all
 * show the same counts and the same vote: one read at a time, the vote on its
 * way (shown at once, rolled back if refused), the vote waiting in the outbox.
 */
export class SubjectState {
  readonly api: string;
  readonly key: string;
  /** The vote on its way: being sent, or waiting in the outbox. */
  pending: SetSubjectVote | null = null;
  queued: QueuedSubjectVote | null = null;
  submitting = false;
  loadError: ParvisError | null = null;

  /** The subject as the server last answered. */
  #confirmed: SubjectVotes | null = null;
  #loading: Promise<ParvisError | null> | undefined;
  #client: ApiClient | undefined;
  #timeout: number | undefined;
  /** Counts the answers to votes, so that a read sent before one does not undo it. */
  #written = 0;
  readonly #listeners = new Set<SubjectListener>();
  #voter: SubjectListener | undefined;
  /** Queued votes whose outcome was taken in here, while the outbox forgets them. */
  readonly #done = new Set<string>();
  /** Queued votes a newer vote replaced. */
  readonly #replaced = new Set<string>();

  constructor(api: string, key: string) {
    this.api = api;
    this.key = key;
  }

  /** What every button of the subject shows: the server's counts with the vote on its way already in them. */
  get votes(): SubjectVotes | null {
    return this.#confirmed && this.pending ? withVote(this.#confirmed, this.pending) : this.#confirmed;
  }

  get loading(): boolean {
    return this.#loading !== undefined;
  }

  subscribe(listener: SubjectListener): void {
    this.#listeners.add(listener);
  }

  unsubscribe(listener: SubjectListener): void {
    this.#listeners.delete(listener);
  }

  /** Reads the subject (with other buttons' reads), and takes in a vote left in the outbox. */
  load(client: ApiClient, options: Pick<CallOptions, 'timeout'> = {}): Promise<ParvisError | null> {
    this.#client = client;
    this.#timeout = options.timeout;
    this.#loading ??= this.#read(client, options.timeout).finally(() => {
      this.#loading = undefined;
      this.#notify();
    });
    this.#notify();
    return this.#loading;
  }

  async #read(client: ApiClient, timeout: number | undefined): Promise<ParvisError | null> {
    const written = this.#written;
    const entries = queuedFor(this.api, ['setSubjectVote'], this.key).catch(() => [] as QueuedWrite[]);
    try {
      const votes = await readSubjectVotes(client, this.key, { timeout });
      if (written === this.#written) this.#confirmed = votes;
      this.loadError = null;
    } catch (error) {
      this.loadError = asParvisError(error);
    }
    this.#takeQueued((await entries) as QueuedSubjectVote[]);
    return this.loadError;
  }

  /** A vote an earlier page queued is shown as on its way; one refused while no button showed is told now. */
  #takeQueued(entries: QueuedSubjectVote[]): void {
    const open = entries.filter((entry) => !this.#done.has(entry.key));
    const waiting = open.filter((entry) => !entry.refused).at(-1);
    if (waiting && !this.queued && !this.submitting) {
      this.queued = waiting;
      this.pending = waiting.body;
    }
    const refused = open.filter((entry) => entry.refused);
    const teller = this.#teller();
    const last = refused.at(-1);
    if (!last || !teller) return;
    for (const entry of refused) {
      this.#done.add(entry.key);
      void forget(entry.key);
    }
    teller.settled({ vote: last.body, error: refusalOf(last)! });
  }

  /** Shows the vote at once, sends it, and rolls it back if the server refuses it. */
  async vote(
    client: ApiClient,
    vote: SetSubjectVote,
    options: Pick<CallOptions, 'timeout'>,
    voter: SubjectListener,
  ): Promise<VoteOutcome> {
    const idempotencyKey = newIdempotencyKey();
    this.#voter = voter;
    this.pending = vote;
    this.submitting = true;
    this.#notify();
    try {
      if (!navigator.onLine) return await this.#enqueue(vote, idempotencyKey);
      const votes = await setSubjectVote(client, this.key, vote, { idempotencyKey, timeout: options.timeout });
      if (this.queued) this.#drop(this.queued);
      this.#accept(votes);
      this.pending = null;
      return { outcome: 'accepted', votes };
    } catch (error) {
      if (isRetryableOffline(error)) return await this.#enqueue(vote, idempotencyKey);
      this.pending = this.queued?.body ?? null;
      const refusal = asParvisError(error);
      if (STALE_AFTER.has(refusal.code)) void this.load(client, options);
      return { outcome: 'refused', error: refusal };
    } finally {
      this.submitting = false;
      this.#notify();
    }
  }

  async #enqueue(vote: SetSubjectVote, key: string): Promise<VoteOutcome> {
    let entry: QueuedSubjectVote;
    try {
      entry = await queueWrite<QueuedSubjectVote>({
        key,
        operation: 'setSubjectVote',
        api: this.api,
        target: this.key,
        body: vote,
      });
    } catch (error) {
      this.pending = this.queued?.body ?? null;
      return { outcome: 'refused', error: asParvisError(error) };
    }
    if (this.queued) this.#drop(this.queued);
    this.queued = entry;
    return { outcome: 'queued' };
  }

  /** A newer vote replaces one still waiting: sent later, the older would undo it. */
  #drop(entry: QueuedSubjectVote): void {
    this.#replaced.add(entry.key);
    this.#done.add(entry.key);
    void forget(entry.key);
    this.queued = null;
  }

  #accept(votes: SubjectVotes): void {
    this.#confirmed = votes;
    this.#written += 1;
  }

  /** The outbox sent a queued vote of this subject, and the server answered. */
  settle({ entry, result, error }: OutboxResult): void {
    const teller = this.#teller();
    const vote = (entry as QueuedSubjectVote).body;
    if (this.queued?.key === entry.key) {
      this.queued = null;
      if (!this.submitting) this.pending = null;
    }
    if (this.#replaced.has(entry.key)) {
      // Sent before it could be withdrawn: what the server holds now is best read again.
      this.#reload();
    } else if (!error) {
      this.#done.add(entry.key);
      this.#accept(result as SubjectVotes);
      teller?.settled({ vote, votes: result as SubjectVotes });
    } else if (teller) {
      // Kept in the outbox while no button of the subject shows; told once, then forgotten.
      this.#done.add(entry.key);
      void forget(entry.key);
      teller.settled({ vote, error });
      this.#reload();
    }
    this.#notify();
  }

  #reload(): void {
    if (this.#client) void this.load(this.#client, { timeout: this.#timeout });
  }

  /** Who tells the citizen about an outcome: the button they voted with, else the first one showing. */
  #teller(): SubjectListener | undefined {
    if (this.#voter && this.#listeners.has(this.#voter)) return this.#voter;
    return this.#listeners.values().next().value;
  }

  #notify(): void {
    for (const listener of this.#listeners) listener.changed();
  }
}

const states = new Map<string, SubjectState>();

/** The one state every button of this subject on this backend shares. */
export function subjectState(api: string, subjectKey: string): SubjectState {
  const id = `${api} ${subjectKey}`;
  let state = states.get(id);
  if (!state) {
    if (states.size === 0) outbox.addEventListener('settled', onSettled);
    states.set(id, (state = new SubjectState(api, subjectKey)));
  }
  return state;
}

function onSettled(event: Event): void {
  const result = (event as CustomEvent<OutboxResult>).detail;
  if (result.entry.operation !== 'setSubjectVote') return;
  states.get(`${result.entry.api} ${result.entry.target}`)?.settle(result);
}
