// Types for the framework examples the browser tests mount. React publishes no types of its own (they live in
// @types/react, which this project does not install), so its example and the test's root are written in JSX.
declare module '*/support/react-root.jsx' {
  export function renderPollCard(
    container: HTMLElement,
    props: { pollId: string; onVoted?: (detail: { pollId: string; choices: string[] }) => void },
  ): { unmount(): void };
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<{ pollId: string }>;
  export default component;
}
