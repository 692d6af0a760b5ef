import { Inject, Injectable } from '@nestjs/common';
import { deleteCounting } from '../database/delete-counting';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, SessionView, UserRole } from '@heardback/contracts';
import { DomainError, sessionIsLive, sessionLifetimeFor, sessionNeedsTouch } from '@heardback/domain';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CLOCK, Clock } from '../config/clock';
import { entityJson, hydrate } from '../database/hydrate';
import { lazyPrepared, queryPrepared } from '../database/prepared-statement';
import { UserEntity } from '../users/user.entity';
import { deviceSummary } from './device-summary';
import { SessionEntity } from './session.entity';

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export interface ResolvedSession {
  id: string;
  user: UserEntity;
}

/** The token's hash is what the session is found by: it is not read back. */
const SESSION_UNREAD = ['tokenHash'];

/**
 * Every signed-in request starts here: one prepared statement (ADR 0054). The user's columns are the
 * entity's selected ones, so the password's hash stays in the database.
 */
const SESSION_WITH_USER = lazyPrepared(
  (connection) =>
    `SELECT ${entityJson(connection, SessionEntity, 's', SESSION_UNREAD)} AS session,
            ${entityJson(connection, UserEntity, 'u')} AS "user"
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1`,
);

export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Sessions live in PostgreSQL so any number of API instances serve the same users. A session ends
 * when idle too long, at its absolute end, on sign-out, when its user signs in again from the same
 * browser, changes or resets their password, revokes it, or is disabled.
 */
@Injectable()
export class SessionService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A new token at every sign-in; `replacing` (this browser's previous token) ends, and the oldest beyond the cap. */
  async start(
    user: Pick<UserEntity, 'id' | 'role'>,
    options: { userAgent?: string | null; replacing?: string | null } = {},
  ): Promise<IssuedSession> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const lifetime = sessionLifetimeFor(user.role, this.config.sessions.lifetimes);
    const expiresAt = new Date(now.getTime() + lifetime.absoluteMs);
    await this.sessions.manager.transaction(async (manager) => {
      if (options.replacing) {
        await manager.delete(SessionEntity, { tokenHash: hashToken(options.replacing) });
      }
      await manager.insert(SessionEntity, {
        tokenHash: hashToken(token),
        userId: user.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt,
        userAgent: options.userAgent?.slice(0, 512) ?? null,
      });
      // What the retention of a whole account counts from (ADR 0019).
      await manager.query(`UPDATE users SET last_signed_in_at = $2 WHERE id = $1`, [user.id, now]);
      await manager.query(
        `DELETE FROM sessions WHERE id IN (
           SELECT id FROM sessions WHERE user_id = $1 ORDER BY last_seen_at DESC, created_at DESC OFFSET $2)`,
        [user.id, this.config.sessions.maxPerUser],
      );
    });
    return { token, expiresAt };
  }

  /** The session and its user, if the token is live and the user not disabled; records activity. */
  async resolve(token: string): Promise<ResolvedSession | null> {
    const manager = this.sessions.manager;
    const [row] = await queryPrepared<{ session: Record<string, unknown>; user: Record<string, unknown> }>(
      manager,
      SESSION_WITH_USER(manager),
      [hashToken(token)],
    );
    if (!row) return null;
    const session = Object.assign(hydrate(manager, SessionEntity, row.session, SESSION_UNREAD), {
      user: hydrate(manager, UserEntity, row.user),
    });
    if (session.user.disabledAt !== null) return null;
    const now = this.clock.now();
    if (!sessionIsLive(session, this.lifetimeOf(session.user.role), now)) {
      await this.sessions.delete({ id: session.id });
      return null;
    }
    if (sessionNeedsTouch(session, now)) {
      await this.sessions.update({ id: session.id }, { lastSeenAt: now });
    }
    return { id: session.id, user: session.user };
  }

  async end(token: string): Promise<void> {
    await this.sessions.delete({ tokenHash: hashToken(token) });
  }

  /** Ends every session of the user except `keepId` (the one making the request, if any). */
  async endAllFor(userId: string, keepId: string | null = null, manager: EntityManager = this.sessions.manager) {
    await manager.query(`DELETE FROM sessions WHERE user_id = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`, [
      userId,
      keepId,
    ]);
  }

  async list(user: UserEntity, currentId: string | null): Promise<SessionView[]> {
    const now = this.clock.now();
    const lifetime = this.lifetimeOf(user.role);
    // Bounded by the per-user cap that sign-in enforces; `take` keeps the response bounded even before a trim.
    const rows = await this.sessions.find({
      where: { userId: user.id },
      order: { lastSeenAt: 'DESC' },
      take: this.config.sessions.maxPerUser,
    });
    return rows
      .filter((row) => sessionIsLive(row, lifetime, now))
      .map((row) => ({
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        lastSeenAt: row.lastSeenAt.toISOString(),
        expiresAt: row.expiresAt.toISOString(),
        device: deviceSummary(row.userAgent),
        current: row.id === currentId,
      }));
  }

  /** A user may end only their own sessions; anyone else's id is not found. */
  async revoke(userId: string, sessionId: string): Promise<void> {
    const result = await this.sessions.delete({ id: sessionId, userId });
    if (!result.affected) {
      throw new DomainError(ErrorCode.NotFound, 'That session has already ended.');
    }
  }

  /** Deletes sessions past their absolute end or idle too long; run by the background purge. */
  async purgeExpired(): Promise<number> {
    const now = this.clock.now();
    const { agency, candidate } = this.config.sessions.lifetimes;
    return deleteCounting(
      this.sessions.manager,
      `DELETE FROM sessions s USING users u
        WHERE u.id = s.user_id
          AND (s.expires_at <= $1
               OR s.last_seen_at <= $1::timestamptz - make_interval(secs => CASE WHEN u.role = $2 THEN $3::double precision ELSE $4::double precision END))`,
      [now, UserRole.Candidate, candidate.idleMs / 1000, agency.idleMs / 1000],
    );
  }

  private lifetimeOf(role: UserRole) {
    return sessionLifetimeFor(role, this.config.sessions.lifetimes);
  }
}
