import { msg } from '@lit/localize';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ParvisAdapter } from '../../client/adapter.js';
import { MAX_COMMENT, VoteMode, type SubjectVotes, type VoteValue } from '../../contract/subject.js';
import type {} from '../events.js';
import { ParvisElement } from '../parvis-element.js';
import { VoteController, type VoteHost } from './vote-controller.js';
import { VoteFormat } from './vote-format.js';
import { renderHelpful } from './vote-helpful.js';
import { announcement, queuedNotice } from './vote-messages.js';
import { voteStyles } from './vote.styles.js';
import {
  renderClosed,
  renderLoadError,
  renderSkeleton,
  renderSupport,
  renderUpDown,
  renderVoteError,
  type VoteView,
} from './vote-templates.js';

export type VoteState = 'loading' | 'ready' | 'pressed' | 'submitting' | 'queued' | 'closed' | 'error';

/** After which answers of the `helpful` mode a comment is asked for. */
export type CommentPolicy = 'after-no' | 'always' | 'never';

/**
 * A vote button for any subject: a proposal, a news item, the page itself.
 * Citizens support it, vote it up or down, or say whether the page helped
 * them. The click shows at once; the vote is sent in the background, kept on
 * the device when offline, and rolled back with an explanation if refused.
 * Every button of one subject on a page shows the same counts, and the
 * buttons of a page read their counts in one request.
 *
 * @summary Support, up/down, or "was this page helpful?" on any subject.
 * @tag parvis-vote
 *
 * @attr lang - Language of the widget (`fr`, `en`, `es`, `de`, `it`, `nl`, `ca`, `ar`: Arabic right to left); else the closest `[lang]` ancestor, else French. One language per page.
 * @attr aria-label - Like `label`, when the page names the button this way.
 *
 * @fires parvis-vote-change - Before a vote is sent; cancel it (`preventDefault()`) to send nothing. `detail: { subject, value, previous, mode, comment? }`.
 * @fires parvis-voted - After the server accepted a vote, including a queued one sent later. `detail: { subject, value, votes }`.
 * @fires parvis-error - When loading or voting failed. `detail: { subject, operation, code, message, status, error }`.
 *
 * @slot - Fallback content (such as a link), hidden once the element renders.
 *
 * @csspart base - The container.
 * @csspart skeleton - The placeholder shown while loading.
 * @csspart group - The buttons of the `updown` and `helpful` modes, with the question.
 * @csspart button - Every vote button; also named `support`, `up`, `down`, `yes` or `no`.
 * @csspart support - The support button.
 * @csspart up - The "for" button.
 * @csspart down - The "against" button.
 * @csspart yes - The "yes" answer.
 * @csspart no - The "no" answer.
 * @csspart button-label - The word on a button.
 * @csspart count - A count on a button.
 * @csspart score - The score between the up and down buttons.
 * @csspart question - The `helpful` question.
 * @csspart thanks - The thank-you after an answer.
 * @csspart comment-form - The comment form of the `helpful` mode.
 * @csspart comment-label - The comment field's label.
 * @csspart comment - The comment field.
 * @csspart hint - The advice below the comment's label.
 * @csspart remaining - How many characters are left.
 * @csspart send - The button that sends the comment.
 * @csspart comment-sent - The comment just sent, quoted back.
 * @csspart closed - What a closed subject shows.
 * @csspart notice - "Will be sent" while a vote waits for the connection.
 * @csspart status - The live region announcing a vote recorded or queued (visually hidden).
 * @csspart error - An error message.
 * @csspart retry - The button to load again after an error.
 *
 * @cssprop --parvis-vote-color - Buttons' border and text, and a pressed button's background. Default: `--parvis-color-primary`, else #000091.
 * @cssprop --parvis-vote-pressed-text-color - Text of a pressed button. Default: `--parvis-color-on-primary`, else #fff.
 * @cssprop --parvis-vote-surface - Background of buttons and of the comment field. Default: `--parvis-color-surface`, else #fff.
 * @cssprop --parvis-vote-text-color - Text. Default: `--parvis-color-text`, else #1e1e1e.
 * @cssprop --parvis-vote-border-color - The comment field's border. Default: `--parvis-color-border`, else #757575.
 * @cssprop --parvis-vote-muted-color - Counts, hints and notices. Default: `--parvis-color-muted`, else #595959.
 * @cssprop --parvis-vote-success-color - The thank-you's mark. Default: `--parvis-color-success`, else #18753c.
 * @cssprop --parvis-vote-danger-color - Errors. Default: `--parvis-color-danger`, else #c9191e.
 * @cssprop --parvis-vote-skeleton-color - The loading placeholder. Default: #e3e3fd.
 * @cssprop --parvis-vote-radius - Corner radius. Default: `--parvis-radius`, else 0.25rem.
 * @cssprop --parvis-vote-space - Spacing unit. Default: `--parvis-space`, else 1rem.
 */
