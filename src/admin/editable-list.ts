import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { fieldId, renderFieldError, type FieldErrors } from './form-errors.js';

export interface EditableList {
  /** The draft's list, by its path (`categories`): the fieldset's id and the error of the whole list. */
  name: string;
  legend: string;
  hint?: string;
  count: number;
  /** The entry's fields; `n` counts from 1. */
  renderEntry: (index: number) => TemplateResult;
  /** What one entry is called, "la catégorie 2", for the remove button. */
  entryName: (n: number) => string;
  addLabel: string;
  /** The list cannot shrink below this. */
  minimum?: number;
  onAdd: () => void;
  onRemove: (index: number) => void;
}

/**
 * A list the officer grows and shrinks (categories, districts, projects):
 * each entry in a group of its own with its remove button, and an add button
 * after the last. The screen moves focus: to the new entry's first field, or
 * to the entry that takes a removed one's place.
 */
export function renderEditableList(list: EditableList, errors: FieldErrors) {
  return html`
    <fieldset id=${fieldId(list.name)} class="list ${errors[list.name] ? 'invalid' : ''}">
      <legend>${list.legend}</legend>
      ${list.hint ? html`<span class="hint">${list.hint}</span>` : nothing} ${renderFieldError(errors, list.name)}
      ${Array.from(
        { length: list.count },
        (_, i) => html`
          <div class="list-entry">
            ${list.renderEntry(i)}
            ${list.count > (list.minimum ?? 0)
              ? html`<button type="button" class="button secondary" @click=${() => list.onRemove(i)}>
                  ${msg('Retirer')}<span class="visually-hidden"> ${list.entryName(i + 1)}</span>
                </button>`
              : nothing}
          </div>
        `,
      )}
      <button type="button" class="button secondary" @click=${list.onAdd}>${list.addLabel}</button>
    </fieldset>
  `;
}

/**
 * Focuses a control of the form by its name, once the screen has drawn it;
 * named by a list left empty, its add button.
 */
export async function focusControl(
  host: { updateComplete: Promise<unknown>; renderRoot: ParentNode },
  name: string,
): Promise<void> {
  await host.updateComplete;
  const control = host.renderRoot.querySelector<HTMLElement>(`#${fieldId(name)}`);
  if (control instanceof HTMLFieldSetElement)
    control.querySelector<HTMLElement>(':scope > button:last-of-type')?.focus();
  else control?.focus();
}
