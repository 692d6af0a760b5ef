import { viewerTimeZone } from '@heardback/domain';

const AGENCY_TIME_FORMAT: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** An instant as the agency writes it to people: "Monday, 30 November 2026 at 14:00 GMT". */
export function formatAgencyTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { ...AGENCY_TIME_FORMAT, timeZone }).format(at);
}

/** A start and an end, as short as is still clear: "Thursday, 3 December 2026, 10:00–11:00 GMT". */
export function formatAgencyTimeRange(start: Date, end: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { ...AGENCY_TIME_FORMAT, timeZone }).formatRange(start, end);
}

/** An instant as written to one person: in the zone they chose, else the agency's, and named. */
export function formatTimeFor(at: Date, recipientZone: string | null, agencyZone: string): string {
  return formatAgencyTime(at, viewerTimeZone(recipientZone, agencyZone));
}

/** A short time for a subject line, in the reader's zone (else the agency's): "Tue 8 Dec, 10:00". */
export function formatShortTimeFor(at: Date, recipientZone: string | null, agencyZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: viewerTimeZone(recipientZone, agencyZone),
  }).format(at);
}
