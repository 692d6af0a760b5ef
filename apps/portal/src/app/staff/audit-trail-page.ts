import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  AGENCY_LIST_MAX_LIMIT,
  AgencyUserView,
  AuditEventView,
  CLIENT_LIST_MAX_LIMIT,
  ClientView,
} from '@heardback/contracts';
import { of } from 'rxjs';
import { agencyErrorMessage, isStaleCursor } from '../core/api-error';
import { ROLE_LABELS } from '../core/agency-labels';
import { formatDateTime } from '../core/date-time';
import { focusLater } from '../core/focus-later';
import { FormAlert } from '../core/form-alert';
import { FORM_FIELD } from '../core/form-field';
import { LIST_STARTED_AGAIN } from '../core/load-more';
import { LoadState } from '../core/load-state';
import { pageData, statusLine } from '../core/loadable';
import { anId, toQueryParams } from '../core/url-query';
import { AuditFilters, auditFiltersFrom, hasAuditFilters, sameAuditFilters, toAuditQuery } from './audit-filters';
import {
  AUDIT_ACTION_OPTIONS,
  AUDIT_ACTION_PHRASES,
  AUDIT_ENTITY_LABELS,
  AUDIT_ENTITY_OPTIONS,
  AuditContext,
  recordLink,
  shownChanges,
} from './audit-words';
import { PersonPicker } from './person-picker';
import { StaffApi } from './staff-api';

/** The fields whose values are an agency account's id, named on the page by the person's name. */
const PERSON_FIELDS = ['ownerId', 'recruiterId', 'accountOwnerId'] as const;

/** The ids the changes hold in `fields` (before or after), sorted, at most `max` of them. */
export function idsNamed(events: readonly AuditEventView[], fields: readonly string[], max: number): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    for (const field of fields) {
      const change = event.changes[field];
      for (const value of [change?.before, change?.after]) {
        if (typeof value === 'string' && anId(value)) ids.add(value);
      }
    }
  }
  return [...ids].sort().slice(0, max);
}

