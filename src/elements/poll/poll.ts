import { msg, str } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Poll } from '../../contract/poll.js';
import type { ParvisAdapter } from '../../client/adapter.js';
import type {} from '../events.js';
import { ParvisElement } from '../parvis-element.js';
import { PollController, type PollHost } from './poll-controller.js';
import { PollFormat } from './poll-format.js';
import { renderResults, resultsPolicy, voteAnnouncement } from './poll-results.js';
import { widgetStyles } from '../widget-styles.js';
import { pollStyles } from './poll.styles.js';
import { renderClosed, renderDescription, renderError, renderSkeleton, renderUpcoming } from './poll-templates.js';

export type PollState = 'loading' | 'error' | 'open' | 'submitting' | 'voted' | 'queued' | 'upcoming' | 'closed';

/**
 * A single- or multiple-choice poll. A citizen answers inline, sees the results
 * when the poll's policy allows, and can change their vote if the poll permits.
 * The element's children are the fallback shown until it renders (or when
 * scripts are blocked): typically a link to the poll on the city's site.
 *
 * @summary A poll citizens answer inline.
 * @tag parvis-poll
 *
 * @attr lang - Language of the widget (`fr`, `en`, `es`, `de`, `it`, `nl`, `ca`, `ar`: Arabic right to left); else the closest `[lang]` ancestor, else French. One language per page.
 *
 * @fires parvis-vote - Before a vote is sent; cancel it (`preventDefault()`) to send nothing. `detail: { pollId, choices }`.
 * @fires parvis-voted - After the server accepted a vote, including a queued one sent later. `detail: { pollId, choices, poll }`.
 * @fires parvis-error - When loading or voting failed. `detail: { pollId, operation, code, message, status, error }`.
 *
 * @slot - Fallback content (such as a link to the poll), hidden once the element renders.
 *
 * @csspart base - The poll's container.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart question - The question (the legend of the choices while the poll is open).
 * @csspart description - The poll's description.
 * @csspart hint - How many answers to choose.
 * @csspart options - The group of choices.
 * @csspart option - One choice: its radio button or checkbox and label.
 * @csspart option-label - The label of a choice.
 * @csspart submit - The vote button.
 * @csspart change - The button to change one's vote.
 * @csspart cancel - The button to keep one's vote after starting to change it.
 * @csspart notice - Opening or closing date, or why results are not shown.
 * @csspart my-vote - The citizen's own answer.
 * @csspart status - The live region announcing a vote recorded or queued.
 * @csspart error - An error message.
 * @csspart retry - The button to try again after an error.
 * @csspart results - The results.
 * @csspart results-heading - The results' heading.
 * @csspart result - One option's result.
 * @csspart result-label - An option's label in the results.
 * @csspart mine - The "your choice" mark in the results.
 * @csspart count - An option's votes and percentage.
 * @csspart track - The background of a bar.
 * @csspart bar - The bar showing an option's share.
 * @csspart total - The number of participants.
 *
 * @cssprop --parvis-poll-bar-color - Result bars. Default: `--parvis-color-primary`, else #000091.
 * @cssprop --parvis-poll-track-color - Behind the bars and the loading placeholder. Default: #e3e3fd.
 * @cssprop --parvis-poll-accent-color - Radio buttons and checkboxes. Default: `--parvis-color-primary`, else #000091.
 * @cssprop --parvis-poll-button-color - The vote button. Default: `--parvis-color-primary`, else #000091.
 * @cssprop --parvis-poll-button-text-color - Text of the vote button. Default: `--parvis-color-on-primary`, else #fff.
 * @cssprop --parvis-poll-surface - Background. Default: `--parvis-color-surface`, else #fff.
 * @cssprop --parvis-poll-border-color - Borders. Default: `--parvis-color-border`, else #757575.
 * @cssprop --parvis-poll-muted-color - Secondary text. Default: `--parvis-color-muted`, else #595959.
 * @cssprop --parvis-poll-success-color - Recorded vote. Default: `--parvis-color-success`, else #18753c.
 * @cssprop --parvis-poll-danger-color - Errors. Default: `--parvis-color-danger`, else #c9191e.
 * @cssprop --parvis-poll-radius - Corner radius. Default: `--parvis-radius`, else 0.25rem.
 * @cssprop --parvis-poll-space - Spacing unit. Default: `--parvis-space`, else 1rem.
 * @cssprop --parvis-poll-min-block-size - Height reserved while loading. Default: 16rem.
 */
