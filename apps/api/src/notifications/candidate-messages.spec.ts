import { ApplicationStatus, StageState } from '@heardback/contracts';
import { candidateNextStep } from './candidate-messages';

const due = new Date('2026-12-02T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe("the candidate's next step", () => {
  const format = (date: Date) => date.toISOString().slice(0, 16);
  const now = at('2026-12-01T10:00:00Z');
  const base = { status: ApplicationStatus.Interviewing, stageName: 'Technical', startsAt: null, feedbackDueAt: null };

  it('names the interview time while it is ahead', () => {
    const text = candidateNextStep(
      { ...base, stageState: StageState.Scheduled, startsAt: at('2026-12-03T14:00:00Z') },
      now,
      format,
    );
    expect(text).toBe('Your Technical is on 2026-12-03T14:00.');
  });

  it('promises an answer by the due time once the interview is over', () => {
    const text = candidateNextStep(
      { ...base, stageState: StageState.AwaitingFeedback, feedbackDueAt: due },
      now,
      format,
    );
    expect(text).toBe('You will hear how your Technical went by 2026-12-02T12:00.');
  });

  it('says plainly when the answer is late and that it has been chased', () => {
    const text = candidateNextStep(
      { ...base, stageState: StageState.AwaitingFeedback, feedbackDueAt: due },
      at('2026-12-05T00:00:00Z'),
      format,
    );
    expect(text).toContain('is late');
    expect(text).toContain('chased');
  });

  it('tells a closed application that nothing more will happen', () => {
    expect(candidateNextStep({ ...base, status: ApplicationStatus.Rejected, stageState: null }, now, format)).toContain(
      'closed',
    );
  });
});
