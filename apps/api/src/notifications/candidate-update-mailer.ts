import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '../config/clock';
import { ApplicationStatus, PromiseKind, StageState, TimelineEventType, interviewSlotText } from '@heardback/contracts';
import { asksHowWeDid, candidateIsEmailed, takesCalendarInvite, viewerTimeZone } from '@heardback/domain';
import { EntityManager } from 'typeorm';
import { formatAgencyTime, formatAgencyTimeRange } from '../config/agency-time';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import {
  applicationReceivedText,
  candidateNextStep,
  candidateUpdateEmail,
  interviewInviteTitle,
} from './candidate-messages';
import { InterviewChange, pendingInvite } from './interview-invite';
import { OutboxService } from './outbox.service';
import { howWeDidEmailLines } from './satisfaction-messages';
import { howWeDidLinks, inviteHowWeDid } from '../satisfaction/satisfaction-invitations';
import { forIds, pickForIds, prepared, queryPrepared } from '../database/prepared-statement';

/** The events that close an application: their email is the closing email. */
const CLOSING_EVENTS: ReadonlySet<TimelineEventType> = new Set([
  TimelineEventType.Rejected,
  TimelineEventType.Hired,
  TimelineEventType.JobClosed,
]);

interface ApplicationContext {
  application_id: string;
  candidate_id: string;
  email: string;
  full_name: string;
  time_zone: string | null;
  title: string;
  client_name: string;
  status: ApplicationStatus;
  stage_name: string | null;
  stage_state: StageState | null;
  starts_at: Date | null;
  feedback_due_at: Date | null;
  promise_kind: PromiseKind | null;
  promise_due_at: Date | null;
}

export interface CandidateVisibleEvent {
  applicationId: string;
  eventId: string;
  type: TimelineEventType;
  actorId: string | null;
  text: string;
  interview?: InterviewChange;
  /** The date the text gives, written there in the agency's zone; the email writes it in the reader's. */
  promiseDueAt?: Date | null;
}

/** Each application's candidate, job, current stage and open promise: what its email is written from. */
const APPLICATION_CONTEXTS = forIds((match) =>
  prepared(
    `SELECT a.id AS application_id, u.id AS candidate_id, u.email, u.full_name, u.time_zone, j.title, c.name AS client_name, a.status,
              s.name AS stage_name, s.state AS stage_state, s.starts_at, s.feedback_due_at,
              p.kind AS promise_kind, p.due_at AS promise_due_at
         FROM applications a
         JOIN users u ON u.id = a.candidate_id
         JOIN jobs j ON j.id = a.job_id
         JOIN clients c ON c.id = j.client_id
         LEFT JOIN application_stages s ON s.id = a.current_stage_id
         LEFT JOIN application_promises p ON p.application_id = a.id AND p.ended_at IS NULL
        WHERE a.id ${match}`,
  ),
);

/**
 * Every candidate-visible event becomes a short, human email: what happened, what happens
 * next and by when, written into the outbox in the same transaction as the event. One query
 * and one insert however many applications the events touch (closing a job touches thousands).
 * What the candidate did themselves is not echoed back (the page has just confirmed it), unless
 * it changes an interview in their calendar, or is their application: its receipt (candidateIsEmailed).
 */
@Injectable()
export class CandidateUpdateMailer {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async enqueue(manager: EntityManager, events: CandidateVisibleEvent[]): Promise<void> {
    if (events.length === 0) return;
    const applicationIds = [...new Set(events.map((event) => event.applicationId))];
    const forTheseIds = pickForIds(APPLICATION_CONTEXTS, applicationIds);
    const rows = await queryPrepared<ApplicationContext>(manager, forTheseIds.statement, [forTheseIds.ids]);
    const contexts = new Map(rows.map((row) => [row.application_id, row]));
    const now = this.clock.now();
    // One email per application per change: a rejection's feedback and its closing words arrive together.
    const byApplication = new Map<string, CandidateVisibleEvent[]>();
    for (const event of events)
      byApplication.set(event.applicationId, [...(byApplication.get(event.applicationId) ?? []), event]);
    const emails = [...byApplication.values()].flatMap((group) => {
      const context = contexts.get(group[0].applicationId);
      if (!context) return [];
      const told = group.filter((event) =>
        candidateIsEmailed(
          {
            actorId: event.actorId,
            changesCalendar: event.interview !== undefined,
            isApplication: event.type === TimelineEventType.Applied,
          },
          context.candidate_id,
        ),
      );
      return told.length > 0 ? [{ context, told }] : [];
    });
    // The email that tells the candidate their application closed asks how we did (one token each).
    const tokens = await inviteHowWeDid(
      manager,
      emails
        .filter(
          ({ context, told }) => asksHowWeDid(context.status) && told.some((event) => CLOSING_EVENTS.has(event.type)),
        )
        .map(({ context }) => context.application_id),
    );
    await this.outbox.enqueue(
      manager,
      ...emails.map(({ context, told }) =>
        this.compose(context, told, now, tokens.get(context.application_id) ?? null),
      ),
    );
  }

