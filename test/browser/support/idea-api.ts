/// <reference types="mocha" />
import { fixture, html, waitUntil } from '@open-wc/testing';
import { createChallenge, verifySolution } from 'altcha-lib/v1';
import { http, HttpResponse } from 'msw';
import type { Idea, IdeaBox, IdeaStatus, ReportIdea, SubmitIdea } from '../../../src/contract/idea.js';
import '../../../src/elements/idea-box/define.js';
import type { IdeaBoxState, ParvisIdeaBox } from '../../../src/elements/idea-box/idea-box.js';
import type { FormPhase } from '../../../src/elements/idea-box/idea-form-controller.js';
import { API, error, worker } from './api.js';

export * from './dom.js';

export const BOX_ID = 'idees-centre-ville';
/** The key the fake server signs its challenges with: a proof is checked for real, with `altcha-lib`. */
const HMAC_KEY = 'a-test-key-known-only-to-the-fake-server';

export function makeBox(overrides: Partial<IdeaBox> = {}): IdeaBox {
  return {
    id: BOX_ID,
    title: 'Vos idées pour le centre-ville',
    description: 'Proposez, soutenez, et suivez les réponses de la ville.',
    categories: [
      { id: 'mobilite', label: 'Mobilité' },
      { id: 'espaces-verts', label: 'Espaces verts' },
      { id: 'culture', label: 'Culture' },
    ],
    moderation: 'pre',
    status: 'open',
    opensAt: '2026-01-05T08:00:00+01:00',
    closesAt: '2030-12-31T18:00:00+01:00',
    requiresVerification: false,
    ideaCount: 0,
    ...overrides,
  };
}

/** The `n`-th idea, newest last: idea n was proposed n minutes after the first. */
export function makeIdea(n: number, overrides: Partial<Idea> = {}): Idea {
  return {
    id: `idee-${n}`,
    boxId: BOX_ID,
    title: `Idée numéro ${n}`,
    body: `Description de l’idée ${n}.`,
    category: 'mobilite',
    authorName: null,
    status: 'published',
    supports: 0,
    supportedByMe: false,
    createdAt: new Date(Date.UTC(2026, 2, 1, 9, n)).toISOString(),
    answer: null,
    mergedInto: null,
    ...overrides,
  };
}

export interface RecordedSubmission {
  body: SubmitIdea;
  idempotencyKey: string | null;
  voter: string | null;
  /** Whether `altcha-lib` accepted the proof against the challenge this server signed. */
  proofValid: boolean;
}

export interface RecordedWrite {
  method: string;
  ideaId: string;
  idempotencyKey: string | null;
  voter: string | null;
}

type Replace = () => Response | undefined | Promise<Response | undefined>;

/**
 * A stand-in for the server's idea routes: one box, its ideas, supports per
 * voter, real ALTCHA challenges of tiny difficulty whose proofs it verifies,
 * and a record of everything it received.
 */
export class FakeIdeaServer {
  box: IdeaBox;
  ideas: Idea[];
  /** Voters supporting each idea, beyond the count each idea starts with. */
  readonly supporters = new Map<string, Set<string>>();
  readonly submissions: RecordedSubmission[] = [];
  readonly supportWrites: RecordedWrite[] = [];
  readonly reports: Array<{ ideaId: string; body: ReportIdea; voter: string | null }> = [];
  readonly listQueries: URLSearchParams[] = [];
  challenges = 0;
  readonly #answered = new Map<string, { status: number; body: Idea }>();

  /** The API base it answers at: a test that counts requests gives it one of its own (see `renderIdeaBox`). */
  readonly api: string;

  constructor(box: IdeaBox, ideas: Idea[] = [], api = API) {
    this.box = box;
    this.ideas = ideas;
    this.api = api;
  }

