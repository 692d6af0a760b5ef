import { ApplicationStatus, FeedbackDecision, PromiseKind, StageState } from '@heardback/contracts';
import { answerDue } from './answer-due';
import { stageRows } from './stage-rows';
import { aCandidateApplicationBetweenInterviews, aFeedback, aPromise, aStage, TEST_NOW } from '../testing/factories';

const inLondon = { locale: 'en-GB', timeZone: 'Europe/London' };

describe('answerDue', () => {
  it('says by when the answer is expected, in the reader’s time zone', () => {
    expect(
      answerDue({ state: StageState.AwaitingFeedback, feedbackDueAt: '2026-06-02T16:00:00.000Z' }, TEST_NOW, inLondon),
    ).toEqual({
      late: false,
      text: 'Answer expected by Tue, 2 Jun 2026, 17:00 BST',
    });
  });

  it('says since when it is late once the deadline has passed', () => {
    expect(
      answerDue({ state: StageState.AwaitingFeedback, feedbackDueAt: '2026-05-29T08:30:00.000Z' }, TEST_NOW, {
        locale: 'en-GB',
        timeZone: 'Asia/Tokyo',
      }),
    ).toEqual({ late: true, text: 'Late since Fri, 29 May 2026, 17:30 GMT+9' });
  });

  it('owes no answer for a stage whose feedback is recorded', () => {
    expect(
      answerDue({ state: StageState.FeedbackRecorded, feedbackDueAt: '2026-05-29T08:30:00.000Z' }, TEST_NOW),
    ).toBeNull();
  });
});

