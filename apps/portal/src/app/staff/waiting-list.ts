import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { WaitingApplication } from '@heardback/contracts';
import { LONG_SILENCE_DAYS } from '@heardback/domain';
import { StaffApi } from './staff-api';
import { formatShortDate } from '../core/date-time';
import { WAITING_FOR_LABELS } from '../core/agency-labels';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { RefreshBar } from '../core/refresh-bar';

export interface WaitingRow {
  application: WaitingApplication;
  silence: string;
  long: boolean;
  lastHeard: string;
  stage: string;
  waitingFor: string;
}

export function silenceInWords(days: number): string {
  if (days <= 0) {
    return 'Heard from us today';
  }
  return days === 1 ? '1 day without news' : `${days} days without news`;
}

/** Longest silence first, whatever order the list arrived in. */
export function waitingRows(applications: readonly WaitingApplication[]): WaitingRow[] {
  return [...applications]
    .sort((a, b) => b.daysSilent - a.daysSilent || a.lastHeardAt.localeCompare(b.lastHeardAt))
    .map((application) => ({
      application,
      silence: silenceInWords(application.daysSilent),
      long: application.longSilence,
      lastHeard: formatShortDate(application.lastHeardAt),
      stage: application.currentStage?.name ?? 'No stage yet',
      waitingFor: WAITING_FOR_LABELS[application.waitingFor],
    }));
}

/** Who is waiting: open applications, the candidate who has heard nothing for longest first. */
@Component({
  selector: 'hb-waiting-list',
  imports: [LoadState, RefreshBar, RouterLink],
  templateUrl: './waiting-list.html',
  styleUrl: './waiting-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitingList {
  private readonly api = inject(StaffApi);

  protected readonly waiting = pageData({ request: () => this.api.waiting() });
  protected readonly rows = computed(() => waitingRows(this.waiting.value() ?? []));
  protected readonly statusMessage = computed(() =>
    statusLine(this.waiting.state(), 'Loading who is waiting…', () => {
      const rows = this.rows();
      if (rows.length === 0) {
        return 'No open applications';
      }
      const long = rows.filter((row) => row.long).length;
      const open = `${rows.length} open ${rows.length === 1 ? 'application' : 'applications'}`;
      return long > 0 ? `${open}, ${long} without news for ${LONG_SILENCE_DAYS} days or more` : open;
    }),
  );
}
