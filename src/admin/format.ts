import { msg, str } from '@lit/localize';
import { intlFormat } from '../elements/intl-formats.js';
import { consoleLocale } from './language.js';

/** The tag numbers, dates, money and percentages are written with: the console's language, as this browser writes it. */
export { consoleLocale };

/** The status of a poll, an idea box or a budget: computed by the server from the dates and the closed flag. */
export type ConsultationStatus = 'upcoming' | 'open' | 'closed';

export function statusLabel(status: ConsultationStatus): string {
  switch (status) {
    case 'upcoming':
      return msg('À venir');
    case 'open':
      return msg('Ouvert');
    case 'closed':
      return msg('Clos');
  }
}

export function formatDate(instant: string | null): string {
  return instant === null ? msg('—') : intlFormat('date', consoleLocale()).format(new Date(instant));
}

export function formatNumber(value: number): string {
  return intlFormat('number', consoleLocale()).format(value);
}

export function formatShare(value: number): string {
  return intlFormat('share', consoleLocale()).format(value);
}

/** "1 votant", "12 votants": `one` and `other` as `Intl.PluralRules` chooses. */
export function plural(count: number, one: (n: string) => string, other: (n: string) => string): string {
  const n = formatNumber(count);
  return intlFormat('plural', consoleLocale()).select(count) === 'one' ? one(n) : other(n);
}

export const voters = (count: number) =>
  plural(
    count,
    (n) => msg(str`${n} votant`),
    (n) => msg(str`${n} votants`),
  );

export const votes = (count: number) =>
  plural(
    count,
    (n) => msg(str`${n} vote`),
    (n) => msg(str`${n} votes`),
  );

/** An instant as a `datetime-local` field shows it: the officer's own time zone, to the minute. */
export function toLocalInput(instant: string | null): string {
  if (instant === null) return '';
  const date = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value as an instant; an empty field is no date, a wrong one is left for the contract to refuse. */
export function fromLocalInput(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