  private compose(
    context: ApplicationContext,
    events: CandidateVisibleEvent[],
    now: Date,
    howWeDidToken: string | null,
  ) {
    // Every time in the email is in the candidate's own zone, named; the agency's when they chose none.
    const timeZone = viewerTimeZone(context.time_zone, this.config.calendar.timeZone);
    const nextStep = candidateNextStep(
      {
        status: context.status,
        stageName: context.stage_name,
        stageState: context.stage_state,
        startsAt: context.starts_at,
        feedbackDueAt: context.feedback_due_at,
        promise:
          context.promise_kind && context.promise_due_at
            ? { kind: context.promise_kind, dueAt: context.promise_due_at }
            : null,
      },
      now,
      (at) => formatAgencyTime(at, timeZone),
    );
    const link = `${this.config.publicUrl}/me/applications/${context.application_id}`;
    // Several changes in one email: the last word on the interview is the invite that goes with it.
    const interview = events.flatMap((event) => (event.interview ? [event.interview] : [])).at(-1);
    // An address an invite cannot name gets the slot in words only, and the email does not promise an invite.
    // One recorded after the fact is in no one's calendar to come: it gets no invite. One moved into the
    // past still does, so the calendar drops the slot it held.
    const inCalendar = interview && !(interview.overWhenPlaced && !interview.was) ? interview : undefined;
    const calendar =
      inCalendar && takesCalendarInvite(context.email)
        ? pendingInvite(
            {
              stageId: inCalendar.stageId,
              sequence: inCalendar.sequence,
              cancelled: inCalendar.cancelled,
              startsAt: inCalendar.startsAt,
              endsAt: inCalendar.endsAt,
              location: inCalendar.location,
              title: interviewInviteTitle(inCalendar.stageName, context.title, context.client_name),
              description: link,
              attendee: { name: context.full_name, email: context.email },
            },
            this.config.mail.from,
            now,
          )
        : null;
    return {
      idempotencyKey: `timeline:${events[0].eventId}:${context.candidate_id}`,
      kind: 'candidate_update' as const,
      recipientId: context.candidate_id,
      recipientEmail: context.email,
      ...candidateUpdateEmail({
        candidateName: context.full_name,
        jobTitle: context.title,
        clientName: context.client_name,
        eventTexts: events.map((event) =>
          event.type === TimelineEventType.Applied
            ? applicationReceivedText(context.title, context.client_name)
            : textFor(event, timeZone, this.config.calendar.timeZone),
        ),
        latest: events[events.length - 1].type,
        latestInterview: interviewNews(events[events.length - 1].interview),
        nextStep,
        applicationLink: link,
        invite: calendar?.method ?? null,
        howWeDid: howWeDidToken ? howWeDidEmailLines(howWeDidLinks(this.config.publicUrl, howWeDidToken)) : null,
      }),
      applicationId: context.application_id,
      calendar,
    };
  }
}

/** What an event did to an interview, for the email's subject: moved one, or recorded one already over. */
function interviewNews(interview: InterviewChange | undefined): 'moved' | 'recorded' | null {
  if (!interview || interview.cancelled) return null;
  if (interview.was) return 'moved';
  return interview.overWhenPlaced ? 'recorded' : null;
}

/** An event's words for this reader: a placed or moved interview is written in their zone, not the stored agency's. */
function textFor(event: CandidateVisibleEvent, timeZone: string, agencyZone: string): string {
  const interview = event.interview;
  if (event.promiseDueAt) {
    return event.text.replace(
      formatAgencyTime(event.promiseDueAt, agencyZone),
      formatAgencyTime(event.promiseDueAt, timeZone),
    );
  }
  if (!interview || interview.cancelled) return event.text;
  return interviewSlotText(
    { ...interview, was: interview.was ?? null },
    (start, end) => formatAgencyTimeRange(start, end, timeZone),
    interview.overWhenPlaced ?? false,
  );
}