export class ParvisVote extends ParvisElement implements VoteHost {
  static override styles = [...ParvisElement.styles, voteStyles];

  static override properties = {
    subject: { type: String, reflect: true },
    mode: { type: String, reflect: true },
    counts: { type: String },
    comment: { type: String },
    label: { type: String },
    api: { type: String },
    adapter: { attribute: false },
    timeout: { attribute: false },
    _hostLabel: { type: String, attribute: 'aria-label' },
    _asking: { state: true, attribute: false },
    _draft: { state: true, attribute: false },
    _sent: { state: true, attribute: false },
    _problem: { state: true, attribute: false },
  };

  /** What is voted on, as the site names it; without it, the page's canonical URL (see the README). */
  declare subject: string | undefined;
  /** `support` (default): one toggle; `updown`: for and against; `helpful`: "was this page helpful?". */
  declare mode: VoteMode;
  /** `hidden` hides every count; `shown` by default. */
  declare counts: 'shown' | 'hidden';
  /** In the `helpful` mode, when a comment is asked for: `after-no` (default), `always` or `never`. */
  declare comment: CommentPolicy;
  /** What is voted on, said to screen readers with the buttons (a news item's title in a list of news). */
  declare label: string | undefined;
  /** API base URL for this element; else `Parvis.configure({ api })`, `<meta name="parvis:api">`, or where parvis.js comes from. */
  declare api: string | undefined;
  /** A backend for this element only, instead of the configured one. */
  declare adapter: ParvisAdapter | undefined;
  /** Milliseconds before a request is abandoned; else the configured timeout (10 s by default). */
  declare timeout: number | undefined;
  /** @internal The host's `aria-label`. */
  declare _hostLabel: string | null;
  /** @internal The comment form is open. */
  declare _asking: boolean;
  /** @internal */
  declare _draft: string;
  /** @internal */
  declare _sent: string | null;
  /** @internal */
  declare _problem: string | null;

  readonly #controller = new VoteController(this);

  constructor() {
    super();
    this.subject = undefined;
    this.mode = 'support';
    this.counts = 'shown';
    this.comment = 'after-no';
    this.label = undefined;
    this.api = undefined;
    this.adapter = undefined;
    this.timeout = undefined;
    this._hostLabel = null;
    this._asking = false;
    this._draft = '';
    this._sent = null;
    this._problem = null;
  }

  /** The subject as last received (with a vote on its way already counted), or `null` before it arrives. */
  get data(): SubjectVotes | null {
    return this.#controller.votes;
  }

  /** The key voted on: the `subject` attribute, else the one made from the page's canonical URL. */
  get subjectKey(): string | null {
    return this.#controller.subject?.key ?? null;
  }

  /** The mode shown: `mode`, or `support` when it is not one of the three. */
  get voteMode(): VoteMode {
    return VoteMode.safeParse(this.mode).success ? this.mode : 'support';
  }

  /** Which of its states the widget shows. */
  get state(): VoteState {
    const { votes, loadError, setupError, subject } = this.#controller;
    if (!votes || setupError) return loadError ? 'error' : 'loading';
    if (subject?.submitting) return 'submitting';
    if (subject?.queued) return 'queued';
    if (votes.closed) return 'closed';
    return votes.mine === 0 ? 'ready' : 'pressed';
  }

