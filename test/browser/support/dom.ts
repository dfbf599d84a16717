import { waitUntil } from '@open-wc/testing';
import type { ParvisPoll, PollState } from '../../../src/elements/poll/poll.js';

export async function until(element: ParvisPoll, state: PollState): Promise<void> {
  await waitUntil(() => element.state === state, `the poll never reached "${state}" (it is "${element.state}")`, {
    timeout: 4000,
  });
  await element.updateComplete;
}

export function part<T extends Element = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function parts<T extends Element = HTMLElement>(element: Element, name: string): T[] {
  return [...element.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

export function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function inputs(element: Element): HTMLInputElement[] {
  return [...element.shadowRoot!.querySelectorAll('input')];
}

/** Chooses options the way a pointer would: a click on each label. */
export function choose(element: Element, ...labels: string[]): void {
  for (const label of labels) {
    const target = parts(element, 'option-label').find((node) => text(node) === label);
    if (!target) throw new Error(`No option labelled ${label}`);
    target.click();
  }
}

export async function submit(element: ParvisPoll): Promise<void> {
  part<HTMLButtonElement>(element, 'submit')!.click();
  await element.updateComplete;
}
