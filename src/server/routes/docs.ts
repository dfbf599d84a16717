import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import type { ServerConfig } from '../config.js';
import { ApiError } from '../errors.js';
import { matches } from '../http/read-response.js';
import { PAGE_CSP } from '../http/security.js';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * The developer documentation, written by `npm run build:docs` to `dist/docs/`
 * beside the widgets: `/docs`, a page per element at `/docs/<tag>`, the
 * manifest it was written from, and the pages' stylesheet and script. The
 * pages run the widgets, so they get the demo pages' Content-Security-Policy.
 */
export function docsRoutes(config: Pick<ServerConfig, 'widgetsDir'>): Hono {
  const docsDir = join(dirname(config.widgetsDir), 'docs');
  const app = new Hono();
  app.use('*', compress());
  app.get('/', (c) => send(c, docsDir, 'index.html'));
  app.get('/custom-elements.json', (c) => send(c, docsDir, 'custom-elements.json'));
  app.get('/assets/:file{[a-z-]+\\.(?:css|js)}', (c) => send(c, docsDir, join('assets', c.req.param('file'))));
  app.get('/:tag{parvis-[a-z-]+}', (c) => send(c, docsDir, `${c.req.param('tag')}.html`));
  app.get('/:tag{parvis-[a-z-]+}/', (c) => c.redirect(`/docs/${c.req.param('tag')}`, 301));
  app.get('/*', (c) => {
    if (c.req.path === '/docs/') return c.redirect('/docs', 301);
    throw new ApiError('not_found');
  });
  return app;
}

async function send(c: Context, docsDir: string, file: string): Promise<Response> {
  const path = join(docsDir, file);
  const stats = await stat(path).catch(() => null);
  if (!stats?.isFile()) throw new ApiError('not_found');
  const type = TYPES[file.slice(file.lastIndexOf('.') + 1)];
  const headers: Record<string, string> = {
    ETag: `W/"${stats.size.toString(36)}-${Math.trunc(stats.mtimeMs).toString(36)}"`,
    'Cache-Control': 'no-cache',
  };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = PAGE_CSP;
    headers['X-Frame-Options'] = 'SAMEORIGIN';
  }
  if (matches(c.req.header('If-None-Match'), headers.ETag)) return c.body(null, 304, headers);
  return c.body(await readFile(path), 200, { ...headers, 'Content-Type': type });
}
