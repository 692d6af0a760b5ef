import { ErrorCode, PIPELINE_MAX_STAGES, STAGE_NAME_MAX_LENGTH } from '@heardback/contracts';
import { DomainError, fieldError } from './domain-error';

/** A job's pipeline: one to twelve distinct, non-blank stage names, in order. Returns them trimmed. */
export function normalizePipeline(stageNames: readonly string[]): string[] {
  if (stageNames.length === 0) {
    throw fieldError('pipeline', 'must have at least one stage');
  }
  if (stageNames.length > PIPELINE_MAX_STAGES) {
    throw fieldError('pipeline', `must have at most ${PIPELINE_MAX_STAGES} stages`);
  }
  const trimmed = stageNames.map((name) => name.trim());
  const problems: string[] = [];
  trimmed.forEach((name, index) => {
    if (name.length === 0) problems.push(`stage ${index + 1} has no name`);
    if (name.length > STAGE_NAME_MAX_LENGTH)
      problems.push(`stage ${index + 1} is longer than ${STAGE_NAME_MAX_LENGTH} characters`);
  });
  const seen = new Set<string>();
  for (const name of trimmed) {
    const key = name.toLowerCase();
    if (seen.has(key) && name.length > 0) problems.push(`"${name}" appears more than once`);
    seen.add(key);
  }
  if (problems.length > 0) {
    throw new DomainError(ErrorCode.ValidationFailed, `pipeline: ${problems.join('; ')}`, [
      { field: 'pipeline', reasons: problems },
    ]);
  }
  return trimmed;
}
