import { ApplicationStatus, FeedbackDecision, StageState } from '@heardback/contracts';
import { describeChanges } from './application-changes';
import { aFeedback, anApplication } from '../testing/factories';

describe('describeChanges', () => {
  it('says who recorded which feedback, with the words the candidate got', () => {
    const before = anApplication();
    const after = anApplication({
      version: 4,
      status: ApplicationStatus.Interviewing,
      stages: before.stages.map((stage) =>
        stage.id === 'stage-1'
          ? {
              ...stage,
              state: StageState.FeedbackRecorded,
              feedback: aFeedback({
                decision: FeedbackDecision.Advance,
                rating: 4,
                givenBy: 'Jo Hiring',
                candidateMessage: 'Great call, see you at the technical.',
              }),
            }
          : stage,
      ),
    });

    expect(describeChanges(before, after)).toEqual([
      'Someone else recorded feedback a moment ago: “Phone screen”, advance, rated 4 of 4 by Jo Hiring. Their message to the candidate: “Great call, see you at the technical.”',
      'The application’s status is now “Interviewing”.',
    ]);
  });

  it('says the application was closed', () => {
    const before = anApplication();
    const after = anApplication({ status: ApplicationStatus.Withdrawn });
    expect(describeChanges(before, after)).toEqual(['The application’s status is now “Withdrawn”.']);
  });

  it('still says something changed when no difference is visible', () => {
    const before = anApplication();
    expect(describeChanges(before, anApplication({ version: 9 }))).toEqual([
      'Someone else changed this application a moment ago. The page now shows the latest version.',
    ]);
  });
});
