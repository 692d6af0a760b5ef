import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditAction, AuditEntityType, ErrorCode, OpenWorkItem, UserAccessResult } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CLOCK, Clock } from '../config/clock';
import { UserEntity } from '../users/user.entity';
import { toAgencyUserView } from '../users/users.service';
import { accountMessages } from '../notifications/account-messages';
import { logSecurityEvent } from './security-events';
import { SessionService } from './session.service';

/** Staff turn accounts off and on. A disabled account's sessions end in the same transaction. */
@Injectable()
export class UserAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionService,
    private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async disable(actor: UserEntity, userId: string): Promise<UserAccessResult> {
    if (actor.id === userId) throw new DomainError(ErrorCode.Forbidden, accountMessages.errors.cannotDisableSelf);
    await this.dataSource.transaction(async (manager) => {
      const disabledAt = await this.lockedUser(manager, userId);
      const now = this.clock.now();
      await manager.query(`UPDATE users SET disabled_at = coalesce(disabled_at, $2) WHERE id = $1`, [userId, now]);
      await this.sessions.endAllFor(userId, null, manager);
      await this.recordAccess(manager, actor, AuditAction.UserDisabled, userId, disabledAt, disabledAt ?? now);
    });
    logSecurityEvent({ event: 'user_disabled', userId, byUserId: actor.id });
    return this.describe(userId);
  }

  async enable(actor: UserEntity, userId: string): Promise<UserAccessResult> {
    await this.dataSource.transaction(async (manager) => {
      const disabledAt = await this.lockedUser(manager, userId);
      await manager.query(`UPDATE users SET disabled_at = NULL WHERE id = $1`, [userId]);
      await this.recordAccess(manager, actor, AuditAction.UserEnabled, userId, disabledAt, null);
    });
    logSecurityEvent({ event: 'user_enabled', userId, byUserId: actor.id });
    return this.describe(userId);
  }

  async describe(userId: string): Promise<UserAccessResult> {
    const user = await this.dataSource.manager.findOneBy(UserEntity, { id: userId });
    if (!user) throw new DomainError(ErrorCode.NotFound, accountMessages.errors.userNotFound);
    return { user: toAgencyUserView(user), openWork: await this.openWork(userId) };
  }

  /**
   * The jobs the user owns that are still running, and the open applications whose work is theirs
   * (their own, or with a stage given to them; ADR 0015): to hand to someone else.
   */
  private async openWork(userId: string): Promise<OpenWorkItem[]> {
    const rows: { kind: 'job' | 'application'; id: string; label: string; job_id: string; status: string }[] =
      await this.dataSource.query(
        `SELECT 'job' AS kind, j.id, j.title AS label, j.id AS job_id, j.status, j.title AS sort_title, '' AS sort_name
           FROM jobs j
          WHERE j.owner_id = $1 AND j.status IN ('draft', 'open')
         UNION ALL
         SELECT 'application', a.id, u.full_name || ' – ' || j.title, j.id, a.status, j.title, u.full_name
           FROM applications a
           JOIN jobs j ON j.id = a.job_id
           JOIN users u ON u.id = a.candidate_id
          WHERE a.status NOT IN ('hired', 'rejected', 'withdrawn', 'job_closed')
            AND (a.recruiter_id = $1 OR EXISTS (
                  SELECT 1 FROM application_stages s WHERE s.application_id = a.id AND s.recruiter_id = $1
                     AND s.state IN ('pending', 'scheduled', 'awaiting_feedback')))
         ORDER BY sort_title, kind DESC, sort_name`,
        [userId],
      );
    return rows.map((row) => ({ kind: row.kind, id: row.id, label: row.label, jobId: row.job_id, status: row.status }));
  }

  /** Locks the user's row and answers when it was disabled (null while enabled). */
  private async lockedUser(manager: EntityManager, userId: string): Promise<Date | null> {
    const rows: { disabled_at: Date | null }[] = await manager.query(
      `SELECT disabled_at FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    if (rows.length === 0) throw new DomainError(ErrorCode.NotFound, accountMessages.errors.userNotFound);
    return rows[0].disabled_at;
  }

  /** Disabling a disabled account, or enabling an enabled one, changes nothing and records nothing. */
  private recordAccess(
    manager: EntityManager,
    actor: UserEntity,
    action: AuditAction.UserDisabled | AuditAction.UserEnabled,
    userId: string,
    before: Date | null,
    after: Date | null,
  ): Promise<void> {
    return this.audit.record(manager, {
      actor,
      action,
      entity: { type: AuditEntityType.User, id: userId },
      before: { disabledAt: before },
      after: { disabledAt: after },
    });
  }
}
