import { fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { ParvisVote, VoteState } from '../../../src/elements/vote/vote.js';
import {
  MAX_SUBJECTS_PER_READ,
  SubjectKey,
  type SetSubjectVote,
  type SubjectVotes,
  type VoteMode,
  type VoteValue,
} from '../../../src/contract/subject.js';
import { API, error, worker } from './api.js';
import { text } from './dom.js';

export * from './dom.js';

/** A subject as the fake server keeps it: counts from other voters, and this browser's own vote. */
export interface FakeSubject {
  mode: VoteMode;
  up: number;
  down: number;
  closed: boolean;
  /** `up`/`down` are sent as `null`: the subject shows its score only. */
  scoreOnly: boolean;
  mine: VoteValue;
  commented: boolean;
}

export interface RecordedSubjectVote {
  key: string;
  body: SetSubjectVote;
  voter: string | null;
  idempotencyKey: string | null;
}

type Refusal = (key: string, body: SetSubjectVote) => Response | Promise<Response> | undefined;

/**
 * A stand-in for the subject routes: it creates a subject on its first vote,
 * applies the rules a citizen can meet (closed, mode, comments), answers a
 * retried write once, and remembers every request it received.
 */
export class FakeSubjects {
  subjects = new Map<string, FakeSubject>();
  received: RecordedSubjectVote[] = [];
  /** The keys of each read, in order: one entry per request, batched or not. */
  reads: string[][] = [];
  comments: Array<{ key: string; value: VoteValue; comment: string }> = [];
  readonly #answered = new Map<string, Response>();

  add(key: string, subject: Partial<FakeSubject> = {}): this {
    this.subjects.set(key, {
      mode: 'support',
      up: 0,
      down: 0,
      closed: false,
      scoreOnly: false,
      mine: 0,
      commented: false,
      ...subject,
    });
    return this;
  }

  view(key: string): SubjectVotes {
    const subject = this.subjects.get(key);
    if (!subject) return { key, mode: null, up: 0, down: 0, score: 0, closed: false, mine: 0, commented: false };
    const { mode, up, down, closed, scoreOnly, mine, commented } = subject;
    return {
      key,
      mode,
      up: scoreOnly ? null : up,
      down: scoreOnly ? null : down,
      score: up - down,
      closed,
      mine,
      commented,
    };
  }

  /** Installs the handlers; `refuse` may answer a vote instead of the rules. */
  listen(options: { refuse?: Refusal } = {}): this {
    worker.use(
      http.get(`${API}/v1/subjects`, ({ request }) => {
        const keys = new URL(request.url).searchParams.getAll('key');
        this.reads.push(keys);
        if (keys.length > MAX_SUBJECTS_PER_READ) return error(400, 'too_many_subjects');
        if (!keys.every((key) => SubjectKey.safeParse(key).success)) return error(400, 'invalid_subject_key');
        return HttpResponse.json({ subjects: keys.map((key) => this.view(key)) });
      }),
      http.get(`${API}/v1/subjects/:key/votes`, ({ params }) => {
        const key = params.key as string;
        this.reads.push([key]);
        if (!SubjectKey.safeParse(key).success) return error(400, 'invalid_subject_key');
        return HttpResponse.json(this.view(key));
      }),
      http.put(`${API}/v1/subjects/:key/votes`, async ({ params, request }) => {
        const key = params.key as string;
        const body = (await request.json()) as SetSubjectVote;
        const idempotencyKey = request.headers.get('Idempotency-Key');
        this.received.push({ key, body, voter: request.headers.get('Parvis-Voter'), idempotencyKey });
        const replayed = idempotencyKey ? this.#answered.get(idempotencyKey) : undefined;
        if (replayed) return replayed.clone();
        const refused = await options.refuse?.(key, body);
        if (refused) return refused;
        const answer = this.vote(key, body);
        if (idempotencyKey && answer.ok) this.#answered.set(idempotencyKey, answer.clone());
        return answer;
      }),
    );
    return this;
  }

  vote(key: string, { value, mode, comment }: SetSubjectVote): Response {
    if (!SubjectKey.safeParse(key).success) return error(400, 'invalid_subject_key');
    if (!this.subjects.has(key)) this.add(key, { mode: mode ?? 'support' });
    const subject = this.subjects.get(key)!;
    if (subject.closed) return error(409, 'subject_closed');
    if ((mode && mode !== subject.mode) || (value === -1 && subject.mode === 'support')) {
      return error(422, 'mode_mismatch');
    }
    if (comment !== undefined && (subject.mode !== 'helpful' || value === 0)) return error(422, 'comment_not_allowed');
    subject.up += Number(value === 1) - Number(subject.mine === 1);
    subject.down += Number(value === -1) - Number(subject.mine === -1);
    subject.mine = value;
    if (comment !== undefined) {
      subject.commented = true;
      this.comments.push({ key, value, comment });
    }
    return HttpResponse.json(this.view(key));
  }
}

/** A button as a page would have it, with its fallback link; the test file defines the element. */
export async function renderVote(attributes: Record<string, string> = {}): Promise<ParvisVote> {
  const el = document.createElement('parvis-vote');
  el.setAttribute('api', API);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(Object.assign(document.createElement('a'), { href: '/actualites', textContent: 'Voir l’actualité' }));
  return fixture<ParvisVote>(html`${el}`);
}

export async function untilState(element: ParvisVote, state: VoteState): Promise<void> {
  await waitUntil(() => element.state === state, `the button never reached "${state}" (it is "${element.state}")`, {
    timeout: 4000,
  });
  await element.updateComplete;
}

/** Goes offline as far as the widgets can tell; the returned function comes back online. */
export function goOffline(): () => void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
  return () => {
    delete (navigator as { onLine?: boolean }).onLine;
    dispatchEvent(new Event('online'));
  };
}

export function recordEvents(): { names: string[]; stop(): void } {
  const names: string[] = [];
  const record = (event: Event) => names.push(event.type);
  const types = ['parvis-vote-change', 'parvis-voted', 'parvis-error'];
  for (const type of types) document.addEventListener(type, record);
  return { names, stop: () => types.forEach((type) => document.removeEventListener(type, record)) };
}

/** The text a sighted reader sees: without what is there for screen readers only. */
export function shown(node: Element | null): string {
  const copy = node!.cloneNode(true) as Element;
  copy.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return text(copy);
}

/** The text a screen reader says for an element whose name comes from its content: without what is aria-hidden. */
export function spoken(node: Element | null): string {
  const copy = node!.cloneNode(true) as Element;
  copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
  return text(copy).replace(/\s+,/g, ',');
}
