import {
  ErrorCode,
  FieldError,
  SCREENING_ANSWER_MAX_LENGTH,
  ScreeningAnswerInput,
  ScreeningAnswerView,
  ScreeningQuestion,
  ScreeningQuestionKind,
  YesNoAnswer,
} from '@heardback/contracts';
import { DomainError } from './domain-error';

/** What is wrong with one answer (`answers[i]`), or with the answers as a whole (a required question left out). */
export interface ScreeningAnswerProblem {
  field: string;
  /** The question the problem is about, when there is one: the portal puts the message beside it. */
  questionId: string | null;
  reason: string;
}

const YES_NO_WORDS: Record<YesNoAnswer, string> = { [YesNoAnswer.Yes]: 'Yes', [YesNoAnswer.No]: 'No' };

/**
 * Every problem with a candidate's answers to a job's questions, in the order the answers were sent,
 * then the required questions left unanswered in the job's order. Empty: the answers may be sent.
 * An answer of blank text counts as no answer.
 */
export function findScreeningAnswerProblems(
  questions: readonly ScreeningQuestion[],
  answers: readonly ScreeningAnswerInput[],
): ScreeningAnswerProblem[] {
  const byId = new Map(questions.map((question) => [question.id, question]));
  const answered = new Set<string>();
  const problems: ScreeningAnswerProblem[] = [];
  answers.forEach((given, index) => {
    const field = `answers[${index}]`;
    const question = byId.get(given.questionId);
    if (!question) {
      problems.push({ field, questionId: null, reason: 'answers a question this job does not ask' });
      return;
    }
    if (answered.has(question.id)) {
      problems.push({ field, questionId: question.id, reason: 'answers the same question twice' });
      return;
    }
    answered.add(question.id);
    const reason = answerProblem(question, given.answer.trim());
    if (reason) problems.push({ field, questionId: question.id, reason });
  });
  for (const question of questions) {
    const given = answers.find((answer) => answer.questionId === question.id);
    if (question.required && (!given || given.answer.trim() === '')) {
      problems.push({ field: 'answers', questionId: question.id, reason: `must answer “${question.prompt}”` });
    }
  }
  return problems;
}

/**
 * The answers as they are kept with the application: each question's prompt as it was asked and the
 * answer in words, in the job's order, so editing the job later changes nothing a candidate answered.
 * Refuses (VALIDATION_FAILED, one field per problem) anything `findScreeningAnswerProblems` finds.
 */
export function checkScreeningAnswers(
  questions: readonly ScreeningQuestion[],
  answers: readonly ScreeningAnswerInput[],
): ScreeningAnswerView[] {
  const problems = findScreeningAnswerProblems(questions, answers);
  if (problems.length > 0) {
    const details: FieldError[] = problems.map(({ field, reason }) => ({ field, reasons: [reason] }));
    throw new DomainError(
      ErrorCode.ValidationFailed,
      `Some answers cannot be sent: ${problems.map(({ field, reason }) => `${field} ${reason}`).join('; ')}.`,
      details,
    );
  }
  return questions.flatMap((question) => {
    const answer = answers.find((given) => given.questionId === question.id)?.answer.trim() ?? '';
    if (answer === '') return [];
    return [{ prompt: question.prompt, answer: answerInWords(question, answer) }];
  });
}

function answerProblem(question: ScreeningQuestion, answer: string): string | null {
  if (answer === '') return null;
  switch (question.kind) {
    case ScreeningQuestionKind.ShortText:
      return answer.length > SCREENING_ANSWER_MAX_LENGTH
        ? `must be at most ${SCREENING_ANSWER_MAX_LENGTH} characters`
        : null;
    case ScreeningQuestionKind.YesNo:
      return answer in YES_NO_WORDS ? null : 'must be yes or no';
    case ScreeningQuestionKind.Choice:
      return question.options.includes(answer) ? null : `must be one of: ${question.options.join(', ')}`;
  }
}

function answerInWords(question: ScreeningQuestion, answer: string): string {
  return question.kind === ScreeningQuestionKind.YesNo ? YES_NO_WORDS[answer as YesNoAnswer] : answer;
}
