import { msg } from '@lit/localize';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ReportReason, type Idea } from '../../contract/idea.js';
import type { IdeaBoxFormat } from './idea-box-format.js';
import { reasonLabel, reportProblem } from './idea-box-messages.js';
import { renderError } from './idea-box-templates.js';
import type { IdeaReportController } from './idea-report-controller.js';

/** What the report disclosure needs from the element. */
export interface ReportView {
  format: IdeaBoxFormat;
  report: IdeaReportController;
}

/**
 * A disclosure rather than a dialog: the reasons open right under the idea,
 * in the page's reading order, and nothing else on the page is made inert.
 */
export function renderReport(idea: Idea, { report, format }: ReportView): TemplateResult {
  const reported = report.reported.get(idea.id);
  if (reported) {
    return html`<p part="report-done" id=${`report-done-${idea.id}`} class="report-done" tabindex="-1">
      ${reported === 'now'
        ? msg('Merci, votre signalement a été transmis à la modération.')
        : msg('Vous avez déjà signalé cette idée : la modération en est informée.')}
    </p>`;
  }
  const open = report.open === idea.id;
  const formId = `report-${idea.id}`;
  return html`
    <button
      part="report"
      id=${`report-button-${idea.id}`}
      class="link-button"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${open ? formId : nothing}
      @click=${() => (open ? report.cancel() : report.start(idea.id))}
    >
      ${msg('Signaler')}<span class="visually-hidden"> <bdi>${idea.title}</bdi></span>
    </button>
    ${open ? renderReportForm(formId, report, format) : nothing}
  `;
}

function renderReportForm(formId: string, report: IdeaReportController, format: IdeaBoxFormat): TemplateResult {
  const describedBy = report.problem ? `${formId}-problem` : nothing;
  return html`
    <form
      part="report-form"
      id=${formId}
      class="report-form"
      novalidate
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        void report.send();
      }}
      @change=${report.input}
      @input=${report.input}
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && report.cancel()}
    >
      <fieldset class="options" aria-describedby=${describedBy}>
        <legend>${msg('Pourquoi signalez-vous cette idée ?')}</legend>
        ${report.problem
          ? html`<p id=${`${formId}-problem`} class="field-error" role="alert">
              ${reportProblem(report.problem, format)}
            </p>`
          : nothing}
        ${ReportReason.options.map(
          (reason) => html`
            <div class="option">
              <input
                id=${`${formId}-${reason}`}
                type="radio"
                name="reason"
                .value=${reason}
                .checked=${live(report.reason === reason)}
              />
              <label for=${`${formId}-${reason}`}>${reasonLabel(reason)}</label>
            </div>
          `,
        )}
      </fieldset>
      <div class="field">
        <label for=${`${formId}-details`}>${msg('Précisions (facultatif)')}</label>
        <textarea
          id=${`${formId}-details`}
          name="details"
          rows="3"
          dir="auto"
          .value=${live(report.details)}
        ></textarea>
      </div>
      ${report.error ? renderError(report.error, report.send, `${formId}-error`) : nothing}
      <div class="actions">
        <button part="report-submit" class="button" type="submit" aria-disabled=${report.sending ? 'true' : 'false'}>
          ${report.sending ? msg('Envoi en cours…') : msg('Envoyer le signalement')}
        </button>
        <button part="report-cancel" class="button secondary" type="button" @click=${report.cancel}>
          ${msg('Annuler')}
        </button>
      </div>
    </form>
  `;
}
