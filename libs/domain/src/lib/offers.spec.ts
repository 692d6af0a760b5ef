import { ErrorCode } from '@heardback/contracts';
import { DomainError } from './domain-error';
import { assertOfferStartDate, offerReplyAlertsDue } from './offers';
import { DEFAULT_WORKING_CALENDAR } from './working-hours';

/** London, 09:00–17:00 Monday to Friday. The reply was due Friday 4 December 2026 at 17:00. */
const calendar = DEFAULT_WORKING_CALENDAR;
const replyBy = new Date('2026-12-04T17:00:00Z');
const at = (iso: string) => new Date(iso);

describe('an offer whose reply-by date passes', () => {
  it('asks nothing of anyone before the date', () => {
    expect(offerReplyAlertsDue(replyBy, at('2026-12-04T16:59:59Z'), calendar)).toEqual([]);
  });

  it('alerts the recruiter (and nudges the candidate) at the date', () => {
    expect(offerReplyAlertsDue(replyBy, replyBy, calendar)).toEqual(['offer_reply_passed']);
  });

  it('escalates to staff a working day later, counting the weekend out', () => {
    expect(offerReplyAlertsDue(replyBy, at('2026-12-07T09:00:00Z'), calendar)).toEqual(['offer_reply_passed']);
    // Friday 17:00 + one working day (8 working hours) is Monday 17:00.
    expect(offerReplyAlertsDue(replyBy, at('2026-12-07T17:00:00Z'), calendar)).toEqual([
      'offer_reply_passed',
      'offer_reply_escalated',
    ]);
  });
});

describe('the start date of an offer', () => {
  const now = at('2026-12-02T23:30:00Z');

  it('may be today or later in the agency’s zone', () => {
    expect(() => assertOfferStartDate('2026-12-02', now, 'Europe/London')).not.toThrow();
    expect(() => assertOfferStartDate('2027-01-04', now, 'Europe/London')).not.toThrow();
  });

  it('may not be past the years we keep, and says which field and why', () => {
    expect(() => assertOfferStartDate('2099-12-31', now, 'Europe/London')).not.toThrow();
    expect(() => assertOfferStartDate('9999-12-31', now, 'Europe/London')).toThrow(
      expect.objectContaining({
        details: [{ field: 'startDate', reasons: ['must be a date in the years 2000 to 2099'] }],
      }),
    );
  });

  it('may not be in the past, and says which field and why', () => {
    try {
      assertOfferStartDate('2026-12-01', now, 'Europe/London');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(ErrorCode.ValidationFailed);
      expect((error as DomainError).details).toEqual([
        { field: 'startDate', reasons: ['must be today (2026-12-02) or later'] },
      ]);
    }
  });

  it('follows the agency’s zone: just after midnight in Berlin is already tomorrow there', () => {
    expect(() => assertOfferStartDate('2026-12-02', now, 'Europe/Berlin')).toThrow(DomainError);
  });
});
