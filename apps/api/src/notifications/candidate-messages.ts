import {
  ApplicationStatus,
  CandidateUpdateKind,
  PromiseKind,
  StageState,
  TimelineEventType,
} from '@heardback/contracts';
import { greeting } from './greeting';

/**
 * Every sentence a candidate reads about their applications: their timeline, and the emails that
 * carry it. Services pass the facts, with times already written out for the reader; the words
 * live here only, so rewording one is a change to this file and nothing else (the portal reads
 * events by type and stage, never by text).
 */

// What the candidate did.

/**
 * No interview is promised yet: whether there will be one is what the agency answers. The date
 * is the application's `screeningAnswerDueAt`, shown in the reader's zone under "Where you stand";
 * a date written into this text would stay in the agency's zone.
 */
export function appliedText(jobTitle: string, clientName: string): string {
  return `You applied for ${jobTitle} at ${clientName}. We will tell you whether you move forward; "Where you stand" shows by when.`;
}

/** The receipt's first words (ADR 0083); the timeline's sentence above speaks of the page, this of the email. */
export function applicationReceivedText(jobTitle: string, clientName: string): string {
  return `We have received your application for ${jobTitle} at ${clientName}. Thank you for applying.`;
}

export function withdrawnText(reason: string): string {
  return `You withdrew your application: "${reason}"`;
}

const UPDATE_LABELS: Record<CandidateUpdateKind, string> = {
  [CandidateUpdateKind.OtherOffer]: 'Another offer',
  [CandidateUpdateKind.Availability]: 'Availability',
  [CandidateUpdateKind.Note]: 'Note',
  [CandidateUpdateKind.RequestUpdate]: 'Asked for an update',
};

/**
 * What the candidate told the agency, with the date that matters: when the recruiter will
 * answer a request for an update, or when the candidate must answer another offer.
 */
export function candidateUpdateText(
  kind: CandidateUpdateKind,
  text: string,
  dates: { answerDue: string | null; theirDeadline: string | null },
): string {
  const suffix = dates.answerDue
    ? ` Your recruiter will answer by ${dates.answerDue}.`
    : dates.theirDeadline
      ? ` (You need to answer it by ${dates.theirDeadline}.)`
      : '';
  return `${UPDATE_LABELS[kind]}: "${text}"${suffix}`;
}

export function decisionDateText(when: string | null): string {
  return when
    ? `You told us you will move on after ${when}. We will make sure you have an answer before then.`
    : 'You cleared your decision date.';
}

// Interviews and feedback. Placing and moving one: `interviewSlotText()` in `@heardback/contracts`.

export function interviewInviteTitle(stageName: string, jobTitle: string, clientName: string): string {
  return `${stageName}: ${jobTitle} at ${clientName}`;
}

export function interviewEndedText(stageName: string, feedbackDue: string | null): string {
  return feedbackDue
    ? `Your ${stageName} is done. You will hear how it went by ${feedbackDue}.`
    : `Your ${stageName} is done. You will hear how it went soon.`;
}

/** The feedback's own words, as the recruiter wrote them for the candidate. */
export function feedbackText(stageName: string, candidateMessage: string): string {
  return `Feedback on ${stageName}: ${candidateMessage}`;
}

export function throughToStageText(stageName: string): string {
  return `You are through to ${stageName}. We will be in touch to arrange it.`;
}

// Decisions on the application.

export const PASSED_EVERY_STAGE_TEXT = 'Good news: you have passed every stage and an offer is on its way.';
export const HIRED_TEXT = 'Congratulations: you have accepted the offer and are hired.';
/** Follows the feedback that rejected the application, whose words say why. */
export const CLOSED_AFTER_FEEDBACK_TEXT = 'This application is now closed.';

export function rejectedText(candidateMessage: string): string {
  return `The application has been closed: ${candidateMessage}`;
}

export function jobClosedText(candidateMessage: string): string {
  return `This job is no longer open, so your application is closed: ${candidateMessage}`;
}

export function recruiterMessageText(senderName: string, text: string): string {
  return `Message from ${senderName}: ${text}`;
}

// The agency's promise: what the candidate hears about next, and by when.

/** What a promise is about, as a candidate reads it ("the answer about your Technical"). */
export function promiseSubject(kind: PromiseKind, stageName: string | null): string {
  const stage = stageName ? `your ${stageName}` : 'your interview';
  switch (kind) {
    case PromiseKind.Screening:
      return 'whether you move forward';
    case PromiseKind.Answer:
      return `the answer about ${stage}`;
    case PromiseKind.NextStep:
      return stageName ? `the date of ${stage}` : 'your next step';
    case PromiseKind.Hold:
      return `news on ${stage}`;
    case PromiseKind.UpdateRequest:
      return 'the answer to your question';
    case PromiseKind.OfferReply:
      return 'your reply to the offer';
  }
}

