import * as z from 'zod/mini';
import { Instant, Slug, text } from './common.js';

/**
 * What every consultation shares: the channels a participation came through,
 * and the metadata that lets an export be published on an open-data portal.
 * A leaf of the contract, so that each consultation's schemas can use it.
 */

/** `web`: through a widget. The others are recorded by a participation officer. */
export const CHANNELS = ['web', 'paper', 'meeting', 'phone', 'sms'] as const;
export const Channel = z.enum(CHANNELS);
export type Channel = z.infer<typeof Channel>;

/** The channels an officer records: the town-hall meeting, the paper form, the phone, the text message. */
export const OfflineChannel = z.enum(['paper', 'meeting', 'phone', 'sms']);
export type OfflineChannel = z.infer<typeof OfflineChannel>;

/** The most one contribution counts (voters, ballots or votes of one option): a town, not a country, at a time. */
export const MAX_CONTRIBUTION_COUNT = 1_000_000;

/** What an officer says of every contribution they record. */
export const ContributionNote = z.object({
  channel: OfflineChannel,
  /** Where it was collected, in words: "Marché du samedi 14 mars, stand de la mairie". */
  location: text(300),
  /** The day it was collected (YYYY-MM-DD), never after today. */
  collectedOn: z.iso.date(),
});
export type ContributionNote = z.infer<typeof ContributionNote>;

/** A recorded contribution, as the admin API shows it. */
export const RecordedContribution = z.extend(ContributionNote, {
  id: Slug,
  /** The admin token that recorded it, by the fingerprint the audit log uses. */
  recordedBy: z.string(),
  recordedAt: Instant,
});
export type RecordedContribution = z.infer<typeof RecordedContribution>;

/**
 * The same figure for each channel, every channel present (zero where nothing
 * came through it). Its calls are marked pure, as vite.config.ts marks zod's:
 * the widgets' bundle then leaves out the admin schemas built with it.
 */
export function byChannel<T extends z.ZodMiniType>(schema: T) {
  return z.object({ web: schema, paper: schema, meeting: schema, phone: schema, sms: schema });
}

/** One column of a CSV export, typed as a Frictionless Table Schema field. */
export const OpenDataField = z.object({
  name: z.string(),
  type: z.enum(['string', 'integer', 'number', 'boolean', 'date', 'datetime']),
  description: z.string(),
});
export type OpenDataField = z.infer<typeof OpenDataField>;

/** What an open-data portal asks of a dataset: the `metadata` of a JSON export, and `….metadata.json` beside a CSV. */
export const OpenDataMetadata = z.object({
  title: z.string(),
  description: z.string(),
  licence: z.object({ name: z.string(), url: z.string() }),
  /** `PARVIS_PUBLISHER`, else the server's host name. */
  publisher: z.string(),
  /** When the consultation opened and closes; null where it has no such date. */
  opensAt: z.nullable(Instant),
  closesAt: z.nullable(Instant),
  generatedAt: Instant,
  /** The columns of the CSV, in order; the JSON export holds the same values. */
  fields: z.array(OpenDataField),
});
export type OpenDataMetadata = z.infer<typeof OpenDataMetadata>;
