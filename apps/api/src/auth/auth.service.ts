import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { ErrorCode, UserRole } from '@heardback/contracts';
import { DomainError, fieldError, inboxOf } from '@heardback/domain';
import { DataSource } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { UsersService } from '../users/users.service';
import { UserEntity } from '../users/user.entity';
import { accountMessages } from '../notifications/account-messages';
import { AccountMailer } from './account-mailer';
import { AccountTokensService } from './account-tokens.service';
import { RegistrationsService } from './registrations.service';
import { updateReturning } from '../database/update-returning';
import { RestartRegistrationDto } from './dto/account.dto';
import { LoginDto, RegisterDto } from './dto/credentials.dto';
import { PasswordHasher } from './password-hasher';
import { assertAcceptablePassword } from './password-rule';
import { IssuedSession, SessionService } from './session.service';
import { emailDomain, logSecurityEvent } from './security-events';
import { SignInAttempt, SignInAttempts } from './sign-in-attempts';
import { RateLimitStore } from '../throttling/rate-limit-store';

/** Where a request came from: the browser's description, the session token it already holds, its network address. */
export interface RequestOrigin {
  userAgent: string | null;
  currentToken: string | null;
  /** As the per-client rate limits count it (see throttling/client-address.ts). */
  clientAddress: string;
}

