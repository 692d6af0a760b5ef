import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NewApplication } from '@heardback/contracts';
import { waitingWords } from '@heardback/domain';
import { formatShortDate } from '../core/date-time';
import { LoadState } from '../core/load-state';
import { pageData, statusLine } from '../core/loadable';
import { FindingApi } from './finding-api';
import { LoadMore, loadMore } from '../core/load-more';

/** Past this many working days a new application is shown as overdue for screening. */
const LONG_WAIT_WORKING_DAYS = 3;

/** The `mine` choice in the URL: true, false, or null to let the API choose for the role. */
export function mineFrom(value: string | undefined): boolean | null {
  return value === 'true' ? true : value === 'false' ? false : null;
}

export function newApplicationRow(application: NewApplication) {
  return {
    application,
    waiting: waitingWords(application.waited),
    long: application.waited.workingDays >= LONG_WAIT_WORKING_DAYS,
    applied: formatShortDate(application.appliedAt),
  };
}

/**
 * New applications (/recruiter/new?mine=): those nobody has screened yet, the one waiting longest
 * first, each with how long it has waited in working time. A recruiter sees the applications on
 * their own work unless they choose everyone's; staff see everyone's.
 */
@Component({
  selector: 'hb-new-applications',
  imports: [LoadMore, RouterLink, LoadState],
  templateUrl: './new-applications.html',
  styleUrl: './finding-lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewApplications {
  private readonly api = inject(FindingApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** `?mine=true|false` from the URL; absent: the API's default for the role. */
  readonly mine = input<string>();
  private readonly asked = computed(() => mineFrom(this.mine()));

  protected readonly list = pageData({
    key: () => this.asked(),
    request: (mine: boolean | null) => this.api.newApplications(mine),
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.list, (cursor) => this.api.newApplications(this.shownMine(), cursor));
  /** Whose list is shown, as the API answered: the select shows it. */
  protected readonly shownMine = computed(() => this.list.value()?.mine ?? this.asked() ?? true);
  protected readonly rows = computed(() => (this.list.value()?.items ?? []).map(newApplicationRow));

  protected readonly statusMessage = computed(() =>
    statusLine(this.list.state(), 'Loading new applications…', () => {
      const page = this.list.value();
      const total = page?.total ?? 0;
      if (total === 0) return 'No new applications';
      const waiting = `${total} new ${total === 1 ? 'application' : 'applications'} waiting to be screened`;
      return page?.nextCursor ? `${waiting}; the ${this.rows().length} waiting longest are shown` : waiting;
    }),
  );

  protected choose(event: Event): void {
    const mine = (event.target as HTMLSelectElement).value;
    void this.router.navigate([], { relativeTo: this.route, queryParams: { mine } });
  }
}
