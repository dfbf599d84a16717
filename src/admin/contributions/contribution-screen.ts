import { msg, str } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type * as z from 'zod/mini';
import type { RecordedContribution } from '../../contract/open-data.js';
import { ParvisError } from '../../client/errors.js';
import { read, request } from '../api.js';
import type { AdminConfirm } from '../confirm-dialog.js';
import { inputValue, withValue } from '../fields.js';
import { checkBody, focusSummary, renderErrorSummary, type Describe, type FieldErrors } from '../form-errors.js';
import { Loader } from '../loader.js';
import { refusalMessage } from '../refusals.js';
import { announce, href } from '../router.js';
import { AdminScreen } from '../screen.js';
import {
  contributionRefusal,
  describeNote,
  emptyNote,
  formatDay,
  NOTE_FIELDS,
  type NoteDraft,
} from './contribution-note.js';
import '../confirm-dialog.js';

export interface Loaded<Target, C> {
  target: Target;
  contributions: C[];
}

/**
 * What the three contribution screens share: the consultation and its
 * contributions read together, the note of the form, recording (checked
 * against the contract first) and taking back a contribution, each said in
 * the live region. A screen adds its own part of the form and its results.
 */
export abstract class ContributionScreen<Target, C extends RecordedContribution, Draft> extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _note: { state: true },
    _draft: { state: true },
    _errors: { state: true },
    _saving: { state: true },
    _failure: { state: true },
  };

  /** @internal */
  declare _note: NoteDraft;
  /** @internal The screen's own part of the form, made once the consultation is read. */
  declare _draft: Draft | undefined;
  /** @internal */
  declare _errors: FieldErrors;
  /** @internal */
  declare _saving: boolean;
  /** @internal Why taking a contribution back failed. */
  declare _failure: string;

  /** The consultation's admin path: `/v1/admin/polls/marche-de-noel`. */
  protected abstract get consultationPath(): string;
  /** The consultation's screen in the console. */
  protected abstract get backPath(): string;
  protected abstract readonly target: z.ZodMiniType<Target>;
  protected abstract readonly list: z.ZodMiniType<{ contributions: C[] }>;
  protected abstract readonly recorded: z.ZodMiniType<C>;
  /** The form's fields after the note, in order, for the error summary. */
  protected abstract readonly fields: readonly string[];

  protected readonly data = new Loader<Loaded<Target, C>>(this, async (signal) => {
    const [target, { contributions }] = await Promise.all([
      read(this.consultationPath, this.target, { signal }),
      read(`${this.consultationPath}/contributions`, this.list, { signal }),
    ]);
    if (this._draft === undefined) this._draft = this.emptyDraft(target);
    return { target, contributions };
  });

  constructor() {
    super();
    this._note = emptyNote();
    this._errors = {};
    this._saving = false;
    this._failure = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.data.run();
  }

  protected override ready(): Promise<unknown> {
    return this.data.settled;
  }

  /** The page: a way back, the heading, and what the screen shows once the data is in. */
  protected renderPage(title: (target: Target) => string, content: (loaded: Loaded<Target, C>) => TemplateResult) {
    return html`
      <p><a href=${href(this.backPath)}>${msg('Retour à la consultation')}</a></p>
      <h1 tabindex="-1">${msg('Contributions hors web')}</h1>
      ${this.data.render({
        pending: () => html`<p>${msg('Chargement des contributions…')}</p>`,
        error: (error) => html`<p class="alert" role="alert">${refusalMessage(error.code)}</p>`,
        complete: (loaded) =>
          html`<p class="lede">${title(loaded.target)}</p>
            ${content(loaded)}`,
      })}
    `;
  }

  /** The form: the error summary, the note, the screen's own fields and the button that records. */
  protected renderForm(own: TemplateResult, submitLabel: string, noteFields: TemplateResult) {
    return html`
      ${renderErrorSummary(this._errors, [...NOTE_FIELDS, ...this.fields])}
      <form novalidate @submit=${this.#submit} @input=${this.onInput}>
        ${noteFields} ${own}
        <div class="actions">
          <button type="submit" class="button" aria-disabled=${this._saving ? 'true' : nothing}>
            ${this._saving ? msg('Enregistrement…') : submitLabel}
          </button>
        </div>
      </form>
    `;
  }

  /** The list of recorded contributions, and why taking one back failed. */
  protected renderRecorded(table: TemplateResult, count: number) {
    return html`
      <h2 id="recorded" tabindex="-1">${msg(str`Contributions enregistrées (${count})`)}</h2>
      ${this._failure ? html`<p class="alert" role="alert">${this._failure}</p>` : nothing} ${table}
      <parvis-admin-confirm
        id="confirm-delete"
        heading=${msg('Supprimer cette contribution ?')}
        confirm-label=${msg('Supprimer la contribution')}
      >
        <p>
          ${msg(
            'Tout ce qu’elle a compté sera retiré des résultats. Une erreur de saisie se corrige ainsi : supprimez, puis enregistrez de nouveau.',
          )}
        </p>
      </parvis-admin-confirm>
    `;
  }

  protected readonly onInput = (event: Event) => {
    const input = inputValue(event.target);
    if (!input) return;
    if (input.name in this._note) this._note = withValue(this._note, input.name, input.value);
    else if (this._draft !== undefined) this._draft = this.change(this._draft, input.name, input.value);
  };

  /** The screen's part of the draft with one control's new value. */
  protected change(draft: Draft, name: string, value: string | boolean): Draft {
    return withValue(draft, name, value);
  }

  /**
   * The body to record, checked against `schema`; `problems` are the
   * mistakes the screen found itself (field → the code the server would
   * answer), said like the contract's.
   */
  protected abstract body(): {
    schema: z.ZodMiniType<unknown>;
    body: unknown;
    describe: Describe;
    problems?: Readonly<Record<string, string>>;
  };
  protected abstract done(recorded: C): string;
  /** The screen's part of the form, empty again for the next contribution. */
  protected abstract emptyDraft(target: Target): Draft;

  /**
   * The key of the contribution being sent: kept while the officer sends the same
   * contribution again after a failure, so that the server counts it once.
   */
  #attempt: { body: string; key: string } | undefined;

  #idempotencyKey(body: unknown): string {
    const text = JSON.stringify(body);
    if (this.#attempt?.body !== text) this.#attempt = { body: text, key: crypto.randomUUID() };
    return this.#attempt.key;
  }

  readonly #submit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this._saving) return;
    const { schema, body, describe, problems = {} } = this.body();
    const described: Describe = (field, reason) => describeNote(field, reason) ?? describe(field, reason);
    const checked = checkBody(schema, body, described);
    const found = Object.entries(problems).map(([field, reason]) => [field, described(field, reason)]);
    if (checked.errors || found.length) return this.#refuse({ ...Object.fromEntries(found), ...checked.errors });
    this._saving = true;
    try {
      const recorded = await request('POST', `${this.consultationPath}/contributions`, this.recorded, checked.data, {
        idempotencyKey: this.#idempotencyKey(checked.data),
      });
      this.#attempt = undefined;
      await this.data.run();
      this._draft = this.emptyDraft(this.data.value!.target);
      this._errors = {};
      announce(this.done(recorded));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#recorded')?.focus();
    } catch (error) {
      const refusal = error instanceof ParvisError ? error : new ParvisError('internal_error');
      if (refusal.code !== 'unauthorized') return this.#refuse(contributionRefusal(refusal, described));
    } finally {
      this._saving = false;
    }
  };

  #refuse(errors: FieldErrors): Promise<void> {
    this._errors = errors;
    return focusSummary(this);
  }

  protected async takeBack(contribution: C): Promise<void> {
    if (!(await this.renderRoot.querySelector<AdminConfirm>('#confirm-delete')!.ask())) return;
    this._failure = '';
    try {
      await request('DELETE', `${this.consultationPath}/contributions/${encodeURIComponent(contribution.id)}`, null);
      await this.data.run();
      announce(
        msg(str`La contribution du ${formatDay(contribution.collectedOn)} (${contribution.location}) est supprimée.`),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#recorded')?.focus();
    } catch (error) {
      const code = error instanceof ParvisError ? error.code : 'internal_error';
      if (code === 'invalid_request')
        this._failure = msg(
          'Ces idées ne peuvent plus être retirées : une autre idée y a été fusionnée, et ses soutiens les soutiennent maintenant.',
        );
      else if (code !== 'unauthorized') this._failure = refusalMessage(code);
    }
  }
}
