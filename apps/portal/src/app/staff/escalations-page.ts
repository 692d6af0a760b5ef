import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { EscalationView } from '@heardback/contracts';
import { Subject, startWith, switchMap } from 'rxjs';
import { StaffApi } from './staff-api';
import { deadlineInWords, formatShortDateTime } from '../core/date-time';
import { loadable, LOADING } from '../core/loadable';
import { LoadState } from '../core/load-state';

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
  imports: [LoadState, RouterLink],
  templateUrl: './escalations-page.html',
  styleUrl: './staff-lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EscalationsPage {
  private readonly api = inject(StaffApi);
  private readonly reloads = new Subject<void>();

  protected readonly escalations = toSignal(
    this.reloads.pipe(
      startWith(undefined),
      switchMap(() => loadable(this.api.escalations())),
    ),
    { initialValue: LOADING },
  );
  protected readonly rows = computed(() => {
    const escalations = this.escalations();
    return escalations.state === 'ready' ? escalationRows(escalations.value, new Date()) : [];
  });
  protected readonly statusMessage = computed(() => {
    switch (this.escalations().state) {
      case 'loading':
        return 'Loading escalations…';
      case 'error':
        return '';
      default: {
        const total = this.rows().length;
        return total === 0 ? 'No escalations' : `${total} overdue ${total === 1 ? 'feedback' : 'feedbacks'} escalated`;
      }
    }
  });

  protected reload(): void {
    if (this.escalations().state !== 'loading') {
      this.reloads.next();
    }
  }
}
