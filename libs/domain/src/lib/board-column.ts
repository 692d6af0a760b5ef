import { ApplicationStatus, BoardColumnKey } from '@heardback/contracts';
import { isOpen } from './application-facts';

/** What decides an application's column on its job's board. */
export interface BoardPlace {
  status: ApplicationStatus;
  currentStage: { name: string; position: number } | null;
}

/**
 * Where an application stands on its job's board, one rule for the API's column counts and the
 * portal's columns: closed ones, then offers, then the pipeline stage of its current stage, by
 * name (the pipeline may have been edited since it applied) else by position; none yet: the first.
 */
export function boardColumnOf(pipeline: readonly string[], place: BoardPlace): BoardColumnKey {
  if (!isOpen(place.status)) return 'closed';
  if (place.status === ApplicationStatus.Offer || pipeline.length === 0) return 'offer';
  const stage = place.currentStage;
  if (!stage) return 'stage-0';
  const byName = pipeline.findIndex((name) => name.toLowerCase() === stage.name.toLowerCase());
  const index = byName >= 0 ? byName : Math.min(stage.position, pipeline.length - 1);
  return `stage-${Math.max(index, 0)}`;
}
