import type { Operation, ParvisAdapter } from '../../client/adapter.js';
import { ParvisError } from '../../client/errors.js';
import type { ParvisElement } from '../parvis-element.js';

/** What the idea box's controllers need of their element. */
export interface IdeaBoxHost extends ParvisElement {
  box: string;
  adapter: ParvisAdapter | undefined;
  timeout: number | undefined;
  pageSize: number;
  /** Says something in the element's polite live region. */
  announce(message: string): void;
}

/** Fires `parvis-error` for a failed operation, and answers the error the citizen is shown. */
export function reportError(host: IdeaBoxHost, error: unknown, operation: Operation, ideaId?: string): ParvisError {
  const parvisError =
    error instanceof ParvisError ? error : new ParvisError('network_error', undefined, { cause: error });
  const { code, message, status } = parvisError;
  const about = ideaId ? { boxId: host.box, ideaId } : { boxId: host.box };
  host.emit('parvis-error', { ...about, operation, code, message, status, error: parvisError });
  return parvisError;
}

/** Moves focus once the element has rendered what the citizen's action changed. */
export async function focusAfterUpdate(host: IdeaBoxHost, id: string): Promise<void> {
  host.requestUpdate();
  await host.updateComplete;
  (host.renderRoot as ShadowRoot).getElementById(id)?.focus();
}
