import { msg, str } from '@lit/localize';
import type { AdminIdeaBox, ModerationMode } from '../../contract/idea.js';
import { idsOf, newKey, numberOf, type ListEntry } from '../fields.js';
import { fromLocalInput, toLocalInput } from '../format.js';

/** An idea box as its form holds it: text as typed, dates as `datetime-local` values. */
export interface IdeaBoxDraft {
  id: string;
  title: string;
  description: string;
  categories: Array<ListEntry & { label: string }>;
  moderation: ModerationMode;
  reportThreshold: string;
  opensAt: string;
  closesAt: string;
  requiresVerification: boolean;
}

/** The form's fields in their order, for the error summary. */
export const IDEA_BOX_FIELDS = [
  'title',
  'id',
  'description',
  'categories',
  'moderation',
  'reportThreshold',
  'opensAt',
  'closesAt',
] as const;

export function emptyIdeaBoxDraft(): IdeaBoxDraft {
  return {
    id: '',
    title: '',
    description: '',
    categories: [],
    moderation: 'pre',
    reportThreshold: '3',
    opensAt: '',
    closesAt: '',
    requiresVerification: false,
  };
}

export function ideaBoxDraftOf(box: AdminIdeaBox): IdeaBoxDraft {
  return {
    id: box.id,
    title: box.title,
    description: box.description ?? '',
    categories: box.categories.map((category) => ({ key: newKey(), id: category.id, label: category.label })),
    moderation: box.moderation,
    reportThreshold: String(box.reportThreshold),
    opensAt: toLocalInput(box.opensAt),
    closesAt: toLocalInput(box.closesAt),
    requiresVerification: box.requiresVerification,
  };
}

/** The body the API receives; a date left as it was keeps its exact instant. */
export function ideaBoxBody(draft: IdeaBoxDraft, original: AdminIdeaBox | null) {
  const instant = (value: string, before: string | null) =>
    before !== null && value === toLocalInput(before) ? before : fromLocalInput(value);
  const ids = idsOf(draft.categories, (i) => draft.categories[i].label, 'categorie');
  return {
    ...(original ? {} : { id: draft.id.trim() }),
    title: draft.title.trim(),
    description: draft.description.trim() || null,
    categories: draft.categories.map((category) => ({ id: ids.get(category.key)!, label: category.label.trim() })),
    moderation: draft.moderation,
    reportThreshold: numberOf(draft.reportThreshold),
    opensAt: instant(draft.opensAt, original?.opensAt ?? null),
    closesAt: instant(draft.closesAt, original?.closesAt ?? null),
    requiresVerification: draft.requiresVerification,
  };
}

/** A category's id is made from its label: a mistake in it is the label's. */
export function placeCategoryErrors(errors: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, text]) => [field.replace(/^(categories\.\d+)\.id$/, '$1.label'), text]),
  );
}

/** What the officer reads for a field the contract or the server refused, and why. */
export function describeIdeaBoxField(draft: IdeaBoxDraft) {
  return (field: string, reason: string): string => {
    const category = /^categories\.(\d+)\./.exec(field);
    if (category) {
      const n = Number(category[1]) + 1;
      return reason === 'too_big'
        ? msg(str`La catégorie ${n} doit faire 80 caractères au plus.`)
        : msg(str`Saisissez le nom de la catégorie ${n}, ou retirez-la.`);
    }
    if (reason === 'category_in_use')
      return msg('Des idées sont classées dans une catégorie retirée : remettez-la, ou reclassez d’abord ces idées.');
    switch (`${field} ${reason}`) {
      case 'id invalid_format':
        return draft.id.trim() === ''
          ? msg('Saisissez un identifiant.')
          : msg(
              'L’identifiant ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets, sans tiret au début ni à la fin (64 caractères au plus).',
            );
      case 'id idea_box_exists':
        return msg('Une boîte à idées porte déjà cet identifiant : choisissez-en un autre.');
      case 'title too_small':
        return msg('Saisissez le titre de la boîte à idées.');
      case 'title too_big':
        return msg('Le titre doit faire 200 caractères au plus.');
      case 'description too_big':
        return msg('La description doit faire 2 000 caractères au plus.');
      case 'categories duplicate_category_id':
        return msg('Deux catégories se ressemblent trop : rendez-les différentes.');
      case 'categories too_big':
        return msg('Proposez 30 catégories au plus.');
      case 'closesAt not_after_opens_at':
        return msg('La clôture doit venir après l’ouverture.');
    }
    switch (field) {
      case 'reportThreshold':
        return msg('Saisissez un nombre entier de 1 à 1 000.');
      case 'opensAt':
      case 'closesAt':
        return msg('Saisissez une date et une heure valides, ou laissez le champ vide.');
      default:
        return msg('Cette valeur n’est pas acceptée : vérifiez-la.');
    }
  };
}
