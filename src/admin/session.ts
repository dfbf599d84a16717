const KEY = 'parvis-admin-token';

/** Why the sign-in screen is shown again. */
export type SignedOutReason = 'signed-out' | 'expired';

/**
 * The admin token of this tab. It is kept in `sessionStorage` only: it goes
 * with the tab, and never lands where another tab or a later visitor of the
 * same browser would find it. Fires `change` on sign-in and sign-out.
 */
class Session extends EventTarget {
  /** Where storage is refused (a locked-down browser), the token lives as long as the page. */
  #memory: string | null = null;
  reason: SignedOutReason | null = null;

  get token(): string | null {
    try {
      return sessionStorage.getItem(KEY);
    } catch {
      return this.#memory;
    }
  }

  signIn(token: string): void {
    this.#store(token);
    this.reason = null;
    this.dispatchEvent(new Event('change'));
  }

  signOut(reason: SignedOutReason = 'signed-out'): void {
    if (this.token === null && this.reason !== null) return;
    this.#store(null);
    this.reason = reason;
    this.dispatchEvent(new Event('change'));
  }

  #store(token: string | null): void {
    this.#memory = token;
    try {
      if (token === null) sessionStorage.removeItem(KEY);
      else sessionStorage.setItem(KEY, token);
    } catch {
      // Kept in memory only.
    }
  }
}

export const session = new Session();
