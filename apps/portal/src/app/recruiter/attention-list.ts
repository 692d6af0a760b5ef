import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { AttentionItem, AttentionReason } from '@heardback/contracts';
import { RecruiterApi } from './recruiter-api';
import { formatShortDateTime } from '../core/date-time';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { LoadMore, loadMore } from '../core/load-more';
import { shownSoFar } from '../core/shown-of-total';

/** Why a candidate is waiting for words, as the recruiter reads it on the badge. */
export const ATTENTION_REASON_LABELS: Record<AttentionReason, string> = {
  update_requested: 'Asked for an update',
  other_offer: 'Has another offer',
  decision_date: 'Moving on soon',
  silent: 'No news for a week',
};

export interface AttentionRow {
  item: AttentionItem;
  reason: string;
  /** "Answer by …" or "Overdue since …", in the user's locale and time zone; null with no date. */
  due: string | null;
}

/** Keeps the API's order (overdue first, most urgent first) and puts each row in words. */
export function attentionRows(
  items: readonly AttentionItem[],
  { locale, timeZone }: { locale?: string; timeZone?: string } = {},
): AttentionRow[] {
  return items.map((item) => ({
    item,
    reason: ATTENTION_REASON_LABELS[item.reason] ?? 'Needs an update',
    due: item.dueAt
      ? `${item.overdue ? 'Overdue since' : 'Answer by'} ${formatShortDateTime(item.dueAt, { locale, timeZone })}`
      : null,
  }));
}

/** The queue's second list: candidates who need words from us, and why, a page at a time. */
@Component({
  selector: 'hb-attention-list',
  imports: [RouterLink, LoadState, LoadMore],
  templateUrl: './attention-list.html',
  styleUrl: './attention-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AttentionList {
  private readonly api = inject(RecruiterApi);

  protected readonly attention = pageData({ request: () => this.api.attention(), loaded: () => this.more.reset() });
  protected readonly more = loadMore(this.attention, (cursor) => this.api.attention(cursor));
  protected readonly rows = computed(() => attentionRows(this.attention.value()?.items ?? []));
  protected readonly statusMessage = computed(() =>
    statusLine(this.attention.state(), 'Loading candidates waiting for words…', () => {
      const shown = this.rows().length;
      const total = this.attention.value()?.total ?? 0;
      if (total === 0) {
        return 'No candidate is waiting for words.';
      }
      if (shown < total) {
        return `${shownSoFar(shown, total, 'candidate')} waiting for words, most urgent first`;
      }
      const overdue = this.rows().filter((row) => row.item.overdue).length;
      const people = total === 1 ? '1 candidate is waiting' : `${total} candidates are waiting`;
      return overdue > 0 ? `${people}, ${overdue} overdue` : people;
    }),
  );

  reload(): void {
    if (!this.attention.loading()) {
      this.attention.reload();
    }
  }
}