  /** Reads the subject again from the server. */
  reload(): Promise<void> {
    return this.#controller.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('subject') || changed.has('api') || changed.has('adapter') || changed.has('mode')) {
      this._asking = false;
      this._sent = null;
      this._problem = null;
      void this.#controller.load();
    }
  }

  protected override render(): TemplateResult {
    const { votes, loadError, voteError, setupError, subject } = this.#controller;
    if (!votes && !loadError) return renderSkeleton(this.voteMode, this.counts !== 'hidden');
    const format = new VoteFormat(this.formatLocale);
    const busy = subject?.submitting ?? false;
    return html`
      <div part="base" class="vote ${this.voteMode}" dir=${this.direction} aria-busy=${busy ? 'true' : 'false'}>
        ${votes && !setupError ? this.#renderMode(this.#view(votes, format)) : nothing}
        ${loadError ? renderLoadError(loadError, () => this.reload()) : nothing}
        ${voteError ? renderVoteError(voteError) : nothing}
        ${subject?.queued ? html`<p part="notice" class="notice">${queuedNotice()}</p>` : nothing}
        <div part="status" class="visually-hidden" role="status">
          ${announcement(this.voteMode, this.#controller.told)}
        </div>
      </div>
    `;
  }

  #view(votes: SubjectVotes, format: VoteFormat): VoteView {
    return {
      votes,
      format,
      counts: this.counts !== 'hidden',
      label: this.label || this._hostLabel || '',
      busy: this.#controller.subject?.submitting ?? false,
      vote: (value) => void this.#vote(value),
    };
  }

  #renderMode(view: VoteView): TemplateResult {
    const mode = this.voteMode;
    if (mode === 'helpful') {
      return renderHelpful({
        ...view,
        asking: this._asking,
        draft: this._draft,
        sent: this._sent,
        problem: this._problem,
        onInput: this.#onInput,
        onSubmit: this.#onSubmit,
      });
    }
    if (view.votes.closed) return renderClosed(mode, view);
    return mode === 'updown' ? renderUpDown(view) : renderSupport(view);
  }

  async #vote(value: VoteValue): Promise<void> {
    const helpful = this.voteMode === 'helpful';
    if (helpful) {
      this._asking = this.comment === 'always' || (this.comment !== 'never' && value === -1);
      this._problem = null;
    }
    const outcome = this.#controller.vote(value);
    if (!helpful) return;
    // The answer buttons give way to the thank-you at once: focus follows, to the comment field when one is asked for.
    await this.updateComplete;
    this.#focus(this._asking ? '#comment' : '#thanks');
    const result = await outcome;
    if (result === 'refused' || result === 'cancelled') {
      this._asking = false;
      await this.updateComplete;
      if (result === 'refused') this.#focus('#error');
    }
  }

  #onInput = (event: Event): void => {
    this._draft = (event.target as HTMLTextAreaElement).value;
    if (this._problem) this._problem = null;
  };

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const votes = this.#controller.votes;
    if (!votes || votes.mine === 0 || this.#controller.subject?.submitting) return;
    const comment = this._draft.trim();
    this._problem = !comment
      ? msg('Écrivez votre commentaire avant de l’envoyer.')
      : comment.length > MAX_COMMENT
        ? msg('Votre commentaire est trop long : raccourcissez-le avant de l’envoyer.')
        : null;
    if (this._problem) return;
    this._sent = comment;
    const outcome = this.#controller.vote(votes.mine, comment);
    await this.updateComplete;
    this.#focus('#thanks');
    const result = await outcome;
    if (result === 'refused' || result === 'cancelled') {
      this._sent = null;
      await this.updateComplete;
      if (result === 'refused') this.#focus('#error');
    } else {
      this._draft = '';
    }
  };

  #focus(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parvis-vote': ParvisVote;
  }
  interface GlobalEventHandlersEventMap {
    'parvis-vote-change': CustomEvent<{
      subject: string;
      value: VoteValue;
      previous: VoteValue;
      mode: VoteMode;
      comment?: string;
    }>;
  }
}
