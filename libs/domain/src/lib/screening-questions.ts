import {
  SCREENING_OPTIONS_MAX,
  SCREENING_OPTIONS_MIN,
  ScreeningQuestion,
  ScreeningQuestionInput,
  ScreeningQuestionKind,
} from '@heardback/contracts';
import { fieldError } from './domain-error';

/**
 * A job's questions as they are stored, from what staff wrote: prompts and options trimmed, options
 * kept only for a choice (which needs SCREENING_OPTIONS_MIN to _MAX different ones), and every question
 * given its id. An edited question keeps its id; a new one, or one whose id the job does not know, gets
 * `newId()`. Field shapes and lengths are the DTO's to check; this checks what depends on the kind.
 */
export function normalizeScreeningQuestions(
  inputs: readonly ScreeningQuestionInput[],
  existingIds: ReadonlySet<string>,
  newId: () => string,
): ScreeningQuestion[] {
  const kept = new Set<string>();
  return inputs.map((input, index) => {
    const options = input.kind === ScreeningQuestionKind.Choice ? (input.options ?? []).map((o) => o.trim()) : [];
    if (input.kind === ScreeningQuestionKind.Choice) {
      const field = `screeningQuestions[${index}].options`;
      if (options.length < SCREENING_OPTIONS_MIN || options.length > SCREENING_OPTIONS_MAX) {
        throw fieldError(field, `a choice needs ${SCREENING_OPTIONS_MIN} to ${SCREENING_OPTIONS_MAX} options`);
      }
      if (options.some((option) => option === '')) throw fieldError(field, 'each option needs words');
      if (new Set(options).size !== options.length) throw fieldError(field, 'each option must be different');
    }
    const id = input.id && existingIds.has(input.id) && !kept.has(input.id) ? input.id : newId();
    kept.add(id);
    return { id, kind: input.kind, prompt: input.prompt.trim(), required: input.required, options };
  });
}
