import { EventAttributes, createEvent } from 'ics';

/** What a calendar needs to place, move or remove one interview. */
export interface InterviewInviteFacts {
  /** Stable per stage: the calendar event's UID, so later invites replace it. */
  stageId: string;
  /** Raised at every change; calendars ignore an invite older than what they hold. */
  sequence: number;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  title: string;
  location: string;
  description: string;
  attendee: { name: string; email: string };
}

/** An interview placed, moved or cancelled, as a timeline event carries it to the candidate's email. */
export interface InterviewChange {
  stageId: string;
  stageName: string;
  sequence: number;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  location: string;
  /** The slot a reschedule cancelled. */
  was?: { startsAt: Date; endsAt: Date } | null;
  /**
   * The slot had already ended when it was placed (recorded after the fact), as the command decided
   * it, with the moment that also set the stage waiting for feedback: told as having taken place.
   */
  overWhenPlaced?: boolean;
}

export interface CalendarAttachment {
  method: 'REQUEST' | 'CANCEL';
  content: string;
}

/**
 * An invite as the outbox keeps it until it is sent (ADR 0064): the facts it is written from, who
 * sends it and when it was written (its DTSTAMP), so the words sent are the words of that moment.
 * Writing it (the `ics` library validates every field twice) cost a tenth of a reschedule's API time.
 */
export interface PendingInvite {
  method: 'REQUEST' | 'CANCEL';
  facts: InterviewInviteFacts;
  organizer: string;
  writtenAt: Date;
}

export function pendingInvite(facts: InterviewInviteFacts, organizer: string, writtenAt: Date): PendingInvite {
  return { method: facts.cancelled ? 'CANCEL' : 'REQUEST', facts, organizer, writtenAt };
}

/** A pending invite as the outbox stored it (JSON: its instants are ISO strings), written out to send. */
export function writeStoredInvite(stored: unknown): CalendarAttachment {
  const { facts, organizer, writtenAt } = stored as {
    facts: Omit<InterviewInviteFacts, 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string };
    organizer: string;
    writtenAt: string;
  };
  return interviewInvite(
    { ...facts, startsAt: new Date(facts.startsAt), endsAt: new Date(facts.endsAt) },
    organizer,
    new Date(writtenAt),
  );
}

/**
 * An iCalendar invite (RFC 5545/5546) built by the `ics` library, which folds and escapes lines.
 * Times are written in UTC, so every calendar shows them in its owner's own zone.
 */
export function interviewInvite(facts: InterviewInviteFacts, organizer: string, writtenAt: Date): CalendarAttachment {
  const method = facts.cancelled ? 'CANCEL' : 'REQUEST';
  // DTSTAMP from our clock: `ics` reads `timestamp` (see its defaults) but its types leave it out.
  const attributes: EventAttributes & { timestamp: number } = {
    productId: 'heardback/interviews',
    method,
    uid: `stage-${facts.stageId}@heardback`,
    sequence: facts.sequence,
    timestamp: writtenAt.getTime(),
    start: facts.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: facts.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: lineBreaksAsNewlines(facts.title),
    location: lineBreaksAsNewlines(facts.location),
    description: lineBreaksAsNewlines(facts.description),
    status: facts.cancelled ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: 'Heardback', email: organizerAddress(organizer) },
    attendees: [
      {
        name: lineBreaksAsNewlines(facts.attendee.name),
        email: facts.attendee.email,
        rsvp: false,
        role: 'REQ-PARTICIPANT',
      },
    ],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw error ?? new Error('The calendar invite could not be written');
  return { method, content: value };
}

/** `Heardback <no-reply@…>` or a bare address, as MAIL_FROM allows either. */
function organizerAddress(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from;
}

/**
 * `ics` escapes `\n` and `\r\n` in text, but not a lone `\r`, which a mail server may turn into a line
 * break and so into a new line of the invite (an attendee, a URL). Every break is made a `\n` first.
 */
export function lineBreaksAsNewlines<T extends string | undefined | null>(text: T): T {
  return (typeof text === 'string' ? text.replace(/\r\n?/g, '\n') : text) as T;
}
