import { ChangeDetectionStrategy, Component } from '@angular/core';
import { PollCardComponent, type PollVoted } from './poll-card.component.js';

@Component({
  selector: 'app-root',
  imports: [PollCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<app-poll-card pollId="parc-des-tilleuls" (voted)="log($event)" />`,
})
export class AppComponent {
  protected log(detail: PollVoted): void {
    console.info('Voted', detail.choices);
  }
}
