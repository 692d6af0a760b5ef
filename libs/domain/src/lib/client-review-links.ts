import { ClientReviewLinkState, UserRole } from '@heardback/contracts';
import { WorkingCalendar, endOfWorkingDaysAfter } from './working-hours';
import { Viewer } from './visibility';

/** However few days a link is set to last, a client interviewer can answer until this long after the feedback was due. */
export const CLIENT_REVIEW_LINK_GRACE_WORKING_DAYS = 5;

const DAY_MS = 86_400_000;

/**
 * When a review link issued at `now` stops opening: `linkDays` from now, but never before the end
 * of the 5th working day after the stage's feedback is due, so a late interviewer is still chased
 * with a link that works.
 */
export function clientReviewLinkExpiry(
  now: Date,
  feedbackDueAt: Date | null,
  linkDays: number,
  calendar: WorkingCalendar,
): Date {
  const byDays = new Date(now.getTime() + linkDays * DAY_MS);
  if (!feedbackDueAt) return byDays;
  const afterDue = endOfWorkingDaysAfter(feedbackDueAt, CLIENT_REVIEW_LINK_GRACE_WORKING_DAYS, calendar);
  return afterDue.getTime() > byDays.getTime() ? afterDue : byDays;
}

/** What is stored about a link, and whether its stage has feedback now. */
export interface ClientReviewLinkFacts {
  expiresAt: Date;
  revokedAt: Date | null;
  replacedById: string | null;
  submittedAt: Date | null;
  stageHasFeedback: boolean;
  /** The application closed (withdrawn, decided, erased): the agency no longer asks, as if it had revoked the link. */
  applicationClosedAt: Date | null;
  /** The interviewer left the client (their contact was archived): they no longer speak for it, as if revoked. */
  contactArchivedAt: Date | null;
}

/**
 * Why a link opens or not, most telling reason first: the interviewer's own answer, then the
 * agency's (feedback recorded meanwhile), then a newer link, a revocation, and time.
 */
export function clientReviewLinkState(link: ClientReviewLinkFacts, now: Date): ClientReviewLinkState {
  if (link.submittedAt) return ClientReviewLinkState.Used;
  if (link.stageHasFeedback) return ClientReviewLinkState.FeedbackRecorded;
  if (link.replacedById) return ClientReviewLinkState.Replaced;
  if (link.revokedAt || link.applicationClosedAt || link.contactArchivedAt) return ClientReviewLinkState.Revoked;
  if (link.expiresAt.getTime() <= now.getTime()) return ClientReviewLinkState.Expired;
  return ClientReviewLinkState.Open;
}

/**
 * Who may publish a client's draft, revoke or resend a review link: staff, and the stage's owner
 * (SQL `stage_owner`); when the stage is nobody's work, any recruiter (as its reminders go to all).
 */
export function mayManageClientReview(viewer: Viewer, stageOwnerId: string | null): boolean {
  if (viewer.role === UserRole.Staff) return true;
  if (viewer.role !== UserRole.Recruiter) return false;
  return stageOwnerId === null || stageOwnerId === viewer.id;
}
