import { ClientReviewLinkState, UserRole } from '@heardback/contracts';
import { clientReviewLinkExpiry, clientReviewLinkState, mayManageClientReview } from './client-review-links';
import { DEFAULT_WORKING_CALENDAR } from './working-hours';

const calendar = DEFAULT_WORKING_CALENDAR;
const at = (iso: string) => new Date(iso);

describe('clientReviewLinkExpiry', () => {
  it('lasts the configured number of days when the feedback is due well before', () => {
    // Due Tuesday 1 December 2026; 5 working days later is Tuesday 8 December 17:00 London.
    expect(clientReviewLinkExpiry(at('2026-12-01T10:00:00Z'), at('2026-12-01T17:00:00Z'), 14, calendar)).toEqual(
      at('2026-12-15T10:00:00Z'),
    );
  });

  it('never ends before 5 working days after the feedback is due, weekends skipped', () => {
    // Due Friday 4 December 17:00: Monday to Friday 11 December are the 5 working days.
    expect(clientReviewLinkExpiry(at('2026-12-01T10:00:00Z'), at('2026-12-04T17:00:00Z'), 1, calendar)).toEqual(
      at('2026-12-11T17:00:00Z'),
    );
  });

  it('counts days only when the stage has no due time', () => {
    expect(clientReviewLinkExpiry(at('2026-12-01T10:00:00Z'), null, 3, calendar)).toEqual(at('2026-12-04T10:00:00Z'));
  });
});

describe('clientReviewLinkState', () => {
  const open = {
    expiresAt: at('2026-12-10T00:00:00Z'),
    revokedAt: null,
    replacedById: null,
    submittedAt: null,
    stageHasFeedback: false,
    applicationClosedAt: null,
    contactArchivedAt: null,
  };
  const now = at('2026-12-05T00:00:00Z');

  it('is open while nothing has happened and it has not expired', () => {
    expect(clientReviewLinkState(open, now)).toBe(ClientReviewLinkState.Open);
  });

  it('expires at its expiry instant exactly', () => {
    expect(clientReviewLinkState(open, open.expiresAt)).toBe(ClientReviewLinkState.Expired);
  });

  it('says used before anything else once the interviewer has answered', () => {
    const used = { ...open, submittedAt: now, stageHasFeedback: true, revokedAt: now };
    expect(clientReviewLinkState(used, at('2027-01-01T00:00:00Z'))).toBe(ClientReviewLinkState.Used);
  });

  it('says the feedback was recorded meanwhile before revoked or expired', () => {
    const recorded = { ...open, stageHasFeedback: true, revokedAt: now };
    expect(clientReviewLinkState(recorded, at('2027-01-01T00:00:00Z'))).toBe(ClientReviewLinkState.FeedbackRecorded);
  });

  it('tells a replaced link from a revoked one', () => {
    expect(clientReviewLinkState({ ...open, revokedAt: now, replacedById: 'newer' }, now)).toBe(
      ClientReviewLinkState.Replaced,
    );
    expect(clientReviewLinkState({ ...open, revokedAt: now }, now)).toBe(ClientReviewLinkState.Revoked);
  });

  it('says revoked once the application has closed, to the agency as to the interviewer', () => {
    expect(clientReviewLinkState({ ...open, applicationClosedAt: now }, now)).toBe(ClientReviewLinkState.Revoked);
  });

  it('says revoked once the interviewer has left the client, but keeps telling of feedback they sent before', () => {
    expect(clientReviewLinkState({ ...open, contactArchivedAt: now }, now)).toBe(ClientReviewLinkState.Revoked);
    expect(clientReviewLinkState({ ...open, contactArchivedAt: now, submittedAt: now }, now)).toBe(
      ClientReviewLinkState.Used,
    );
  });
});

describe('mayManageClientReview', () => {
  it('lets staff and the stage owner act, and no other recruiter', () => {
    expect(mayManageClientReview({ id: 's', role: UserRole.Staff }, 'r1')).toBe(true);
    expect(mayManageClientReview({ id: 'r1', role: UserRole.Recruiter }, 'r1')).toBe(true);
    expect(mayManageClientReview({ id: 'r2', role: UserRole.Recruiter }, 'r1')).toBe(false);
    expect(mayManageClientReview({ id: 'c', role: UserRole.Candidate }, null)).toBe(false);
  });

  it('lets any recruiter act on a stage that is nobody’s work', () => {
    expect(mayManageClientReview({ id: 'r2', role: UserRole.Recruiter }, null)).toBe(true);
  });
});
