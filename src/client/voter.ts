const STORAGE_KEY = 'parvis:voter';

/** Kept when localStorage is unavailable (private browsing, sandboxed frames): the vote still goes through. */
let memoryToken: string | undefined;

/** Random bytes as base64url: 16 bytes give 22 characters, within the contract's `VOTER_TOKEN`. */
export function randomToken(bytes = 16): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...buffer))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The citizen's voter token if they already took part; never creates one. */
export function voterToken(): string | undefined {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? memoryToken;
  } catch {
    return memoryToken;
  }
}

/**
 * The voter token, created on the citizen's first participation. Nothing is
 * stored before they act (DESIGN §6): only a write calls this.
 */
export function ensureVoterToken(): string {
  const existing = voterToken();
  if (existing) return existing;
  const token = randomToken();
  try {
    localStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage refused: the token lives as long as the page.
    memoryToken = token;
  }
  return token;
}
