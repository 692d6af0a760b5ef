import { ApplicationStatus, StageState } from '@heardback/contracts';
import { canSchedule, currentStage } from './application-progress';
import { aFeedback, aStage, anApplication } from '../testing/factories';

describe('currentStage', () => {
  it('is the stage the API names as current', () => {
    const application = anApplication({
      currentStageId: 'b',
      stages: [
        aStage({ id: 'a', position: 0, state: StageState.FeedbackRecorded, feedback: aFeedback() }),
        aStage({ id: 'b', name: 'Technical interview', position: 1 }),
      ],
    });
    expect(currentStage(application)?.name).toBe('Technical interview');
  });

  it('is none when the API names none, as once the application is closed or has an offer', () => {
    expect(currentStage(anApplication({ status: ApplicationStatus.Offer, currentStageId: null }))).toBeNull();
  });
});

describe('canSchedule', () => {
  it('allows booking or moving an interview until it has taken place', () => {
    expect(canSchedule(aStage({ state: StageState.Pending }))).toBe(true);
    expect(canSchedule(aStage({ state: StageState.Scheduled }))).toBe(true);
    expect(canSchedule(aStage({ state: StageState.AwaitingFeedback }))).toBe(false);
    expect(canSchedule(aStage({ state: StageState.FeedbackRecorded, feedback: aFeedback() }))).toBe(false);
  });
});
