import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type * as z from 'zod/mini';
import { ParvisError } from '../client/errors.js';
import type { ErrorCode } from '../contract/errors.js';
import { read, request } from './api.js';
import { inputValue, withValue } from './fields.js';
import { checkBody, FORM, focusSummary, refusalErrors, type Describe, type FieldErrors } from './form-errors.js';
import { Loader } from './loader.js';
import { slugify } from './polls/poll-draft.js';
import { refusalMessage } from './refusals.js';
import { href, navigate } from './router.js';
import { AdminScreen } from './screen.js';

/** What sets one kind of consultation's form apart: where it lives, how its draft is made, how it is named. */
export interface ConsultationKind<Item, Draft> {
  /** The parameter of the edit address that names the consultation (`budgetId` in `/budgets/:budgetId/edit`). */
  param: string;
  /** The console's address of the kind's list, and the API's collection: `/budgets`, `/v1/admin/budgets`. */
  home: string;
  api: string;
  schema: z.ZodMiniType<Item>;
  emptyDraft(): Draft;
  draftOf(item: Item): Draft;
  /** The field the id is made from until the officer types one (`title`). */
  idSource: string;
}

/** What a form sends, and how it words what comes back. */
export interface Submission<Item> {
  body: unknown;
  describe: Describe;
  create: z.ZodMiniType<unknown>;
  update: z.ZodMiniType<unknown>;
  /** What the live region says once the server accepted, with the saved consultation. */
  notice: (saved: Item) => string;
  /** Refusals said next to a field rather than above the form: `budget_exists` → `id`. */
  fields?: Partial<Record<ErrorCode, string>>;
}

/**
 * The base of the forms that create a consultation (`/budgets/new`) or
 * change one (`/budgets/:budgetId/edit`): the draft, its mistakes and the
 * sending state; the consultation read when editing; the id made from the
 * title until typed; every body checked against the contract the API uses
 * before it is sent; refusals said next to their fields, the summary of
 * mistakes focused.
 */
export abstract class ConsultationForm<Item extends { id: string }, Draft> extends AdminScreen {
  static override properties = {
    ...AdminScreen.properties,
    _draft: { state: true },
    _errors: { state: true },
    _saving: { state: true },
  };

  /** @internal */
  declare _draft: Draft;
  /** @internal */
  declare _errors: FieldErrors;
  /** @internal */
  declare _saving: boolean;

  readonly #kind: ConsultationKind<Item, Draft>;
  /** Whether the officer typed an id: until then, it follows its source field. */
  #idTyped = false;

  protected readonly consultation: Loader<Item | null>;

  constructor(kind: ConsultationKind<Item, Draft>) {
    super();
    this.#kind = kind;
    this._draft = kind.emptyDraft();
    this._errors = {};
    this._saving = false;
    this.consultation = new Loader<Item | null>(this, async (signal) => {
      const id = this.params[kind.param];
      if (!id) return null;
      const item = await read(`${kind.api}/${encodeURIComponent(id)}`, kind.schema, { signal });
      this._draft = kind.draftOf(item);
      return item;
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.consultation.run();
  }

  protected override ready(): Promise<unknown> {
    return this.consultation.settled;
  }

  get editing(): boolean {
    return Boolean(this.params[this.#kind.param]);
  }

  /** The heading, the loading and error states, and the link back. */
  protected abstract titles(): { create: string; edit: string; loading: string; back: string };

  protected abstract renderForm(item: Item | null): TemplateResult;

  protected override render() {
    const titles = this.titles();
    return html`
      <h1 tabindex="-1">${this.editing ? titles.edit : titles.create}</h1>
      ${this.consultation.render({
        pending: () => html`<p>${titles.loading}</p>`,
        error: (error) =>
          html`<p class="alert" role="alert">${refusalMessage(error.code)}</p>
            <p><a href=${href(this.#kind.home)}>${titles.back}</a></p>`,
        complete: (item) => this.renderForm(item),
      })}
    `;
  }

  /** The send button, which says when it is sending, and the way back. */
  protected renderActions(item: Item | null, createLabel: string) {
    const back = item ? `${this.#kind.home}/${encodeURIComponent(item.id)}` : this.#kind.home;
    return html`
      <div class="actions">
        <button type="submit" class="button" aria-disabled=${this._saving ? 'true' : nothing}>
          ${this._saving ? msg('Enregistrement…') : item ? msg('Enregistrer les modifications') : createLabel}
        </button>
        <a href=${href(back)}>${msg('Annuler')}</a>
      </div>
    `;
  }

  /** Keeps the draft as typed: each control is named by its path in it. */
  protected readonly onInput = (event: Event) => {
    const input = inputValue(event.target);
    if (!input) return;
    let draft = withValue(this._draft, input.name, input.value);
    if (input.name === 'id') this.#idTyped = input.value !== '';
    if (input.name === this.#kind.idSource && !this.#idTyped && !this.editing)
      draft = withValue(draft, 'id', slugify(String(input.value)));
    this._draft = draft;
  };

  /** Checks the body, creates or changes the consultation, then shows it with a notice. */
  protected async send(event: SubmitEvent, item: Item | null, submission: Submission<Item>): Promise<void> {
    event.preventDefault();
    if (this._saving) return;
    const { body, describe } = submission;
    const checked = checkBody(item ? submission.update : submission.create, body, describe);
    if (checked.errors) return this.refuse(checked.errors);
    this._saving = true;
    try {
      const { api, schema, home } = this.#kind;
      const saved = item
        ? await request('PATCH', `${api}/${encodeURIComponent(item.id)}`, schema, checked.data)
        : await request('POST', api, schema, checked.data);
      navigate(`${home}/${encodeURIComponent(saved.id)}`, { notice: submission.notice(saved) });
    } catch (error) {
      const refusal = error instanceof ParvisError ? error : new ParvisError('internal_error');
      if (refusal.code === 'unauthorized') return;
      const field = submission.fields?.[refusal.code];
      if (field) return this.refuse({ [field]: describe(field, refusal.code) });
      if (refusal.code === 'invalid_request') return this.refuse(refusalErrors(refusal, describe));
      return this.refuse({ [FORM]: refusalMessage(refusal.code) });
    } finally {
      this._saving = false;
    }
  }

  /** Where a kind says a mistake of a list's entry belongs; as the contract says by default. */
  protected placeErrors(errors: FieldErrors): FieldErrors {
    return errors;
  }

  protected refuse(errors: FieldErrors): Promise<void> {
    this._errors = this.placeErrors(errors);
    return focusSummary(this);
  }
}
