import {
  ApplicationStatus,
  CandidateApplicationView,
  CandidateStageView,
  PromiseKind,
  PromiseView,
  StageState,
} from '@heardback/contracts';
import { DateTimeOptions, formatDate, formatDateTime, formatDateTimeRange } from '../core/date-time';
import { isOpen } from '@heardback/domain';
import { AnswerDue, answerDue, withChase } from './answer-due';

export type StageTone = 'done' | 'scheduled' | 'waiting' | 'next' | 'later' | 'skipped';

/** One interview stage as the candidate reads it on their application's timeline. */
export interface StageRow {
  id: string;
  name: string;
  /** "Done", "On hold", "Scheduled", "Waiting for feedback", "Next", "Later", "Skipped", "Not taking place". */
  label: string;
  tone: StageTone;
  /** When the interview is or was, in the reader's time zone. */
  when: string | null;
  /** Where it is: a place, or a link to join. */
  place: { text: string; href: string | null } | null;
  due: AnswerDue | null;
  /** The feedback's message to the candidate, exactly as the recruiter wrote it. */
  feedback: { message: string; recordedOn: string } | null;
  note: string | null;
}

function placeOf(location: string | null): StageRow['place'] {
  if (!location) {
    return null;
  }
  const trimmed = location.trim();
  return /^https?:\/\/\S+$/i.test(trimmed) ? { text: trimmed, href: trimmed } : { text: trimmed, href: null };
}

function whenOf(stage: CandidateStageView, options: DateTimeOptions): string | null {
  if (!stage.startsAt) {
    return null;
  }
  return formatDateTimeRange(stage.startsAt, stage.endsAt ?? stage.startsAt, options);
}

/** A held stage: no decision yet, and the date the recruiter gave for the next news, when it is this stage's. */
function holdNote(stageId: string, promise: PromiseView | null, options: DateTimeOptions): string {
  return promise?.kind === PromiseKind.Hold && promise.stageId === stageId
    ? `No decision on this stage yet. You will hear from us again by ${formatDateTime(promise.dueAt, options)}.`
    : 'No decision on this stage yet. The agency will tell you how your application continues.';
}

/**
 * The stages in order, each with what the candidate needs to know about it. The first stage
 * not yet scheduled is "Next"; the ones after it are "Later". A stage on hold is a wait, not a
 * pass: it is "On hold", and nothing after it is "Next" until it is decided; the same after an interview
 * booked or waiting for its feedback, whose answer decides whether there is a next stage. On a closed
 * application the stages that never happened are "Not taking place".
 */
export function stageRows(
  application: Pick<CandidateApplicationView, 'status' | 'stages'> & Partial<Pick<CandidateApplicationView, 'promise'>>,
  now: Date,
  options: DateTimeOptions = {},
): StageRow[] {
  const open = isOpen(application.status);
  const promise = application.promise ?? null;
  const dueOf = (stage: CandidateStageView): AnswerDue | null => {
    const due = open ? withChase(answerDue(stage, now, options), stage.chased) : null;
    // A late answer the agency has given a new date: the stage says both, as "Where you stand" does.
    const newDate =
      promise?.kind === PromiseKind.Answer && promise.stageId === stage.id && new Date(promise.dueAt) > now
        ? promise.dueAt
        : null;
    return due?.late && newDate
      ? { late: true, text: `${due.text.replace(/\.?$/, '.')} You will hear by ${formatDateTime(newDate, options)}.` }
      : due;
  };
  // Nothing after an undecided (held) stage is next: whether there is a next stage is what is undecided.
  let nextFound = false;
  return [...application.stages]
    .sort((a, b) => a.position - b.position)
    .map((stage): StageRow => {
      const base = {
        id: stage.id,
        name: stage.name,
        when: whenOf(stage, options),
        place: placeOf(stage.location),
        due: null,
        feedback: null,
        note: null,
      };
      switch (stage.state) {
        case StageState.FeedbackRecorded:
          if (open && stage.feedback?.onHold) {
            nextFound = true;
            return {
              ...base,
              label: 'On hold',
              tone: 'waiting',
              place: null,
              feedback: {
                message: stage.feedback.candidateMessage,
                recordedOn: formatDate(stage.feedback.recordedAt, options),
              },
              note: holdNote(stage.id, application.promise ?? null, options),
            };
          }
          return {
            ...base,
            label: 'Done',
            tone: 'done',
            place: null,
            feedback: stage.feedback
              ? {
                  message: stage.feedback.candidateMessage,
                  recordedOn: formatDate(stage.feedback.recordedAt, options),
                }
              : null,
          };
        case StageState.Skipped:
          return { ...base, label: 'Skipped', tone: 'skipped', place: null };
        // An interview booked or its answer awaited is what comes next: a stage after it is Later, since
        // whether there is one depends on that answer (as after a stage on hold).
        case StageState.Scheduled:
          if (open) nextFound = true;
          return {
            ...base,
            label: 'Scheduled',
            tone: 'scheduled',
            due: dueOf(stage),
          };
        case StageState.AwaitingFeedback:
          if (open) nextFound = true;
          return {
            ...base,
            label: 'Waiting for feedback',
            tone: 'waiting',
            place: null,
            due: dueOf(stage),
            note: open ? 'The interviewers are writing your feedback.' : null,
          };
        case StageState.Pending: {
          if (!open) {
            return { ...base, label: 'Not taking place', tone: 'skipped' };
          }
          const isNext = !nextFound;
          nextFound = true;
          return isNext
            ? {
                ...base,
                label: 'Next',
                tone: 'next',
                // Before screening no interview is promised: whether there is one is what the agency decides.
                note:
                  application.status === ApplicationStatus.Applied
                    ? 'If you move forward, the agency will contact you to arrange it.'
                    : 'Not scheduled yet. The agency will contact you to arrange it.',
              }
            : { ...base, label: 'Later', tone: 'later' };
        }
      }
    });
}
