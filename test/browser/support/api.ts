import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { createStore, set } from 'idb-keyval';
import type { QueuedWrite } from '../../../src/client/outbox.js';
import type { Poll } from '../../../src/contract/poll.js';

/** A made-up origin: only msw answers it, so a request the tests did not expect fails loudly. */
export const API = 'https://api.parvis.test';

export const worker = setupWorker();

/** Pages are reused from one test file to the next: start each file with no voter and an empty outbox. */
export async function resetStorage(): Promise<void> {
  localStorage.clear();
  await new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase('parvis');
    request.onsuccess = resolve;
    request.onerror = () => reject(request.error);
  });
}

export async function startApi(): Promise<void> {
  await resetStorage();
  await worker.start({ quiet: true, onUnhandledRequest: 'error', serviceWorker: { url: '/mockServiceWorker.js' } });
}

export function makePoll(overrides: Partial<Poll> = {}): Poll {
  return {
    id: 'parc-des-tilleuls',
    question: 'Que souhaitez-vous pour le parc des Tilleuls ?',
    description: 'Le parc sera réaménagé en 2027.',
    options: [
      { id: 'aire-de-jeux', label: 'Une aire de jeux' },
      { id: 'jardin-partage', label: 'Un jardin partagé' },
      { id: 'kiosque', label: 'Un kiosque à musique' },
    ],
    multiple: false,
    minChoices: 1,
    maxChoices: 1,
    opensAt: '2026-01-05T08:00:00+01:00',
    closesAt: '2026-12-31T18:00:00+01:00',
    status: 'open',
    resultsVisibility: 'after_vote',
    allowChange: false,
    requiresVerification: false,
    results: null,
    myVote: null,
    ...overrides,
  };
}

export interface RecordedVote {
  choices: string[];
  voter: string | null;
  idempotencyKey: string | null;
  authorization: string | null;
}

/**
 * A tiny stand-in for the server: it serves one poll, counts votes and applies
 * the visibility policy, and remembers what it received.
 */
export class FakeServer {
  poll: Poll;
  votes: Array<{ votes: number; id: string }>;
  voters = 0;
  received: RecordedVote[] = [];
  reads: Headers[] = [];

  constructor(poll: Poll, tally: Record<string, number> = {}, voters = 0) {
    this.poll = poll;
    this.votes = poll.options.map(({ id }) => ({ id, votes: tally[id] ?? 0 }));
    this.voters = voters;
  }

  view(): Poll {
    const { resultsVisibility: policy, status, myVote } = this.poll;
    const visible =
      policy === 'always' ||
      (policy === 'after_vote' && myVote !== null) ||
      (policy === 'after_close' && status === 'closed');
    return { ...this.poll, results: visible ? { voters: this.voters, options: this.votes } : null };
  }

  /** Installs the GET and POST handlers; `vote` can replace the POST answer. */
  listen(options: { vote?: () => Response | Promise<Response> | undefined } = {}): this {
    worker.use(
      http.get(`${API}/v1/polls/:pollId`, ({ params, request }) => {
        this.reads.push(request.headers);
        if (params.pollId !== this.poll.id) return error(404, 'poll_not_found');
        return HttpResponse.json(this.view());
      }),
      http.post(`${API}/v1/polls/:pollId/votes`, async ({ request }) => {
        const { choices } = (await request.json()) as { choices: string[] };
        this.received.push({
          choices,
          voter: request.headers.get('Parvis-Voter'),
          idempotencyKey: request.headers.get('Idempotency-Key'),
          authorization: request.headers.get('Authorization'),
        });
        const replaced = await options.vote?.();
        if (replaced) return replaced;
        this.count(choices);
        return HttpResponse.json(this.view());
      }),
    );
    return this;
  }

  count(choices: string[]): void {
    for (const choice of choices) this.votes.find((option) => option.id === choice)!.votes += 1;
    this.voters += 1;
    this.poll = { ...this.poll, myVote: { choices, votedAt: new Date().toISOString() } };
  }
}

export function error(status: number, code: string, message = 'Refused.'): Response {
  return HttpResponse.json({ error: { code, message } }, { status });
}

export function never(): Promise<Response> {
  return delay('infinite') as Promise<never>;
}

/**
 * What an earlier visit left behind: its voter token, and a vote for
 * `kiosque` in the outbox that never reached the server.
 */
export async function queueFromEarlierVisit(): Promise<QueuedWrite> {
  localStorage.setItem('parvis:voter', 'previous-visit-voter-token');
  const entry: QueuedWrite = {
    key: 'queued-on-a-previous-visit',
    operation: 'castPollVote',
    api: API,
    target: 'parc-des-tilleuls',
    body: { choices: ['kiosque'] },
    queuedAt: '2026-03-01T10:00:00.000Z',
  };
  await set(entry.key, entry, createStore('parvis', 'outbox'));
  return entry;
}