describe('stageRows', () => {
  it('marks recorded stages Done with the candidate’s message, word for word', () => {
    const [done] = stageRows(aCandidateApplicationBetweenInterviews(), TEST_NOW, inLondon);

    expect(done.label).toBe('Done');
    expect(done.feedback?.message).toBe(
      'You explained your product decisions clearly. We would like you to meet the engineering lead next.',
    );
    expect(done.feedback?.recordedOn).toBe('Sat, 2 May 2026');
  });

  it('gives a scheduled interview its time, its link and when the answer is due', () => {
    const [, scheduled] = stageRows(aCandidateApplicationBetweenInterviews(), TEST_NOW, inLondon);

    expect(scheduled.label).toBe('Scheduled');
    // ICU decides the spacing around the dash.
    expect(scheduled.when).toMatch(/^Wed, 10 Jun 2026, 14:00\s?–\s?15:00 BST$/);
    expect(scheduled.place).toEqual({
      text: 'https://meet.example.com/abc',
      href: 'https://meet.example.com/abc',
    });
    expect(scheduled.due?.text).toBe('Answer expected by Fri, 12 Jun 2026, 15:00 BST');
  });

  it('calls the first unscheduled stage Next and the ones after it Later', () => {
    const application = aCandidateApplicationBetweenInterviews({
      stages: [
        aStage({ id: 'a', name: 'Phone screen', position: 0 }),
        aStage({ id: 'b', name: 'Technical interview', position: 1 }),
        aStage({ id: 'c', name: 'Final interview', position: 2 }),
      ],
    });

    expect(stageRows(application, TEST_NOW).map((row) => [row.name, row.label])).toEqual([
      ['Phone screen', 'Next'],
      ['Technical interview', 'Later'],
      ['Final interview', 'Later'],
    ]);
  });

  it('calls nothing Next while an interview is booked or its answer awaited: whether there is one depends on it', () => {
    for (const state of [StageState.Scheduled, StageState.AwaitingFeedback]) {
      const application = aCandidateApplicationBetweenInterviews({
        stages: [
          aStage({ id: 'a', name: 'Phone screen', position: 0, state, feedbackDueAt: '2026-06-03T16:00:00.000Z' }),
          aStage({ id: 'b', name: 'Final interview', position: 1 }),
        ],
      });
      const [, after] = stageRows(application, TEST_NOW, inLondon);
      expect([after.name, after.label, after.note]).toEqual(['Final interview', 'Later', null]);
    }
  });

  it('promises no interview to an applicant who has not been screened yet', () => {
    const application = aCandidateApplicationBetweenInterviews({
      status: ApplicationStatus.Applied,
      stages: [aStage({ id: 'a', name: 'Phone screen', position: 0 })],
    });

    const [first] = stageRows(application, TEST_NOW);
    expect([first.label, first.note]).toEqual([
      'Next',
      'If you move forward, the agency will contact you to arrange it.',
    ]);
  });

  it('shows a stage on hold as a wait, with its message, and calls nothing after it Next', () => {
    const application = aCandidateApplicationBetweenInterviews({
      stages: [
        aStage({
          id: 'a',
          name: 'Phone screen',
          position: 0,
          state: StageState.FeedbackRecorded,
          feedback: aFeedback({
            decision: FeedbackDecision.Hold,
            candidateMessage: 'We are waiting for the client to confirm the budget; we will be back to you.',
          }),
        }),
        aStage({ id: 'b', name: 'Technical interview', position: 1 }),
      ],
    });

    const [held, after] = stageRows(application, TEST_NOW, inLondon);
    expect([held.label, held.tone]).toEqual(['On hold', 'waiting']);
    expect(held.feedback?.message).toBe('We are waiting for the client to confirm the budget; we will be back to you.');
    expect(held.note).toContain('No decision on this stage yet');
    expect([after.label, after.note]).toEqual(['Later', null]);
  });

  it('gives a held stage the date the recruiter set, and never a green Done or a Next after it', () => {
    const heldStages = [
      aStage({
        id: 'a',
        name: 'Phone screen',
        position: 0,
        state: StageState.FeedbackRecorded,
        feedback: aFeedback({ decision: FeedbackDecision.Hold, onHold: true }),
      }),
      aStage({ id: 'b', name: 'Technical interview', position: 1 }),
      aStage({ id: 'c', name: 'Final interview', position: 2 }),
    ];
    const application = aCandidateApplicationBetweenInterviews({
      stages: heldStages,
      promise: aPromise({ kind: PromiseKind.Hold, stageId: 'a', dueAt: '2026-06-05T16:00:00.000Z' }),
    });

    const rows = stageRows(application, TEST_NOW, inLondon);
    expect(rows.map((row) => [row.label, row.tone])).toEqual([
      ['On hold', 'waiting'],
      ['Later', 'later'],
      ['Later', 'later'],
    ]);
    expect(rows[0].note).toBe(
      'No decision on this stage yet. You will hear from us again by Fri, 5 Jun 2026, 17:00 BST.',
    );

    // A promise about another stage does not lend its date to this one.
    const other = stageRows(
      { ...application, promise: aPromise({ kind: PromiseKind.Hold, stageId: 'b' }) },
      TEST_NOW,
      inLondon,
    );
    expect(other[0].note).toBe(
      'No decision on this stage yet. The agency will tell you how your application continues.',
    );
  });

  it('says a late answer is late', () => {
    const application = aCandidateApplicationBetweenInterviews({
      stages: [
        aStage({
          state: StageState.AwaitingFeedback,
          startsAt: '2026-05-28T10:00:00.000Z',
          endsAt: '2026-05-28T11:00:00.000Z',
          feedbackDueAt: '2026-05-30T11:00:00.000Z',
        }),
      ],
    });

    const [waiting] = stageRows(application, TEST_NOW, inLondon);
    expect(waiting.label).toBe('Waiting for feedback');
    expect(waiting.due).toEqual({
      late: true,
      text: 'Late since Sat, 30 May 2026, 12:00 BST',
    });
  });

  it('gives a late answer the new date the agency set for it, chased, so the stage and the summary agree', () => {
    const application = aCandidateApplicationBetweenInterviews({
      stages: [
        aStage({
          id: 'late',
          state: StageState.AwaitingFeedback,
          startsAt: '2026-05-28T10:00:00.000Z',
          endsAt: '2026-05-28T11:00:00.000Z',
          feedbackDueAt: '2026-05-30T11:00:00.000Z',
          chased: true,
        }),
      ],
      promise: aPromise({ stageId: 'late', dueAt: '2026-06-03T16:00:00.000Z', automatic: true }),
    });

    const [waiting] = stageRows(application, TEST_NOW, inLondon);
    expect(waiting.due).toEqual({
      late: true,
      text: 'Late since Sat, 30 May 2026, 12:00 BST. We have chased it. You will hear by Wed, 3 Jun 2026, 17:00 BST.',
    });

    // A promise about another stage, or one already past, lends this stage no date.
    const other = stageRows(
      { ...application, promise: aPromise({ stageId: 'other', dueAt: '2026-06-03T16:00:00.000Z' }) },
      TEST_NOW,
      inLondon,
    );
    expect(other[0].due?.text).toBe('Late since Sat, 30 May 2026, 12:00 BST. We have chased it.');
    const past = stageRows(
      { ...application, promise: aPromise({ stageId: 'late', dueAt: '2026-05-31T16:00:00.000Z' }) },
      TEST_NOW,
      inLondon,
    );
    expect(past[0].due?.text).toBe('Late since Sat, 30 May 2026, 12:00 BST. We have chased it.');
  });

  it('says the agency has chased a late answer on the stage the API says was chased, and no other', () => {
    const lateStage = (id: string, name: string, position: number, chased: boolean) =>
      aStage({
        id,
        name,
        position,
        state: StageState.AwaitingFeedback,
        startsAt: '2026-05-28T10:00:00.000Z',
        endsAt: '2026-05-28T11:00:00.000Z',
        feedbackDueAt: '2026-05-30T11:00:00.000Z',
        chased,
      });
    const application = aCandidateApplicationBetweenInterviews({
      stages: [lateStage('a', 'Technical interview', 0, false), lateStage('b', 'Technical interview 2', 1, true)],
      // The chase itself is far back in the timeline: the view's newest entries need not hold it.
      timeline: [],
    });

    const [first, second] = stageRows(application, TEST_NOW, inLondon);
    expect(second.due).toEqual({
      late: true,
      text: 'Late since Sat, 30 May 2026, 12:00 BST. We have chased it.',
    });
    expect(first.due?.text).toBe('Late since Sat, 30 May 2026, 12:00 BST');
  });

  it('does not say "chased" for an answer that is not late yet', () => {
    const application = aCandidateApplicationBetweenInterviews();
    application.stages[1] = { ...application.stages[1], chased: true };

    const [, scheduled] = stageRows(application, TEST_NOW, inLondon);
    expect(scheduled.due?.text).toBe('Answer expected by Fri, 12 Jun 2026, 15:00 BST');
  });

  it('shows stages that will not happen on a closed application as not taking place, with no deadlines', () => {
    const application = aCandidateApplicationBetweenInterviews({
      status: ApplicationStatus.Withdrawn,
      stages: [
        aStage({
          state: StageState.AwaitingFeedback,
          feedbackDueAt: '2026-05-30T11:00:00.000Z',
        }),
        aStage({ id: 'b', position: 1 }),
      ],
    });

    const rows = stageRows(application, TEST_NOW);
    expect(rows[0].due).toBeNull();
    expect(rows[1].label).toBe('Not taking place');
  });
});
