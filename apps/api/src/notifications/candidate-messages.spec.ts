import { ApplicationStatus, PromiseKind, StageState, TimelineEventType } from '@heardback/contracts';
import { candidateNextStep, candidateUpdateEmail, candidateUpdateSubject } from './candidate-messages';

const due = new Date('2026-12-02T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe("the candidate's next step", () => {
  const format = (date: Date) => date.toISOString().slice(0, 16);
  const now = at('2026-12-01T10:00:00Z');
  const base = {
    status: ApplicationStatus.Interviewing,
    stageName: 'Technical',
    startsAt: null,
    feedbackDueAt: null,
    promise: null,
  };

  it('gives the promised date whatever state the application is in', () => {
    const promise = { kind: PromiseKind.Hold, dueAt: due };
    expect(candidateNextStep({ ...base, stageState: StageState.FeedbackRecorded, promise }, now, format)).toBe(
      'Your Technical is on hold: you will hear from us again by 2026-12-02T12:00.',
    );
    expect(
      candidateNextStep(
        {
          ...base,
          status: ApplicationStatus.Offer,
          stageState: null,
          promise: { kind: PromiseKind.OfferReply, dueAt: due },
        },
        now,
        format,
      ),
    ).toContain('Please reply to the offer by 2026-12-02T12:00');
  });

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

describe('candidate email subjects', () => {
  it('say what happened, then the job and client', () => {
    expect(candidateUpdateSubject(TimelineEventType.StageScheduled, 'Platform Engineer', 'Acme')).toBe(
      'Interview booked: Platform Engineer at Acme',
    );
    expect(candidateUpdateSubject(TimelineEventType.Rejected, 'Platform Engineer', 'Acme')).toBe(
      'A decision on your application: Platform Engineer at Acme',
    );
    expect(candidateUpdateSubject(TimelineEventType.FeedbackLate, 'Platform Engineer', 'Acme')).toBe(
      'Our answer is late, and we have chased it: Platform Engineer at Acme',
    );
  });

  it('tell a moved interview, and one recorded after it happened, from a new booking', () => {
    expect(candidateUpdateSubject(TimelineEventType.StageScheduled, 'Platform Engineer', 'Acme', 'moved')).toBe(
      'Interview moved: Platform Engineer at Acme',
    );
    expect(candidateUpdateSubject(TimelineEventType.StageScheduled, 'Platform Engineer', 'Acme', 'recorded')).toBe(
      'Interview done, and when you will hear: Platform Engineer at Acme',
    );
    // Only an interview's own event can have moved or recorded one.
    expect(candidateUpdateSubject(TimelineEventType.Rejected, 'Platform Engineer', 'Acme', 'moved')).toBe(
      'A decision on your application: Platform Engineer at Acme',
    );
  });

  it('differ between the things that happen to an application, so an inbox tells the story', () => {
    const subjects = Object.values(TimelineEventType).map((type) => candidateUpdateSubject(type, 'Job', 'Client'));
    const specific = subjects.filter((subject) => !subject.startsWith('Update on your application'));
    expect(new Set(specific).size).toBe(specific.length);
    expect(specific.length).toBeGreaterThanOrEqual(12);
  });
});

describe('the candidate update email', () => {
  const now = at('2026-12-01T10:00:00Z');

  it('greets the candidate by first name and says the next step once, without a stutter', () => {
    const nextStep = candidateNextStep(
      {
        status: ApplicationStatus.Interviewing,
        stageName: 'Phone screen',
        stageState: StageState.Pending,
        startsAt: null,
        feedbackDueAt: null,
        promise: null,
      },
      now,
      (date) => date.toISOString(),
    );
    const { body } = candidateUpdateEmail({
      candidateName: 'Priya Shah',
      jobTitle: 'Pharmacist',
      clientName: 'Acme',
      eventTexts: ['You are through to Phone screen.'],
      nextStep,
      applicationLink: 'https://heardback.example/me/applications/1',
      latest: TimelineEventType.StageStarted,
    });

    expect(body.startsWith('Hello Priya,\n')).toBe(true);
    expect(body).toContain('What happens next: Your recruiter will be in touch to arrange your Phone screen.');
    expect(body).not.toMatch(/next: Next/i);
  });
});
