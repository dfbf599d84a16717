import { ParvisError } from '../../client/errors.js';
import { SubjectKey } from '../../contract/subject.js';

const MAX_KEY = 200;
const HASH_LENGTH = 16;

/**
 * What a `<parvis-vote>` votes on: its `subject` attribute, as the site wrote
 * it, else the page it sits on (see `pageSubjectKey`). A key the contract
 * refuses is a configuration error, said before anything is sent.
 */
export function subjectKeyOf(element: Element): string {
  const given = element.getAttribute('subject');
  const key = given || pageSubjectKey();
  if (!SubjectKey.safeParse(key).success) {
    throw new ParvisError('invalid_subject_key', `“${key}” is not a valid subject key.`);
  }
  return key;
}

/**
 * The page's canonical URL (`<link rel="canonical">`), else its address
 * without query and hash, so that one snippet in a page template gives each
 * page its own subject.
 */
export function pageSubjectKey(): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href;
  return keyOfUrl(canonical || location.href);
}

/**
 * Host and path (`www.ville.fr/actualites/budget`): characters a key may not
 * hold are percent-encoded, and a key too long keeps its start and ends with
 * a hash of the whole, so that the same page always gives the same key.
 */
export function keyOfUrl(url: string): string {
  const { host, pathname } = new URL(url);
  const key = (host + pathname).replace(
    /[^A-Za-z0-9._~:/@%+-]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  if (key.length <= MAX_KEY) return key;
  return `${key.slice(0, MAX_KEY - HASH_LENGTH - 1)}~${fnv1a64(key)}`;
}

/** FNV-1a, 64 bits, as 16 hex digits: short, stable across browsers, and enough to tell a site's pages apart. */
function fnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(HASH_LENGTH, '0');
}
