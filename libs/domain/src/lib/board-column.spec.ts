import { ApplicationStatus } from '@heardback/contracts';
import { boardColumnOf } from './board-column';

const pipeline = ['Phone screen', 'Technical', 'Final'];
const at = (name: string, position: number) => ({ name, position });

describe('boardColumnOf', () => {
  it('puts closed applications in the closed column whatever their stage', () => {
    expect(boardColumnOf(pipeline, { status: ApplicationStatus.Rejected, currentStage: at('Technical', 1) })).toBe(
      'closed',
    );
    expect(boardColumnOf(pipeline, { status: ApplicationStatus.Hired, currentStage: null })).toBe('closed');
  });

  it('puts offers in the offer column', () => {
    expect(boardColumnOf(pipeline, { status: ApplicationStatus.Offer, currentStage: at('Final', 2) })).toBe('offer');
  });

  it('places an open application by its stage name, else by its position, else first', () => {
    expect(boardColumnOf(pipeline, { status: ApplicationStatus.Interviewing, currentStage: at('technical', 0) })).toBe(
      'stage-1',
    );
    expect(boardColumnOf(pipeline, { status: ApplicationStatus.Interviewing, currentStage: at('Renamed', 7) })).toBe(
      'stage-2',
    );
    expect(boardColumnOf(pipeline, { status: ApplicationStatus.Applied, currentStage: null })).toBe('stage-0');
  });
});
