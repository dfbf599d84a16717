import type { ParvisAdapter } from '../../client/adapter.js';
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

/** Moves focus once the element has rendered what the citizen's action changed. */
export async function focusAfterUpdate(host: IdeaBoxHost, id: string): Promise<void> {
  host.requestUpdate();
  await host.updateComplete;
  (host.renderRoot as ShadowRoot).getElementById(id)?.focus();
}
