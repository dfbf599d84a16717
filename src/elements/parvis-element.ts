import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { directionOf, resolveLang } from '../client/config.js';
import { prepareFormats } from './intl-formats.js';
import { activeLocale, intlLocale, requestLocale } from './locale.js';
import { sharedStyles } from './shared-styles.js';

/** The `parvis-*` events declared in `GlobalEventHandlersEventMap` by each element. */
export type ParvisEventName = Extract<keyof GlobalEventHandlersEventMap, `parvis-${string}`>;
export type ParvisEventDetail<K extends ParvisEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * What every Parvis element shares: shared styles, one way to fire events, one
 * way to register a tag, and its language (asked for on connection, followed
 * when its strings arrive).
 */
export class ParvisElement extends LitElement {
  static override styles = [sharedStyles];

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    requestLocale(resolveLang(this));
  }

  protected override firstUpdated(): void {
    prepareFormats(this.formatLocale);
  }

  /** The locale the element writes numbers and dates in. */
  protected get formatLocale(): string {
    return intlLocale(resolveLang(this));
  }

  /**
   * The direction of the element's strings, set on its root: an Arabic widget
   * mirrors its layout on any page, and a French one stays left to right on
   * a right-to-left page.
   */
  protected get direction(): 'ltr' | 'rtl' {
    return directionOf(activeLocale());
  }

  /**
   * Registers the element under `tag`. When the tag is already taken — the
   * script was loaded twice, or two versions share the page — the first
   * definition stays and this one is skipped with a warning instead of an
   * exception that would break the host page.
   */
  static define(tag: string): void {
    const existing = customElements.get(tag);
    if (existing) {
      const why =
        existing === this ? 'defined twice' : 'already defined by another script (two Parvis versions on this page?)';
      console.warn(`Parvis: <${tag}> is ${why}; keeping the first definition.`);
      return;
    }
    customElements.define(tag, this);
  }

  /**
   * Fires a `parvis-*` event that bubbles out of the shadow root. Returns
   * `false` when a listener cancelled a cancelable event.
   */
  emit<K extends ParvisEventName>(
    name: K,
    detail: ParvisEventDetail<K>,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(parvisEvent(name, detail, options.cancelable ?? false));
  }
}

// Outside the class so that the manifest lists each element's documented events, not a generic one.
function parvisEvent(name: string, detail: unknown, cancelable: boolean): CustomEvent {
  return new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable });
}
