import type { ReactiveController } from 'lit';
import {
  MAX_IDEAS_PER_PAGE,
  type Idea,
  type IdeaBox,
  type IdeaPage,
  type IdeaSort,
  type ListIdeasQuery,
  type PublicIdeaStatus,
} from '../../contract/idea.js';
import { ApiClient } from '../../client/api-client.js';
import { resolveApi } from '../../client/config.js';
import type { ParvisError } from '../../client/errors.js';
import { getIdeaBox, listIdeas } from '../../client/ideas.js';
import { localeReady } from '../locale.js';
import { reportError } from '../events.js';
import type { IdeaBoxHost } from './idea-box-host.js';

export interface IdeaFilters {
  sort: IdeaSort;
  category?: string;
  status?: PublicIdeaStatus;
}

/**
 * The box and the ideas on screen: the box with its first page, then one page
 * at a time as the citizen asks for more, so that a box of ten thousand ideas
 * costs what a box of twenty does. A newer request makes an older one's answer
 * stale: it is dropped.
 */
export class IdeaListController implements ReactiveController {
  readonly #host: IdeaBoxHost;
  /** Lets the supports controller show on each new page the supports still waiting in the outbox. */
  readonly #decorate: (ideas: Idea[]) => Idea[];
  #boxAbort: AbortController | undefined;
  #listAbort: AbortController | undefined;

  /** The API base the box was read from, resolved at each load. */
  api = '';
  box: IdeaBox | null = null;
  boxError: ParvisError | null = null;
  ideas: Idea[] = [];
  total = 0;
  nextCursor: string | null = null;
  filters: IdeaFilters = { sort: 'top' };
  /** A new first page is on its way (the filters changed). */
  filtering = false;
  loadingMore = false;
  listError: ParvisError | null = null;
  moreError: ParvisError | null = null;

  constructor(host: IdeaBoxHost, decorate: (ideas: Idea[]) => Idea[]) {
    this.#host = host;
    this.#decorate = decorate;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#boxAbort?.abort();
    this.#listAbort?.abort();
  }

  get client(): ApiClient {
    return new ApiClient(this.api, this.#host.adapter);
  }

  /** Reads the box and its first page together: one round trip before the citizen sees ideas, not two. */
  async load(): Promise<void> {
    this.#boxAbort?.abort();
    const abort = (this.#boxAbort = new AbortController());
    const boxId = this.#host.box;
    this.api = resolveApi(this.#host);
    if (this.box?.id !== boxId) this.box = null;
    this.boxError = null;
    this.#host.requestUpdate();
    const listAbort = this.#newListAbort();
    abort.signal.addEventListener('abort', () => listAbort.abort(), { once: true });
    const [box, page] = await Promise.allSettled([
      getIdeaBox(this.client, boxId, this.#options(abort)),
      this.#firstPage(listAbort),
      localeReady(),
    ]);
    if (abort.signal.aborted) return;
    this.filtering = false;
    if (box.status === 'fulfilled') {
      this.box = box.value;
      if (page.status === 'fulfilled') this.#show(page.value);
      else this.listError = this.#report(page.reason, 'listIdeas');
    } else {
      // Whatever failed the box failed its list too: one error, not two.
      this.boxError = this.#report(box.reason, 'getIdeaBox');
    }
    this.#host.requestUpdate();
  }

  /** Shows the first page the new filters match. */
  async filter(filters: IdeaFilters): Promise<void> {
    this.filters = filters;
    this.filtering = true;
    this.#host.requestUpdate();
    const abort = this.#newListAbort();
    try {
      const page = await this.#firstPage(abort);
      if (abort.signal.aborted) return;
      this.#show(page);
    } catch (error) {
      if (abort.signal.aborted) return;
      this.listError = this.#report(error, 'listIdeas');
    }
    this.filtering = false;
    this.#host.requestUpdate();
  }

  /** Appends the next page; answers where its first idea is in the list, or -1 when nothing was added. */
  async more(): Promise<number> {
    const cursor = this.nextCursor;
    if (!cursor || this.loadingMore || this.filtering) return -1;
    const abort = this.#listAbort ?? this.#newListAbort();
    this.loadingMore = true;
    this.moreError = null;
    this.#host.requestUpdate();
    try {
      const page = await listIdeas(this.client, this.#host.box, { ...this.#query(), cursor }, this.#options(abort));
      if (abort.signal.aborted) return -1;
      // Supports given meanwhile can move an idea across pages: never show one twice.
      const known = new Set(this.ideas.map((idea) => idea.id));
      const fresh = this.#decorate(page.ideas.filter((idea) => !known.has(idea.id)));
      const first = this.ideas.length;
      this.ideas = [...this.ideas, ...fresh];
      this.total = page.total;
      this.nextCursor = page.nextCursor;
      return fresh.length ? first : -1;
    } catch (error) {
      if (!abort.signal.aborted) this.moreError = this.#report(error, 'listIdeas');
      return -1;
    } finally {
      this.loadingMore = false;
      this.#host.requestUpdate();
    }
  }

  /** Changes one idea on screen (its supports, say) without reading the list again. */
  patch(ideaId: string, change: Partial<Idea>): void {
    this.ideas = this.ideas.map((idea) => (idea.id === ideaId ? { ...idea, ...change } : idea));
    this.#host.requestUpdate();
  }

  find(ideaId: string): Idea | undefined {
    return this.ideas.find((idea) => idea.id === ideaId);
  }

  /** A citizen's idea the server accepted: counted, and shown first among the newest when it is already public. */
  added(idea: Idea): void {
    if (idea.status === 'pending' || !this.#matches(idea)) return;
    this.total += 1;
    if (this.box) this.box = { ...this.box, ideaCount: this.box.ideaCount + 1 };
    if (this.filters.sort === 'new' && !this.find(idea.id)) this.ideas = [idea, ...this.ideas];
    this.#host.requestUpdate();
  }

  #matches(idea: Idea): boolean {
    const { category, status } = this.filters;
    return (category === undefined || idea.category === category) && (status === undefined || idea.status === status);
  }

  /** A new first page makes any list request under way stale. */
  #newListAbort(): AbortController {
    this.#listAbort?.abort();
    return (this.#listAbort = new AbortController());
  }

  #firstPage(abort: AbortController): Promise<IdeaPage> {
    return listIdeas(this.client, this.#host.box, this.#query(), this.#options(abort));
  }

  #show(page: IdeaPage): void {
    this.ideas = this.#decorate(page.ideas);
    this.total = page.total;
    this.nextCursor = page.nextCursor;
    this.listError = null;
    this.moreError = null;
  }

  #query(): ListIdeasQuery {
    const limit = Math.min(Math.max(Math.round(this.#host.pageSize) || 1, 1), MAX_IDEAS_PER_PAGE);
    return { ...this.filters, limit };
  }

  #options(abort: AbortController) {
    return { signal: abort.signal, timeout: this.#host.timeout };
  }

  #report(error: unknown, operation: 'getIdeaBox' | 'listIdeas'): ParvisError {
    return reportError(this.#host, error, operation, { boxId: this.#host.box });
  }
}
