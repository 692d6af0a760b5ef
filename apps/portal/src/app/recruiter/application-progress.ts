import { ApplicationView, StageState, StageView } from '@heardback/contracts';

/** The stage the agency acts on next, as the API names it: none once the application is closed or has an offer. */
export function currentStage(application: ApplicationView): StageView | null {
  return application.stages.find((stage) => stage.id === application.currentStageId) ?? null;
}

/** A stage can be (re)scheduled until its interview has taken place. */
export function canSchedule(stage: StageView): boolean {
  return stage.feedback === null && (stage.state === StageState.Pending || stage.state === StageState.Scheduled);
}
