import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { WaitingApplication } from '@heardback/contracts';
import { LONG_SILENCE_DAYS, SilenceLevel, silenceLevel } from '@heardback/domain';
import { StaffApi } from './staff-api';
import { formatShortDate } from '../core/date-time';
import { WAITING_FOR_LABELS } from '../core/agency-labels';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { RefreshBar } from '../core/refresh-bar';
import { LoadMore, loadMore } from '../core/load-more';
import { shownSoFar } from '../core/shown-of-total';

export interface WaitingRow {
  application: WaitingApplication;
  silence: string;
  long: boolean;
  /** The word that carries the level, so the colour is never the only sign. */
  levelWord: string;
  /** The badge modifier for the level: green today, neutral, amber when late, red when long. */
  badgeClass: string;
  lastHeard: string;
  stage: string;
  waitingFor: string;
}

export function silenceInWords(days: number): string {
  if (days <= 0) {
    return 'Heard from us within the last day';
  }
  return days === 1 ? '1 day without news' : `${days} days without news`;
}

const SILENCE_LEVEL_LOOK: Record<SilenceLevel, { word: string; badgeClass: string }> = {
  [SilenceLevel.HeardToday]: { word: 'Up to date', badgeClass: 'badge--done' },
  // Not "on time": the silence is still short, but a deadline (feedback, a promise) may be late meanwhile.
  [SilenceLevel.Quiet]: { word: 'Quiet', badgeClass: '' },
  [SilenceLevel.Late]: { word: 'Late', badgeClass: 'badge--due' },
  [SilenceLevel.Long]: { word: 'Very late', badgeClass: 'badge--overdue' },
};

/** In the API's order (longest silence first, page after page), each row in words. */
export function waitingRows(applications: readonly WaitingApplication[]): WaitingRow[] {
  return applications.map((application) => {
    const look = SILENCE_LEVEL_LOOK[silenceLevel(application.daysSilent, application.longSilence)];
    return {
      application,
      silence: silenceInWords(application.daysSilent),
      long: application.longSilence,
      levelWord: look.word,
      badgeClass: look.badgeClass,
      lastHeard: formatShortDate(application.lastHeardAt),
      stage: application.currentStage?.name ?? 'No stage yet',
      waitingFor: WAITING_FOR_LABELS[application.waitingFor],
    };
  });
}

/**
 * Who is waiting: open applications, the candidate who has heard nothing for longest first, a page
 * at a time ("Load more"), with how many are open in all.
 */
@Component({
  selector: 'hb-waiting-list',
  imports: [LoadMore, LoadState, RefreshBar, RouterLink],
  templateUrl: './waiting-list.html',
  styleUrl: './waiting-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaitingList {
  private readonly api = inject(StaffApi);

  protected readonly waiting = pageData({ request: () => this.api.waiting(), loaded: () => this.more.reset() });
  protected readonly more = loadMore(this.waiting, (cursor) => this.api.waiting(cursor));
  protected readonly rows = computed(() => waitingRows(this.waiting.value()?.items ?? []));
  protected readonly statusMessage = computed(() =>
    statusLine(this.waiting.state(), 'Loading who is waiting…', () => {
      const rows = this.rows();
      const total = this.waiting.value()?.total ?? 0;
      if (total === 0) {
        return 'No open applications';
      }
      const open = shownSoFar(rows.length, total, 'open application');
      if (rows.length < total) {
        return `${open}, longest silence first`;
      }
      const long = rows.filter((row) => row.long).length;
      return long > 0 ? `${open}, ${long} without news for ${LONG_SILENCE_DAYS} days or more` : open;
    }),
  );
}
