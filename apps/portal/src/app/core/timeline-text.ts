import { TimelineEntry, interviewSlotText } from '@heardback/contracts';
import { DateTimeOptions, formatDateTimeRange } from './date-time';

/**
 * What a timeline entry says, with any interview it placed or moved written in the viewer's zone,
 * exactly as the stage beside it shows that interview. The stored text has the agency's zone.
 */
export function timelineText(entry: TimelineEntry, options: DateTimeOptions = {}): string {
  return entry.interview
    ? interviewSlotText(entry.interview, (startsAt, endsAt) => formatDateTimeRange(startsAt, endsAt, options))
    : entry.text;
}
