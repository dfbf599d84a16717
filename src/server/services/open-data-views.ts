import { type Channel, CHANNELS, type OpenDataField, type OpenDataMetadata } from '../../contract/open-data.js';

/** The licence of every export: the one French public bodies publish open data under. */
export const RESULTS_LICENCE = 'Licence Ouverte / Etalab 2.0';
export const RESULTS_LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/';

export type ByChannel<T> = Record<Channel, T>;

/** How each channel is named in a field's description. */
const CHANNEL_WORDS: ByChannel<string> = {
  web: 'through the widget on the web',
  paper: 'on paper',
  meeting: 'at public meetings',
  phone: 'by phone',
  sms: 'by text message',
};

/** The sentence every description of a consultation's export ends with. */
export const CHANNELS_SAID =
  'Participation through the widget on the web and participation recorded by the city (paper, public ' +
  'meetings, phone, text messages) are counted together, then each channel apart; no voter is named.';

export function eachChannel<T>(make: (channel: Channel) => T): ByChannel<T> {
  return Object.fromEntries(CHANNELS.map((channel) => [channel, make(channel)])) as ByChannel<T>;
}

/** One column per channel: `<prefix>_web`, `<prefix>_paper`… */
export function channelFields(prefix: string, what: string): OpenDataField[] {
  return CHANNELS.map((channel) => ({
    name: `${prefix}_${channel}`,
    type: 'integer' as const,
    description: `${what}, ${CHANNEL_WORDS[channel]}.`,
  }));
}

export interface Described {
  title: string;
  description: string;
  opensAt: string | null;
  closesAt: string | null;
}

/** What a portal needs to publish an export, under the Licence Ouverte unless said otherwise. */
export function openDataMetadata(
  about: Described,
  fields: OpenDataField[],
  publisher: string,
  generatedAt: string,
): OpenDataMetadata {
  return {
    title: about.title,
    description: about.description,
    licence: { name: RESULTS_LICENCE, url: RESULTS_LICENCE_URL },
    publisher,
    opensAt: about.opensAt,
    closesAt: about.closesAt,
    generatedAt,
    fields,
  };
}

/** The consultation's own description, if any, then what the dataset holds. */
export function describe(own: string | null, holds: string): string {
  return own ? `${own}\n\n${holds}` : holds;
}
