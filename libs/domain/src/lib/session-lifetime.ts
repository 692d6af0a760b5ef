import { UserRole } from '@heardback/contracts';

/** How long a session lasts: ended after `idleMs` without a request, and `absoluteMs` after sign-in whatever happens. */
export interface SessionLifetime {
  idleMs: number;
  absoluteMs: number;
}

export interface SessionLifetimes {
  agency: SessionLifetime;
  candidate: SessionLifetime;
}

export function sessionLifetimeFor(role: UserRole, lifetimes: SessionLifetimes): SessionLifetime {
  return role === UserRole.Candidate ? lifetimes.candidate : lifetimes.agency;
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  /** The absolute end, fixed at sign-in. */
  expiresAt: Date;
}

/** A session is live until it has been idle too long or reached its absolute end, whichever comes first. */
export function sessionEndsAt(session: SessionTimes, lifetime: SessionLifetime): Date {
  return new Date(Math.min(session.expiresAt.getTime(), session.lastSeenAt.getTime() + lifetime.idleMs));
}

export function sessionIsLive(session: SessionTimes, lifetime: SessionLifetime, now: Date): boolean {
  return now.getTime() < sessionEndsAt(session, lifetime).getTime();
}

/** last_seen_at is written at most this often, so reading pages does not write a row each time. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

export function sessionNeedsTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_INTERVAL_MS;
}