/** The promise itself, in a sentence ("Where you stand" says the same in the reader's zone). */
export function promiseSentence(kind: PromiseKind, stageName: string | null, due: string): string {
  const stage = stageName ? `your ${stageName}` : 'your interview';
  switch (kind) {
    case PromiseKind.OfferReply:
      return `Please reply to the offer by ${due}: accept or decline it on your application page.`;
    case PromiseKind.Screening:
      return `We will tell you whether you move forward by ${due}.`;
    case PromiseKind.Answer:
      return `You will hear how ${stage} went by ${due}.`;
    case PromiseKind.Hold:
      return `${stageName ? `Your ${stageName}` : 'Your application'} is on hold: you will hear from us again by ${due}.`;
    case PromiseKind.UpdateRequest:
      return `We will answer your question by ${due}.`;
    case PromiseKind.NextStep:
      return `We will tell you ${promiseSubject(kind, stageName)} by ${due}.`;
  }
}

/** A person moved the date, and says why in their own words. */
export function promiseRedatedText(kind: PromiseKind, stageName: string | null, due: string, sentence: string): string {
  return `New date for ${promiseSubject(kind, stageName)}: ${due}. ${sentence.trim()}`;
}

/** Nobody acted by the date: the agency's rules say so honestly, and give the next date. */
export function promiseLapsedText(kind: PromiseKind, stageName: string | null, due: string): string {
  if (kind === PromiseKind.OfferReply) {
    return `The date to reply to the offer has passed. Your recruiter will be in touch; please reply by ${due}.`;
  }
  return `We don't have ${promiseSubject(kind, stageName)} for you yet, and we said you would by now. We have chased it, and you will hear from us by ${due}.`;
}

/** A long silence before the date: no news yet, and the date still stands. */
export function promiseCheckInText(kind: PromiseKind, stageName: string | null, due: string): string {
  if (kind === PromiseKind.OfferReply) {
    return `Your offer still stands: please reply by ${due}. Your recruiter is here if you have questions.`;
  }
  return `No news yet on ${promiseSubject(kind, stageName)}: we are on it, and you will hear from us by ${due}.`;
}

// The email that carries timeline events to the candidate.

export interface NextStepFacts {
  status: ApplicationStatus;
  stageName: string | null;
  stageState: StageState | null;
  startsAt: Date | null;
  feedbackDueAt: Date | null;
  /** The agency's open promise, which says what happens next and by when. */
  promise: { kind: PromiseKind; dueAt: Date } | null;
}

/**
 * "What happens next, and by when", in the words a candidate reads in every update.
 * `formatTime` renders an instant for the reader (time zone and locale are the caller's choice).
 */
export function candidateNextStep(facts: NextStepFacts, now: Date, formatTime: (at: Date) => string): string {
  switch (facts.status) {
    case ApplicationStatus.Offer:
      return facts.promise
        ? promiseSentence(facts.promise.kind, null, formatTime(facts.promise.dueAt))
        : 'Your recruiter will call you with the details of the offer.';
    case ApplicationStatus.Hired:
      return 'Nothing more to do here. Welcome aboard!';
    case ApplicationStatus.Rejected:
    case ApplicationStatus.Withdrawn:
    case ApplicationStatus.JobClosed:
      return 'This application is closed; nothing more will happen on it.';
    default:
      break;
  }
  if (facts.stageState === StageState.Scheduled && facts.startsAt && facts.startsAt.getTime() > now.getTime()) {
    return `Your ${facts.stageName} is on ${formatTime(facts.startsAt)}.`;
  }
  if (facts.promise) {
    return promiseSentence(facts.promise.kind, facts.stageName, formatTime(facts.promise.dueAt));
  }
  if (!facts.stageName) {
    return 'Your recruiter will be in touch about the next step.';
  }
  switch (facts.stageState) {
    case StageState.Scheduled:
      return dueLine(facts.stageName, facts.feedbackDueAt, now, formatTime);
    case StageState.AwaitingFeedback:
      return dueLine(facts.stageName, facts.feedbackDueAt, now, formatTime);
    case StageState.FeedbackRecorded:
      return 'Your recruiter will tell you about the decision.';
    default:
      return `Your recruiter will be in touch to arrange your ${facts.stageName}.`;
  }
}

