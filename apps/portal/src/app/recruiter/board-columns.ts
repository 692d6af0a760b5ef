import { AgencyApplicationSummary, ApplicationStatus, JobApplicationsBoard } from '@heardback/contracts';
import { isOpen } from '@heardback/domain';

export interface BoardColumn {
  key: string;
  title: string;
  applications: AgencyApplicationSummary[];
}

/**
 * A job's applications by where they stand: one column per pipeline stage, then offers, then
 * closed ones. An application whose stage no longer matches the pipeline by name (the pipeline
 * was edited after it applied) goes by its stage's position.
 */
export function boardColumns(board: JobApplicationsBoard): BoardColumn[] {
  const pipeline = board.job.pipeline;
  const stageColumns: BoardColumn[] = pipeline.map((name, index) => ({
    key: `stage-${index}`,
    title: name,
    applications: [],
  }));
  const offers: BoardColumn = { key: 'offer', title: 'Offer', applications: [] };
  const closed: BoardColumn = { key: 'closed', title: 'Closed', applications: [] };

  const columnFor = (application: AgencyApplicationSummary): BoardColumn => {
    if (!isOpen(application.status)) return closed;
    if (application.status === ApplicationStatus.Offer) return offers;
    const stage = application.currentStage;
    if (!stage) return stageColumns[0] ?? offers;
    const byName = pipeline.findIndex((name) => name.toLowerCase() === stage.name.toLowerCase());
    const index = byName >= 0 ? byName : Math.min(stage.position, pipeline.length - 1);
    return stageColumns[Math.max(index, 0)] ?? offers;
  };

  for (const application of board.applications) {
    columnFor(application).applications.push(application);
  }
  return [...stageColumns, offers, closed];
}
