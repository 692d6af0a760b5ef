import { ErrorCode, ScreeningQuestion, ScreeningQuestionKind } from '@heardback/contracts';
import { DomainError } from './domain-error';
import { checkScreeningAnswers, findScreeningAnswerProblems } from './screening-answers';
import { normalizeScreeningQuestions } from './screening-questions';

const notice: ScreeningQuestion = {
  id: 'q-notice',
  kind: ScreeningQuestionKind.ShortText,
  prompt: 'What is your notice period?',
  required: true,
  options: [],
};
const permit: ScreeningQuestion = {
  id: 'q-permit',
  kind: ScreeningQuestionKind.YesNo,
  prompt: 'Do you have the right to work in the UK?',
  required: true,
  options: [],
};
const level: ScreeningQuestion = {
  id: 'q-level',
  kind: ScreeningQuestionKind.Choice,
  prompt: 'Your German?',
  required: false,
  options: ['None', 'B1', 'C1'],
};
const questions = [notice, permit, level];

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkScreeningAnswers', () => {
  it('keeps each answer with the prompt as it was asked, in the job order, yes/no in words', () => {
    expect(
      checkScreeningAnswers(questions, [
        { questionId: 'q-permit', answer: 'yes' },
        { questionId: 'q-notice', answer: '  One month ' },
        { questionId: 'q-level', answer: 'B1' },
      ]),
    ).toEqual([
      { prompt: 'What is your notice period?', answer: 'One month' },
      { prompt: 'Do you have the right to work in the UK?', answer: 'Yes' },
      { prompt: 'Your German?', answer: 'B1' },
    ]);
  });

  it('leaves out an optional question left unanswered or answered with blanks', () => {
    const answers = [
      { questionId: 'q-notice', answer: 'None' },
      { questionId: 'q-permit', answer: 'no' },
      { questionId: 'q-level', answer: '   ' },
    ];
    expect(checkScreeningAnswers(questions, answers)).toEqual([
      { prompt: 'What is your notice period?', answer: 'None' },
      { prompt: 'Do you have the right to work in the UK?', answer: 'No' },
    ]);
  });

  it('accepts no answers when the job asks nothing', () => {
    expect(checkScreeningAnswers([], [])).toEqual([]);
  });

  it('refuses a required question left out or blank, naming it', () => {
    const error = refusal(() => checkScreeningAnswers(questions, [{ questionId: 'q-notice', answer: ' ' }]));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.details).toEqual([
      { field: 'answers', reasons: ['must answer “What is your notice period?”'] },
      { field: 'answers', reasons: ['must answer “Do you have the right to work in the UK?”'] },
    ]);
  });

  it('refuses an answer to a question the job does not ask, at its index', () => {
    const problems = findScreeningAnswerProblems(questions, [
      { questionId: 'q-notice', answer: 'Now' },
      { questionId: 'q-permit', answer: 'yes' },
      { questionId: 'q-gone', answer: 'x' },
    ]);
    expect(problems).toEqual([
      { field: 'answers[2]', questionId: null, reason: 'answers a question this job does not ask' },
    ]);
  });

  it('refuses a choice that was not offered and a yes/no that is neither', () => {
    const problems = findScreeningAnswerProblems(questions, [
      { questionId: 'q-notice', answer: 'Now' },
      { questionId: 'q-permit', answer: 'maybe' },
      { questionId: 'q-level', answer: 'Fluent' },
    ]);
    expect(problems.map((problem) => [problem.field, problem.reason])).toEqual([
      ['answers[1]', 'must be yes or no'],
      ['answers[2]', 'must be one of: None, B1, C1'],
    ]);
  });

  it('refuses over-long text and the same question answered twice', () => {
    const problems = findScreeningAnswerProblems(questions, [
      { questionId: 'q-notice', answer: 'x'.repeat(2001) },
      { questionId: 'q-permit', answer: 'yes' },
      { questionId: 'q-permit', answer: 'no' },
    ]);
    expect(problems.map((problem) => [problem.field, problem.reason])).toEqual([
      ['answers[0]', 'must be at most 2000 characters'],
      ['answers[2]', 'answers the same question twice'],
    ]);
  });
});

describe('normalizeScreeningQuestions', () => {
  let next = 0;
  const newId = () => `new-${++next}`;

  it('keeps the id of an edited question and gives new questions new ids', () => {
    next = 0;
    const stored = normalizeScreeningQuestions(
      [
        { id: 'q-notice', kind: ScreeningQuestionKind.ShortText, prompt: ' Notice? ', required: true },
        { kind: ScreeningQuestionKind.YesNo, prompt: 'Permit?', required: false, options: ['dropped'] },
        { id: 'made-up', kind: ScreeningQuestionKind.Choice, prompt: 'Level', required: true, options: ['A', ' B '] },
      ],
      new Set(['q-notice']),
      newId,
    );
    expect(stored).toEqual([
      { id: 'q-notice', kind: 'short_text', prompt: 'Notice?', required: true, options: [] },
      { id: 'new-1', kind: 'yes_no', prompt: 'Permit?', required: false, options: [] },
      { id: 'new-2', kind: 'choice', prompt: 'Level', required: true, options: ['A', 'B'] },
    ]);
  });

  it('refuses a choice with too few, blank or repeated options, naming the question', () => {
    const choice = (options: string[]) => [
      { kind: ScreeningQuestionKind.YesNo, prompt: 'Permit?', required: true },
      { kind: ScreeningQuestionKind.Choice, prompt: 'Level', required: true, options },
    ];
    for (const [options, reason] of [
      [['Only'], 'a choice needs 2 to 10 options'],
      [['A', ' '], 'each option needs words'],
      [['A', 'A '], 'each option must be different'],
    ] as const) {
      const error = refusal(() => normalizeScreeningQuestions(choice([...options]), new Set(), newId));
      expect(error.details).toEqual([{ field: 'screeningQuestions[1].options', reasons: [reason] }]);
    }
  });
});
