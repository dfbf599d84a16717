import type { Context } from 'hono';
import { readResponse } from '../http/read-response.js';
import { RESULTS_LICENCE_URL } from '../services/poll-views.js';

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * An export as the file `name.format`; one published as open data (it names
 * its licence) links to the licence's text. `generatedAt` changes every
 * second: the ETag follows the data, not the clock.
 */
export function exportResponse<T extends { generatedAt: string; licence?: string }>(
  c: Context,
  format: ExportFormat,
  name: string,
  data: T,
  toCsv: (data: T) => string,
): Response {
  if (data.licence !== undefined) c.header('Link', `<${RESULTS_LICENCE_URL}>; rel="license"`);
  c.header('Content-Disposition', `inline; filename="${name}.${format}"`);
  if (format === 'csv') return readResponse(c, toCsv(data), 'text/csv; charset=utf-8');
  const { generatedAt: _, ...stable } = data;
  return readResponse(c, JSON.stringify(data), undefined, JSON.stringify(stable));
}