export class ParvisPoll extends ParvisElement implements PollHost {
  static override styles = [...ParvisElement.styles, widgetStyles, pollStyles];

  static override properties = {
    poll: { type: String, reflect: true },
    api: { type: String },
    adapter: { attribute: false },
    timeout: { attribute: false },
    _editing: { state: true, attribute: false },
    _selection: { state: true, attribute: false },
    _problem: { state: true, attribute: false },
  };

  /** The poll's id, as given by the city. */
  declare poll: string;
  /** API base URL for this element; else `Parvis.configure({ api })`, `<meta name="parvis:api">`, or where parvis.js comes from. */
  declare api: string | undefined;
  /** A backend for this element only, instead of the configured one. */
  declare adapter: ParvisAdapter | undefined;
  /** Milliseconds before a request is abandoned; else the configured timeout (10 s by default). */
  declare timeout: number | undefined;
  /** @internal */
  declare _editing: boolean;
  /** @internal */
  declare _selection: readonly string[];
  /** @internal Why the selection cannot be sent, shown next to the button. */
  declare _problem: string | null;

  readonly #controller = new PollController(this);

  constructor() {
    super();
    this.poll = '';
    this.api = undefined;
    this.adapter = undefined;
    this.timeout = undefined;
    this._editing = false;
    this._selection = [];
    this._problem = null;
  }

  /** The poll as last received from the server, or `null` before it arrives. */
  get data(): Poll | null {
    return this.#controller.data;
  }

  /** Which of its states the widget shows. */
  get state(): PollState {
    const { data, loadError, submitting, queued } = this.#controller;
    if (!data) return loadError ? 'error' : 'loading';
    if (submitting) return 'submitting';
    if (queued) return 'queued';
    if (data.status !== 'open') return data.status;
    return data.myVote && !this._editing ? 'voted' : 'open';
  }

