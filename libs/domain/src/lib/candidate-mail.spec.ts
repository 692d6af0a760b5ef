import { StageState } from '@heardback/contracts';
import { candidateIsEmailed, takesCalendarInvite, upcomingInterview } from './candidate-mail';

describe('what the candidate is emailed', () => {
  const by = (actorId: string | null, { changesCalendar = false, isApplication = false } = {}) =>
    candidateIsEmailed({ actorId, changesCalendar, isApplication }, 'candidate-1');

  it('emails what the agency or the system did', () => {
    expect(by('recruiter-1')).toBe(true);
    expect(by(null)).toBe(true);
  });

  it('does not echo what the candidate just did, unless it changes their calendar', () => {
    expect(by('candidate-1')).toBe(false);
    expect(by('candidate-1', { changesCalendar: true })).toBe(true);
  });

  it('sends the candidate a receipt for their own application, with the date promised', () => {
    expect(by('candidate-1', { isApplication: true })).toBe(true);
  });
});

describe('the interview a closing application cancels', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const stage = (state: StageState, startsAt: string | null, endsAt: string | null = startsAt) => ({
    state,
    startsAt: startsAt ? new Date(startsAt) : null,
    endsAt: endsAt ? new Date(endsAt) : null,
  });

  it('is the booked interview still to come', () => {
    const booked = stage(StageState.Scheduled, '2026-12-03T10:00:00Z', '2026-12-03T11:00:00Z');
    expect(upcomingInterview([stage(StageState.FeedbackRecorded, '2026-11-30T10:00:00Z'), booked], now)).toBe(booked);
  });

  it('is none when the interview has begun, is over, or is not booked', () => {
    expect(upcomingInterview([stage(StageState.Scheduled, '2026-12-02T11:30:00Z', '2026-12-02T12:30:00Z')], now)).toBe(
      undefined,
    );
    expect(upcomingInterview([stage(StageState.AwaitingFeedback, '2026-12-01T10:00:00Z')], now)).toBeUndefined();
    expect(upcomingInterview([stage(StageState.Pending, null)], now)).toBeUndefined();
  });
});

describe('which addresses an interview email sends a calendar invite to', () => {
  it('takes the addresses people use', () => {
    for (const address of [
      'casey@example.test',
      'first.last+jobs@mail.example.co.uk',
      "o'neil@example.com",
      'a_b-c@x-y.example',
    ]) {
      expect(takesCalendarInvite(address)).toBe(true);
    }
  });

  it('leaves out what sign-up accepts but an invite cannot name: accents, internationalised domains, quoted names', () => {
    for (const address of [
      'josé@example.com',
      'a@bücher.de',
      '"john doe"@example.com',
      'casey@-example.com',
      'casey@example.com\n',
    ]) {
      expect(takesCalendarInvite(address)).toBe(false);
    }
  });
});
