import { TimelineEntry, TimelineEventType, TimelineInterviewSlot } from '@heardback/contracts';
import { CHASING_EVENT_TYPES } from '@heardback/domain';
import { formatAgencyTime } from '../config/agency-time';
import { TimelineEventEntity } from './timeline-event.entity';

/**
 * The SQL list of the domain's `CHASING_EVENT_TYPES`, for a statement's `t.type IN (…)` (a stage's
 * `chased`): enum values, never input.
 */
export const CHASING_EVENT_TYPES_SQL = CHASING_EVENT_TYPES.map((type) => `'${type}'`).join(', ');

/**
 * The candidate's own words to the agency (a request for an update, their decision date): on their
 * timeline too, but never sent back to them, so the agency's page must not quote them as words the
 * candidate was told ("Told the candidate: Asked for an update"). A withdrawal or an answer to an offer
 * is confirmed to them by email, so it stays a quote.
 */
const CANDIDATES_OWN_WORDS: ReadonlySet<TimelineEventType> = new Set([
  TimelineEventType.CandidateUpdate,
  TimelineEventType.DecisionDateSet,
]);

/** One event as a view of the application gives it; `internal` for the agency's views only. */
export function toTimelineEntry(
  event: TimelineEventEntity,
  stages: readonly { id: string; name: string }[],
  internal: boolean,
  agencyZone: string,
): TimelineEntry {
  return {
    at: event.at.toISOString(),
    type: event.type,
    stageId: event.stageId,
    text: event.text,
    interview: interviewSlotOf(event, stages),
    date: dateOf(event, agencyZone),
    ...(internal ? { toCandidate: event.candidateVisible && !CANDIDATES_OWN_WORDS.has(event.type) } : {}),
  };
}

/** The slot an event placed or moved an interview to, as instants, for the reader to write in their zone. */
function interviewSlotOf(
  event: TimelineEventEntity,
  stages: readonly { id: string; name: string }[],
): TimelineInterviewSlot | null {
  const stage = stages.find((candidate) => candidate.id === event.stageId);
  if (!stage || !event.interviewStartsAt || !event.interviewEndsAt || event.interviewLocation === null) return null;
  return {
    stageName: stage.name,
    startsAt: event.interviewStartsAt.toISOString(),
    endsAt: event.interviewEndsAt.toISOString(),
    location: event.interviewLocation,
    was:
      event.interviewWasStartsAt && event.interviewWasEndsAt
        ? { startsAt: event.interviewWasStartsAt.toISOString(), endsAt: event.interviewWasEndsAt.toISOString() }
        : null,
  };
}

/** The date an event's text gives, as written there, so a page can write it in its reader's zone. */
function dateOf(event: TimelineEventEntity, agencyZone: string): { at: string; written: string } | null {
  if (!event.promiseDueAt) return null;
  const written = formatAgencyTime(event.promiseDueAt, agencyZone);
  return event.text.includes(written) ? { at: event.promiseDueAt.toISOString(), written } : null;
}
