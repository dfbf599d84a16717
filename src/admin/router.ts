/** Where the console lives on the server; every screen's address is under it. */
export const BASE = '/admin';

/** A screen of the console: one module, one custom element, one address. */
export interface Route {
  /** The address under `/admin`, with `:name` parameters: `/polls/:pollId`. */
  path: string;
  /** The screen's custom element, defined by its module. */
  tag: string;
  load: () => Promise<unknown>;
  /** The screen's entry in the main navigation, for the screens that have one. */
  nav?: () => string;
}

export interface Match {
  route: Route;
  params: Record<string, string>;
}

/** The route an address (`/polls/marche-de-noel`, under `/admin`) shows, with its parameters. */
export function match(routes: readonly Route[], path: string): Match | null {
  const segments = split(path);
  for (const route of routes) {
    const pattern = split(route.path);
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const found = pattern.every((part, i) => {
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeURIComponent(segments[i]);
        return true;
      }
      return part === segments[i];
    });
    if (found) return { route, params };
  }
  return null;
}

/** The navigation entry an address belongs to: a poll's screen belongs to "Sondages". */
export function section(path: string): string {
  return `/${split(path)[0] ?? ''}`;
}

/** The current address under `/admin`, without its query. */
export function currentPath(): string {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '/';
  return path === '' ? '/' : path;
}

/** `/polls/a b` → `/admin/polls/a%20b`, for links and `navigate`. */
export function href(path: string): string {
  return `${BASE}${path}`;
}

export interface NavigateDetail {
  /** Said in the console's live region once the new screen shows, such as "The poll is saved." */
  notice?: string;
}

/**
 * The console's events: `navigate` when the address changed (by a link, the
 * browser's back button or `navigate()`), `notice` for a message to say.
 */
export const shellEvents = new EventTarget();

/** Shows another screen: `path` is under `/admin`, with its query if any. */
export function navigate(path: string, detail: NavigateDetail & { replace?: boolean } = {}): void {
  if (detail.replace) history.replaceState(null, '', href(path));
  else history.pushState(null, '', href(path));
  shellEvents.dispatchEvent(new CustomEvent<NavigateDetail>('navigate', { detail: { notice: detail.notice } }));
}

/** Says `text` in the console's live region, and shows it at the top of the screen. */
export function announce(text: string): void {
  shellEvents.dispatchEvent(new CustomEvent<string>('notice', { detail: text }));
}

/**
 * Follows a click on a link to another screen without reloading the page.
 * Links that open elsewhere (a new tab, a download, another site) and
 * clicks a screen already handled are left to the browser.
 */
export function followLink(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const link = event.composedPath().find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement);
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || (url.pathname !== BASE && !url.pathname.startsWith(`${BASE}/`))) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigate(`${url.pathname.slice(BASE.length) || '/'}${url.search}`);
}

function split(path: string): string[] {
  return path.split('/').filter(Boolean);
}
