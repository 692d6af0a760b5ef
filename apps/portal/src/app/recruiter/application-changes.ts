import { ApplicationView, StageView } from '@heardback/contracts';
import { APPLICATION_STATUS_LABELS, DECISION_LABELS, STAGE_STATE_LABELS } from '../core/agency-labels';
import { formatShortDateTimeRange } from '../core/date-time';

function feedbackChanged(before: StageView | undefined, after: StageView): boolean {
  return after.feedback !== null && (before?.feedback?.id ?? null) !== after.feedback.id;
}

/**
 * What someone else changed between the version this page showed and the one the API has now,
 * in one sentence per change, most important first.
 */
export function describeChanges(before: ApplicationView, after: ApplicationView): string[] {
  const previous = new Map(before.stages.map((stage) => [stage.id, stage]));
  const changes: string[] = [];

  for (const stage of after.stages) {
    const old = previous.get(stage.id);
    if (feedbackChanged(old, stage) && stage.feedback) {
      const by = stage.feedback.givenBy ? ` by ${stage.feedback.givenBy}` : '';
      changes.push(
        `Someone else recorded feedback a moment ago: “${stage.name}”, ${DECISION_LABELS[stage.feedback.decision].toLowerCase()}, rated ${stage.feedback.rating} of 4${by}. Their message to the candidate: “${stage.feedback.candidateMessage}”`,
      );
    } else if (
      old &&
      stage.startsAt &&
      stage.endsAt &&
      (old.startsAt !== stage.startsAt || old.location !== stage.location)
    ) {
      changes.push(
        `Someone else scheduled “${stage.name}” a moment ago: ${formatShortDateTimeRange(stage.startsAt, stage.endsAt)}, ${stage.location ?? 'no place given'}.`,
      );
    } else if (old && old.state !== stage.state) {
      changes.push(`“${stage.name}” is now “${STAGE_STATE_LABELS[stage.state]}”.`);
    }
  }
  if (before.status !== after.status) {
    changes.push(`The application’s status is now “${APPLICATION_STATUS_LABELS[after.status]}”.`);
  }
  if (changes.length === 0) {
    changes.push('Someone else changed this application a moment ago. The page now shows the latest version.');
  }
  return changes;
}
