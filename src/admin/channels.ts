import { msg } from '@lit/localize';
import { html } from 'lit';
import { CHANNELS, type Channel } from '../contract/open-data.js';
import { formatNumber } from './format.js';

export function channelLabel(channel: Channel): string {
  switch (channel) {
    case 'web':
      return msg('Web (widgets)');
    case 'paper':
      return msg('Papier');
    case 'meeting':
      return msg('Réunion publique');
    case 'phone':
      return msg('Téléphone');
    case 'sms':
      return msg('SMS');
  }
}

/** One row of a table by channel: its name, then its figures. */
export interface ChannelRow {
  label: string;
  values: (channel: Channel) => number;
  total: number;
}

/**
 * Figures counted apart for each channel and together: one column per
 * channel, the web first, then the total every channel together, which is
 * what citizens and the public exports see.
 */
export function renderChannelTable(id: string, caption: string, heading: string, rows: readonly ChannelRow[]) {
  return html`
    <div class="table-scroll" role="region" tabindex="0" aria-labelledby=${id}>
      <table>
        <caption id=${id}>
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${heading}</th>
            ${CHANNELS.map((channel) => html`<th scope="col" class="number">${channelLabel(channel)}</th>`)}
            <th scope="col" class="number">${msg('Tous canaux')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`
              <tr>
                <th scope="row">${row.label}</th>
                ${CHANNELS.map((channel) => html`<td class="number">${formatNumber(row.values(channel))}</td>`)}
                <td class="number">${formatNumber(row.total)}</td>
              </tr>
            `,
          )}
        </tbody>
      </table>
    </div>
  `;
}
