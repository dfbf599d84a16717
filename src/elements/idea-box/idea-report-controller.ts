import { MAX_REPORT_DETAILS, type ReportReason } from '../../contract/idea.js';
import type { ParvisError } from '../../client/errors.js';
import { reportIdea } from '../../client/ideas.js';
import { reportError } from '../events.js';
import { focusAfterUpdate, type IdeaBoxHost } from './idea-box-host.js';
import type { ReportProblem } from './idea-box-messages.js';
import type { IdeaListController } from './idea-list-controller.js';

/**
 * Reporting an idea to the moderators: one report form open at a time, with
 * a reason to choose and optional details, and focus kept where a keyboard
 * user expects it. A report is not queued offline: unlike an idea or a
 * support, it can simply be sent again.
 */
export class IdeaReportController {
  readonly #host: IdeaBoxHost;
  readonly #list: IdeaListController;

  /** The idea whose report form is open. */
  open: string | null = null;
  reason: ReportReason | null = null;
  details = '';
  /** Why the report cannot be sent yet, worded by `reportProblem()` in the reader's language. */
  problem: ReportProblem | null = null;
  sending = false;
  error: ParvisError | null = null;
  /** Ideas this citizen reported while the box was on screen; `earlier` when the server already had their report. */
  readonly reported = new Map<string, 'now' | 'earlier'>();

  constructor(host: IdeaBoxHost, list: IdeaListController) {
    this.#host = host;
    this.#list = list;
  }

  /** Opens the reasons under the idea, focus on the first. */
  start = (ideaId: string): void => {
    this.open = ideaId;
    this.reason = null;
    this.details = '';
    this.problem = null;
    this.error = null;
    void focusAfterUpdate(this.#host, `report-${ideaId}-spam`);
  };

  /** Closes the reasons, focus back on the button that opened them. */
  cancel = (): void => {
    const ideaId = this.open;
    this.open = null;
    if (ideaId) void focusAfterUpdate(this.#host, `report-button-${ideaId}`);
  };

  input = (event: Event): void => {
    const { name, value, checked } = event.target as HTMLInputElement;
    if (name === 'reason' && checked) {
      this.reason = value as ReportReason;
      this.problem = null;
    } else if (name === 'details') {
      this.details = value;
    }
    this.#host.requestUpdate();
  };

  send = async (): Promise<void> => {
    const ideaId = this.open;
    if (!ideaId || this.sending) return;
    const details = this.details.trim();
    this.error = null;
    this.problem = !this.reason ? 'no_reason' : details.length > MAX_REPORT_DETAILS ? 'details_too_long' : null;
    if (this.problem || !this.reason) return focusAfterUpdate(this.#host, `report-${ideaId}-spam`);
    this.sending = true;
    this.#host.requestUpdate();
    try {
      const report = details ? { reason: this.reason, details } : { reason: this.reason };
      await reportIdea(this.#list.client, ideaId, report, { timeout: this.#host.timeout });
      this.#done(ideaId, 'now');
    } catch (error) {
      const refusal = reportError(this.#host, error, 'reportIdea', { boxId: this.#host.box, ideaId });
      // Reported on an earlier visit: the moderators know, which is what the citizen wanted.
      if (refusal.code === 'already_reported') this.#done(ideaId, 'earlier');
      else this.error = refusal;
    } finally {
      this.sending = false;
    }
    const done = this.reported.has(ideaId);
    await focusAfterUpdate(this.#host, done ? `report-done-${ideaId}` : `report-${ideaId}-error`);
  };

  #done(ideaId: string, when: 'now' | 'earlier'): void {
    this.reported.set(ideaId, when);
    this.open = null;
  }
}
