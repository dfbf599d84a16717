// An element of the same name from an older integration: it only keeps its
// fallback link on show, and marks itself so a test can tell it apart.
customElements.define(
  'parvis-poll',
  class OlderPoll extends HTMLElement {
    connectedCallback() {
      this.dataset.older = 'yes';
    }
  },
);
