import { createReadStream, type Stats } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { Context, Handler } from 'hono';
import { PAGE_CSP } from '../http/security.js';
import { matches } from '../http/read-response.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A content hash in the file name (`poll-3fA9c_1x.js`): the file never changes under that name. */
const HASHED = /[.-][A-Za-z0-9_-]{8,}\.(?:js|mjs|css|map)$/;

interface Found {
  path: string;
  stats: Stats;
  /** Served to pages of other origins, which load them as CORS module scripts. */
  widget: boolean;
}

/**
 * The built widgets (`dist/widgets`) at the root, then the demo pages. A path
 * never leaves its directory; a directory is served by its index.html.
 */
export function staticFiles(dirs: { widgetsDir: string; demoDir: string }): Handler {
  return async (c, next) => {
    const found = (await find(dirs.widgetsDir, c.req.path, true)) ?? (await find(dirs.demoDir, c.req.path, false));
    if (!found) return next();
    // `/en` → `/en/`, so that the page's relative links resolve inside its directory.
    // One leading slash only: `//host/` would send the browser to another site.
    if (found === 'directory') return c.redirect(`/${c.req.path.replace(/^\/+/, '')}/`, 301);
    return send(c, found);
  };
}

async function find(root: string, urlPath: string, widget: boolean): Promise<Found | 'directory' | null> {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (relative.includes('\0') || relative.split('/').some((segment) => segment.startsWith('.'))) return null;
  const base = resolve(root);
  let path = resolve(base, `.${relative}`);
  if (path !== base && !path.startsWith(base + sep)) return null;
  let stats = await stat(path).catch(() => null);
  if (stats?.isDirectory()) {
    if (!urlPath.endsWith('/')) return 'directory';
    path = join(path, 'index.html');
    stats = await stat(path).catch(() => null);
  }
  return stats?.isFile() ? { path, stats, widget } : null;
}

function send(c: Context, { path, stats, widget }: Found): Response {
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  const etag = `W/"${stats.size.toString(36)}-${Math.trunc(stats.mtimeMs).toString(36)}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': widget && HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (widget) {
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  }
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = PAGE_CSP;
    headers['X-Frame-Options'] = 'SAMEORIGIN';
  }
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  headers['Content-Type'] = type;
  headers['Content-Length'] = String(stats.size);
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return c.body(body, 200, headers);
}
