import { ApplicationStatus, SATISFACTION_ANSWER_DAYS, SATISFACTION_MIN_RESPONSES } from '@heardback/contracts';
import {
  asksHowWeDid,
  satisfactionAnswerable,
  satisfactionAnswerableUntil,
  satisfactionWithholding,
} from './satisfaction';

describe('asking the candidate how we did', () => {
  it('asks after a rejection, a hire and a closed job', () => {
    expect(asksHowWeDid(ApplicationStatus.Rejected)).toBe(true);
    expect(asksHowWeDid(ApplicationStatus.Hired)).toBe(true);
    expect(asksHowWeDid(ApplicationStatus.JobClosed)).toBe(true);
  });

  it('does not ask after the candidate withdrew (their own withdrawal, a declined offer or an erased account)', () => {
    expect(asksHowWeDid(ApplicationStatus.Withdrawn)).toBe(false);
  });

  it('never asks while the application is open', () => {
    for (const status of [
      ApplicationStatus.Applied,
      ApplicationStatus.Screening,
      ApplicationStatus.Interviewing,
      ApplicationStatus.Offer,
    ]) {
      expect(asksHowWeDid(status)).toBe(false);
    }
  });

  it('takes answers until the window after closing ends, and not a moment later', () => {
    const closedAt = new Date('2026-11-02T10:00:00Z');
    const until = satisfactionAnswerableUntil(closedAt);
    expect(until.toISOString()).toBe(
      new Date(closedAt.getTime() + SATISFACTION_ANSWER_DAYS * 86_400_000).toISOString(),
    );
    expect(satisfactionAnswerable(closedAt, closedAt)).toBe(true);
    expect(satisfactionAnswerable(closedAt, until)).toBe(true);
    expect(satisfactionAnswerable(closedAt, new Date(until.getTime() + 1))).toBe(false);
  });
});

describe('who may tell one candidate’s answer from another (ADR 0061)', () => {
  it('shows staff every figure', () => {
    expect(satisfactionWithholding('staff')).toEqual({ overall: null, groups: null });
  });

  it.each(['recruiter', 'client-report'] as const)(
    'shows %s satisfaction over the whole from the minimum, and by group never',
    (reader) => {
      const { overall, groups } = satisfactionWithholding(reader);
      expect(overall).toBe(SATISFACTION_MIN_RESPONSES);
      // No group of answers, however large, reaches it.
      expect(groups).toBeGreaterThan(1_000_000_000);
    },
  );
});
