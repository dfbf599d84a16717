import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import type * as z from 'zod/mini';
import type { ParvisError } from '../client/errors.js';
import { errorMessage } from './messages.js';

/** What is wrong with a form, by field (`question`, `options.1.label`); `form` for what belongs to no field. */
export type FieldErrors = Readonly<Record<string, string>>;

/** How a form words a reason — a contract issue code or a reason the server sent — for one of its fields. */
export type Describe = (field: string, reason: string) => string;

export const FORM = 'form';

/** Checks a body against the contract the API uses, before anything is sent. */
export function checkBody<T>(
  schema: z.ZodMiniType<T>,
  body: unknown,
  describe: Describe,
): { data: T; errors: null } | { data: null; errors: FieldErrors } {
  const result = schema.safeParse(body);
  if (result.success) return { data: result.data, errors: null };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.map(String).join('.') || FORM;
    errors[field] ??= describe(field, issue.code);
  }
  return { data: null, errors };
}

/** A refusal of the server, said next to the fields it names, or above the form. */
export function refusalErrors(error: ParvisError, describe: Describe): FieldErrors {
  const fields = Object.entries(error.fields ?? {});
  if (error.code === 'invalid_request' && fields.length > 0) {
    return Object.fromEntries(fields.map(([field, reason]) => [field, describe(field, reason)]));
  }
  return { [FORM]: errorMessage(error.code) };
}

export function fieldId(field: string): string {
  return `field-${field.replaceAll('.', '-')}`;
}

function errorId(field: string): string {
  return `${fieldId(field)}-error`;
}

/** The ids a field's `aria-describedby` lists: its hint, then its error. */
export function describedBy(errors: FieldErrors, field: string, hint = false): string | typeof nothing {
  const ids = [hint ? `${fieldId(field)}-hint` : '', errors[field] ? errorId(field) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : nothing;
}

export function invalid(errors: FieldErrors, field: string): 'true' | typeof nothing {
  return errors[field] ? 'true' : nothing;
}

export function renderFieldError(errors: FieldErrors, field: string): TemplateResult | typeof nothing {
  const message = errors[field];
  if (!message) return nothing;
  return html`<p class="field-error" id=${errorId(field)}>
    <span class="visually-hidden">${msg('Erreur :')}</span> ${message}
  </p>`;
}

/**
 * The list of mistakes above a form, as public-service forms show it: each
 * one a link that takes focus to its field, in the order of the fields.
 * `order` lists the form's fields; a field missing from it comes last.
 */
export function renderErrorSummary(errors: FieldErrors, order: readonly string[]): TemplateResult | typeof nothing {
  const entries = Object.entries(errors);
  if (entries.length === 0) return nothing;
  const rank = (field: string) => {
    const index = order.findIndex((name) => field === name || field.startsWith(`${name}.`));
    return index === -1 ? order.length : index;
  };
  entries.sort(([a], [b]) => rank(a) - rank(b));
  return html`
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">${msg('Il y a un problème')}</h2>
      <ul>
        ${entries.map(([field, message]) =>
          field === FORM
            ? html`<li>${message}</li>`
            : html`<li><a href="#${fieldId(field)}" @click=${focusField}>${message}</a></li>`,
        )}
      </ul>
    </div>
  `;
}

/** A fragment link cannot reach into a shadow root: the field is focused by hand. */
function focusField(event: MouseEvent): void {
  const link = event.currentTarget as HTMLAnchorElement;
  const root = link.getRootNode() as ShadowRoot | Document;
  const field = root.getElementById(link.hash.slice(1));
  if (!field) return;
  event.preventDefault();
  const target = field.matches('input, select, textarea, button')
    ? field
    : field.querySelector<HTMLElement>('input, select, textarea, button');
  (target ?? field).focus();
  field.scrollIntoView({ block: 'center' });
}

/** Focuses the summary once it is drawn, so that a screen reader reads the mistakes first. */
export async function focusSummary(host: { updateComplete: Promise<unknown>; renderRoot: ParentNode }) {
  await host.updateComplete;
  host.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
}