/** The clients the changes name (a job's `clientId`, before or after), sorted, at most a page of them. */
export function clientIdsNamed(events: readonly AuditEventView[]): string[] {
  return idsNamed(events, ['clientId'], CLIENT_LIST_MAX_LIMIT);
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.join() === b.join();

/**
 * The audit trail: every change recruiters and staff made, newest first, with who, what, which
 * record, when, and the fields before and after. The filters live in the URL
 * (`?actorId=&entityType=&entityId=&action=&from=&to=`), so a link shows the same changes.
 */
@Component({
  selector: 'hb-audit-trail-page',
  imports: [ReactiveFormsModule, RouterLink, LoadState, FormAlert, FORM_FIELD, PersonPicker],
  templateUrl: './audit-trail-page.html',
  styleUrls: ['./staff-lists.scss', './audit-trail-page.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditTrailPage {
  private readonly api = inject(StaffApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private readonly focus = focusLater();

  /** Query parameters from the URL, bound by the router. */
  readonly actorId = input<string>();
  readonly entityType = input<string>();
  readonly entityId = input<string>();
  readonly action = input<string>();
  readonly from = input<string>();
  readonly to = input<string>();

  protected readonly filters = computed(
    () =>
      auditFiltersFrom({
        actorId: this.actorId(),
        entityType: this.entityType(),
        entityId: this.entityId(),
        action: this.action(),
        from: this.from(),
        to: this.to(),
      }),
    { equal: sameAuditFilters },
  );
  protected readonly filtered = computed(() => hasAuditFilters(this.filters()));

  protected readonly events = pageData({
    key: () => this.filters(),
    request: (filters: AuditFilters) => this.api.auditEvents(toAuditQuery(filters, null)),
    loaded: () => {
      this.moreState.set('idle');
      // The first page asked for again after a stale cursor keeps the words; any other list clears them.
      if (!this.startingAgain) this.startedAgain.set(false);
      // The button the person selected went with the old list: carry on from the new list's first change.
      else this.focus('[data-index="0"]');
      this.startingAgain = false;
    },
  });
  // Names for the people and clients the changes name by id, asked for by id as both lists are
  // too long to load whole; the page works without them.
  /** People's names as loaded so far, kept across filters and pages so nobody is un-named meanwhile. */
  private readonly userNames = signal<ReadonlyMap<string, string>>(new Map());
  /** Whom to ask about next: the person filtered by first, then those the changes name, not yet known. */
  private readonly userIds = computed(
    () => {
      const known = this.userNames();
      const actor = this.filters().actorId;
      const named = idsNamed(this.events.value()?.items ?? [], PERSON_FIELDS, Number.POSITIVE_INFINITY);
      const wanted = [...new Set([...(actor && anId(actor) ? [actor] : []), ...named])].filter((id) => !known.has(id));
      return wanted.slice(0, AGENCY_LIST_MAX_LIMIT);
    },
    { equal: sameIds },
  );
  private readonly users = pageData({
    key: () => this.userIds(),
    request: (ids: string[]) =>
      ids.length > 0 ? this.api.users({ ids, limit: AGENCY_LIST_MAX_LIMIT }) : of({ items: [] as AgencyUserView[] }),
  });
  private readonly clientIds = computed(() => clientIdsNamed(this.events.value()?.items ?? []), { equal: sameIds });
  private readonly clients = pageData({
    key: () => this.clientIds(),
    request: (ids: string[]) =>
      ids.length > 0 ? this.api.clients({ ids, limit: CLIENT_LIST_MAX_LIMIT }) : of({ items: [] as ClientView[] }),
  });

  protected readonly form = inject(FormBuilder).nonNullable.group({
    actorId: [''],
    entityType: [''],
    action: [''],
    from: [''],
    to: [''],
  });
  protected readonly problem = signal('');
  protected readonly moreState = signal<'idle' | 'loading' | 'error'>('idle');
  protected readonly moreError = signal('');
  /** Whether the changes started again from the first page, the API no longer reading the cursor of those shown. */
  protected readonly startedAgain = signal(false);
  protected readonly startedAgainWords = LIST_STARTED_AGAIN;
  private startingAgain = false;

  protected readonly actionOptions = AUDIT_ACTION_OPTIONS;
  protected readonly entityOptions = AUDIT_ENTITY_OPTIONS;
  protected readonly timeZone = computed(() => this.events.value()?.timeZone ?? null);

  /** The person a link filters by, by name once known. */
  protected readonly actorName = computed(() => {
    const chosen = this.filters().actorId;
    return chosen ? (this.userNames().get(chosen) ?? 'The person in your link') : '';
  });

  private readonly context = computed<AuditContext>(() => ({
    userNames: this.userNames(),
    clientNames: new Map((this.clients.value()?.items ?? []).map((client) => [client.id, client.name])),
    timeZone: this.timeZone() ?? 'UTC',
  }));

  protected readonly rows = computed(() =>
    (this.events.value()?.items ?? []).map((event) => this.row(event, this.context())),
  );

  protected readonly statusMessage = computed(() =>
    statusLine(this.events.state(), 'Loading changes…', () => {
      const count = this.rows().length;
      if (count === 0) {
        return this.filtered() ? 'No changes match these filters' : 'No changes recorded yet';
      }
      const changes = `${count} ${count === 1 ? 'change' : 'changes'}`;
      return this.events.value()?.nextCursor ? `The ${count} most recent changes; load more below` : changes;
    }),
  );

  constructor() {
    effect(() => {
      const found = this.users.value()?.items ?? [];
      if (found.length === 0) return;
      untracked(() =>
        this.userNames.update(
          (known) => new Map([...known, ...found.map((user) => [user.id, user.fullName] as const)]),
        ),
      );
    });
    // The form shows what the URL asks for: on arrival, after a search, and after Back.
    effect(() => {
      const { actorId, entityType, action, from, to } = this.filters();
      this.form.setValue({ actorId, entityType, action, from, to });
    });
  }

  protected apply(): void {
    const chosen = this.form.getRawValue();
    if (this.form.controls.actorId.invalid) {
      this.problem.set('Choose the person from the list as you type, or empty “Who” for anyone.');
      this.focus('#audit-actor');
      return;
    }
    if (chosen.from && chosen.to && chosen.from > chosen.to) {
      this.problem.set('The “From” day must be on or before the “To” day.');
      this.focus('#audit-from');
      return;
    }
    this.problem.set('');
    this.show(auditFiltersFrom({ ...this.filters(), ...chosen }));
  }

  protected clear(): void {
    this.problem.set('');
    // Empties what was typed too, when the link already had no filters.
    this.form.reset();
    this.show(auditFiltersFrom({}));
  }

  protected loadMore(): void {
    const page = this.events.value();
    if (!page?.nextCursor || this.moreState() === 'loading') {
      return;
    }
    const filters = this.filters();
    const firstNew = page.items.length;
    this.moreState.set('loading');
    this.api
      .auditEvents(toAuditQuery(filters, page.nextCursor))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (next) => {
          if (!sameAuditFilters(filters, this.filters())) return;
          this.events.update((shown) => ({ ...next, items: [...shown.items, ...next.items] }));
          this.moreState.set('idle');
          this.startedAgain.set(false);
          // The button may go with the last page: keep focus where the new changes start.
          this.focus(`[data-index="${firstNew}"]`);
        },
        error: (error: unknown) => {
          // Other filters were chosen meanwhile: that list has cursors of its own.
          if (!sameAuditFilters(filters, this.filters())) {
            this.moreState.set('idle');
            return;
          }
          // Started again already, and the new list's own cursor is refused too: not a deploy.
          if (isStaleCursor(error) && !this.startedAgain()) {
            // A deploy changed the cursors' form since these changes were loaded: start again from the top.
            this.moreState.set('idle');
            this.startedAgain.set(true);
            this.startingAgain = true;
            this.events.reload();
            return;
          }
          this.startedAgain.set(false);
          this.moreError.set(agencyErrorMessage(error));
          this.moreState.set('error');
        },
      });
  }

  private show(filters: AuditFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams(filters) });
  }

  private row(event: AuditEventView, context: AuditContext) {
    return {
      event,
      heading: `${event.actor.fullName} ${AUDIT_ACTION_PHRASES[event.action] ?? event.action}`,
      role: `${ROLE_LABELS[event.actor.role]} account`,
      when: formatDateTime(event.occurredAt, { timeZone: context.timeZone }),
      record: AUDIT_ENTITY_LABELS[event.entity.type] ?? event.entity.type,
      label: event.entity.label ?? 'no longer exists',
      link: recordLink(event.entity),
      changes: shownChanges(event, context),
    };
  }
}
