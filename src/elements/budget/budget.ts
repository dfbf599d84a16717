import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { Budget, Project } from '../../contract/budget.js';
import type { ParvisAdapter } from '../../client/adapter.js';
import { type FitProblem, hasDistricts, whyNotSubmittable } from '../../client/budgets.js';
import type {} from '../events.js';
import { ParvisElement } from '../parvis-element.js';
import { BudgetController, type BudgetHost } from './budget-controller.js';
import { draftOf, withPicks } from './budget-draft.js';
import { BudgetFormat } from './budget-format.js';
import { renderError, renderSkeleton } from './budget-overview.js';
import type { Filters } from './budget-projects.js';
import { type BudgetState, type BudgetView, renderBudget } from './budget-view.js';
import { widgetStyles } from '../widget-styles.js';
import { budgetListStyles } from './budget-list.styles.js';
import { budgetStyles } from './budget.styles.js';

export type { BudgetState };

/**
 * A participatory budget. A citizen reads the envelope, the rules and the
 * projects, filters them, chooses their district where the budget has
 * districts, builds a ballot within the rules while what is spent and left
 * stays in view, reviews it and casts it in one request; after closing, they
 * see each project's votes and rank and the funded projects. The draft ballot
 * survives a reload. The element's children are the fallback shown until it
 * renders (or when scripts are blocked): typically a link to the budget on the city's site.
 *
 * @summary A participatory budget citizens vote in inline.
 * @tag parvis-budget
 *
 * @attr lang - Language of the widget (`fr`, `en`, `es`, `de`, `it`, `nl`, `ca`, `ar`: Arabic right to left); else the closest `[lang]` ancestor, else French. One language per page.
 *
 * @fires parvis-ballot-submit - Before a ballot is sent; cancel it (`preventDefault()`) to send nothing. `detail: { budgetId, district, projectIds }`.
 * @fires parvis-ballot-cast - After the server accepted a ballot, including a queued one sent later. `detail: { budgetId, district, projectIds, budget }`.
 * @fires parvis-error - When loading or casting failed. `detail: { budgetId, operation, code, message, status, error }`.
 *
 * @slot - Fallback content (such as a link to the budget), hidden once the element renders.
 *
 * @csspart base - The budget's container.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart title - The budget's title.
 * @csspart description - The budget's description.
 * @csspart total - The envelope, and each district's.
 * @csspart rules - The ballot rules, in words.
 * @csspart notice - Dates, and what happens once a ballot is sent.
 * @csspart districts - The choice of a district.
 * @csspart districts-legend - The legend of the district choice.
 * @csspart district - One district: its radio button and label.
 * @csspart filters - The filters by category and district.
 * @csspart filter - One filter's drop-down list.
 * @csspart shown - How many projects the filters keep (announced when it changes).
 * @csspart projects - The list of projects.
 * @csspart project - One project's card.
 * @csspart image - A project's image.
 * @csspart project-title - A project's title.
 * @csspart cost - A project's cost.
 * @csspart facts - A project's category, district and location.
 * @csspart summary - A project's short description.
 * @csspart details - The disclosure holding a project's long description.
 * @csspart pick - A project's checkbox and its label.
 * @csspart pick-label - The label of a project's checkbox.
 * @csspart fit - Why a project cannot be added to the ballot.
 * @csspart ballot - The ballot bar: what is spent and left, and the review button.
 * @csspart meter - The gauge of what is spent (or how many projects are chosen).
 * @csspart meter-bar - The filled part of the gauge.
 * @csspart spent - What is spent and left, in words.
 * @csspart hint - What the ballot still needs before it can be sent.
 * @csspart review - The button to review the ballot.
 * @csspart review-step - The review step: the ballot in full before it is sent.
 * @csspart review-heading - The heading of the review step.
 * @csspart chosen - The chosen projects, in the review and the ballot as cast.
 * @csspart chosen-project - One chosen project.
 * @csspart chosen-total - The total of the chosen projects.
 * @csspart submit - The button that sends the ballot.
 * @csspart back - The button back from the review to the projects.
 * @csspart change - The button to change a cast ballot.
 * @csspart cancel - The button to keep one's ballot after starting to change it.
 * @csspart my-ballot - The citizen's ballot, as cast or waiting to be sent.
 * @csspart status - The live region announcing a ballot recorded or queued.
 * @csspart error - An error message.
 * @csspart retry - The button to try again after an error.
 * @csspart results - The results.
 * @csspart results-heading - The results' heading.
 * @csspart results-rule - How the funded projects were chosen, in words.
 * @csspart ballots - The number of ballots cast.
 * @csspart results-group - The results of one district (or of the whole budget).
 * @csspart funded-summary - How many projects are funded, for how much.
 * @csspart result - One project's result.
 * @csspart rank - A project's rank.
 * @csspart result-label - A project's title in the results.
 * @csspart mine - The "your choice" mark in the results.
 * @csspart count - A project's votes and cost in the results.
 * @csspart funded - Whether a project is funded, in words.
 *
 * @cssprop --parvis-budget-accent-color - Checkboxes and radio buttons. Default: `--parvis-color-primary`, else #000091.
 * @cssprop --parvis-budget-meter-color - The filled part of the gauge. Default: `--parvis-color-primary`, else #000091.
 * @cssprop --parvis-budget-track-color - Behind the gauge and the loading placeholder. Default: #e3e3fd.
 * @cssprop --parvis-budget-button-color - Buttons. Default: `--parvis-color-primary`, else #000091.
 * @cssprop --parvis-budget-button-text-color - Text of the main buttons. Default: `--parvis-color-on-primary`, else #fff.
 * @cssprop --parvis-budget-surface - Background of the widget, the cards and the ballot bar. Default: `--parvis-color-surface`, else #fff.
 * @cssprop --parvis-budget-border-color - Borders. Default: `--parvis-color-border`, else #757575.
 * @cssprop --parvis-budget-muted-color - Secondary text. Default: `--parvis-color-muted`, else #595959.
 * @cssprop --parvis-budget-success-color - Recorded ballot and funded projects. Default: `--parvis-color-success`, else #18753c.
 * @cssprop --parvis-budget-danger-color - Errors and projects that do not fit. Default: `--parvis-color-danger`, else #c9191e.
 * @cssprop --parvis-budget-radius - Corner radius. Default: `--parvis-radius`, else 0.25rem.
 * @cssprop --parvis-budget-space - Spacing unit. Default: `--parvis-space`, else 1rem.
 * @cssprop --parvis-budget-min-block-size - Height reserved while loading. Default: 36rem.
 */
