import { msg, str } from '@lit/localize';
import type { AdminPoll, PollOption, ResultsVisibility } from '../../contract/poll.js';
import { fromLocalInput, toLocalInput } from '../format.js';
import type { FieldErrors } from '../form-errors.js';

/** A poll as its form holds it: text as typed, dates as `datetime-local` values. */
export interface PollDraft {
  id: string;
  question: string;
  description: string;
  /** `id` is null for an answer added in the form: it is made from the label. */
  options: Array<{ id: string | null; label: string }>;
  multiple: boolean;
  minChoices: string;
  maxChoices: string;
  opensAt: string;
  closesAt: string;
  resultsVisibility: ResultsVisibility;
  allowChange: boolean;
  requiresVerification: boolean;
}

/** The form's fields in their order, for the error summary. */
export const POLL_FIELDS = [
  'question',
  'id',
  'description',
  'options',
  'minChoices',
  'maxChoices',
  'opensAt',
  'closesAt',
  'resultsVisibility',
] as const;

export function emptyDraft(): PollDraft {
  return {
    id: '',
    question: '',
    description: '',
    options: [
      { id: null, label: '' },
      { id: null, label: '' },
    ],
    multiple: false,
    minChoices: '',
    maxChoices: '',
    opensAt: '',
    closesAt: '',
    resultsVisibility: 'after_vote',
    allowChange: false,
    requiresVerification: false,
  };
}

export function draftOf(poll: AdminPoll): PollDraft {
  return {
    id: poll.id,
    question: poll.question,
    description: poll.description ?? '',
    options: poll.options.map((option) => ({ ...option })),
    multiple: poll.multiple,
    minChoices: poll.multiple ? String(poll.minChoices) : '',
    maxChoices: poll.multiple ? String(poll.maxChoices) : '',
    opensAt: toLocalInput(poll.opensAt),
    closesAt: toLocalInput(poll.closesAt),
    resultsVisibility: poll.resultsVisibility,
    allowChange: poll.allowChange,
    requiresVerification: poll.requiresVerification,
  };
}

/**
 * An id as the contract wants it (lower-case letters, digits and dashes)
 * made from a text: "Place de la République" → `place-de-la-republique`.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
}

/** The answers with their ids: kept for existing ones, made from the label for new ones, never twice the same. */
export function optionsOf(draft: PollDraft): PollOption[] {
  const taken = new Set(draft.options.flatMap((option) => (option.id ? [option.id] : [])));
  return draft.options.map((option, i) => {
    const label = option.label.trim();
    if (option.id) return { id: option.id, label };
    const base = slugify(label) || `reponse-${i + 1}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return { id, label };
  });
}

/**
 * The body the API receives. A date left as it was keeps its exact instant
 * (the field shows minutes only); numbers of choices matter for multiple choice only.
 */
export function pollBody(draft: PollDraft, original: AdminPoll | null, withOptions: boolean) {
  const number = (value: string) => (value.trim() === '' ? undefined : Number(value));
  const instant = (value: string, before: string | null) =>
    before !== null && value === toLocalInput(before) ? before : fromLocalInput(value);
  return {
    ...(original ? {} : { id: draft.id.trim() }),
    question: draft.question.trim(),
    description: draft.description.trim() || null,
    ...(withOptions ? { options: optionsOf(draft) } : {}),
    multiple: draft.multiple,
    ...(draft.multiple ? { minChoices: number(draft.minChoices), maxChoices: number(draft.maxChoices) } : {}),
    opensAt: instant(draft.opensAt, original?.opensAt ?? null),
    closesAt: instant(draft.closesAt, original?.closesAt ?? null),
    resultsVisibility: draft.resultsVisibility,
    allowChange: draft.allowChange,
    requiresVerification: draft.requiresVerification,
  };
}

/** An answer's id is made from its label: a mistake in it is the label's. */
export function placeOptionErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, text]) => [field.replace(/\.id$/, '.label'), text]));
}

/** What the officer reads for a field the contract or the server refused, and why. */
export function describePollField(draft: PollDraft) {
  return (field: string, reason: string): string => {
    const answer = /^options\.(\d+)\./.exec(field);
    if (answer) {
      const n = Number(answer[1]) + 1;
      return reason === 'too_big'
        ? msg(str`La réponse ${n} doit faire 200 caractères au plus.`)
        : draft.options[n - 1]?.label.trim()
          ? msg(str`La réponse ${n} doit contenir au moins une lettre ou un chiffre.`)
          : msg(str`Saisissez le texte de la réponse ${n}, ou retirez-la.`);
    }
    switch (`${field} ${reason}`) {
      case 'id invalid_format':
        return draft.id.trim() === ''
          ? msg('Saisissez un identifiant.')
          : msg(
              'L’identifiant ne peut contenir que des lettres minuscules sans accent, des chiffres et des tirets, sans tiret au début ni à la fin (64 caractères au plus).',
            );
      case 'id poll_exists':
        return msg('Un sondage porte déjà cet identifiant : choisissez-en un autre.');
      case 'question too_small':
        return msg('Saisissez la question.');
      case 'question too_big':
        return msg('La question doit faire 300 caractères au plus.');
      case 'description too_big':
        return msg('La description doit faire 2 000 caractères au plus.');
      case 'options too_small':
        return msg('Proposez au moins deux réponses.');
      case 'options too_big':
        return msg('Proposez 50 réponses au plus.');
      case 'options duplicate_option_id':
        return msg('Deux réponses se ressemblent trop : rendez-les différentes.');
      case 'options poll_has_votes':
        return msg('Des personnes ont déjà voté : les réponses ne peuvent plus changer.');
      case 'maxChoices more_than_options':
        return msg('Le maximum ne peut pas dépasser le nombre de réponses proposées.');
      case 'minChoices greater_than_max_choices':
        return msg('Le minimum ne peut pas dépasser le maximum.');
      case 'closesAt not_after_opens_at':
        return msg('La clôture doit venir après l’ouverture.');
    }
    switch (field) {
      case 'minChoices':
      case 'maxChoices':
        return msg('Saisissez un nombre entier, 1 ou plus, ou laissez le champ vide.');
      case 'opensAt':
      case 'closesAt':
        return msg('Saisissez une date et une heure valides, ou laissez le champ vide.');
      default:
        return msg('Cette valeur n’est pas acceptée : vérifiez-la.');
    }
  };
}