function dueLine(stageName: string, dueAt: Date | null, now: Date, formatTime: (at: Date) => string): string {
  if (!dueAt) return `You will hear how your ${stageName} went soon.`;
  if (dueAt.getTime() < now.getTime()) {
    return `Our answer about your ${stageName} is late (it was due ${formatTime(dueAt)}). We have chased it and will write as soon as we have it.`;
  }
  return `You will hear how your ${stageName} went by ${formatTime(dueAt)}.`;
}

export interface CandidateUpdateEmailFacts {
  candidateName: string;
  jobTitle: string;
  clientName: string;
  /** The texts of the timeline events the email carries, in order. */
  eventTexts: string[];
  nextStep: string;
  applicationLink: string;
  /** What the email is mainly about: the last thing that happened names it in the subject. */
  latest: TimelineEventType;
  /** What that last thing did to an interview: moved one already booked, or recorded one already over. */
  latestInterview?: 'moved' | 'recorded' | null;
  /** The calendar invite sent with the email, if any. */
  invite?: 'REQUEST' | 'CANCEL' | null;
  /** A closing email's "how did we do" questions (`howWeDidEmailLines`), if it asks them. */
  howWeDid?: string[] | null;
}

/** Subjects say what happened; the job and client follow. The inbox shows the story without opening it. */
const SUBJECT_SAYS: Partial<Record<TimelineEventType, string>> = {
  [TimelineEventType.Applied]: 'Application received',
  [TimelineEventType.StageScheduled]: 'Interview booked',
  [TimelineEventType.InterviewEnded]: 'Interview done, and when you will hear',
  [TimelineEventType.FeedbackRecorded]: 'Feedback on your interview',
  [TimelineEventType.FeedbackCorrected]: 'Corrected feedback on your interview',
  [TimelineEventType.FeedbackLate]: 'Our answer is late, and we have chased it',
  [TimelineEventType.StageStarted]: 'Your next step',
  [TimelineEventType.OfferMade]: 'An offer',
  [TimelineEventType.Hired]: 'You are hired',
  [TimelineEventType.Rejected]: 'A decision on your application',
  [TimelineEventType.Withdrawn]: 'Application withdrawn',
  [TimelineEventType.RecruiterMessage]: 'A message from your recruiter',
  [TimelineEventType.JobClosed]: 'The job has closed',
  [TimelineEventType.PromiseRedated]: 'A new date for our answer',
  [TimelineEventType.PromiseUpdated]: 'No answer yet: we have chased it, and a new date',
  [TimelineEventType.PromiseCheckIn]: 'No news yet, and your date stands',
  [TimelineEventType.OfferReplyNudge]: 'A reminder about your offer',
};

/**
 * Placing an interview is not always a new booking: one placed again at another time moved, and one
 * placed only once it was over (recorded after the fact) is done, with the answer to come.
 */
const INTERVIEW_NEWS_SAYS = {
  moved: 'Interview moved',
  recorded: SUBJECT_SAYS[TimelineEventType.InterviewEnded],
} as const;

export function candidateUpdateSubject(
  latest: TimelineEventType,
  jobTitle: string,
  clientName: string,
  interview: 'moved' | 'recorded' | null = null,
): string {
  const says =
    latest === TimelineEventType.StageScheduled && interview ? INTERVIEW_NEWS_SAYS[interview] : SUBJECT_SAYS[latest];
  return `${says ?? 'Update on your application'}: ${jobTitle} at ${clientName}`;
}

/** One email per application per change: what happened, what happens next, and where to look. */
const INVITE_SENTENCE: Record<'REQUEST' | 'CANCEL', string> = {
  REQUEST: 'The calendar invite is attached: adding it replaces any earlier one for this interview.',
  CANCEL: 'The attached calendar update removes this interview from your calendar.',
};

export function candidateUpdateEmail(facts: CandidateUpdateEmailFacts): { subject: string; body: string } {
  return {
    subject: candidateUpdateSubject(facts.latest, facts.jobTitle, facts.clientName, facts.latestInterview),
    body: [
      greeting(facts.candidateName),
      '',
      ...facts.eventTexts.flatMap((text) => [text, '']),
      ...(facts.invite ? [INVITE_SENTENCE[facts.invite], ''] : []),
      `What happens next: ${facts.nextStep}`,
      '',
      ...(facts.howWeDid ? [...facts.howWeDid, ''] : []),
      `See where you stand at any time: ${facts.applicationLink}`,
      '',
      `Heardback, for ${facts.clientName}`,
    ].join('\n'),
  };
}
