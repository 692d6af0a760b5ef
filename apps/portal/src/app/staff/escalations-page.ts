import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { EscalationView } from '@heardback/contracts';
import { StaffApi } from './staff-api';
import { NOW, deadlineInWords, formatShortDateTime } from '../core/date-time';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { RefreshBar } from '../core/refresh-bar';

export interface EscalationRow {
  escalation: EscalationView;
  late: string;
  due: string;
  escalated: string;
}

/** Longest overdue first, in the user's locale and time zone. */
export function escalationRows(escalations: readonly EscalationView[], now: Date): EscalationRow[] {
  return [...escalations]
    .sort((a, b) => a.feedbackDueAt.localeCompare(b.feedbackDueAt))
    .map((escalation) => ({
      escalation,
      late: deadlineInWords(escalation.feedbackDueAt, now),
      due: formatShortDateTime(escalation.feedbackDueAt),
      escalated: formatShortDateTime(escalation.escalatedAt),
    }));
}

/** Overdue feedback escalated to staff and still missing: someone has to chase it. */
@Component({
  selector: 'hb-escalations-page',
  imports: [LoadState, RefreshBar, RouterLink],
  templateUrl: './escalations-page.html',
  styleUrl: './staff-lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EscalationsPage {
  private readonly api = inject(StaffApi);
  private readonly now = inject(NOW);

  protected readonly escalations = pageData({ request: () => this.api.escalations() });
  protected readonly rows = computed(() => escalationRows(this.escalations.value() ?? [], this.now()));
  protected readonly statusMessage = computed(() =>
    statusLine(this.escalations.state(), 'Loading escalations…', () => {
      const total = this.rows().length;
      return total === 0 ? 'No escalations' : `${total} overdue ${total === 1 ? 'feedback' : 'feedbacks'} escalated`;
    }),
  );
}
