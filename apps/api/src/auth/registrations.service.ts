import { Inject, Injectable } from '@nestjs/common';
import { deleteCounting } from '../database/delete-counting';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { CLOCK, Clock } from '../config/clock';
import { updateReturning } from '../database/update-returning';
import { REGISTRATION_LINK_HOURS } from '@heardback/contracts';
import { hashToken } from './session.service';

export const REGISTRATION_LIFETIME_MS = REGISTRATION_LINK_HOURS * 3_600_000;

/** What a person typed to register, kept until they follow the emailed link (the password as its hash). */
export interface PendingRegistration {
  email: string;
  fullName: string;
  timeZone: string | null;
  passwordHash: string;
  returnTo: string | null;
}

interface RegistrationRow {
  email: string;
  full_name: string;
  time_zone: string | null;
  password_hash: string;
  return_to: string | null;
}

/**
 * Registrations waiting for their link (ADR 0067). Only the token's hash is stored, as for every
 * emailed token; following a link deletes its row in one statement, so a link opened twice at once
 * works once, and nothing typed to register is kept once the account exists.
 */
@Injectable()
export class RegistrationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Keeps the registration in the caller's transaction; returns the token for the emailed link. */
  async open(manager: EntityManager, registration: PendingRegistration): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await manager.query(
      `INSERT INTO registrations (email, full_name, time_zone, password_hash, return_to, token_hash, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        registration.email.toLowerCase(),
        registration.fullName,
        registration.timeZone,
        registration.passwordHash,
        registration.returnTo,
        hashToken(token),
        now,
        new Date(now.getTime() + REGISTRATION_LIFETIME_MS),
      ],
    );
    return token;
  }

  /** A live link's address and the password hash it was made with, without using the link up; null if not live. */
  async peek(token: string): Promise<{ email: string; passwordHash: string } | null> {
    const rows: { email: string; password_hash: string }[] = await this.dataSource.query(
      `SELECT email, password_hash FROM registrations WHERE token_hash = $1 AND expires_at > $2`,
      [hashToken(token), this.clock.now()],
    );
    return rows[0] ? { email: rows[0].email, passwordHash: rows[0].password_hash } : null;
  }

  /**
   * Holds the address's registrations for the rest of the caller's transaction: finishing one of its links
   * and starting one again run one at a time, so neither reads the address's rows while the other is
   * changing them (a link started again while another is finished would be mailed to an address that by
   * then has an account).
   */
  async lockAddress(manager: EntityManager, email: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('registration:' || $1, 0))`, [email]);
  }

  /**
   * Uses the link up, with every other waiting registration of the same address (the account is made
   * from this one); null if the link was not live.
   */
  async consume(manager: EntityManager, token: string): Promise<PendingRegistration | null> {
    // One statement for the address's rows, so two of its links finished at once lock them in one order
    // (two statements, each locking its own row first, deadlocked). The rows returned are one address's
    // waiting registrations, which its limits bound: 5 registrations and 5 restarts an inbox an hour, each
    // kept 48 hours, so a few hundred at the very most, not a list to page.
    const tokenHash = hashToken(token);
    const deleted = await updateReturning<RegistrationRow & { token_hash: Buffer }>(
      manager,
      `DELETE FROM registrations
        WHERE email = (SELECT email FROM registrations WHERE token_hash = $1 AND expires_at > $2)
        RETURNING token_hash, email, full_name, time_zone, password_hash, return_to`,
      [tokenHash, this.clock.now()],
    );
    const used = deleted.find((row) => row.token_hash.equals(tokenHash));
    if (!used) return null;
    return {
      email: used.email,
      fullName: used.full_name,
      timeZone: used.time_zone,
      passwordHash: used.password_hash,
      returnTo: used.return_to,
    };
  }

  /**
   * Starts a live link's registration again with what its holder typed (`restartRegistration`): the link
   * stops working and a new one, to the same address, is returned for the email; null if the link was not
   * live. The address's other waiting registrations stay: each is finished only with its own password.
   */
  async restart(
    manager: EntityManager,
    token: string,
    details: Pick<PendingRegistration, 'fullName' | 'timeZone' | 'passwordHash'>,
  ): Promise<{ registration: PendingRegistration; token: string } | null> {
    const [used] = await updateReturning<Pick<RegistrationRow, 'email'>>(
      manager,
      `DELETE FROM registrations WHERE token_hash = $1 AND expires_at > $2 RETURNING email`,
      [hashToken(token), this.clock.now()],
    );
    if (!used) return null;
    // Nothing the first registrant chose is kept: the page to come back to could be a stranger's.
    const registration = { email: used.email, returnTo: null, ...details };
    return { registration, token: await this.open(manager, registration) };
  }

  /**
   * Gives the new account the emails with links to finish registering that went to its address before
   * it existed (sent with no recipient to name), so its data export lists them and its erasure deletes them.
   */
  async giveLinksTo(manager: EntityManager, userId: string, email: string): Promise<void> {
    await manager.query(
      `UPDATE notifications SET recipient_id = $1
        WHERE recipient_id IS NULL AND kind = 'email_verification' AND recipient_email = $2`,
      [userId, email],
    );
  }

  /**
   * Deletes registrations whose link ran out, never followed, and the emails that carried such links
   * to no account (their name and address are kept for nothing); run by the background purge.
   */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const purged = await deleteCounting(this.dataSource.manager, `DELETE FROM registrations WHERE expires_at <= $1`, [
      now,
    ]);
    // A message being handed to the mail server right now is left for the next run.
    await this.dataSource.query(
      `DELETE FROM notifications
        WHERE recipient_id IS NULL AND kind = 'email_verification' AND created_at <= $1 AND status <> 'sending'`,
      [new Date(now.getTime() - REGISTRATION_LIFETIME_MS)],
    );
    return purged;
  }
}