/** Sent again at most this often, however many times the owner asks. */
const RESEND_VERIFICATION_AFTER_MS = 60_000;

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly tokens: AccountTokensService,
    private readonly registrations: RegistrationsService,
    private readonly mailer: AccountMailer,
    private readonly attempts: SignInAttempts,
    private readonly limits: RateLimitStore,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  // Verified against for unknown emails, so response time does not reveal which emails have accounts.
  private readonly unknownUserHash = this.hasher.hash(randomBytes(16).toString('hex'));

  /**
   * The same for any address, and no one is signed in (ADR 0067). A new address is sent the link that
   * makes the account (`confirmRegistration`); the owner of a taken one is told someone tried (or, if
   * they never confirmed it, sent their verification link again). So neither the answer nor the session
   * afterwards says which addresses have accounts, and no one gets an address they cannot read.
   */
  async register(request: RegisterDto): Promise<void> {
    assertAcceptablePassword(request.password, request.email);
    // Counted for any address, with or without an account, so the limit says nothing about which have
    // one; and per inbox, so `+tags` do not multiply what one person can be sent.
    await this.limits.enforce('registrationsPerAccount', inboxOf(request.email));
    const existing = await this.users.findWithPasswordHash(request.email);
    // Hashed for a taken address too, so the time taken does not tell them apart.
    const passwordHash = await this.hasher.hash(request.password);
    await this.dataSource.transaction(async (manager) => {
      if (!existing) {
        const pending = {
          email: request.email,
          fullName: request.fullName,
          timeZone: request.timeZone ?? null,
          passwordHash,
          returnTo: request.returnTo ?? null,
        };
        await this.mailer.finishRegistration(manager, pending, await this.registrations.open(manager, pending));
      } else if (existing.emailVerifiedAt || existing.disabledAt) {
        await this.mailer.registrationAttempt(manager, existing);
      } else {
        // An account made before registering needed its link (ADR 0067), never confirmed: possibly by
        // someone else, with a password of theirs. Its owner sets a password of their own, which ends
        // every other session, rather than confirm the address of an account someone else holds.
        await this.mailer.passwordReset(
          manager,
          existing,
          await this.tokens.issue(manager, existing.id, 'reset_password'),
        );
      }
    });
    logSecurityEvent({ event: 'registration_requested', emailDomain: emailDomain(request.email) });
  }

  /**
   * The emailed link, with the password chosen when registering: makes the account from that
   * registration, verified (following the link proves the address), and signs this browser in. The
   * password is checked before the link is used, so a wrong one leaves it working. Works once; if the
   * address got an account meanwhile (another of its links was followed first), says so and makes nothing.
   */
  async confirmRegistration(
    token: string,
    password: string,
    origin: RequestOrigin,
  ): Promise<{ user: UserEntity; returnTo: string | null; session: IssuedSession }> {
    await this.limits.enforce('registrationConfirmationsPerClient', origin.clientAddress);
    const live = await this.registrations.peek(token);
    if (!live) throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.registrationLinkInvalid);
    // A leaked link is guessed at from many addresses; its holder who has forgotten the password starts it again.
    await this.limits.enforce('registrationConfirmationsPerLink', token);
    if (!(await this.hasher.verify(live.passwordHash, password))) {
      logSecurityEvent({ event: 'registration_confirmation_refused' });
      throw fieldError('password', accountMessages.errors.registrationPasswordWrong);
    }
    const made = await this.dataSource.transaction(async (manager) => {
      await this.registrations.lockAddress(manager, live.email);
      const pending = await this.registrations.consume(manager, token);
      // Used meanwhile: throwing undoes the deletion of the address's other registrations.
      if (!pending) throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.registrationLinkInvalid);
      const [created] = await updateReturning<{ id: string }>(
        manager,
        `INSERT INTO users (email, full_name, time_zone, role, password_hash, email_verified_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (email) DO NOTHING
         RETURNING id`,
        [pending.email, pending.fullName, pending.timeZone, UserRole.Candidate, pending.passwordHash, this.clock.now()],
      );
      // Made now, or by another of its links first: either way the links mailed to the address are its owner's.
      const [owner] = created
        ? [created]
        : await manager.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [pending.email]);
      if (owner) await this.registrations.giveLinksTo(manager, owner.id, pending.email);
      return { id: created?.id ?? null, returnTo: pending.returnTo };
    });
    const user = made.id ? await this.users.findById(made.id) : null;
    if (!user) throw new DomainError(ErrorCode.EmailTaken, accountMessages.errors.registrationAddressTaken);
    logSecurityEvent({ event: 'registration_confirmed', userId: user.id });
    const session = await this.sessions.start(user, { userAgent: origin.userAgent, replacing: origin.currentToken });
    return { user, returnTo: made.returnTo, session };
  }

  /**
   * The address a live link finishes an account for, without using the link: the page names it before a
   * password is typed, so whoever was sent someone else's link sees whose it is. Only a holder of the link
   * learns it, and they could already (its password rule is checked against the address).
   */
  async registrationLink(token: string, origin: RequestOrigin): Promise<{ email: string }> {
    await this.limits.enforce('registrationConfirmationsPerClient', origin.clientAddress);
    const live = await this.registrations.peek(token);
    if (!live) throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.registrationLinkInvalid);
    return { email: live.email };
  }

  /**
   * The holder of a live link whose password is not theirs (forgotten, or a stranger registered their
   * address first) starts it again with their own name and password: the link stops working and a new
   * one goes to the same address. Not finished here, because a link can be forwarded: finishing it with
   * the holder's password would sign them in to an account whose address someone else reads. Not counted
   * against the address's hourly registrations, which a stranger can use up (it spends a link to send one),
   * but against restarts of its own per inbox.
   */
  async restartRegistration(request: RestartRegistrationDto, origin: RequestOrigin): Promise<{ email: string }> {
    await this.limits.enforce('registrationConfirmationsPerClient', origin.clientAddress);
    const live = await this.registrations.peek(request.token);
    if (!live) throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.registrationLinkInvalid);
    assertAcceptablePassword(request.password, live.email);
    // Not the address's hourly registrations, which a stranger can use up, but its own count: each restart
    // mails the address, and a reader of a shared inbox (a mailing list) could otherwise restart without end.
    await this.limits.enforce('registrationRestartsPerAccount', inboxOf(live.email));
    const passwordHash = await this.hasher.hash(request.password);
    await this.dataSource.transaction(async (manager) => {
      await this.registrations.lockAddress(manager, live.email);
      // Another of the address's links made its account first: a new link could not finish either.
      const [account] = await manager.query<unknown[]>(`SELECT 1 FROM users WHERE email = $1`, [live.email]);
      if (account) throw new DomainError(ErrorCode.EmailTaken, accountMessages.errors.registrationAddressTaken);
      const restarted = await this.registrations.restart(manager, request.token, {
        fullName: request.fullName,
        timeZone: request.timeZone ?? null,
        passwordHash,
      });
      if (!restarted) throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.registrationLinkInvalid);
      await this.mailer.finishRegistration(manager, restarted.registration, restarted.token);
    });
    logSecurityEvent({ event: 'registration_restarted', emailDomain: emailDomain(live.email) });
    return { email: live.email };
  }

  async login(request: LoginDto, origin: RequestOrigin): Promise<{ user: UserEntity; session: IssuedSession }> {
    const { attempt, found, valid } = await this.checkPassword(request.email, request.password, origin.clientAddress);
    if (!found || !valid) {
      await this.attempts.failed(attempt, found);
      throw new DomainError(ErrorCode.InvalidCredentials, accountMessages.errors.invalidCredentials);
    }
    if (found.disabledAt) {
      await this.attempts.abandoned(attempt);
      logSecurityEvent({ event: 'sign_in_refused_disabled', userId: found.id });
      throw new DomainError(ErrorCode.AccountDisabled, accountMessages.errors.accountDisabled);
    }
    await this.attempts.succeeded(attempt);
    logSecurityEvent({ event: 'sign_in_ok', userId: found.id });
    const { passwordHash: _omitted, ...user } = found;
    const session = await this.sessions.start(found, { userAgent: origin.userAgent, replacing: origin.currentToken });
    return { user: user as UserEntity, session };
  }

  logout(token: string): Promise<void> {
    return this.sessions.end(token);
  }

  async verifyEmail(token: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const userId = await this.tokens.consume(manager, token, 'verify_email');
      if (!userId) throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.verificationLinkInvalid);
      await manager.query(`UPDATE users SET email_verified_at = now() WHERE id = $1 AND email_verified_at IS NULL`, [
        userId,
      ]);
      logSecurityEvent({ event: 'email_verified', userId });
    });
  }

  /** Cheap to repeat: an address already verified, or sent a link in the last minute, is sent nothing. */
  async resendVerification(user: UserEntity): Promise<void> {
    if (user.emailVerifiedAt) return;
    const last = await this.tokens.lastIssuedAt(user.id, 'verify_email');
    if (last && this.clock.now().getTime() - last.getTime() < RESEND_VERIFICATION_AFTER_MS) return;
    await this.dataSource.transaction(async (manager) => {
      await this.mailer.verification(manager, user, await this.tokens.issue(manager, user.id, 'verify_email'));
    });
  }

  /** Answers the same for any address; only an enabled account's owner is sent a link. */
  async requestPasswordReset(email: string): Promise<void> {
    // Counted for any address, with or without an account, so the limit says nothing about which have one.
    await this.limits.enforce('passwordResetsPerAccount', email);
    const user = await this.users.findWithPasswordHash(email);
    logSecurityEvent({ event: 'password_reset_requested', emailDomain: emailDomain(email), userId: user?.id ?? null });
    await this.dataSource.transaction(async (manager) => {
      if (!user || user.disabledAt) {
        await manager.query('SELECT 1 FROM account_tokens WHERE user_id = $1 LIMIT 1', [
          '00000000-0000-0000-0000-000000000000',
        ]);
        return;
      }
      const token = await this.tokens.issue(manager, user.id, 'reset_password');
      await this.mailer.passwordReset(manager, user, token);
    });
  }

  /**
   * Whose live reset link this is, without using it up. Counted per client with the requests for reset
   * links: a token cannot be guessed, but no one may ask about tokens without end.
   */
  async passwordResetLink(token: string, origin: RequestOrigin): Promise<{ email: string }> {
    await this.limits.enforce('passwordResetsPerClient', origin.clientAddress);
    const userId = await this.tokens.peek(token, 'reset_password');
    const user = userId ? await this.users.findById(userId) : null;
    if (!user) throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.resetLinkInvalid);
    if (user.disabledAt) throw new DomainError(ErrorCode.AccountDisabled, accountMessages.errors.accountDisabled);
    return { email: user.email };
  }

  /**
   * Sets the new password, ends every session of the account and signs this browser in. Following
   * the emailed link proves the address, so it also counts as verifying it.
   */
  async confirmPasswordReset(
    token: string,
    password: string,
    origin: RequestOrigin,
  ): Promise<{ user: UserEntity; session: IssuedSession }> {
    const userId = await this.tokens.peek(token, 'reset_password');
    const user = userId ? await this.users.findById(userId) : null;
    if (!user) throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.resetLinkInvalid);
    if (user.disabledAt) throw new DomainError(ErrorCode.AccountDisabled, accountMessages.errors.accountDisabled);
    assertAcceptablePassword(password, user.email);
    const passwordHash = await this.hasher.hash(password);
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.tokens.consume(manager, token, 'reset_password'))) {
        throw new DomainError(ErrorCode.TokenInvalid, accountMessages.errors.resetLinkInvalid);
      }
      await manager.query(
        `UPDATE users SET password_hash = $2, email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1`,
        [user.id, passwordHash],
      );
      // A password is chosen: an invitation still unused must not choose another (ADR 0082).
      await this.tokens.useUpAll(manager, user.id, 'accept_invitation');
      await this.sessions.endAllFor(user.id, null, manager);
    });
    logSecurityEvent({ event: 'password_reset_confirmed', userId: user.id });
    const session = await this.sessions.start(user, { userAgent: origin.userAgent, replacing: origin.currentToken });
    return { user: { ...user, emailVerifiedAt: user.emailVerifiedAt ?? new Date() }, session };
  }

  /**
   * Needs the current password, checked as a sign-in attempt is (so a stolen session cannot guess
   * it without limit); ends every other session of the account.
   */
  async changePassword(
    user: UserEntity,
    sessionId: string | null,
    passwords: { current: string; next: string },
    clientAddress: string,
  ): Promise<void> {
    await this.confirmPassword(user, passwords.current, clientAddress, 'currentPassword');
    assertAcceptablePassword(passwords.next, user.email, 'newPassword');
    const passwordHash = await this.hasher.hash(passwords.next);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE users SET password_hash = $2 WHERE id = $1`, [user.id, passwordHash]);
      await this.sessions.endAllFor(user.id, sessionId, manager);
      if (user.emailVerifiedAt) await this.mailer.passwordChanged(manager, user);
    });
    logSecurityEvent({ event: 'password_changed', userId: user.id });
  }

  /**
   * The signed-in user typing their password again before something that cannot be undone: checked
   * and throttled as a sign-in attempt is; a wrong one is a 400 on `field`.
   */
  async confirmPassword(user: UserEntity, password: string, clientAddress: string, field = 'password'): Promise<void> {
    const { attempt, found, valid } = await this.checkPassword(user.email, password, clientAddress);
    if (!found || !valid) {
      await this.attempts.failed(attempt, found);
      throw fieldError(field, accountMessages.errors.currentPasswordWrong);
    }
    await this.attempts.succeeded(attempt);
  }

  /** One counted password check at an address; refused (429) while it or the client is over its limit. */
  private async checkPassword(
    email: string,
    password: string,
    clientAddress: string,
  ): Promise<{ attempt: SignInAttempt; found: UserEntity | null; valid: boolean }> {
    const attempt = await this.attempts.begin(email, clientAddress);
    try {
      const found = await this.users.findWithPasswordHash(email);
      const valid = await this.hasher.verify(found?.passwordHash ?? (await this.unknownUserHash), password);
      return { attempt, found, valid };
    } catch (error) {
      // Too busy to check (or a failure) is not a wrong password: the attempt does not count.
      await this.attempts.abandoned(attempt);
      throw error;
    }
  }
}
