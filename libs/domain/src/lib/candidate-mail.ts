import { StageState } from '@heardback/contracts';

/**
 * Rule: the candidate is emailed what others did, never an echo of what they just did in the
 * portal (the page has confirmed it), with two exceptions:
 * - a change to an interview in their calendar, which only the email's invite can update;
 * - their application itself (`isApplication`): the receipt is their own record, outside the portal, that it
 *   arrived and of the date the agency has promised an answer by, the first promise of many.
 */
export function candidateIsEmailed(
  event: { actorId: string | null; changesCalendar: boolean; isApplication: boolean },
  candidateId: string,
): boolean {
  return event.actorId !== candidateId || event.changesCalendar || event.isApplication;
}

/**
 * The interview still to come that a closing application (or an offer that skips it) cancels:
 * the booked stage whose start is after `now`. An interview already under way or over is not
 * cancelled; it took place.
 */
export function upcomingInterview<S extends { state: StageState; startsAt: Date | null; endsAt: Date | null }>(
  stages: readonly S[],
  now: Date,
): (S & { startsAt: Date; endsAt: Date }) | undefined {
  return stages.find(
    (stage): stage is S & { startsAt: Date; endsAt: Date } =>
      stage.state === StageState.Scheduled &&
      stage.startsAt !== null &&
      stage.endsAt !== null &&
      stage.startsAt.getTime() > now.getTime(),
  );
}

/**
 * The HTML standard's "valid e-mail address" (https://html.spec.whatwg.org/#valid-e-mail-address):
 * ASCII only, no quoted local parts. It is what the calendar invite library checks an attendee by.
 */
const CALENDAR_ADDRESS =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

/**
 * Rule: an interview email carries a calendar invite only to an address an invite can name. Sign-up
 * accepts a few more (an accented local part, an internationalised domain, a quoted name); those
 * candidates get the email with the slot in words and no invite, rather than no email at all
 * (ADR 0064).
 */
export function takesCalendarInvite(address: string): boolean {
  return CALENDAR_ADDRESS.test(address);
}
