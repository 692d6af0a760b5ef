import { AgencyApplicationSummary, BoardColumnKey, JobApplicationsBoard } from '@heardback/contracts';
import { boardColumnOf } from '@heardback/domain';

export interface BoardColumn {
  key: BoardColumnKey;
  title: string;
  /** The loaded applications in this column, in the API's order (oldest first). */
  applications: AgencyApplicationSummary[];
  /** How many applications the column holds in all, loaded or not (from the API). */
  total: number;
}

/**
 * A job's applications by where they stand (the rule is `boardColumnOf` in libs/domain, which the
 * API counts with too): one column per pipeline stage, then offers, then closed ones. The board
 * comes a page at a time; each column knows its true total, so a column whose cards are not all
 * loaded yet says so instead of showing a smaller count as if it were all.
 */
export function boardColumns(board: JobApplicationsBoard): BoardColumn[] {
  const pipeline = board.job.pipeline;
  const column = (key: BoardColumnKey, title: string): BoardColumn => ({
    key,
    title,
    applications: [],
    total: board.columnTotals[key] ?? 0,
  });
  const columns = [
    ...pipeline.map((name, index) => column(`stage-${index}`, name)),
    column('offer', 'Offer'),
    column('closed', 'Closed'),
  ];
  const byKey = new Map(columns.map((each) => [each.key, each]));
  for (const application of board.items) {
    byKey.get(boardColumnOf(pipeline, application))?.applications.push(application);
  }
  // A loaded card the counts missed (it arrived between the page and its count) still counts.
  for (const each of columns) each.total = Math.max(each.total, each.applications.length);
  return columns;
}
