import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { APPLICATION_SEARCH_MAX_LENGTH, APPLICATION_SEARCH_MIN_LENGTH, FoundApplication } from '@heardback/contracts';
import { APPLICATION_STATUS_LABELS } from '../core/agency-labels';
import { formatShortDate } from '../core/date-time';
import { focusLater } from '../core/focus-later';
import { FORM_FIELD } from '../core/form-field';
import { LoadState } from '../core/load-state';
import { pageData, statusLine } from '../core/loadable';
import { of } from 'rxjs';
import { FindingApi } from './finding-api';
import { LoadMore, loadMore } from '../core/load-more';

/** What the search box says is wrong with what was typed, or '' when it can be searched. */
export function searchProblem(text: string): string {
  const length = text.trim().length;
  if (length < APPLICATION_SEARCH_MIN_LENGTH) {
    return `Type at least ${APPLICATION_SEARCH_MIN_LENGTH} letters of a name, an email, a job title or a client.`;
  }
  if (length > APPLICATION_SEARCH_MAX_LENGTH) {
    return `Use at most ${APPLICATION_SEARCH_MAX_LENGTH} characters: a part of the name is enough.`;
  }
  return '';
}

/** One found application as the list shows it. */
export function foundRow(application: FoundApplication) {
  return {
    application,
    status: APPLICATION_STATUS_LABELS[application.status],
    applied: formatShortDate(application.appliedAt),
  };
}

/**
 * Find an application (/recruiter/search?q=): by part of the candidate's name or email, the job's
 * title or the client's name, newest first, with "Load more". The words searched live in the URL,
 * so Back from an application returns to the same results.
 */
@Component({
  selector: 'hb-find-applications',
  imports: [LoadMore, ReactiveFormsModule, RouterLink, LoadState, FORM_FIELD],
  templateUrl: './find-applications.html',
  styleUrl: './finding-lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FindApplications {
  private readonly api = inject(FindingApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly focus = focusLater();

  /** The words searched for, from the URL. */
  readonly q = input<string>();
  protected readonly searched = computed(() => {
    const text = (this.q() ?? '').trim();
    return searchProblem(text) ? '' : text;
  });

  protected readonly form = inject(FormBuilder).nonNullable.group({ q: [''] });
  protected readonly problem = signal('');
  protected readonly maxLength = APPLICATION_SEARCH_MAX_LENGTH;

  protected readonly results = pageData({
    key: () => this.searched(),
    // Nothing typed yet (or too little): no request, and the page says how to search.
    request: (text: string) => (text ? this.api.search(text) : of(null)),
    loaded: () => this.more.reset(),
  });
  protected readonly more = loadMore(this.results, (cursor) => this.api.search(this.searched(), cursor));
  protected readonly rows = computed(() => (this.results.value()?.items ?? []).map(foundRow));

  protected readonly statusMessage = computed(() => {
    if (!this.searched()) return '';
    return statusLine(this.results.state(), 'Searching…', () => {
      const count = this.rows().length;
      if (count === 0) return `No applications match “${this.searched()}”`;
      const found = `${count} ${count === 1 ? 'application' : 'applications'}`;
      return this.results.value()?.nextCursor ? `The ${count} newest applications found; load more below` : found;
    });
  });

  constructor() {
    // The box shows what the URL searched for: on arrival and after Back.
    effect(() => this.form.setValue({ q: this.q() ?? '' }));
  }

  protected search(): void {
    const text = this.form.getRawValue().q.trim();
    const problem = searchProblem(text);
    this.problem.set(problem);
    if (problem) {
      this.focus('#find-q');
      return;
    }
    if (text === this.searched()) {
      this.results.reload();
      return;
    }
    void this.router.navigate([], { relativeTo: this.route, queryParams: { q: text } });
  }
}
