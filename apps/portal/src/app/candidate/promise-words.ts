import { ApplicationSummary, CandidateApplicationView, PromiseKind } from '@heardback/contracts';
import { DateTimeOptions, formatDate, formatDateTime } from '../core/date-time';

/**
 * The agency's current promise in the candidate's words: the one place "Where you stand" and the
 * list of applications read them from. The API decides what is promised and by when
 * (`application.promise`); these functions only say it.
 */
export interface PromiseLine {
  late: boolean;
  /** "We will tell you whether you move forward by Tue, 8 Dec 2026, 17:00 GMT". */
  text: string;
  /** Set once the date has moved: where it came from and why. */
  moved: {
    /** "Mon, 7 Dec 2026": the date it replaced, when known. */
    was: string | null;
    /** The words a person sent with the new date; null when the agency's rules moved it. */
    sentence: string | null;
    /** The agency's rules set the new date because nobody answered in time. */
    automatic: boolean;
  } | null;
}

const onHold = (stage: string | null) => (stage ? `Your ${stage} stage is on hold` : 'Your application is on hold');

/** What the candidate hears next, by kind: on time ("… by <date>") and once that date has passed. */
type Words = { onTime: (stage: string | null, due: string) => string; late: (stage: string | null) => string };
const WORDS: Record<PromiseKind, Words> = {
  [PromiseKind.Screening]: {
    onTime: (_, due) => `We will tell you whether you move forward by ${due}`,
    late: () => 'Our answer on whether you move forward is late',
  },
  [PromiseKind.Answer]: {
    onTime: (stage, due) => `We will tell you how your ${stage ?? 'interview'} went by ${due}`,
    late: (stage) => `Our answer about ${stage ?? 'your interview'} is late`,
  },
  [PromiseKind.NextStep]: {
    onTime: (_, due) => `We will tell you when your next interview is by ${due}`,
    late: () => 'Our news about your next interview is late',
  },
  [PromiseKind.Hold]: {
    onTime: (stage, due) => `${onHold(stage)}: you will hear from us again by ${due}`,
    late: (stage) => `${onHold(stage)}, and our news about it is late`,
  },
  [PromiseKind.UpdateRequest]: {
    onTime: (_, due) => `We will answer your question by ${due}`,
    late: () => 'Our answer to your question is late',
  },
  [PromiseKind.OfferReply]: {
    onTime: (_, due) => `Please reply to the offer by ${due}`,
    late: () => 'We are waiting for your reply to the offer',
  },
};

/** What the page says when the agency's rules, not a person, set today's date. */
export const AUTOMATIC_UPDATE_WORDS =
  "We didn't have an answer by the date we gave you. We have chased it; this is the new date.";

/**
 * "Where you stand": the current promise in words, with where its date came from when it moved.
 * Null when nothing is promised (a closed application).
 */
export function promiseLine(
  application: Pick<CandidateApplicationView, 'promise' | 'stages'>,
  now: Date,
  options: DateTimeOptions = {},
): PromiseLine | null {
  const promise = application.promise;
  if (!promise) {
    return null;
  }
  const promised = application.stages.find((candidate) => candidate.id === promise.stageId);
  const stage = promised?.name ?? null;
  const due = formatDateTime(promise.dueAt, options);
  const late = new Date(promise.dueAt).getTime() < now.getTime();
  const words = WORDS[promise.kind];
  const chased = late && promised?.chased ? ' We have chased it.' : '';
  const text = late ? `${words.late(stage)}: it was due ${due}.${chased}` : words.onTime(stage, due);
  const previous = promise.previousDueAts.at(-1);
  const moved =
    promise.sentence !== null || promise.automatic || previous !== undefined
      ? {
          was: previous ? formatDate(previous, options) : null,
          sentence: promise.automatic ? null : promise.sentence,
          automatic: promise.automatic,
        }
      : null;
  return { late, text, moved };
}

/** The list of applications: "Hear by <date>" (or "Reply by" for an offer), late when it has passed. */
export function hearByLine(
  promise: ApplicationSummary['promise'],
  now: Date,
  options: DateTimeOptions = {},
): { late: boolean; text: string } | null {
  if (!promise) {
    return null;
  }
  const due = formatDateTime(promise.dueAt, options);
  const reply = promise.kind === PromiseKind.OfferReply;
  return new Date(promise.dueAt).getTime() < now.getTime()
    ? { late: true, text: reply ? `Your reply was due ${due}` : `Late: you were to hear by ${due}` }
    : { late: false, text: `${reply ? 'Reply by' : 'Hear by'} ${due}` };
}