  /** Installs the handlers; each option can replace one route's answer (return `undefined` to answer as usual). */
  listen(options: { list?: Replace; submit?: Replace; support?: Replace; report?: Replace } = {}): this {
    worker.use(
      http.get(`${this.api}/v1/idea-boxes/:boxId`, ({ params }) =>
        params.boxId === this.box.id ? HttpResponse.json(this.view()) : error(404, 'idea_box_not_found'),
      ),
      http.get(`${this.api}/v1/idea-boxes/:boxId/ideas`, async ({ params, request }) => {
        const query = new URL(request.url).searchParams;
        this.listQueries.push(query);
        const replaced = await options.list?.();
        if (replaced) return replaced;
        if (params.boxId !== this.box.id) return error(404, 'idea_box_not_found');
        return HttpResponse.json(this.page(query, request.headers.get('Parvis-Voter')));
      }),
      http.get(`${this.api}/v1/challenge`, async () => {
        this.challenges += 1;
        const expires = new Date(Date.now() + 10 * 60_000);
        return HttpResponse.json(await createChallenge({ hmacKey: HMAC_KEY, maxnumber: 200, expires }));
      }),
      http.post(`${this.api}/v1/idea-boxes/:boxId/ideas`, async ({ request }) => {
        const body = (await request.json()) as SubmitIdea;
        const idempotencyKey = request.headers.get('Idempotency-Key');
        const proofValid = body.proof ? await verifySolution(body.proof, HMAC_KEY) : false;
        this.submissions.push({ body, idempotencyKey, voter: request.headers.get('Parvis-Voter'), proofValid });
        const replaced = await options.submit?.();
        if (replaced) return replaced;
        const earlier = idempotencyKey && this.#answered.get(idempotencyKey);
        if (earlier) return HttpResponse.json(earlier.body, { status: earlier.status });
        if (!body.proof) return error(400, 'proof_required');
        if (!proofValid) return error(422, 'invalid_proof');
        if (body.website) return error(422, 'spam_detected');
        const idea = this.accept(body);
        if (idempotencyKey) this.#answered.set(idempotencyKey, { status: 201, body: idea });
        return HttpResponse.json(idea, { status: 201 });
      }),
      ...(['put', 'delete'] as const).map((method) =>
        http[method](`${this.api}/v1/ideas/:ideaId/support`, async ({ params, request }) => {
          const ideaId = params.ideaId as string;
          const voter = request.headers.get('Parvis-Voter');
          const idempotencyKey = request.headers.get('Idempotency-Key');
          this.supportWrites.push({ method: method.toUpperCase(), ideaId, idempotencyKey, voter });
          const replaced = await options.support?.();
          if (replaced) return replaced;
          const idea = this.ideas.find((known) => known.id === ideaId);
          if (!idea) return error(404, 'idea_not_found');
          const supporters = this.supporters.get(ideaId) ?? new Set<string>();
          this.supporters.set(ideaId, supporters);
          if (method === 'put') supporters.add(voter!);
          else supporters.delete(voter!);
          const { supports, supportedByMe } = this.seenBy(idea, voter);
          return HttpResponse.json({ ideaId, supports, supportedByMe });
        }),
      ),
      http.post(`${this.api}/v1/ideas/:ideaId/reports`, async ({ params, request }) => {
        const body = (await request.json()) as ReportIdea;
        this.reports.push({ ideaId: params.ideaId as string, body, voter: request.headers.get('Parvis-Voter') });
        const replaced = await options.report?.();
        if (replaced) return replaced;
        return HttpResponse.json({ received: true }, { status: 201 });
      }),
    );
    return this;
  }

  view(): IdeaBox {
    return { ...this.box, ideaCount: this.ideas.filter((idea) => listed(idea.status)).length };
  }

