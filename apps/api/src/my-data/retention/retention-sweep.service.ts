import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RetentionSweepResult } from '@heardback/contracts';
import { RETENTION_NOTICE_DAYS, erasureDate } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { formatTimeFor } from '../../config/agency-time';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { CLOCK, Clock } from '../../config/clock';
import { updateReturning } from '../../database/update-returning';
import { logSecurityEvent } from '../../auth/security-events';
import { dataRightsMessages } from '../../notifications/data-rights-messages';
import { OutboxService } from '../../notifications/outbox.service';
import { AccountErasureService } from '../account-erasure.service';
import { RetentionSettingsService } from './retention-settings.service';

/** Per run and per kind of work: a backlog (the first run after a long pause) drains over a few hours. */
const BATCH = 200;

interface NoticedApplication {
  id: string;
  candidate_id: string;
  closed_at: Date;
}

interface NoticeContext {
  candidate_id: string;
  email: string;
  full_name: string;
  time_zone: string | null;
  title: string;
  client_name: string;
}

/**
 * The retention rule (ADR 0019; dates in libs/domain data-retention.ts), run every hour and on
 * demand by staff:
 * 1. a closed application due for erasure within RETENTION_NOTICE_DAYS gets its notice, once
 *    (`applications.retention_notice_at`), one email per candidate per run;
 * 2. a closed application past its period, noticed at least RETENTION_NOTICE_DAYS ago, has its
 *    personal text erased (the application-level steps of erasure-steps.ts);
 * 3. a candidate with nothing left unerased who has not signed in for the period is noticed the
 *    same way (`users.retention_notice_at`, counting from their last sign-in), then erased whole.
 * Each piece of work is claimed with a row lock and a guard on its column, so overlapping runs
 * never notice or erase anything twice.
 */
@Injectable()
export class RetentionSweepService {
  private readonly logger = new Logger('RetentionSweep');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: RetentionSettingsService,
    private readonly erasure: AccountErasureService,
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sweep(now = this.clock.now()): Promise<RetentionSweepResult> {
    const { retentionMonths: months } = await this.settings.get();
    const result: RetentionSweepResult = {
      noticesSent: await this.noticeApplications(now, months),
      applicationsErased: await this.eraseApplications(now, months),
      accountsErased: 0,
    };
    result.noticesSent += await this.noticeAccounts(now, months);
    result.accountsErased = await this.eraseAccounts(now, months);
    if (result.noticesSent + result.applicationsErased + result.accountsErased > 0) {
      this.logger.log(
        `Retention notices: ${result.noticesSent}; applications erased: ${result.applicationsErased}; accounts erased: ${result.accountsErased}`,
      );
    }
    if (result.accountsErased > 0)
      logSecurityEvent({ event: 'accounts_erased_by_retention', count: result.accountsErased });
    return result;
  }

