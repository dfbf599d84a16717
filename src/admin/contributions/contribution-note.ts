import { msg, str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { ParvisError } from '../../client/errors.js';
import type { OfflineChannel, RecordedContribution } from '../../contract/open-data.js';
import { channelLabel } from '../channels.js';
import { inputField, radioGroup } from '../fields.js';
import { FORM, type Describe, type FieldErrors } from '../form-errors.js';
import { consoleLocale, formatDate } from '../format.js';
import { refusalMessage } from '../refusals.js';

/** What an officer says of every contribution: the channel, where, and the day it was collected. */
export interface NoteDraft {
  channel: OfflineChannel;
  location: string;
  collectedOn: string;
}

export const NOTE_FIELDS = ['channel', 'location', 'collectedOn'] as const;

const OFFLINE_CHANNELS: readonly OfflineChannel[] = ['paper', 'meeting', 'phone', 'sms'];

/** Today in the officer's calendar, as a `date` field holds it. */
function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function emptyNote(): NoteDraft {
  return { channel: 'paper', location: '', collectedOn: today() };
}

export function noteBody(note: NoteDraft) {
  return { channel: note.channel, location: note.location.trim(), collectedOn: note.collectedOn };
}

export function renderNoteFields(note: NoteDraft, errors: FieldErrors) {
  return html`
    ${radioGroup(
      'channel',
      msg('Canal'),
      note.channel,
      OFFLINE_CHANNELS.map((channel) => ({ value: channel, label: channelLabel(channel) })),
      errors,
    )}
    ${inputField('location', msg('Lieu de recueil'), note.location, errors, {
      hint: msg('Où et comment, en quelques mots : Marché du samedi, stand de la mairie.'),
    })}
    ${inputField('collectedOn', msg('Date du recueil'), note.collectedOn, errors, { type: 'date' })}
  `;
}

/** What the officer reads for a mistake in the note; undefined for the fields of the contribution itself. */
export function describeNote(field: string, reason: string): string | undefined {
  switch (field) {
    case 'channel':
      return msg('Choisissez le canal.');
    case 'location':
      return reason === 'too_big'
        ? msg('Le lieu doit faire 300 caractères au plus.')
        : msg('Saisissez où la contribution a été recueillie.');
    case 'collectedOn':
      return reason === 'in_the_future'
        ? msg('La date du recueil ne peut pas être dans le futur.')
        : msg('Saisissez la date du recueil.');
  }
  return undefined;
}

/** A day (YYYY-MM-DD) as words; it is a calendar day, not an instant, so no time zone moves it. */
export function formatDay(day: string): string {
  return new Intl.DateTimeFormat(consoleLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/**
 * The contributions recorded for a consultation, oldest first, each with
 * what it counted and a button that takes it back.
 */
export function renderContributionTable<C extends RecordedContribution>(
  contributions: readonly C[],
  counted: (contribution: C) => TemplateResult | string,
  onDelete: (contribution: C) => void,
) {
  if (contributions.length === 0) return html`<p class="muted">${msg('Aucune contribution enregistrée.')}</p>`;
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby="contributions-caption">
      <table>
        <caption id="contributions-caption" class="visually-hidden">
          ${msg('Contributions enregistrées, de la plus ancienne à la plus récente')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${msg('Recueillie le')}</th>
            <th scope="col">${msg('Canal')}</th>
            <th scope="col">${msg('Lieu')}</th>
            <th scope="col">${msg('Compté')}</th>
            <th scope="col">${msg('Enregistrée')}</th>
            <th scope="col"><span class="visually-hidden">${msg('Action')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${contributions.map(
            (contribution) => html`
              <tr>
                <th scope="row">${formatDay(contribution.collectedOn)}</th>
                <td>${channelLabel(contribution.channel)}</td>
                <td>${contribution.location}</td>
                <td>${counted(contribution)}</td>
                <td>${msg(str`le ${formatDate(contribution.recordedAt)} par ${contribution.recordedBy}`)}</td>
                <td>
                  <button type="button" class="button danger secondary" @click=${() => onDelete(contribution)}>
                    ${msg('Supprimer')}<span class="visually-hidden">
                      ${msg(
                        str`la contribution du ${formatDay(contribution.collectedOn)} (${contribution.location})`,
                      )}</span
                    >
                  </button>
                </td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    </div>
  `;
}

/**
 * A refusal of the server, said next to the fields it names whatever its
 * code (a contribution names the ballot or the count a rule refused), or
 * above the form.
 */
export function contributionRefusal(error: ParvisError, describe: Describe): FieldErrors {
  const fields = Object.entries(error.fields ?? {});
  if (fields.length > 0) return Object.fromEntries(fields.map(([field, reason]) => [field, describe(field, reason)]));
  return { [FORM]: refusalMessage(error.code) };
}
