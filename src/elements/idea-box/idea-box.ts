import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { DEFAULT_IDEAS_PER_PAGE, IdeaSort, type Idea, type IdeaBox, type SubmitIdea } from '../../contract/idea.js';
import type { ParvisAdapter } from '../../client/adapter.js';
import type {} from '../events.js';
import { ParvisElement } from '../parvis-element.js';
import { widgetStyles } from '../widget-styles.js';
import { IdeaBoxFormat } from './idea-box-format.js';
import { focusAfterUpdate, type IdeaBoxHost } from './idea-box-host.js';
import { renderError, renderHeader, renderSkeleton } from './idea-box-templates.js';
import { ideaBoxStyles } from './idea-box.styles.js';
import { titleId } from './idea-card-templates.js';
import { IdeaFormController, type FormPhase, type IdeaDraft } from './idea-form-controller.js';
import { renderFormSection, type FormView } from './idea-form-templates.js';
import { ideaFormStyles } from './idea-form.styles.js';
import { IdeaListController, type IdeaFilters } from './idea-list-controller.js';
import { renderListSection, type ListView } from './idea-list-templates.js';
import { IdeaReportController } from './idea-report-controller.js';
import { IdeaSupportController } from './idea-support-controller.js';

export type IdeaBoxState = 'loading' | 'error' | 'open' | 'upcoming' | 'closed';

/** `parvis-idea-submit`: the idea about to be sent, as the citizen wrote it (trimmed). */
export interface IdeaSubmitDetail {
  boxId: string;
  idea: Omit<SubmitIdea, 'proof' | 'website'>;
}

/** `parvis-idea-submitted`: the idea as the server stored it; `status` says whether it awaits moderation. */
export interface IdeaSubmittedDetail {
  boxId: string;
  idea: Idea;
}

/** `parvis-support`: `supported` is what the citizen asks for — `true` to support, `false` to withdraw. */
export interface IdeaSupportDetail {
  boxId: string;
  ideaId: string;
  supported: boolean;
}

const DRAFT_FIELDS = new Set<string>(['title', 'body', 'category', 'authorName', 'website']);

/**
 * An idea box. Citizens propose ideas (title, description, category, an
 * optional display name), browse them sorted and filtered one page at a time,
 * support them, report abuse, and read each idea's status and the city's
 * answer. Anti-spam asks nothing of people: a hidden honeypot field, and a
 * proof of work solved in the background while they write. The element's
 * children are the fallback shown until it renders (or when scripts are
 * blocked): typically a link to the consultation on the city's site.
 *
 * @summary An idea box citizens fill, browse and support inline.
 * @tag parvis-idea-box
 *
 * @attr lang - Language of the widget (`fr`, `en`, `es`, `de`, `it`, `nl`, `ca`, `ar`: Arabic right to left); else the closest `[lang]` ancestor, else French. One language per page.
 *
 * @fires parvis-idea-submit - Before an idea is sent; cancel it (`preventDefault()`) to send nothing. `detail: { boxId, idea: { title, body, category?, authorName? } }`.
 * @fires parvis-idea-submitted - After the server accepted an idea, including one queued offline and sent later. `detail: { boxId, idea }`; `idea.status` is `pending` while it awaits moderation.
 * @fires parvis-support - Before a support or its withdrawal is sent; cancel it to send nothing. `detail: { boxId, ideaId, supported }`.
 * @fires parvis-error - When loading, sending an idea, a support or a report failed. `detail: { boxId, ideaId?, operation, code, message, status, error }`.
 *
 * @slot - Fallback content (such as a link to the consultation), hidden once the element renders.
 *
 * @csspart base - The box's container.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart title - The box's title.
 * @csspart description - The box's description.
 * @csspart notice - Opening or closing date.
 * @csspart heading - The headings of the form and of the list.
 * @csspart form-section - The section holding the form or its confirmation.
 * @csspart form - The idea form.
 * @csspart hint - The hint under the form's heading or a field's label.
 * @csspart field - A field: its label, hint, error and control.
 * @csspart label - A field's label.
 * @csspart input - A field's control.
 * @csspart field-error - The error next to a field.
 * @csspart char-count - The description's remaining characters.
 * @csspart error-summary - The list of problems above the form.
 * @csspart submit - The button that sends an idea.
 * @csspart confirmation - What the citizen reads once their idea is sent, or kept to be sent.
 * @csspart again - The button to propose another idea.
 * @csspart queued - Ideas waiting for the network.
 * @csspart list-section - The section holding the ideas.
 * @csspart count - The number of ideas the filters match.
 * @csspart filters - The sort and filter controls.
 * @csspart ideas - The list of ideas.
 * @csspart idea - One idea.
 * @csspart idea-title - An idea's title.
 * @csspart idea-meta - Who proposed an idea, and when.
 * @csspart idea-category - An idea's category.
 * @csspart idea-status - An idea's status.
 * @csspart idea-text - An idea's description.
 * @csspart merged - The idea a merged idea now lives in.
 * @csspart answer - The city's official answer.
 * @csspart answer-heading - The answer's date line.
 * @csspart answer-text - The answer's text.
 * @csspart support - The support button (`aria-pressed` when supported).
 * @csspart support-count - An idea's number of supports.
 * @csspart support-note - Said of a support waiting for the network.
 * @csspart report - The button that opens the report form.
 * @csspart report-form - The report form.
 * @csspart report-submit - The button that sends a report.
 * @csspart report-cancel - The button that closes the report form.
 * @csspart report-done - The thanks once an idea is reported.
 * @csspart empty - Said when no idea matches.
 * @csspart more - The button that shows more ideas.
 * @csspart status - The live region announcing counts and queued writes.
 * @csspart error - An error message.
 * @csspart retry - The button to try again after an error.
 *
 * @cssprop --parvis-idea-box-button-color - Buttons and links. Default: `--parvis-color-primary`, else #000091.
 * @cssprop --parvis-idea-box-button-text-color - Text of filled buttons. Default: `--parvis-color-on-primary`, else #fff.
 * @cssprop --parvis-idea-box-accent-color - Radio buttons. Default: `--parvis-color-primary`, else #000091.
 * @cssprop --parvis-idea-box-surface - Background. Default: `--parvis-color-surface`, else #fff.
 * @cssprop --parvis-idea-box-card-surface - Background of each idea. Default: `--parvis-color-surface`, else #fff.
 * @cssprop --parvis-idea-box-input-surface - Background of fields. Default: `--parvis-color-surface`, else #fff.
 * @cssprop --parvis-idea-box-answer-surface - Background of the city's answers. Default: #f5f5fe.
 * @cssprop --parvis-idea-box-track-color - Status badges and the loading placeholder. Default: #e3e3fd.
 * @cssprop --parvis-idea-box-border-color - Borders. Default: `--parvis-color-border`, else #757575.
 * @cssprop --parvis-idea-box-muted-color - Secondary text. Default: `--parvis-color-muted`, else #595959.
 * @cssprop --parvis-idea-box-success-color - Confirmations, accepted and done ideas. Default: `--parvis-color-success`, else #18753c.
 * @cssprop --parvis-idea-box-danger-color - Errors, rejected ideas. Default: `--parvis-color-danger`, else #c9191e.
 * @cssprop --parvis-idea-box-radius - Corner radius. Default: `--parvis-radius`, else 0.25rem.
 * @cssprop --parvis-idea-box-space - Spacing unit. Default: `--parvis-space`, else 1rem.
 * @cssprop --parvis-idea-box-min-block-size - Height reserved while loading. Default: 48rem.
 */
