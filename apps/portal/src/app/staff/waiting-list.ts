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
    return 'Heard from us today';
  }
  return days === 1 ? '1 day without news' : `${days} days without news`;
}

const SILENCE_LEVEL_LOOK: Record<SilenceLevel, { word: string; badgeClass: string }> = {
  [SilenceLevel.HeardToday]: { word: 'Up to date', badgeClass: 'badge--done' },
  [SilenceLevel.Quiet]: { word: 'On time', badgeClass: '' },
  [SilenceLevel.Late]: { word: 'Late', badgeClass: 'badge--due' },
  [SilenceLevel.Long]: { word: 'Very late', badgeClass: 'badge--overdue' },
};

/** Longest silence first, whatever order the list arrived in. */
export function waitingRows(applications: readonly WaitingApplication[]): WaitingRow[] {
  return [...applications]
    .sort((a, b) => b.daysSilent - a.daysSilent || a.lastHeardAt.localeCompare(b.lastHeardAt))
    .map((application) => {
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
