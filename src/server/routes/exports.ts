import { type Context, Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { OpenDataMetadata } from '../../contract/open-data.js';
import type { AppDeps } from '../deps.js';
import { ApiError } from '../errors.js';
import { requireAdmin } from '../http/admin-auth.js';
import { ownOrigin } from '../http/cors.js';
import { readResponse } from '../http/read-response.js';
import { NO_STORE } from '../http/write-response.js';
import { writeFullExport } from '../services/open-data.js';
import { RESULTS_LICENCE_URL } from '../services/poll-views.js';
import { methodNotAllowed } from './method-not-allowed.js';

export const EXPORT_FORMATS = ['json', 'csv'] as const;
/** An open-data export also answers `….metadata.json`: what a portal needs to publish the CSV beside it. */
export const OPEN_DATA_FORMATS = [...EXPORT_FORMATS, 'metadata.json'] as const;
export type ExportFormat = (typeof OPEN_DATA_FORMATS)[number];

/**
 * An export as the file `name.format`; one published as open data (it names
 * its licence) links to the licence's text, and its CSV to the metadata that
 * describes it (`rel="describedby"`, as CSV on the Web finds it).
 * `generatedAt` changes every second: the ETag follows the data, not the clock.
 */
export function exportResponse<T extends { generatedAt?: string; licence?: string; metadata?: OpenDataMetadata }>(
  c: Context,
  format: ExportFormat,
  name: string,
  data: T,
  toCsv: (data: T) => string,
  disposition: 'inline' | 'attachment' = 'inline',
): Response {
  const links: string[] = [];
  if (data.licence !== undefined || data.metadata) links.push(`<${RESULTS_LICENCE_URL}>; rel="license"`);
  if (format === 'csv' && data.metadata)
    links.push(`<${metadataBeside(c)}>; rel="describedby"; type="application/json"`);
  if (links.length > 0) c.header('Link', links.join(', '));
  c.header('Content-Disposition', `${disposition}; filename="${name}.${format}"`);
  if (format === 'csv') return readResponse(c, toCsv(data), 'text/csv; charset=utf-8');
  const { generatedAt: _, metadata, ...rest } = data;
  const stableMetadata = metadata && { ...metadata, generatedAt: undefined };
  if (format === 'metadata.json') {
    if (!metadata) throw new ApiError('not_found');
    return readResponse(c, JSON.stringify(metadata), undefined, JSON.stringify(stableMetadata));
  }
  return readResponse(c, JSON.stringify(data), undefined, JSON.stringify({ ...rest, metadata: stableMetadata }));
}

/** The publisher an export names: `PARVIS_PUBLISHER`, else the host name this server is reached by. */
export function publisherOf(c: Context, config: AppDeps['config']): string {
  return config.publisher ?? new URL(ownOrigin(c, config.trustProxy)).hostname;
}

/** `results.metadata.json` for `results.csv`, relative to it, with the same query. */
function metadataBeside(c: Context): string {
  const url = new URL(c.req.url);
  return `${url.pathname
    .split('/')
    .at(-1)!
    .replace(/\.csv$/, '.metadata.json')}${url.search}`;
}

/** exportEverything: every consultation with its results and metadata, streamed as it is read. */
export function fullExportRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  app.use('*', requireAdmin(deps));
  app.get('/', (c) => {
    const publisher = publisherOf(c, deps.config);
    c.header('Content-Type', 'application/json; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="parvis-export.json"');
    c.header('Cache-Control', NO_STORE['Cache-Control']);
    return stream(
      c,
      (body) => writeFullExport(deps.store, publisher, (text) => body.write(text).then(() => undefined)),
      async (error) => {
        // The status is sent already: the file stops short, and can be seen not to parse.
        console.error('The full export failed while it was being sent:', error);
      },
    );
  });
  app.all('/', methodNotAllowed('GET'));
  return app;
}
