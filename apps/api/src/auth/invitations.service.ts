import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  AgencyUserView,
  AuditAction,
  AuditEntityType,
  CreateUserRequest,
  ErrorCode,
  InvitationLinkView,
} from '@heardback/contracts';
import { DomainError, invitationPending } from '@heardback/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail';
import { CLOCK, Clock } from '../config/clock';
import { accountMessages } from '../notifications/account-messages';
import { RateLimitStore } from '../throttling/rate-limit-store';
import { UserEntity } from '../users/user.entity';
import { toAgencyUserView, UsersService } from '../users/users.service';
import { AccountMailer } from './account-mailer';
import { AccountTokensService } from './account-tokens.service';
import type { RequestOrigin } from './auth.service';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword } from './password-rule';
import { logSecurityEvent } from './security-events';
import { IssuedSession, SessionService } from './session.service';

/**
 * Agency accounts are made by invitation (ADR 0082): staff give an address, a name and a role; the person is
 * emailed a link where they choose their own password. No one else ever knows it, and following the link proves
 * the address, so the work mail held for an unproven address (recipient-verified-sql.ts) starts to flow.
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly tokens: AccountTokensService,
    private readonly mailer: AccountMailer,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditTrail,
    private readonly limits: RateLimitStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The account and its invitation in one transaction; a taken address is refused (EMAIL_TAKEN) with neither. */
  async invite(request: CreateUserRequest, staff: UserEntity): Promise<AgencyUserView> {
    const created = await this.users.create({ ...request, password: null }, staff, async (manager, user) =>
      this.mailer.invitation(manager, user, await this.tokens.issue(manager, user.id, 'accept_invitation'), staff),
    );
    logSecurityEvent({ event: 'user_invited', userId: created.id, byUserId: staff.id });
    return toAgencyUserView(created);
  }

  /**
   * A new link to a person who has not accepted yet (the earlier links stop working), with the invitation's
   * date moved on. Refused once they have chosen a password, and while the account is disabled.
   */
  async resend(staff: UserEntity, userId: string): Promise<AgencyUserView> {
    const user = await this.dataSource.transaction(async (manager) => {
      const found = await lockedAccount(manager, userId);
      if (!found || found.role === 'candidate') {
        throw new DomainError(ErrorCode.NotFound, accountMessages.errors.userNotFound);
      }
      if (!found.invitedAt || !invitationPending(found)) {
        throw new DomainError(ErrorCode.Conflict, accountMessages.errors.invitationAlreadyAccepted);
      }
      if (found.disabledAt) throw new DomainError(ErrorCode.AccountDisabled, accountMessages.errors.accountDisabled);
      const invitedAt = this.clock.now();
      await this.tokens.useUpAll(manager, found.id, 'accept_invitation');
      const token = await this.tokens.issue(manager, found.id, 'accept_invitation');
      await manager.update(UserEntity, { id: found.id }, { invitedAt });
      await this.mailer.invitation(manager, found, token, staff);
      await this.audit.record(manager, {
        actor: staff,
        action: AuditAction.UserInvitationResent,
        entity: { type: AuditEntityType.User, id: found.id },
        before: { invitedAt: found.invitedAt.toISOString() },
        after: { invitedAt: invitedAt.toISOString() },
      });
      return { ...found, invitedAt };
    });
    logSecurityEvent({ event: 'user_invitation_resent', userId, byUserId: staff.id });
    return toAgencyUserView(user);
  }

  /**
   * Whom a live invitation is for, without using it up, so the page greets them and a dead link says so before a
   * password is typed. Counted per client, as reset links are: a token cannot be guessed, but no one may ask without end.
   */
  async link(token: string, origin: RequestOrigin): Promise<InvitationLinkView> {
    await this.limits.enforce('passwordResetsPerClient', origin.clientAddress);
    const user = await this.invitee(token);
    return { email: user.email, fullName: user.fullName };
  }

  /**
   * Sets the chosen password, counts the address as proven, uses the link up, and signs this browser in. The
   * account is locked and checked again first (still pending, not disabled meanwhile), before its token, in the
   * order a resend takes them, so the two cannot deadlock.
   */
  async accept(
    token: string,
    password: string,
    origin: RequestOrigin,
  ): Promise<{ user: UserEntity; session: IssuedSession }> {
    await this.limits.enforce('passwordResetsPerClient', origin.clientAddress);
    const user = await this.invitee(token);
    assertAcceptablePassword(password, user.email);
    const passwordHash = await this.hasher.hash(password);
    const emailVerifiedAt = this.clock.now();
    await this.dataSource.transaction(async (manager) => {
      assertInvitationPending(await lockedAccount(manager, user.id));
      if (!(await this.tokens.consume(manager, token, 'accept_invitation'))) {
        throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.invitationLinkInvalid);
      }
      await manager.update(UserEntity, { id: user.id }, { passwordHash, emailVerifiedAt });
      await this.sessions.endAllFor(user.id, null, manager);
      await this.audit.record(manager, {
        actor: user,
        action: AuditAction.UserInvitationAccepted,
        entity: { type: AuditEntityType.User, id: user.id },
        before: { emailVerifiedAt: null },
        after: { emailVerifiedAt: emailVerifiedAt.toISOString() },
      });
    });
    logSecurityEvent({ event: 'invitation_accepted', userId: user.id });
    const session = await this.sessions.start(user, { userAgent: origin.userAgent, replacing: origin.currentToken });
    return { user: { ...user, emailVerifiedAt }, session };
  }

  private async invitee(token: string): Promise<UserEntity> {
    const userId = await this.tokens.peek(token, 'accept_invitation');
    const user = userId ? await this.users.findById(userId) : null;
    assertInvitationPending(user);
    return user;
  }
}

/** One account by its id, its row locked for the rest of the transaction; null when there is none. */
function lockedAccount(manager: EntityManager, id: string): Promise<UserEntity | null> {
  return manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/**
 * An invitation's link works only while the account waits for its first password: not once it has one (chosen
 * from this link, or another way, such as a reset link, which also proves the address), so a leftover link can
 * never change a working account's password; and not while the account is disabled.
 */
function assertInvitationPending(user: UserEntity | null): asserts user is UserEntity {
  if (!user || !invitationPending(user)) {
    throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.invitationLinkInvalid);
  }
  if (user.disabledAt) throw new DomainError(ErrorCode.AccountDisabled, accountMessages.errors.accountDisabled);
}
