import { ApplicationView } from '@heardback/contracts';
import { formatShortDateTime } from '../core/date-time';

/** One thing the candidate told the agency that bears on timing, as the recruiter reads it. */
export interface CandidateSaidLine {
  label: string;
  text: string;
  /** A date they are waiting on: shown as urgent. */
  urgent: boolean;
}

/**
 * What the candidate told us (another offer, the date they move on after, their availability),
 * written once for the application's header and for the schedule form beside it.
 */
export function candidateSaidLines(application: ApplicationView): CandidateSaidLine[] {
  const { otherOffer, availability } = application.candidateSaid;
  const lines: CandidateSaidLine[] = [];
  if (otherOffer) {
    lines.push({
      label: 'Other offer',
      text: `“${otherOffer.text}”${otherOffer.answerBy ? `, to answer by ${formatShortDateTime(otherOffer.answerBy)}` : ''}`,
      urgent: true,
    });
  }
  if (application.decisionDate) {
    lines.push({ label: 'Moves on after', text: formatShortDateTime(application.decisionDate), urgent: true });
  }
  if (availability) {
    lines.push({ label: 'Availability', text: `“${availability.text}”`, urgent: false });
  }
  return lines;
}
