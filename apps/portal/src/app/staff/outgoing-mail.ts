import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import {
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  NotificationKind,
  NotificationQuery,
  NotificationStatus,
  NotificationView,
} from '@heardback/contracts';
import { StaffApi } from './staff-api';
import { formatShortDateTime } from '../core/date-time';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { LoadMore, loadMore } from '../core/load-more';
import { RefreshBar } from '../core/refresh-bar';
import { anId, toQueryParams } from '../core/url-query';

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  candidate_update: 'To a candidate',
  feedback_reminder: 'Reminder to a recruiter',
  escalation: 'Escalation: something is overdue',
  email_verification: 'Email address confirmation',
  account_security: 'Account security (password, sign-up)',
  agency_digest: 'Digest to a recruiter or staff member',
  work_assigned: 'Work given to a recruiter',
  candidate_left: 'A candidate left (account deleted)',
  retention_notice: 'To a candidate: their data will be deleted',
  application_arrived: 'New application, to its recruiter',
  offer_answered: 'A candidate’s answer to an offer, to their recruiter',
  client_review_request: 'Review link to a client interviewer',
  client_review_reminder: 'Reminder to a client interviewer',
  client_feedback_received: 'A client’s feedback to review, to its recruiter',
};

export const STATUS_LABELS: Record<NotificationStatus, string> = {
  pending: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed, will retry',
  held: 'Waiting for their digest',
  digested: 'In a digest (see the digest for its sending)',
};

/** Why a message waits that nothing is wrong with: it goes once its recipient confirms their address. */
export const HELD_UNTIL_VERIFIED = 'Held: address not confirmed yet';

export interface MailRow {
  mail: NotificationView;
  /** The recipient as a mail client shows them: "Name <address>", or the address alone. */
  to: string;
  kind: string;
  status: string;
  /** Failed or given up: staff should look. */
  problem: boolean;
  attempts: string;
  created: string;
  sent: string | null;
}

export function mailRows(mails: readonly NotificationView[]): MailRow[] {
  return mails.map((mail) => ({
    mail,
    to: mail.recipientName ? `${mail.recipientName} <${mail.recipientEmail}>` : mail.recipientEmail,
    kind: NOTIFICATION_KIND_LABELS[mail.kind] ?? 'Email',
    status: mail.givenUpReason
      ? 'Given up'
      : mail.heldUntilVerified
        ? HELD_UNTIL_VERIFIED
        : (STATUS_LABELS[mail.status] ?? mail.status),
    problem: mail.status === 'failed' || mail.givenUpReason !== null,
    attempts: mail.attempts === 1 ? '1 attempt' : `${mail.attempts} attempts`,
    created: formatShortDateTime(mail.createdAt),
    sent: mail.sentAt ? formatShortDateTime(mail.sentAt) : null,
  }));
}

/** What the page shows, exactly as kept in its URL; '' is "any". */
export interface MailFilters {
  recipient: string;
  applicationId: string;
  status: NotificationStatus | '';
  kind: NotificationKind | '';
}

/** Reads the URL; values the API would refuse are dropped rather than shown as an error. */
export function mailFiltersFrom(params: Partial<Record<keyof MailFilters, string | undefined>>): MailFilters {
  const status = params.status ?? '';
  const kind = params.kind ?? '';
  return {
    recipient: (params.recipient ?? '').trim().slice(0, 200),
    applicationId: anId(params.applicationId),
    status: (NOTIFICATION_STATUSES as string[]).includes(status) ? (status as NotificationStatus) : '',
    kind: (NOTIFICATION_KINDS as string[]).includes(kind) ? (kind as NotificationKind) : '',
  };
}

export function sameMailFilters(a: MailFilters, b: MailFilters): boolean {
  return (
    a.recipient === b.recipient && a.applicationId === b.applicationId && a.status === b.status && a.kind === b.kind
  );
}

export function toMailQuery(filters: MailFilters, cursor: string | null): NotificationQuery {
  return {
    recipient: filters.recipient || undefined,
    applicationId: filters.applicationId || undefined,
    status: filters.status || undefined,
    kind: filters.kind || undefined,
    cursor: cursor ?? undefined,
  };
}

/**
 * Outgoing mail: every email the portal sends, newest first, exactly as its recipient reads it.
 * The filters live in the URL (`?recipient=&applicationId=&status=&kind=`), so a link shows the same mail.
 */
@Component({
  selector: 'hb-outgoing-mail',
  imports: [LoadMore, LoadState, RefreshBar, ReactiveFormsModule],
  templateUrl: './outgoing-mail.html',
  styleUrls: ['./staff-lists.scss', './outgoing-mail.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutgoingMail {
  private readonly api = inject(StaffApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  /** Query parameters from the URL, bound by the router. */
  readonly recipient = input<string>();
  readonly applicationId = input<string>();
  readonly status = input<string>();
  readonly kind = input<string>();

  protected readonly filters = computed(
    () =>
      mailFiltersFrom({
        recipient: this.recipient(),
        applicationId: this.applicationId(),
        status: this.status(),
        kind: this.kind(),
      }),
    { equal: sameMailFilters },
  );
  protected readonly filtered = computed(() => !sameMailFilters(this.filters(), mailFiltersFrom({})));

  protected readonly mail = pageData({
    key: () => this.filters(),
    request: (filters: MailFilters) => this.api.notifications(toMailQuery(filters, null)),
    loaded: () => this.more.reset(),
  });
  /** Older mail under the same filters; a page for filters since changed is dropped (the shared rule). */
  protected readonly more = loadMore(this.mail, (cursor) =>
    this.api.notifications(toMailQuery(this.filters(), cursor)),
  );
  protected readonly form = inject(FormBuilder).nonNullable.group({
    recipient: [''],
    status: [''],
    kind: [''],
  });
  protected readonly kindOptions = NOTIFICATION_KINDS.map((value) => ({
    value,
    label: NOTIFICATION_KIND_LABELS[value],
  }));
  protected readonly statusOptions = NOTIFICATION_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

  protected readonly rows = computed(() => mailRows(this.mail.value()?.items ?? []));
  protected readonly statusMessage = computed(() =>
    statusLine(this.mail.state(), 'Loading outgoing mail…', () => {
      const rows = this.rows();
      if (rows.length === 0) {
        return this.filtered() ? 'No mail matches these filters' : 'No mail yet';
      }
      const problems = rows.filter((row) => row.problem).length;
      const total = this.mail.value()?.nextCursor
        ? `The ${rows.length} most recent emails; load more below`
        : `${rows.length} ${rows.length === 1 ? 'email' : 'emails'}`;
      return problems > 0 ? `${total}, ${problems} failing or given up` : total;
    }),
  );

  constructor() {
    // The form shows what the URL asks for: on arrival, after a search, and after Back.
    effect(() => {
      const { recipient, status, kind } = this.filters();
      this.form.setValue({ recipient, status, kind });
    });
  }

  protected apply(): void {
    this.show(mailFiltersFrom({ ...this.filters(), ...this.form.getRawValue() }));
  }

  protected clear(): void {
    this.show(mailFiltersFrom({}));
  }

  private show(filters: MailFilters): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: toQueryParams(filters) });
  }
}
