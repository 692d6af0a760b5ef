import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  ACCEPT_INVITATION_PAGE_PATH,
  FINISH_REGISTRATION_PAGE_PATH,
  INVITATION_LINK_DAYS,
  UserRole,
  REGISTRATION_LINK_HOURS,
  RESET_PASSWORD_PAGE_PATH,
  VERIFY_EMAIL_PAGE_PATH,
} from '@heardback/contracts';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OutboxService } from '../notifications/outbox.service';
import { UserEntity } from '../users/user.entity';
import { accountMessages, MailText } from '../notifications/account-messages';
import { TOKEN_LIFETIME_MS } from './account-tokens.service';

type Recipient = Pick<UserEntity, 'id' | 'email' | 'fullName' | 'emailVerifiedAt'>;

/** Account emails, written to the outbox in the caller's transaction like every other notification. */
@Injectable()
export class AccountMailer {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  verification(manager: EntityManager, user: Recipient, token: string): Promise<number> {
    const link = `${this.config.publicUrl}${VERIFY_EMAIL_PAGE_PATH}?token=${encodeURIComponent(token)}`;
    const hours = TOKEN_LIFETIME_MS.verify_email / 3_600_000;
    return this.send(manager, user, 'email_verification', accountMessages.verifyEmail(user.fullName, link, hours));
  }

  /** To an address that has no account yet: the link that makes it (ADR 0067). */
  finishRegistration(manager: EntityManager, to: { email: string; fullName: string }, token: string): Promise<number> {
    const link = `${this.config.publicUrl}${FINISH_REGISTRATION_PAGE_PATH}?token=${encodeURIComponent(token)}`;
    const text = accountMessages.finishRegistration(to.fullName, link, REGISTRATION_LINK_HOURS);
    return this.outbox.enqueue(manager, {
      idempotencyKey: `account:registration:${randomUUID()}`,
      kind: 'email_verification',
      recipientId: null,
      recipientEmail: to.email,
      subject: text.subject,
      body: text.body,
      applicationId: null,
    });
  }

  passwordReset(manager: EntityManager, user: Recipient, token: string): Promise<number> {
    const link = `${this.config.publicUrl}${RESET_PASSWORD_PAGE_PATH}?token=${encodeURIComponent(token)}`;
    const minutes = TOKEN_LIFETIME_MS.reset_password / 60_000;
    // To an unverified address this is the one message that may go: following it proves the address.
    const kind = user.emailVerifiedAt ? 'account_security' : 'email_verification';
    return this.send(manager, user, kind, accountMessages.passwordReset(user.fullName, link, minutes));
  }

  /**
   * The link where an invited agency person chooses their password. Sent as a verification: it is the one kind of
   * message that goes to an address not yet proven, and following it proves the address.
   */
  invitation(
    manager: EntityManager,
    user: Recipient & Pick<UserEntity, 'role'>,
    token: string,
    invitedBy: Pick<UserEntity, 'fullName'>,
  ): Promise<number> {
    const link = `${this.config.publicUrl}${ACCEPT_INVITATION_PAGE_PATH}?token=${encodeURIComponent(token)}`;
    const role = user.role === UserRole.Staff ? 'a staff member' : 'a recruiter';
    const text = accountMessages.invitation(user.fullName, invitedBy.fullName, role, link, INVITATION_LINK_DAYS);
    return this.send(manager, user, 'email_verification', text);
  }

  registrationAttempt(manager: EntityManager, user: Recipient): Promise<number> {
    const text = accountMessages.registrationAttempt(
      user.fullName,
      `${this.config.publicUrl}/sign-in`,
      this.forgotPasswordLink,
    );
    return this.send(manager, user, 'account_security', text);
  }

  passwordChanged(manager: EntityManager, user: Recipient): Promise<number> {
    const text = accountMessages.passwordChanged(user.fullName, this.forgotPasswordLink);
    return this.send(manager, user, 'account_security', text);
  }

  /** To the owner of an address that was just locked after too many wrong passwords. */
  signInLocked(manager: EntityManager, user: Recipient, lockedForSeconds: number): Promise<number> {
    const text = accountMessages.signInLocked(user.fullName, lockedForSeconds, this.forgotPasswordLink);
    return this.send(manager, user, 'account_security', text);
  }

  /** The portal's "Forgot your password?" page, where every account email points for a reset. */
  private get forgotPasswordLink(): string {
    return `${this.config.publicUrl}/forgot-password`;
  }

  private send(
    manager: EntityManager,
    user: Recipient,
    kind: 'email_verification' | 'account_security',
    text: MailText,
  ): Promise<number> {
    return this.outbox.enqueue(manager, {
      idempotencyKey: `account:${kind}:${user.id}:${randomUUID()}`,
      kind,
      recipientId: user.id,
      recipientEmail: user.email,
      subject: text.subject,
      body: text.body,
      applicationId: null,
    });
  }
}