export class ParvisIdeaBox extends ParvisElement implements IdeaBoxHost {
  static override styles = [...ParvisElement.styles, widgetStyles, ideaBoxStyles, ideaFormStyles];

  static override properties = {
    box: { type: String, reflect: true },
    api: { type: String },
    sort: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    adapter: { attribute: false },
    timeout: { attribute: false },
    _announcement: { state: true, attribute: false },
  };

  /** The idea box's id, as given by the city. */
  declare box: string;
  /** API base URL for this element; else `Parvis.configure({ api })`, `<meta name="parvis:api">`, or where parvis.js comes from. */
  declare api: string | undefined;
  /** The order ideas are first shown in: `top` (most supported, the default), `new` or `trending`. */
  declare sort: string;
  /** Ideas fetched and shown at a time (1 to 50; 20 by default). */
  declare pageSize: number;
  /** The level of the box's headings (2 to 5; 3 by default); ideas' titles are one level below. */
  declare headingLevel: number;
  /** A backend for this element only, instead of the configured one. */
  declare adapter: ParvisAdapter | undefined;
  /** Milliseconds before a request is abandoned; else the configured timeout (10 s by default). */
  declare timeout: number | undefined;
  /** @internal What the live region says. */
  declare _announcement: string;

  readonly #list: IdeaListController = new IdeaListController(this, (ideas) => this.#supports.overlay(ideas));
  readonly #supports: IdeaSupportController = new IdeaSupportController(this, this.#list);
  readonly #form = new IdeaFormController(this, this.#list);
  readonly #report = new IdeaReportController(this, this.#list);

  constructor() {
    super();
    this.box = '';
    this.api = undefined;
    this.sort = 'top';
    this.pageSize = DEFAULT_IDEAS_PER_PAGE;
    this.headingLevel = 3;
    this.adapter = undefined;
    this.timeout = undefined;
    this._announcement = '';
  }

  /** The box as last received from the server, or `null` before it arrives. */
  get data(): IdeaBox | null {
    return this.#list.box;
  }

  /** The ideas on screen, in their order. */
  get ideas(): readonly Idea[] {
    return this.#list.ideas;
  }

