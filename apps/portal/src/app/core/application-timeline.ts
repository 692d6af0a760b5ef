import { HttpClient } from '@angular/common/http';
import { Signal, computed, effect, inject, linkedSignal, untracked } from '@angular/core';
import { API_PREFIX, TimelineEntry, TimelinePage } from '@heardback/contracts';
import { LoadMoreControl, loadMore } from './load-more';

/** What an application page needs of its view to list the timeline. */
type TimelineOf = { id: string; timeline: TimelineEntry[]; earlierTimelineCursor: string | null } | null;

export interface ApplicationTimeline {
  /** Newest first: the view's newest entries, then every older page asked for so far. */
  readonly entries: Signal<TimelineEntry[]>;
  /** "Load more" under the list, while older entries remain. */
  readonly more: LoadMoreControl;
}

/**
 * An application's timeline as its page lists it, newest first. The view carries the newest entries
 * (`TIMELINE_PAGE_SIZE`); older ones come a page at a time from `GET …/timeline`. A newer view (after
 * the reader or the agency acted) starts the list again from it, as does `reload`, which asks for the view
 * again when the API no longer reads the view's cursor (a deploy changed their form). Call it in a field
 * initialiser.
 */
export function applicationTimeline(application: Signal<TimelineOf>, reload: () => void): ApplicationTimeline {
  const http = inject(HttpClient);
  const shown = linkedSignal<TimelineOf, TimelinePage | null>({
    source: application,
    computation: (view) =>
      view ? { items: [...view.timeline].reverse(), nextCursor: view.earlierTimelineCursor } : null,
  });
  const more = loadMore<TimelineEntry, TimelinePage>(
    { value: shown, set: (page) => shown.set(page), reload },
    (cursor) => {
      const id = untracked(application)?.id ?? '';
      return http.get<TimelinePage>(`/${API_PREFIX}/applications/${encodeURIComponent(id)}/timeline`, {
        params: { cursor },
      });
    },
  );
  // A newer view drops a page still on its way (it belongs to the old list): "Load more" must not stay
  // "Loading more…", nor keep a failure that was about the old list.
  effect(() => {
    application();
    untracked(() => more.reset());
  });
  return { entries: computed(() => shown()?.items ?? []), more };
}
