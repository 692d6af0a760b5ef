import { AgencyApplicationSummary, ApplicationStatus, JobApplicationsBoard, StageState } from '@heardback/contracts';
import { boardColumns } from './board-columns';
import { anAgencyApplication, anAgencyJob } from '../testing/factories';

const job = { ...anAgencyJob(), pipeline: ['Phone screen', 'Technical', 'Final'] };
const at = (name: string, position: number) => ({
  id: `s-${position}`,
  name,
  position,
  state: StageState.Scheduled,
  feedbackDueAt: null,
});

const board = (items: AgencyApplicationSummary[], columnTotals: JobApplicationsBoard['columnTotals'] = {}) => ({
  job,
  items,
  nextCursor: null,
  total: items.length,
  columnTotals,
});

describe('boardColumns', () => {
  it('puts each application in its current stage’s column, then offers, then closed ones', () => {
    const columns = boardColumns(
      board([
        anAgencyApplication({ id: 'a', currentStage: at('Phone screen', 0) }),
        anAgencyApplication({ id: 'b', currentStage: at('Technical', 1) }),
        anAgencyApplication({ id: 'c', status: ApplicationStatus.Offer, currentStage: at('Final', 2) }),
        anAgencyApplication({ id: 'd', status: ApplicationStatus.Rejected, currentStage: at('Phone screen', 0) }),
        anAgencyApplication({ id: 'e', status: ApplicationStatus.Hired, currentStage: null }),
      ]),
    );

    expect(columns.map((column) => [column.title, column.applications.map((a) => a.id)])).toEqual([
      ['Phone screen', ['a']],
      ['Technical', ['b']],
      ['Final', []],
      ['Offer', ['c']],
      ['Closed', ['d', 'e']],
    ]);
  });

  it('places an application by its stage’s position when the pipeline was renamed since', () => {
    const [, technical] = boardColumns(
      board([anAgencyApplication({ id: 'x', currentStage: at('Tech interview', 1) })]),
    );
    expect(technical.applications.map((a) => a.id)).toEqual(['x']);
  });

  it('puts an open application with no stage yet in the first column', () => {
    const [first] = boardColumns(board([anAgencyApplication({ id: 'y', currentStage: null })]));
    expect(first.applications.map((a) => a.id)).toEqual(['y']);
  });

  it('gives every column its true total from the API, however few of its cards are loaded', () => {
    const columns = boardColumns(
      board([anAgencyApplication({ id: 'a', currentStage: at('Technical', 1) })], { 'stage-1': 40, closed: 12 }),
    );
    expect(columns.map((column) => [column.title, column.applications.length, column.total])).toEqual([
      ['Phone screen', 0, 0],
      ['Technical', 1, 40],
      ['Final', 0, 0],
      ['Offer', 0, 0],
      ['Closed', 0, 12],
    ]);
  });
});
