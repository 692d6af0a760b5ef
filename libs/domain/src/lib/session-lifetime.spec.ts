import { UserRole } from '@heardback/contracts';
import { sessionEndsAt, sessionIsLive, sessionLifetimeFor, sessionNeedsTouch } from './session-lifetime';

const MINUTE = 60_000;
const lifetimes = {
  agency: { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
  candidate: { idleMs: 7 * 24 * 60 * MINUTE, absoluteMs: 30 * 24 * 60 * MINUTE },
};
const signedIn = new Date('2026-12-01T09:00:00Z');
const at = (minutes: number) => new Date(signedIn.getTime() + minutes * MINUTE);
const session = (lastSeenMinutes: number) => ({
  createdAt: signedIn,
  lastSeenAt: at(lastSeenMinutes),
  expiresAt: at(12 * 60),
});

describe('how long a session lasts', () => {
  it('gives agency roles a short idle timeout and candidates a long one', () => {
    expect(sessionLifetimeFor(UserRole.Recruiter, lifetimes).idleMs).toBe(30 * MINUTE);
    expect(sessionLifetimeFor(UserRole.Staff, lifetimes).idleMs).toBe(30 * MINUTE);
    expect(sessionLifetimeFor(UserRole.Candidate, lifetimes).idleMs).toBe(7 * 24 * 60 * MINUTE);
  });

  it('ends an agency session 30 minutes after its last request', () => {
    expect(sessionIsLive(session(0), lifetimes.agency, at(29))).toBe(true);
    expect(sessionIsLive(session(0), lifetimes.agency, at(30))).toBe(false);
    expect(sessionIsLive(session(100), lifetimes.agency, at(120))).toBe(true);
  });

  it('ends a session at its absolute end even while it is in use', () => {
    expect(sessionEndsAt(session(12 * 60 - 1), lifetimes.agency)).toEqual(at(12 * 60));
    expect(sessionIsLive(session(12 * 60 - 1), lifetimes.agency, at(12 * 60))).toBe(false);
  });

  it('records activity at most once a minute', () => {
    expect(sessionNeedsTouch(session(0), at(0.5))).toBe(false);
    expect(sessionNeedsTouch(session(0), at(1))).toBe(true);
  });
});