export class ParvisBudget extends ParvisElement implements BudgetHost {
  static override styles = [...ParvisElement.styles, widgetStyles, budgetStyles, budgetListStyles];

  static override properties = {
    budget: { type: String, reflect: true },
    api: { type: String },
    adapter: { attribute: false },
    timeout: { attribute: false },
    _reviewing: { state: true, attribute: false },
    _changing: { state: true, attribute: false },
    _showProblem: { state: true, attribute: false },
    _filters: { state: true, attribute: false },
    _announcement: { state: true, attribute: false },
  };

  /** The budget's id, as given by the city. */
  declare budget: string;
  /** API base URL for this element; else `Parvis.configure({ api })`, `<meta name="parvis:api">`, or where parvis.js comes from. */
  declare api: string | undefined;
  /** A backend for this element only, instead of the configured one. */
  declare adapter: ParvisAdapter | undefined;
  /** Milliseconds before a request is abandoned; else the configured timeout (10 s by default). */
  declare timeout: number | undefined;
  /** @internal The review step is shown. */
  declare _reviewing: boolean;
  /** @internal A cast ballot is being changed. */
  declare _changing: boolean;
  /** @internal The citizen asked to review a ballot that cannot be sent yet: say why as an alert. */
  declare _showProblem: boolean;
  /** @internal */
  declare _filters: Filters;
  /** @internal What the polite live region says about the running total. */
  declare _announcement: string;

  readonly #controller = new BudgetController(this);

  constructor() {
    super();
    this.budget = '';
    this.api = undefined;
    this.adapter = undefined;
    this.timeout = undefined;
    this._reviewing = false;
    this._changing = false;
    this._showProblem = false;
    this._filters = { category: '', district: '' };
    this._announcement = '';
  }

  /** The budget as last received from the server, or `null` before it arrives. */
  get data(): Budget | null {
    return this.#controller.data;
  }

  /** Which of its states the widget shows. */
  get state(): BudgetState {
    const { data, loadError, submitting, queued, ballot } = this.#controller;
    if (!data) return loadError ? 'error' : 'loading';
    if (submitting) return 'submitting';
    if (queued) return 'queued';
    if (data.status !== 'open') return data.status;
    if (data.myBallot && !this._changing) return 'cast';
    if (hasDistricts(data) && !ballot.district) return 'district';
    return this._reviewing && !whyNotSubmittable(data, ballot) ? 'review' : 'building';
  }

