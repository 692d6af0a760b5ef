/** The kinds of question staff may ask applicants to one job. */
export enum ScreeningQuestionKind {
  ShortText = 'short_text',
  YesNo = 'yes_no',
  Choice = 'choice',
}

/** The two answers a yes/no question accepts, as sent in `ScreeningAnswerInput.answer`. */
export enum YesNoAnswer {
  Yes = 'yes',
  No = 'no',
}

/** A question a job asks every applicant. `options` is empty unless the kind is `choice`. */
export interface ScreeningQuestion {
  id: string;
  kind: ScreeningQuestionKind;
  prompt: string;
  required: boolean;
  options: string[];
}

/** A question as staff write it: a new one has no id yet; an edited one keeps its id. */
export interface ScreeningQuestionInput {
  id?: string;
  kind: ScreeningQuestionKind;
  prompt: string;
  required: boolean;
  options?: string[];
}

/**
 * One answer in an application: a short text, `yes`/`no`, or exactly one of the offered options.
 * An optional question left unanswered is simply not sent.
 */
export interface ScreeningAnswerInput {
  questionId: string;
  answer: string;
}

/** An answer as the agency reads it: the question's prompt as it was asked, and the answer in words. */
export interface ScreeningAnswerView {
  prompt: string;
  answer: string;
}
