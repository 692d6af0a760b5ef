import { CandidateUpdateKind, ErrorCode } from '@heardback/contracts';
import { DomainError } from './domain-error';
import {
  assertDecisionDate,
  assertUpdateDeadline,
  assertUpdateRequestAllowed,
  daysSilent,
  isLongSilence,
  SilenceLevel,
  silenceLevel,
  nextUpdateRequestAllowedAt,
  updateRequestAnswerDueAt,
} from './update-requests';
import { DEFAULT_WORKING_CALENDAR } from './working-hours';

const iso = (date: Date) => date.toISOString();

describe('requests for an update', () => {
  const asked = new Date('2026-11-23T10:00:00Z');

  it('may be sent at any time the first time', () => {
    expect(() => assertUpdateRequestAllowed(null, asked, iso)).not.toThrow();
    expect(nextUpdateRequestAllowedAt(null)).toBeNull();
  });

  it('is refused for three days after the last one, saying when it may be sent again', () => {
    try {
      assertUpdateRequestAllowed(asked, new Date('2026-11-26T09:59:59Z'), iso);
      throw new Error('allowed a second request within three days');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.TooManyRequests);
      expect((error as DomainError).message).toContain('You can ask again from 2026-11-26T10:00:00.000Z');
    }
    expect(() => assertUpdateRequestAllowed(asked, new Date('2026-11-26T10:00:00Z'), iso)).not.toThrow();
  });

  it('is due for an answer by the end of the next working day, skipping the weekend', () => {
    // Asked on Friday 27 November: the next working day is Monday 30, which ends at 17:00 London.
    expect(iso(updateRequestAnswerDueAt(new Date('2026-11-27T10:00:00Z'), DEFAULT_WORKING_CALENDAR))).toBe(
      '2026-11-30T17:00:00.000Z',
    );
    // Asked on a Tuesday evening after work: Wednesday still counts as the next working day.
    expect(iso(updateRequestAnswerDueAt(new Date('2026-11-24T21:00:00Z'), DEFAULT_WORKING_CALENDAR))).toBe(
      '2026-11-25T17:00:00.000Z',
    );
  });

  it('skips a public holiday the agency lists', () => {
    const withHoliday = { ...DEFAULT_WORKING_CALENDAR, holidays: ['2026-12-28'] };
    // Asked on Saturday 26 December with Monday 28 a holiday: the answer is due at the end of Tuesday 29.
    expect(iso(updateRequestAnswerDueAt(new Date('2026-12-26T10:00:00Z'), withHoliday))).toBe(
      '2026-12-29T17:00:00.000Z',
    );
  });
});

describe('silence', () => {
  it('counts whole days since the candidate last heard anything', () => {
    expect(daysSilent(new Date('2026-11-20T12:00:00Z'), new Date('2026-11-27T11:59:59Z'))).toBe(6);
    expect(daysSilent(new Date('2026-11-20T12:00:00Z'), new Date('2026-11-27T12:00:00Z'))).toBe(7);
  });

  it('is long from a whole week without a word', () => {
    expect(isLongSilence(6)).toBe(false);
    expect(isLongSilence(7)).toBe(true);
    expect(isLongSilence(30)).toBe(true);
  });

  it('reads as heard today, quiet, late from three days, and long once the API says a week has passed', () => {
    expect(silenceLevel(0, false)).toBe(SilenceLevel.HeardToday);
    expect(silenceLevel(2, false)).toBe(SilenceLevel.Quiet);
    expect(silenceLevel(3, false)).toBe(SilenceLevel.Late);
    expect(silenceLevel(6, false)).toBe(SilenceLevel.Late);
    expect(silenceLevel(7, true)).toBe(SilenceLevel.Long);
  });
});

describe('what a candidate tells the agency', () => {
  const now = new Date('2026-11-27T12:00:00Z');

  it('takes a deadline only with another offer', () => {
    expect(() => assertUpdateDeadline(CandidateUpdateKind.OtherOffer, now)).not.toThrow();
    expect(() => assertUpdateDeadline(CandidateUpdateKind.Note, now)).toThrow(/deadline: is only for another offer/);
    expect(() => assertUpdateDeadline(CandidateUpdateKind.Note, null)).not.toThrow();
  });

  it('takes a decision date only in the future, and null to clear it', () => {
    expect(() => assertDecisionDate(now, now)).toThrow(/decisionDate: must be in the future/);
    expect(() => assertDecisionDate(new Date('2026-11-27T12:00:01Z'), now)).not.toThrow();
    expect(() => assertDecisionDate(null, now)).not.toThrow();
  });
});