  /** One page as the contract says: filtered, sorted, `limit` at most, with an opaque cursor. */
  page(query: URLSearchParams, voter: string | null) {
    const category = query.get('category');
    const status = query.get('status');
    const matching = this.ideas
      .filter((idea) => (status ? idea.status === status : listed(idea.status)))
      .filter((idea) => !category || idea.category === category)
      .map((idea) => this.seenBy(idea, voter));
    const newest = (a: Idea, b: Idea) => b.createdAt.localeCompare(a.createdAt);
    matching.sort(query.get('sort') === 'new' ? newest : (a, b) => b.supports - a.supports || newest(a, b));
    const offset = Number(query.get('cursor')?.replace('after-', '') ?? 0);
    const limit = Number(query.get('limit') ?? 20);
    const ideas = matching.slice(offset, offset + limit);
    const next = offset + limit < matching.length ? `after-${offset + limit}` : null;
    return { ideas, total: matching.length, nextCursor: next };
  }

  seenBy(idea: Idea, voter: string | null): Idea {
    const supporters = this.supporters.get(idea.id) ?? new Set<string>();
    return {
      ...idea,
      supports: idea.supports + supporters.size,
      supportedByMe: voter !== null && supporters.has(voter),
    };
  }

  accept(body: SubmitIdea): Idea {
    const idea = makeIdea(this.ideas.length + 1, {
      id: `proposee-${this.ideas.length + 1}`,
      title: body.title,
      body: body.body,
      category: body.category ?? null,
      authorName: body.authorName ?? null,
      status: this.box.moderation === 'pre' ? 'pending' : 'published',
      createdAt: new Date().toISOString(),
    });
    this.ideas.push(idea);
    return idea;
  }
}

function listed(status: IdeaStatus): boolean {
  return status !== 'pending' && status !== 'hidden';
}

export function ideas(count: number, overrides: (n: number) => Partial<Idea> = () => ({})): Idea[] {
  return Array.from({ length: count }, (_, index) => makeIdea(index + 1, overrides(index + 1)));
}

export async function renderIdeaBox(
  attributes: { pageSize?: number; lang?: string; api?: string } = {},
): Promise<ParvisIdeaBox> {
  return fixture<ParvisIdeaBox>(
    html`<parvis-idea-box
      box=${BOX_ID}
      api=${attributes.api ?? API}
      page-size=${attributes.pageSize ?? 20}
      lang=${attributes.lang ?? 'fr'}
      ><a href="/idees">Proposer une idée sur le site de la ville</a></parvis-idea-box
    >`,
  );
}

export async function untilBox(element: ParvisIdeaBox, state: IdeaBoxState): Promise<void> {
  await waitUntil(() => element.state === state, `the box never reached "${state}" (it is "${element.state}")`, {
    timeout: 4000,
  });
  await element.updateComplete;
}

export async function untilForm(element: ParvisIdeaBox, phase: FormPhase): Promise<void> {
  await waitUntil(
    () => element.formState === phase,
    `the form never reached "${phase}" (it is "${element.formState}")`,
    { timeout: 8000 },
  );
  await element.updateComplete;
}

export function field<T extends HTMLElement = HTMLInputElement>(element: Element, id: string): T {
  return element.shadowRoot!.getElementById(id) as T;
}

/** Fills a field as pasting would: one `input` event, with focus in the field. */
export async function type(element: ParvisIdeaBox, id: string, value: string): Promise<void> {
  const control = field<HTMLInputElement | HTMLTextAreaElement>(element, id);
  control.focus();
  control.value = value;
  control.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

/**
 * What has focus in the element's shadow root, named by its id (else its part):
 * comparing names keeps a failed assertion readable, where comparing elements
 * would make chai describe a whole custom element.
 */
export function focused(element: Element): string {
  const active = element.shadowRoot!.activeElement;
  return active ? active.id || active.getAttribute('part') || active.localName : 'nothing';
}

/** Waits until `condition` holds, for what the element does after an event (focus, a request, a render). */
export async function waitFor(condition: () => boolean | Promise<boolean>, what = 'the condition'): Promise<void> {
  await waitUntil(condition, `${what} never held`, { timeout: 4000 });
}
