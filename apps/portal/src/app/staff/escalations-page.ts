import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EscalationView } from '@heardback/contracts';
import { StaffApi } from './staff-api';
import { NOW, deadlineInWords, formatShortDateTime } from '../core/date-time';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { RefreshBar } from '../core/refresh-bar';
import { ReassignAll } from './reassign-all';
import { ReassignControl } from './reassign-control';
import { LoadMore, loadMore } from '../core/load-more';

export interface EscalationRow {
  escalation: EscalationView;
  late: string;
  due: string;
  escalated: string;
  /** When a left escalation went up to the agency leads; null until then. */
  wentUp: string | null;
}

/** In the API's order (longest overdue first, which pages keep), in the user's locale and time zone. */
export function escalationRows(escalations: readonly EscalationView[], now: Date): EscalationRow[] {
  return escalations.map((escalation) => ({
    escalation,
    late: deadlineInWords(escalation.feedbackDueAt, now),
    due: formatShortDateTime(escalation.feedbackDueAt),
    escalated: formatShortDateTime(escalation.escalatedAt),
    wentUp: escalation.secondEscalatedAt ? formatShortDateTime(escalation.secondEscalatedAt) : null,
  }));
}

/** Overdue feedback escalated to staff and still missing: someone has to chase it, or give it to someone who will. */
@Component({
  selector: 'hb-escalations-page',
  imports: [LoadMore, LoadState, RefreshBar, RouterLink, ReassignControl, ReassignAll],
  templateUrl: './escalations-page.html',
  styleUrl: './staff-lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EscalationsPage {
  private readonly api = inject(StaffApi);
  private readonly now = inject(NOW);

  protected readonly escalations = pageData({
    request: () => this.api.escalations(),
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.escalations, (cursor) => this.api.escalations(cursor));
  protected readonly rows = computed(() => escalationRows(this.escalations.value()?.items ?? [], this.now()));
  protected readonly statusMessage = computed(() =>
    statusLine(this.escalations.state(), 'Loading escalations…', () => {
      const total = this.escalations.value()?.total ?? 0;
      if (total === 0) return 'No escalations';
      const escalated = `${total.toLocaleString('en-GB')} overdue ${total === 1 ? 'feedback' : 'feedbacks'} escalated`;
      const shown = this.rows().length;
      return shown < total ? `${escalated}; the ${shown} longest overdue are shown` : escalated;
    }),
  );

  /** After a reassignment the rows show the new owner: the API says whose work each stage is now. */
  protected reassigned(): void {
    this.escalations.reload();
  }
}