  /** Which of its states the box shows. */
  get state(): IdeaBoxState {
    const { box, boxError } = this.#list;
    if (!box) return boxError ? 'error' : 'loading';
    return box.status;
  }

  /** Where the idea form stands: `editing`, `submitting`, `submitted` or `queued` (kept until back online). */
  get formState(): FormPhase {
    return this.#form.phase;
  }

  /** Reads the box and its first page of ideas again, keeping the citizen's sort and filters. */
  async reload(): Promise<void> {
    await this.#list.load();
    await Promise.all([this.#supports.load(), this.#form.load()]);
  }

  /** @internal Says something in the live region; cleared first, so that the same words are said again. */
  announce(message: string): void {
    this._announcement = '';
    void this.updateComplete.then(() => (this._announcement = message));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const sort = (IdeaSort.options as string[]).includes(this.sort) ? (this.sort as IdeaSort) : 'top';
    // A new box starts from its first sort with no filter; the same box keeps the citizen's filters.
    if (changed.has('box')) this.#list.filters = { sort };
    else if (changed.has('sort')) this.#list.filters = { ...this.#list.filters, sort };
    if (changed.has('box') || changed.has('api') || changed.has('adapter')) void this.reload();
    else if (changed.has('sort')) void this.#list.filter(this.#list.filters);
  }

  protected override render(): TemplateResult {
    const { box, boxError } = this.#list;
    if (!box && !boxError) return renderSkeleton();
    const format = new IdeaBoxFormat(this.formatLocale);
    return html`
      <div
        part="base"
        class="box"
        dir=${this.direction}
        aria-busy=${this.#form.phase === 'submitting' ? 'true' : 'false'}
      >
        ${box ? this.#renderBox(box, format) : nothing}
        ${boxError ? renderError(boxError, () => this.reload(), 'error') : nothing}
        <div part="status" class="status" role="status">${this._announcement}</div>
      </div>
    `;
  }

  #renderBox(box: IdeaBox, format: IdeaBoxFormat): TemplateResult {
    const view: FormView & ListView = {
      box,
      format,
      level: Math.min(Math.max(Math.round(this.headingLevel) || 3, 2), 5),
      form: this.#form,
      list: this.#list,
      supports: this.#supports,
      report: this.#report,
      onInput: this.#onInput,
      onStart: this.#onStart,
      onSubmit: this.#onSubmit,
      onRetry: this.#submit,
      onSummaryLink: this.#onSummaryLink,
      onAgain: this.#onAgain,
      onFilter: this.#onFilter,
      onMore: this.#onMore,
      onRetryList: () => this.#list.filter(this.#list.filters),
      onSupport: (ideaId) => void this.#supports.toggle(ideaId),
    };
    return html`
      ${renderHeader(box, format)} ${box.status === 'open' ? renderFormSection(view) : nothing}
      ${renderListSection(view)}
    `;
  }

  #onStart = (): void => this.#form.start();

  #onInput = (event: Event): void => {
    const { name, value } = event.target as HTMLInputElement;
    if (DRAFT_FIELDS.has(name)) this.#form.edit(name as keyof IdeaDraft, value);
    this.#form.start();
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#submit();
  };

  #submit = async (): Promise<void> => {
    const outcome = await this.#form.submit();
    const target = {
      invalid: 'error-summary',
      accepted: 'confirmation',
      queued: 'confirmation',
      refused: 'form-error',
    };
    if (outcome !== 'cancelled') await focusAfterUpdate(this, target[outcome]);
  };

  /** The summary's links lead into the shadow root, where a fragment cannot: focus goes to the field. */
  #onSummaryLink = (event: Event): void => {
    event.preventDefault();
    const id = (event.currentTarget as HTMLAnchorElement).getAttribute('href')!.slice(1);
    (this.renderRoot as ShadowRoot).getElementById(id)?.focus();
  };

  #onAgain = (): void => {
    this.#form.again();
    void focusAfterUpdate(this, 'idea-title');
  };

  #onFilter = async (event: Event): Promise<void> => {
    const { name, value } = event.target as HTMLSelectElement;
    const filters: IdeaFilters = { ...this.#list.filters, [name]: value || undefined };
    await this.#list.filter(filters);
    if (!this.#list.listError && this.#list.filters === filters) {
      this.announce(new IdeaBoxFormat(this.formatLocale).ideas(this.#list.total));
    }
  };

  #onMore = async (): Promise<void> => {
    const first = await this.#list.more();
    if (first >= 0) await focusAfterUpdate(this, titleId(this.#list.ideas[first].id));
    else if (this.#list.moreError) await focusAfterUpdate(this, 'more-error');
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'parvis-idea-box': ParvisIdeaBox;
  }
  interface GlobalEventHandlersEventMap {
    'parvis-idea-submit': CustomEvent<IdeaSubmitDetail>;
    'parvis-idea-submitted': CustomEvent<IdeaSubmittedDetail>;
    'parvis-support': CustomEvent<IdeaSupportDetail>;
  }
}
