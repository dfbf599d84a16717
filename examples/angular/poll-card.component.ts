import { ChangeDetectionStrategy, Component, CUSTOM_ELEMENTS_SCHEMA, input, output, signal } from '@angular/core';
// Defines <parvis-poll>, so that Angular's property bindings reach the element's properties.
import 'parvis/poll';

/** What `parvis-voted` carries from a poll. */
export interface PollVoted {
  pollId: string;
  choices: string[];
  poll: { options: Array<{ id: string; label: string }> };
}

/**
 * A Parvis poll in an Angular component. `CUSTOM_ELEMENTS_SCHEMA` lets the
 * template use `<parvis-poll>`, bind its properties with `[…]` and listen to
 * its events with `(parvis-voted)`.
 */
@Component({
  selector: 'app-poll-card',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="poll-card">
      <parvis-poll [poll]="pollId()" [timeout]="8000" (parvis-voted)="onVoted($event)" (parvis-error)="onError($event)">
        <a [href]="'https://www.ville-exemple.fr/participer/' + pollId()">Répondre au sondage</a>
      </parvis-poll>
      @if (chosen(); as labels) {
        <p class="poll-card-chosen">Vous avez choisi : {{ labels.join(', ') }}.</p>
      }
      @if (failure(); as code) {
        <p class="poll-card-failure">Le sondage n’a pas répondu ({{ code }}).</p>
      }
    </section>
  `,
})
export class PollCardComponent {
  readonly pollId = input.required<string>();
  readonly voted = output<PollVoted>();

  protected readonly chosen = signal<string[] | null>(null);
  protected readonly failure = signal<string | null>(null);

  // `detail` holds the accepted choices and the poll as the server now has it.
  protected onVoted(event: Event): void {
    const detail = (event as CustomEvent<PollVoted>).detail;
    const { choices, poll } = detail;
    this.chosen.set(poll.options.filter((option) => choices.includes(option.id)).map((option) => option.label));
    this.failure.set(null);
    this.voted.emit(detail);
  }

  protected onError(event: Event): void {
    this.failure.set((event as CustomEvent<{ code: string }>).detail.code);
  }
}