  /** Reads the poll again from the server. */
  reload(): Promise<void> {
    return this.#controller.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('poll') || changed.has('api') || changed.has('adapter')) {
      this._editing = false;
      this._problem = null;
      void this.#controller.load();
    }
  }

  get #format(): PollFormat {
    return new PollFormat(this.formatLocale);
  }

  protected override render(): TemplateResult {
    const { data, loadError } = this.#controller;
    if (!data && !loadError) return renderSkeleton();
    const format = this.#format;
    const state = this.state;
    return html`
      <div
        part="base"
        class="poll"
        dir=${this.direction}
        aria-busy=${this.#controller.loading || state === 'submitting' ? 'true' : 'false'}
      >
        ${data ? this.#renderPoll(data, state, format) : nothing}
        ${loadError ? renderError(loadError, () => this.reload()) : nothing}
        <div part="status" id="status" class="status" role="status" tabindex="-1">${this.#announcement(format)}</div>
      </div>
    `;
  }

  #renderPoll(poll: Poll, state: PollState, format: PollFormat): TemplateResult {
    if (state === 'open' || state === 'submitting') return this.#renderForm(poll, format);
    const mine = this.#controller.queued?.body.choices ?? poll.myVote?.choices ?? [];
    const labels = poll.options.filter((option) => mine.includes(option.id)).map((option) => option.label);
    const policy = resultsPolicy(poll);
    return html`
      <p part="question" id="question" class="question">${poll.question}</p>
      ${renderDescription(poll)} ${state === 'upcoming' ? renderUpcoming(poll, format) : nothing}
      ${state === 'closed' ? renderClosed(poll, format) : nothing}
      ${labels.length
        ? html`<p part="my-vote" class="my-vote">${msg('Votre réponse :')} ${format.list(labels)}</p>`
        : nothing}
      ${this.#controller.sendError ? renderError(this.#controller.sendError, () => this.reload()) : nothing}
      ${renderResults(poll, format, mine)}
      ${policy && state !== 'upcoming' ? html`<p part="notice" class="notice">${policy}</p>` : nothing}
      ${state === 'voted' && poll.allowChange
        ? html`<button part="change" class="button secondary" type="button" @click=${this.#startChange}>
            ${msg('Modifier mon vote')}
          </button>`
        : nothing}
    `;
  }

  #renderForm(poll: Poll, format: PollFormat): TemplateResult {
    const { submitting, sendError } = this.#controller;
    const type = poll.multiple ? 'checkbox' : 'radio';
    const problem = this._problem;
    const describedBy = ['hint', problem ? 'problem' : ''].filter(Boolean).join(' ');
    return html`
      <form class="form" novalidate @submit=${this.#onSubmit}>
        <fieldset part="options" class="options" aria-describedby=${describedBy}>
          <legend part="question" id="question" class="question">${poll.question}</legend>
          ${renderDescription(poll)}
          <p part="hint" id="hint" class="hint">
            ${poll.multiple ? format.choiceHint(poll) : msg('Choisissez une réponse.')}
            ${poll.multiple
              ? html`<span class="selected">(${format.selected(this._selection.length, poll)})</span>`
              : nothing}
          </p>
          ${poll.options.map(
            (option, index) => html`
              <div part="option" class="option">
                <input
                  id=${`option-${index}`}
                  type=${type}
                  name="choice"
                  .value=${option.id}
                  .checked=${live(this._selection.includes(option.id))}
                  @change=${this.#onChange}
                />
                <label part="option-label" for=${`option-${index}`}>${option.label}</label>
              </div>
            `,
          )}
        </fieldset>
        ${poll.closesAt
          ? html`<p part="notice" class="notice">${msg(str`Clôture le ${format.date(poll.closesAt)}.`)}</p>`
          : nothing}
        ${problem ? html`<p part="error" id="problem" class="error" role="alert">${problem}</p>` : nothing}
        ${sendError ? renderError(sendError, () => this.#vote()) : nothing}
        <div class="actions">
          <button part="submit" class="button" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
            ${submitting ? msg('Envoi en cours…') : msg('Voter')}
          </button>
          ${this._editing
            ? html`<button part="cancel" class="button secondary" type="button" @click=${this.#cancelChange}>
                ${msg('Garder mon vote')}
              </button>`
            : nothing}
        </div>
      </form>
      ${renderResults(poll, format, poll.myVote?.choices ?? [])}
      ${this._editing
        ? nothing
        : html`<p part="notice" class="notice" ?hidden=${!resultsPolicy(poll)}>${resultsPolicy(poll)}</p>`}
    `;
  }

  #announcement(format: PollFormat): TemplateResult | string {
    const { queued, accepted, data } = this.#controller;
    if (queued) return msg('Vous semblez hors ligne : votre vote sera envoyé dès le retour de la connexion.');
    if (accepted && data) return voteAnnouncement(data, format);
    return '';
  }

  #onChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const poll = this.#controller.data;
    if (!poll) return;
    const chosen = new Set(poll.multiple ? this._selection : []);
    if (input.checked) chosen.add(input.value);
    else chosen.delete(input.value);
    // Keep the poll's order, whatever the order of the clicks.
    this._selection = poll.options.map((option) => option.id).filter((id) => chosen.has(id));
    if (this._problem) this._problem = null;
  };

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.#vote();
  };

  async #vote(): Promise<void> {
    const poll = this.#controller.data;
    if (!poll || this.#controller.submitting) return;
    this._problem = this.#format.selectionProblem(poll, this._selection.length);
    if (this._problem) return;
    const outcome = await this.#controller.vote([...this._selection]);
    if (outcome === 'accepted' || outcome === 'queued') {
      this._editing = false;
      await this.updateComplete;
      this.#focus('#status');
    } else if (outcome === 'refused') {
      await this.updateComplete;
      this.#focus('#error');
    }
  }

  #startChange = async (): Promise<void> => {
    this._selection = this.#controller.data?.myVote?.choices ?? [];
    this._editing = true;
    this.#controller.accepted = null;
    await this.updateComplete;
    if (!this.#focus('input:checked')) this.#focus('input');
  };

  #cancelChange = async (): Promise<void> => {
    this._editing = false;
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
    'parvis-poll': ParvisPoll;
  }
  interface GlobalEventHandlersEventMap {
    'parvis-vote': CustomEvent<{ pollId: string; choices: string[] }>;
  }
}
