import { createReadStream, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, Handler } from 'hono';
import { ADMIN_CSP, PAGE_CSP } from '../http/security.js';
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

/** Text worth compressing; images and fonts are compressed already. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

const compressors = {
  br: promisify(brotliCompress),
  gzip: promisify(gzip),
};
type Encoding = keyof typeof compressors;

/**
 * Compressed copies, made once per file version: the widget bundle is a few
 * files that every page of a city asks for, and the size bars of the design
 * are about the bytes that travel. Keyed by path, encoding and ETag, so a new
 * build replaces its entries; bounded by the number of files served.
 */
const compressed = new Map<string, Promise<Buffer>>();

function compressedCopy(path: string, etag: string, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding} ${etag} ${path}`;
  let copy = compressed.get(key);
  if (!copy) {
    copy = readFile(path).then((bytes) =>
      encoding === 'br'
        ? compressors.br(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
        : compressors.gzip(bytes, { level: 9 }),
    );
    if (compressed.size >= 500) compressed.clear();
    compressed.set(key, copy);
    copy.catch(() => compressed.delete(key));
  }
  return copy;
}

/** The best encoding the client accepts (`br`, then `gzip`), ignoring any it refuses with `q=0`. */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/** A content hash in the file name (`poll-3fA9c_1x.js`): the file never changes under that name. */
const HASHED = /[.-][A-Za-z0-9_-]{8,}\.(?:js|mjs|css|map)$/;

/** Widgets are served to pages of other origins, which load them as CORS module scripts. */
type Kind = 'widget' | 'admin' | 'page';

interface Found {
  path: string;
  stats: Stats;
  kind: Kind;
}

const ADMIN = '/admin';

/**
 * The built widgets (`dist/widgets`) at the root, then the demo pages, and
 * the admin console (`dist/admin`, built beside the widgets) under `/admin`.
 * A path never leaves its directory; a directory is served by its index.html.
 */
export function staticFiles(dirs: { widgetsDir: string; demoDir: string }): Handler {
  const adminDir = join(dirname(dirs.widgetsDir), 'admin');
  return async (c, next) => {
    const path = c.req.path;
    const found =
      path === ADMIN || path.startsWith(`${ADMIN}/`)
        ? await findAdmin(adminDir, path)
        : ((await find(dirs.widgetsDir, path, 'widget')) ?? (await find(dirs.demoDir, path, 'page')));
    if (!found) return next();
    // `/en` → `/en/`, so that the page's relative links resolve inside its directory.
    // One leading slash only: `//host/` would send the browser to another site.
    if (found === 'directory') return c.redirect(`/${c.req.path.replace(/^\/+/, '')}/`, 301);
    return send(c, found);
  };
}

/** The console's own addresses (`/admin/polls/marche-de-noel`) are its page, whose router shows the screen. */
async function findAdmin(adminDir: string, urlPath: string): Promise<Found | 'directory' | null> {
  const found = await find(adminDir, urlPath.slice(ADMIN.length), 'admin');
  if (found || /\.[A-Za-z0-9]+$/.test(urlPath)) return found;
  return find(adminDir, '/index.html', 'admin');
}

async function find(root: string, urlPath: string, kind: Kind): Promise<Found | 'directory' | null> {
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
  return stats?.isFile() ? { path, stats, kind } : null;
}

async function send(c: Context, { path, stats, kind }: Found): Promise<Response> {
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  const etag = `W/"${stats.size.toString(36)}-${Math.trunc(stats.mtimeMs).toString(36)}"`;
  const headers: Record<string, string> = {
    ETag: etag,
    'Cache-Control': kind !== 'page' && HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (kind === 'widget') {
    headers['Access-Control-Allow-Origin'] = '*';
    headers['Cross-Origin-Resource-Policy'] = 'cross-origin';
  }
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = kind === 'admin' ? ADMIN_CSP : PAGE_CSP;
    headers['X-Frame-Options'] = 'SAMEORIGIN';
  }
  const compressible = COMPRESSIBLE.test(type);
  if (compressible) headers.Vary = 'Accept-Encoding';
  if (matches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  headers['Content-Type'] = type;
  const encoding = compressible ? preferredEncoding(c.req.header('Accept-Encoding')) : null;
  if (encoding) {
    const bytes = await compressedCopy(path, etag, encoding);
    headers['Content-Encoding'] = encoding;
    if (c.req.method === 'HEAD') return c.body(null, 200, { ...headers, 'Content-Length': String(bytes.length) });
    // The Node adapter measures a body in memory itself: a length set here too would be sent twice.
    return c.body(new Uint8Array(bytes), 200, headers);
  }
  headers['Content-Length'] = String(stats.size);
  if (c.req.method === 'HEAD') return c.body(null, 200, headers);
  const body = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  return c.body(body, 200, headers);
}