  /** Reads the budget again from the server. */
  reload(): Promise<void> {
    return this.#controller.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('budget') || changed.has('api') || changed.has('adapter')) {
      this._reviewing = this._changing = this._showProblem = false;
      this._filters = { category: '', district: '' };
      void this.#controller.load();
    }
  }

  protected override render(): TemplateResult {
    const { data, loadError, loading } = this.#controller;
    if (!data && !loadError) return renderSkeleton();
    const format = new BudgetFormat(this.formatLocale, data?.currency ?? 'EUR');
    const state = this.state;
    return html`
      <div
        part="base"
        class="budget"
        dir=${this.direction}
        aria-busy=${loading || state === 'submitting' ? 'true' : 'false'}
      >
        ${data ? renderBudget(this.#view(data, state, format)) : nothing}
        ${loadError ? renderError(loadError, () => this.reload()) : nothing}
        <div part="status" id="status" class="status" role="status" tabindex="-1">${this.#confirmation()}</div>
        <div class="visually-hidden" role="status">${this._announcement}</div>
      </div>
    `;
  }

  #view(budget: Budget, state: BudgetState, format: BudgetFormat): BudgetView {
    const { ballot, sendError, queued, submitting, api } = this.#controller;
    return {
      budget,
      state,
      format,
      ballot,
      mine: queued?.body ?? budget.myBallot,
      submitting,
      ballotError: sendError,
      changing: this._changing,
      showProblem: this._showProblem,
      filters: this._filters,
      api,
      on: {
        district: this.#onDistrict,
        filter: (filters) => (this._filters = filters),
        pickClick: this.#onPickClick,
        pickChange: this.#onPickChange,
        review: this.#review,
        back: this.#back,
        submit: this.#submit,
        reload: () => this.reload(),
        startChange: this.#startChange,
        cancelChange: this.#cancelChange,
      },
    };
  }

  #confirmation(): string {
    const { queued, accepted } = this.#controller;
    if (queued) return msg('Vous semblez hors ligne : votre vote sera envoyé dès le retour de la connexion.');
    if (accepted) return msg('Merci, votre vote est enregistré.');
    return '';
  }

  get #format(): BudgetFormat {
    return new BudgetFormat(this.formatLocale, this.#controller.data?.currency ?? 'EUR');
  }

  #onDistrict = (event: Event): void => {
    const district = (event.target as HTMLInputElement).value;
    const draft = this.#controller.draft ?? { district: null, picks: {} };
    this.#controller.keep({ ...draft, district });
    this._showProblem = false;
    this._filters = { ...this._filters, district: '' };
  };

  #onPickClick = (event: MouseEvent, project: Project, problem: FitProblem | null): void => {
    if (!problem) return;
    // Stays unticked and focusable; the reason is beside it, and said now.
    event.preventDefault();
    this._announcement = msg(str`${project.title} ne peut pas être ajouté. ${this.#format.fitProblem(problem)}`);
  };

  #onPickChange = (event: Event, project: Project): void => {
    const { data, draft, ballot } = this.#controller;
    if (!data) return;
    const picked = (event.target as HTMLInputElement).checked;
    const chosen = new Set(ballot.projectIds);
    if (picked) chosen.add(project.id);
    else chosen.delete(project.id);
    // Keep the budget's order, whatever the order of the clicks.
    const projectIds = data.projects.map(({ id }) => id).filter((id) => chosen.has(id));
    this.#controller.keep(withPicks(draft ?? { district: ballot.district, picks: {} }, projectIds));
    this._showProblem = false;
    const gauge = this.#format.gauge(data, this.#controller.ballot);
    this._announcement = picked
      ? msg(str`${project.title} ajouté. ${gauge}`)
      : msg(str`${project.title} retiré. ${gauge}`);
  };

  #review = async (): Promise<void> => {
    const data = this.#controller.data;
    if (!data) return;
    if (whyNotSubmittable(data, this.#controller.ballot)) {
      this._showProblem = true;
      return;
    }
    this._reviewing = true;
    await this.updateComplete;
    this.#focus('#review-heading');
  };

  #back = async (): Promise<void> => {
    this._reviewing = false;
    await this.updateComplete;
    this.#focus('[part~="review"]');
  };

  #submit = async (): Promise<void> => {
    if (this.#controller.submitting) return;
    const outcome = await this.#controller.cast(this.#controller.ballot);
    if (outcome === 'accepted' || outcome === 'queued') {
      this._reviewing = this._changing = false;
      this._announcement = '';
      await this.updateComplete;
      this.#focus('#status');
    } else if (outcome === 'refused') {
      await this.updateComplete;
      this.#focus('#error');
    }
  };

  #startChange = async (): Promise<void> => {
    const { draft, data } = this.#controller;
    if (!data?.myBallot) return;
    this.#controller.keep(draft ?? draftOf(data.myBallot));
    this.#controller.accepted = null;
    this._changing = true;
    await this.updateComplete;
    if (!this.#focus('input[type="checkbox"]:checked')) this.#focus('input');
  };

  #cancelChange = async (): Promise<void> => {
    this.#controller.keep(null);
    this._changing = this._reviewing = false;
    await this.updateComplete;
    this.#focus('[part~="change"]');
  };

  #focus(selector: string): boolean {
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus();
    return Boolean(target);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parvis-budget': ParvisBudget;
  }
  interface GlobalEventHandlersEventMap {
    'parvis-ballot-submit': CustomEvent<{ budgetId: string; district: string | null; projectIds: string[] }>;
    'parvis-ballot-cast': CustomEvent<{
      budgetId: string;
      district: string | null;
      projectIds: string[];
      budget: Budget;
    }>;
  }
}
