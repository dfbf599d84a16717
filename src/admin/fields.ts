import { msg } from '@lit/localize';
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { describedBy, fieldId, invalid, renderFieldError, type FieldErrors } from './form-errors.js';
import { slugify } from './polls/poll-draft.js';

/**
 * The fields of the console's forms other than the poll's: each control is
 * named by its path in the form's draft (`title`, `projects.2.cost`), which
 * is also the key of its error, so one `input` listener keeps any draft.
 */
export interface FieldOptions {
  hint?: string;
  type?: 'text' | 'number' | 'url' | 'date' | 'datetime-local';
  spellcheck?: boolean;
  /** For a number: the smallest value offered by the arrows. */
  min?: number;
  autocomplete?: string;
}

export function inputField(
  name: string,
  label: string,
  value: string,
  errors: FieldErrors,
  options: FieldOptions = {},
) {
  const type = options.type ?? 'text';
  return html`
    <div class="field ${errors[name] ? 'invalid' : ''}">
      <label for=${fieldId(name)}>${label}</label>
      ${options.hint ? html`<span class="hint" id="${fieldId(name)}-hint">${options.hint}</span>` : nothing}
      ${renderFieldError(errors, name)}
      <input
        type=${type}
        id=${fieldId(name)}
        name=${name}
        inputmode=${type === 'number' ? 'numeric' : nothing}
        min=${options.min ?? nothing}
        spellcheck=${options.spellcheck === false ? 'false' : nothing}
        autocomplete=${options.autocomplete ?? nothing}
        aria-describedby=${describedBy(errors, name, Boolean(options.hint))}
        aria-invalid=${invalid(errors, name)}
        .value=${live(value)}
      />
    </div>
  `;
}

export function textareaField(name: string, label: string, value: string, errors: FieldErrors, hint?: string) {
  return html`
    <div class="field ${errors[name] ? 'invalid' : ''}">
      <label for=${fieldId(name)}>${label}</label>
      ${hint ? html`<span class="hint" id="${fieldId(name)}-hint">${hint}</span>` : nothing}
      ${renderFieldError(errors, name)}
      <textarea
        id=${fieldId(name)}
        name=${name}
        aria-describedby=${describedBy(errors, name, Boolean(hint))}
        aria-invalid=${invalid(errors, name)}
        .value=${live(value)}
      ></textarea>
    </div>
  `;
}

export interface Choice {
  value: string;
  label: string;
}

export function selectField(
  name: string,
  label: string,
  value: string,
  choices: readonly Choice[],
  errors: FieldErrors,
  hint?: string,
) {
  return html`
    <div class="field ${errors[name] ? 'invalid' : ''}">
      <label for=${fieldId(name)}>${label}</label>
      ${hint ? html`<span class="hint" id="${fieldId(name)}-hint">${hint}</span>` : nothing}
      ${renderFieldError(errors, name)}
      <select
        id=${fieldId(name)}
        name=${name}
        aria-describedby=${describedBy(errors, name, Boolean(hint))}
        aria-invalid=${invalid(errors, name)}
      >
        ${choices.map(
          (choice) => html`<option value=${choice.value} ?selected=${choice.value === value}>${choice.label}</option>`,
        )}
      </select>
    </div>
  `;
}

/** Radio buttons in a fieldset named by its legend; the fieldset carries the id the error summary links to. */
export function radioGroup(
  name: string,
  legend: string,
  value: string,
  choices: readonly Choice[],
  errors: FieldErrors,
) {
  return html`
    <fieldset id=${fieldId(name)} class=${errors[name] ? 'invalid' : ''}>
      <legend>${legend}</legend>
      ${renderFieldError(errors, name)}
      ${choices.map(
        (choice) => html`
          <div class="choice">
            <input
              type="radio"
              id="${fieldId(name)}-${choice.value}"
              name=${name}
              value=${choice.value}
              .checked=${live(value === choice.value)}
            />
            <label for="${fieldId(name)}-${choice.value}">${choice.label}</label>
          </div>
        `,
      )}
    </fieldset>
  `;
}

export function checkboxField(name: string, label: string, checked: boolean) {
  return html`
    <div class="choice">
      <input type="checkbox" id=${fieldId(name)} name=${name} .checked=${live(checked)} />
      <label for=${fieldId(name)}>${label}</label>
    </div>
  `;
}

/** The opening and closing dates of a consultation, in the officer's time zone. */
export function renderDateFields(draft: { opensAt: string; closesAt: string }, errors: FieldErrors, opensHint: string) {
  return html`
    <fieldset>
      <legend>${msg('Dates (heure de votre ordinateur)')}</legend>
      ${inputField('opensAt', msg('Ouverture (facultatif)'), draft.opensAt, errors, {
        type: 'datetime-local',
        hint: opensHint,
      })}
      ${inputField('closesAt', msg('Clôture (facultatif)'), draft.closesAt, errors, {
        type: 'datetime-local',
        hint: msg('Laissez vide pour clore vous-même, quand vous voudrez.'),
      })}
    </fieldset>
  `;
}

/**
 * The draft with the value of the control named `path` (`projects.2.cost`):
 * a copy along the path, the rest shared, as Lit's state wants a new object.
 */
export function withValue<T>(draft: T, path: string, value: string | boolean): T {
  const [head, ...rest] = path.split('.');
  if (Array.isArray(draft)) {
    const index = Number(head);
    return draft.map((entry, i) => (i === index ? withValue(entry, rest.join('.'), value) : entry)) as T;
  }
  const record = draft as Record<string, unknown>;
  if (!(head in record)) return draft;
  return { ...record, [head]: rest.length === 0 ? value : withValue(record[head], rest.join('.'), value) } as T;
}

/** The value an `input` event carries: checked for a checkbox, the text for anything else. */
export function inputValue(target: EventTarget | null): { name: string; value: string | boolean } | null {
  if (
    !(
      target instanceof HTMLInputElement ||
      target instanceof HTMLSelectElement ||
      target instanceof HTMLTextAreaElement
    )
  )
    return null;
  if (!target.name) return null;
  return {
    name: target.name,
    value: target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value,
  };
}

/** An entry of an editable list: a `key` that stays while the form is open, and the id it was saved under. */
export interface ListEntry {
  key: string;
  id: string | null;
}

let keys = 0;

export function newKey(): string {
  return `entry-${++keys}`;
}

/**
 * Ids for the entries of a list: kept for saved ones, made from their text
 * for new ones, never twice the same (`jardin`, `jardin-2`).
 */
export function idsOf(
  entries: ReadonlyArray<ListEntry>,
  textOf: (index: number) => string,
  fallback: string,
): Map<string, string> {
  const taken = new Set(entries.flatMap((entry) => (entry.id ? [entry.id] : [])));
  const ids = new Map<string, string>();
  entries.forEach((entry, i) => {
    if (entry.id) return void ids.set(entry.key, entry.id);
    const base = slugify(textOf(i)) || `${fallback}-${i + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    ids.set(entry.key, id);
  });
  return ids;
}

/**
 * A number typed in a field, spaces between thousands allowed (« 160 000 »);
 * empty is undefined, and what is no number is NaN, which the contract refuses.
 */
export function numberOf(value: string): number | undefined {
  const trimmed = value.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.');
  return trimmed === '' ? undefined : Number(trimmed);
}
