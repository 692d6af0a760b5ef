import { TimelineEntry, interviewSlotText } from '@heardback/contracts';
import { stageTookPlace } from '@heardback/domain';
import { DateTimeOptions, formatDateTime, formatDateTimeRange } from './date-time';

/**
 * What a timeline entry says, with any interview it placed or moved written in the viewer's zone,
 * exactly as the stage beside it shows that interview. The stored text has the agency's zone.
 */
export function timelineText(entry: TimelineEntry, options: DateTimeOptions = {}): string {
  if (entry.interview) {
    // Placed only once it was over: told as having taken place, as the API wrote it then. The API decided
    // by the command's clock reading, a few milliseconds before the event's `at`: only an interview ending
    // within those milliseconds could read differently here.
    const overWhenPlaced = stageTookPlace(
      { endsAt: new Date(entry.interview.endsAt), heldAt: null },
      new Date(entry.at),
    );
    return interviewSlotText(
      entry.interview,
      (startsAt, endsAt) => formatDateTimeRange(startsAt, endsAt, options),
      overWhenPlaced,
    );
  }
  // A promised date in the text: the reader's zone, as "Where you stand" writes it.
  return entry.date ? entry.text.replace(entry.date.written, formatDateTime(entry.date.at, options)) : entry.text;
}
