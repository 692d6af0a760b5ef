import {
  SCREENING_OPTIONS_MAX,
  SCREENING_OPTIONS_MIN,
  SCREENING_OPTION_MAX_LENGTH,
  SCREENING_PROMPT_MAX_LENGTH,
  SCREENING_QUESTIONS_MAX,
  ScreeningQuestion,
  ScreeningQuestionInput,
  ScreeningQuestionKind,
} from '@heardback/contracts';

/** A question as the editor holds it: the options as typed, one a line. */
export interface QuestionDraft {
  id?: string;
  kind: ScreeningQuestionKind;
  prompt: string;
  required: boolean;
  optionsText: string;
}

export const SCREENING_KIND_LABELS: Record<ScreeningQuestionKind, string> = {
  [ScreeningQuestionKind.ShortText]: 'Short answer in words',
  [ScreeningQuestionKind.YesNo]: 'Yes or no',
  [ScreeningQuestionKind.Choice]: 'One of a few options',
};

export function questionDraft(question?: ScreeningQuestion): QuestionDraft {
  return question
    ? { ...question, optionsText: question.options.join('\n') }
    : { kind: ScreeningQuestionKind.YesNo, prompt: '', required: true, optionsText: '' };
}

function optionsOf(draft: QuestionDraft): string[] {
  return draft.optionsText
    .split('\n')
    .map((option) => option.trim())
    .filter((option) => option !== '');
}

/** What the API receives: options only for a choice. */
export function questionInputs(drafts: readonly QuestionDraft[]): ScreeningQuestionInput[] {
  return drafts.map((draft) => ({
    ...(draft.id ? { id: draft.id } : {}),
    kind: draft.kind,
    prompt: draft.prompt.trim(),
    required: draft.required,
    ...(draft.kind === ScreeningQuestionKind.Choice ? { options: optionsOf(draft) } : {}),
  }));
}

export interface QuestionProblems {
  prompt: string;
  options: string;
}

/** What is wrong with one question, in words that say what to do; '' where nothing is. The API checks the same. */
export function questionProblems(draft: QuestionDraft): QuestionProblems {
  const prompt = draft.prompt.trim();
  const options = optionsOf(draft);
  return {
    prompt:
      prompt === ''
        ? 'Write the question, or remove it.'
        : prompt.length > SCREENING_PROMPT_MAX_LENGTH
          ? `Keep the question to ${SCREENING_PROMPT_MAX_LENGTH} characters or fewer.`
          : '',
    options:
      draft.kind !== ScreeningQuestionKind.Choice
        ? ''
        : options.length < SCREENING_OPTIONS_MIN || options.length > SCREENING_OPTIONS_MAX
          ? `Give from ${SCREENING_OPTIONS_MIN} to ${SCREENING_OPTIONS_MAX} options, one a line.`
          : new Set(options).size !== options.length
            ? 'Give each option once.'
            : options.some((option) => option.length > SCREENING_OPTION_MAX_LENGTH)
              ? `Keep each option to ${SCREENING_OPTION_MAX_LENGTH} characters or fewer.`
              : '',
  };
}

export function questionsValid(drafts: readonly QuestionDraft[]): boolean {
  return (
    drafts.length <= SCREENING_QUESTIONS_MAX &&
    drafts.every((draft) => {
      const problems = questionProblems(draft);
      return problems.prompt === '' && problems.options === '';
    })
  );
}
