import { ApplicationStatus, StageState, WaitingFor } from '@heardback/contracts';
import { DateTimeOptions, formatDateTime } from '../core/date-time';
import { WAITING_FOR_TEXT } from '../display-labels';

export interface AnswerDue {
  late: boolean;
  /** "Answer expected by Tue, 1 Dec 2026, 14:00 GMT" or "Late since …". */
  text: string;
}

/** States in which an answer about the stage is still to come. */
const ANSWER_TO_COME: readonly StageState[] = [StageState.Scheduled, StageState.AwaitingFeedback];

/**
 * When the candidate will hear about a stage: by its feedback deadline, or, once that has
 * passed without an answer, since when the answer is late. Null when no answer is owed.
 */
export function answerDue(
  stage: { state: StageState; feedbackDueAt: string | null } | null,
  now: Date,
  options: DateTimeOptions = {},
): AnswerDue | null {
  if (!stage?.feedbackDueAt || !ANSWER_TO_COME.includes(stage.state)) {
    return null;
  }
  const due = formatDateTime(stage.feedbackDueAt, options);
  return new Date(stage.feedbackDueAt).getTime() < now.getTime()
    ? { late: true, text: `Late since ${due}` }
    : { late: false, text: `Answer expected by ${due}` };
}

/** A late answer, saying so when the agency has chased it ("Late since …. We have chased it."): the API's `chased`. */
export function withChase(due: AnswerDue | null, chased: boolean): AnswerDue | null {
  return due?.late && chased ? { late: true, text: `${due.text}. We have chased it.` } : due;
}

/** What the application waits for, in the candidate's words. */
export function waitingForText(waitingFor: WaitingFor, status: ApplicationStatus): string {
  if (status === ApplicationStatus.Hired) {
    return 'Nothing: you got the job. Congratulations!';
  }
  return WAITING_FOR_TEXT[waitingFor];
}
