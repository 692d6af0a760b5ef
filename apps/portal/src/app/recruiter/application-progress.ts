import { ApplicationView, StageState, StageView } from '@heardback/contracts';

function byPosition(stages: readonly StageView[]): StageView[] {
  return [...stages].sort((a, b) => a.position - b.position);
}

/** The stage the agency acts on next, as the API names it: none once the application is closed or has an offer. */
export function currentStage(application: ApplicationView): StageView | null {
  return application.stages.find((stage) => stage.id === application.currentStageId) ?? null;
}

/** The stage that follows `stage`, or null when it is the last one. */
export function stageAfter(application: ApplicationView, stage: StageView): StageView | null {
  return (
    byPosition(application.stages).find(
      (later) => later.position > stage.position && later.state !== StageState.Skipped,
    ) ?? null
  );
}

/** A stage can be (re)scheduled until its interview has taken place. */
export function canSchedule(stage: StageView): boolean {
  return stage.feedback === null && (stage.state === StageState.Pending || stage.state === StageState.Scheduled);
}