  /** Step 1: index applications_retention_idx finds the closed, unerased applications by closing time. */
  private noticeApplications(now: Date, months: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const noticed = await updateReturning<NoticedApplication>(
        manager,
        `UPDATE applications a SET retention_notice_at = $1
          WHERE a.id IN (
            SELECT id FROM applications
             WHERE personal_data_erased_at IS NULL AND closed_at IS NOT NULL
               AND closed_at <= $1::timestamptz - make_interval(months => $2) + make_interval(days => $3)
               AND retention_notice_at IS NULL
             ORDER BY closed_at LIMIT $4 FOR UPDATE SKIP LOCKED)
          RETURNING a.id, a.candidate_id, a.closed_at`,
        [now, months, RETENTION_NOTICE_DAYS, BATCH],
      );
      if (noticed.length === 0) return 0;
      const contexts = await manager.query<(NoticeContext & { application_id: string })[]>(
        `SELECT a.id AS application_id, u.id AS candidate_id, u.email, u.full_name, u.time_zone, j.title, c.name AS client_name
           FROM applications a JOIN users u ON u.id = a.candidate_id
           JOIN jobs j ON j.id = a.job_id JOIN clients c ON c.id = j.client_id
          WHERE a.id = ANY($1) AND u.erased_at IS NULL ORDER BY a.closed_at, a.id`,
        [noticed.map((application) => application.id)],
      );
      const byCandidate = new Map<string, (NoticeContext & { application_id: string })[]>();
      for (const context of contexts)
        byCandidate.set(context.candidate_id, [...(byCandidate.get(context.candidate_id) ?? []), context]);
      const closedAt = new Map(noticed.map((application) => [application.id, application.closed_at]));
      for (const group of byCandidate.values()) {
        const eraseOn = new Date(
          Math.max(...group.map((row) => erasureDate(closedAt.get(row.application_id) as Date, months, now).getTime())),
        );
        await this.sendNotice(manager, `retention-notice:${group[0].application_id}`, group, eraseOn, false, {
          applicationId: group[0].application_id,
        });
      }
      return byCandidate.size;
    });
  }

  /** Step 2: one transaction per candidate, so one failure leaves the others erased. */
  private async eraseApplications(now: Date, months: number): Promise<number> {
    const due = await this.dataSource.manager.query<{ id: string; candidate_id: string }[]>(
      `SELECT id, candidate_id FROM applications
        WHERE personal_data_erased_at IS NULL AND closed_at IS NOT NULL
          AND closed_at <= $1::timestamptz - make_interval(months => $2)
          AND retention_notice_at <= $1::timestamptz - make_interval(days => $3)
        ORDER BY closed_at LIMIT $4`,
      [now, months, RETENTION_NOTICE_DAYS, BATCH],
    );
    const byCandidate = new Map<string, string[]>();
    for (const row of due) byCandidate.set(row.candidate_id, [...(byCandidate.get(row.candidate_id) ?? []), row.id]);
    let erased = 0;
    for (const [candidateId, applicationIds] of byCandidate) {
      erased += await this.dataSource.transaction(async (manager) => {
        // Claimed under the lock: another run that got here first has set personal_data_erased_at.
        const claimed = await manager.query<{ id: string }[]>(
          `SELECT id FROM applications WHERE id = ANY($1) AND personal_data_erased_at IS NULL FOR UPDATE`,
          [applicationIds],
        );
        await this.erasure.eraseApplications(
          manager,
          candidateId,
          claimed.map((row) => row.id),
        );
        return claimed.length;
      });
    }
    return erased;
  }

  /**
   * Step 3a: candidates with nothing left to erase but the account, idle for the period less the
   * notice. A notice counts only for the idleness it was sent for: signing in after it starts again.
   */
  private noticeAccounts(now: Date, months: number): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const noticed = await updateReturning<NoticeContext & { last_signed_in_at: Date }>(
        manager,
        `UPDATE users u SET retention_notice_at = $1
          WHERE u.id IN (
            SELECT id FROM users
             WHERE role = 'candidate' AND erased_at IS NULL
               AND last_signed_in_at <= $1::timestamptz - make_interval(months => $2) + make_interval(days => $3)
               AND (retention_notice_at IS NULL OR retention_notice_at < last_signed_in_at)
               AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = users.id AND a.personal_data_erased_at IS NULL)
             ORDER BY last_signed_in_at LIMIT $4 FOR UPDATE SKIP LOCKED)
          RETURNING u.id AS candidate_id, u.email, u.full_name, u.time_zone, u.last_signed_in_at`,
        [now, months, RETENTION_NOTICE_DAYS, BATCH],
      );
      for (const account of noticed) {
        const eraseOn = erasureDate(account.last_signed_in_at, months, now);
        await this.sendNotice(
          manager,
          `retention-account-notice:${account.candidate_id}:${account.last_signed_in_at.getTime()}`,
          [account],
          eraseOn,
          true,
          { applicationId: null },
        );
      }
      return noticed.length;
    });
  }

  /** Step 3b: the whole account, as if the candidate had asked (nothing is open to withdraw). */
  private async eraseAccounts(now: Date, months: number): Promise<number> {
    const due = await this.dataSource.manager.query<{ id: string }[]>(
      `SELECT id FROM users
        WHERE role = 'candidate' AND erased_at IS NULL
          AND last_signed_in_at <= $1::timestamptz - make_interval(months => $2)
          AND retention_notice_at >= last_signed_in_at
          AND retention_notice_at <= $1::timestamptz - make_interval(days => $3)
          AND NOT EXISTS (SELECT 1 FROM applications a WHERE a.candidate_id = users.id AND a.personal_data_erased_at IS NULL)
        ORDER BY last_signed_in_at LIMIT $4`,
      [now, months, RETENTION_NOTICE_DAYS, BATCH],
    );
    for (const { id } of due) await this.erasure.eraseAccount(id);
    return due.length;
  }

  private async sendNotice(
    manager: EntityManager,
    idempotencyKey: string,
    group: readonly (Pick<NoticeContext, 'candidate_id' | 'email' | 'full_name' | 'time_zone'> &
      Partial<Pick<NoticeContext, 'title' | 'client_name'>>)[],
    eraseOn: Date,
    wholeAccount: boolean,
    link: { applicationId: string | null },
  ): Promise<void> {
    const [first] = group;
    await this.outbox.enqueue(manager, {
      idempotencyKey,
      kind: 'retention_notice',
      recipientId: first.candidate_id,
      recipientEmail: first.email,
      ...dataRightsMessages.retentionNotice({
        candidateName: first.full_name,
        eraseOn: formatTimeFor(eraseOn, first.time_zone, this.config.calendar.timeZone),
        applications: group.flatMap((row) =>
          row.title ? [{ jobTitle: row.title, clientName: row.client_name ?? '' }] : [],
        ),
        wholeAccount,
        dataLink: `${this.config.publicUrl}/me/data`,
      }),
      applicationId: link.applicationId,
    });
  }
}
