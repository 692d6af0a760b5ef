import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NotificationKind, NotificationStatus, NotificationView } from '@heardback/contracts';
import { StaffApi } from './staff-api';
import { formatShortDateTime } from '../core/date-time';
import { pageData, statusLine } from '../core/loadable';
import { LoadState } from '../core/load-state';
import { RefreshBar } from '../core/refresh-bar';

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  candidate_update: 'To a candidate',
  feedback_reminder: 'Reminder to a recruiter',
  escalation: 'Escalation to staff',
  email_verification: 'Email address confirmation',
  account_security: 'Account security (password, sign-up)',
  agency_digest: 'Digest to a recruiter or staff member',
  work_assigned: 'Work given to a recruiter',
  candidate_left: 'A candidate left (account deleted)',
  retention_notice: 'To a candidate: their data will be deleted',
  application_arrived: 'New application, to its recruiter',
  offer_answered: 'A candidate’s answer to an offer, to their recruiter',
};

const STATUS_LABELS: Record<NotificationStatus, string> = {
  pending: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  failed: 'Failed, will retry',
  held: 'Waiting for their digest',
  digested: 'In a digest (see the digest for its sending)',
};

export interface MailRow {
  mail: NotificationView;
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
    kind: NOTIFICATION_KIND_LABELS[mail.kind] ?? 'Email',
    status: mail.givenUpReason ? 'Given up' : (STATUS_LABELS[mail.status] ?? mail.status),
    problem: mail.status === 'failed' || mail.givenUpReason !== null,
    attempts: mail.attempts === 1 ? '1 attempt' : `${mail.attempts} attempts`,
    created: formatShortDateTime(mail.createdAt),
    sent: mail.sentAt ? formatShortDateTime(mail.sentAt) : null,
  }));
}

/** Outgoing mail: every email the portal sends, newest first, exactly as its recipient reads it. */
@Component({
  selector: 'hb-outgoing-mail',
  imports: [LoadState, RefreshBar],
  templateUrl: './outgoing-mail.html',
  styleUrl: './staff-lists.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutgoingMail {
  private readonly api = inject(StaffApi);

  protected readonly mail = pageData({ request: () => this.api.notifications() });
  protected readonly rows = computed(() => mailRows(this.mail.value() ?? []));
  protected readonly statusMessage = computed(() =>
    statusLine(this.mail.state(), 'Loading outgoing mail…', () => {
      const rows = this.rows();
      if (rows.length === 0) {
        return 'No mail yet';
      }
      const problems = rows.filter((row) => row.problem).length;
      const total = `${rows.length} ${rows.length === 1 ? 'email' : 'emails'}`;
      return problems > 0 ? `${total}, ${problems} failing or given up` : total;
    }),
  );
}
