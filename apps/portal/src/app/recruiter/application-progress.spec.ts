import { ApplicationStatus, FeedbackDecision, StageState } from '@heardback/contracts';
import { canSchedule, currentStage, stageAfter, stagesMissingFeedback } from './application-progress';
import { aFeedback, anApplication, aStage } from '../testing/factories';

describe('currentStage', () => {
  it('is the first stage without a decision', () => {
    const application = anApplication();
    expect(currentStage(application)?.name).toBe('Phone screen');

    const advanced = anApplication({
      stages: [
        aStage({ id: 'a', position: 0, state: StageState.FeedbackRecorded, feedback: aFeedback() }),
        aStage({ id: 'b', name: 'Technical interview', position: 1 }),
      ],
    });
    expect(currentStage(advanced)?.name).toBe('Technical interview');
  });

  it('stays on a stage whose feedback is “hold”, since its decision is still to come', () => {
    const application = anApplication({
      stages: [
        aStage({
          id: 'a',
          position: 0,
          state: StageState.FeedbackRecorded,
          feedback: aFeedback({ decision: FeedbackDecision.Hold }),
        }),
        aStage({ id: 'b', name: 'Technical interview', position: 1 }),
      ],
    });
    expect(currentStage(application)?.id).toBe('a');
  });

  it('passes over skipped stages and follows pipeline order, not array order', () => {
    const application = anApplication({
      stages: [
        aStage({ id: 'c', name: 'Final', position: 2 }),
        aStage({ id: 'a', position: 0, state: StageState.Skipped }),
        aStage({ id: 'b', name: 'Technical', position: 1 }),
      ],
    });
    expect(currentStage(application)?.id).toBe('b');
  });

  it('is none once the application is closed or has an offer', () => {
    expect(currentStage(anApplication({ status: ApplicationStatus.Rejected }))).toBeNull();
    expect(currentStage(anApplication({ status: ApplicationStatus.Offer }))).toBeNull();
  });
});

describe('stageAfter', () => {
  it('is the next stage that is not skipped, or none after the last', () => {
    const application = anApplication({
      stages: [
        aStage({ id: 'a', position: 0 }),
        aStage({ id: 'b', position: 1, state: StageState.Skipped }),
        aStage({ id: 'c', name: 'Final', position: 2 }),
      ],
    });
    expect(stageAfter(application, application.stages[0])?.id).toBe('c');
    expect(stageAfter(application, application.stages[2])).toBeNull();
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

describe('stagesMissingFeedback', () => {
  it('lists the stages that took place and have no feedback', () => {
    expect(stagesMissingFeedback(anApplication()).map((stage) => stage.name)).toEqual(['Phone screen']);
  });
});
