import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  ApplicationStatus,
  ApplicationView,
  ErrorCode,
  FeedbackDecision,
  StageState,
  TimelineEventType,
} from '@heardback/contracts';
import { ApplicationPage } from './application-page';
import { aFeedback, anApplication, apiErrorBody, aPromise, aStage, TEST_NOW } from '../testing/factories';
import { routeHarness } from '../testing/setup';

describe('ApplicationPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({
        routes: [{ path: 'recruiter/applications/:id', component: ApplicationPage }],
        now: TEST_NOW,
      })),
  );

  // The client feedback panel asks for its drafts and links with each version; it has its own spec.
  afterEach(() => {
    http
      .match((request) => /\/client-(feedback|review-links)$/.test(request.url))
      .forEach((request) => request.cancelled || request.flush([]));
    http.verify();
  });

  const view = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const applicationRequest = (): TestRequest => http.expectOne('/api/applications/app-1');
  const stageItems = () => Array.from(view().querySelectorAll('.stage'));
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.trim() === name);

  async function open(application: ApplicationView = anApplication(), url = '/recruiter/applications/app-1') {
    await harness.navigateByUrl(url);
    applicationRequest().flush(application);
    await settle();
  }

  async function fillFeedback() {
    const root = view();
    const radios = Array.from(root.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    // Decision "Advance" comes first; the ratings 1–4 follow the three decisions.
    radios[0].click();
    radios[5].click();
    const message = root.querySelector('hb-feedback-form textarea') as HTMLTextAreaElement;
    message.value = 'Thank you, it was a pleasure.';
    message.dispatchEvent(new Event('input'));
    await settle();
    // "Check and send…", then "Send feedback".
    (root.querySelector('hb-feedback-form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
    (root.querySelector('hb-feedback-form button[type="submit"]') as HTMLButtonElement).click();
    await settle();
  }

  it('shows a held stage as on hold, not as passed', async () => {
    await open(
      anApplication({
        stages: [
          aStage({
            id: 'stage-1',
            position: 0,
            state: StageState.FeedbackRecorded,
            feedback: aFeedback({ decision: FeedbackDecision.Hold }),
          }),
          aStage({ id: 'stage-2', name: 'Technical interview', position: 1 }),
        ],
        currentStageId: 'stage-1',
      }),
    );

    const badge = stageItems()[0].querySelector('.badge');
    expect(badge?.textContent?.trim()).toBe('On hold');
    expect(badge?.classList).not.toContain('badge--done');
  });

  it('shows the candidate’s promise, moves its date, and says so', async () => {
    await open(anApplication({ promise: aPromise({ dueAt: '2026-06-05T16:00:00.000Z' }), redatingsLeft: 1 }));
    expect(view().querySelector('[data-testid="promise-now"]')?.textContent).toContain('The answer about Phone screen');
    expect(view().querySelector('[data-testid="moves-left"]')?.textContent?.trim()).toBe(
      '1 more move before staff must approve.',
    );

    const set = (id: string, value: string) => {
      const control = view().querySelector(`#${id}`) as HTMLInputElement;
      control.value = value;
      control.dispatchEvent(new Event('input'));
    };
    set('move-date-date', '2026-06-10');
    set('move-date-sentence', 'The client is away until Tuesday.');
    await settle();
    (view().querySelector('hb-promise-panel button[type="submit"]') as HTMLButtonElement).click();
    http.expectOne({ method: 'POST', url: '/api/applications/app-1/promise' }).flush(
      anApplication({
        version: 4,
        promise: aPromise({
          dueAt: '2026-06-10T16:00:00.000Z',
          sentence: 'The client is away until Tuesday.',
          previousDueAts: ['2026-06-05T16:00:00.000Z'],
        }),
        redatingsLeft: 0,
      }),
    );
    await settle();

    expect(view().querySelector('.announcement')?.textContent).toMatch(
      /^\s*The date is moved to .+, and Ana Silva is sent your words\.\s*$/,
    );
    expect(view().querySelector('hb-promise-panel blockquote')?.textContent?.trim()).toBe(
      'The client is away until Tuesday.',
    );
    expect(view().querySelector('[data-testid="redating-limit"]')?.textContent).toContain(
      'Only staff can move it again',
    );
  });

  it('shows the candidate, the job and every stage with its state', async () => {
    await open(
      anApplication({
        stages: [
          aStage({
            id: 'stage-1',
            position: 0,
            state: StageState.FeedbackRecorded,
            feedback: aFeedback({
              candidateMessage: 'You were great.',
              internalNotes: 'Top of the pile.',
            }),
          }),
          aStage({ id: 'stage-2', name: 'Technical interview', position: 1 }),
        ],
        status: ApplicationStatus.Interviewing,
        currentStageId: 'stage-2',
      }),
    );

    expect(view().querySelector('h1')?.textContent?.trim()).toBe('Ana Silva');
    expect(view().textContent).toContain('Backend Engineer');
    expect(stageItems().map((item) => item.querySelector('h3')?.textContent?.trim())).toEqual([
      '1. Phone screen',
      '2. Technical interview',
    ]);
    const [done, next] = stageItems();
    expect(done.querySelector('.badge')?.textContent?.trim()).toBe('Feedback recorded');
    expect(done.querySelector('blockquote')?.textContent).toBe('You were great.');
    expect(done.querySelector('.stage__internal')?.textContent).toContain('Internal — never shown to the candidate');
    expect(done.querySelector('.stage__internal')?.textContent).toContain('Top of the pile.');
    expect(next.getAttribute('aria-current')).toBe('step');
    // The next stage is not booked yet: the page offers to schedule it.
    expect(view().querySelector('hb-schedule-form')).not.toBeNull();
  });

  it('offers the feedback form for a stage that took place, and moves focus to it from the queue’s link', async () => {
    await open(anApplication(), '/recruiter/applications/app-1#record-feedback');

    expect(view().querySelector('hb-feedback-form')).not.toBeNull();
    expect(view().querySelector('hb-schedule-form')).toBeNull();
    expect(document.activeElement?.id).toBe('record-feedback');
  });

  it('shows who interviews at a stage, the client’s people picked marked as such', async () => {
    const application = anApplication();
    application.stages[0] = {
      ...application.stages[0],
      interviewers: ['Riley Recruiter'],
      clientInterviewers: [{ id: 'c1', fullName: 'Grace Hopper', email: 'grace@northwind.example', role: 'CTO' }],
    };
    await open(application);
    expect(stageItems()[0].textContent).toContain('Interviewers: Riley Recruiter, Grace Hopper (client, CTO)');
    expect(stageItems()[1].textContent).not.toContain('Interviewers:');
  });

  it('links a video-call place, and shows an address as text', async () => {
    const application = anApplication();
    await open(
      anApplication({
        stages: [
          { ...application.stages[0], location: 'https://meet.example.com/abc' },
          { ...application.stages[1], location: '1 Quay Street, Leeds', state: StageState.Scheduled },
        ],
      }),
    );
    const [call, office] = stageItems();
    expect(call.querySelector('a')?.getAttribute('href')).toBe('https://meet.example.com/abc');
    expect(office.querySelector('a')).toBeNull();
    expect(office.textContent).toContain('1 Quay Street, Leeds');
  });

  it('shows the new state and says so once feedback is recorded', async () => {
    await open();
    await fillFeedback();

    const after = anApplication({
      version: 4,
      status: ApplicationStatus.Interviewing,
      currentStageId: 'stage-2',
      stages: [
        aStage({ id: 'stage-1', position: 0, state: StageState.FeedbackRecorded, feedback: aFeedback() }),
        aStage({ id: 'stage-2', name: 'Technical interview', position: 1 }),
      ],
    });
    http.expectOne('/api/applications/app-1/stages/stage-1/feedback').flush(after);
    await settle();

    expect(view().querySelector('.announcement')?.textContent?.trim()).toBe(
      'Feedback for Phone screen is recorded and the candidate can read it. Next stage: Technical interview.',
    );
    expect(view().querySelector('#record-feedback')?.textContent?.trim()).toBe('Current stage: Technical interview');
  });

  it('reloads on a 409 and says what someone else recorded, keeping the unsent message', async () => {
    await open();
    await fillFeedback();
    http
      .expectOne('/api/applications/app-1/stages/stage-1/feedback')
      .flush(...apiErrorBody(409, ErrorCode.StaleVersion, 'Someone else changed this application.'));
    await settle();

    const latest = anApplication({
      version: 4,
      status: ApplicationStatus.Rejected,
      currentStageId: null,
      stages: [
        aStage({
          id: 'stage-1',
          position: 0,
          state: StageState.FeedbackRecorded,
          feedback: aFeedback({
            decision: FeedbackDecision.Reject,
            rating: 1,
            givenBy: 'Sam Staff',
            candidateMessage: 'We will not go ahead.',
          }),
        }),
      ],
    });
    applicationRequest().flush(latest);
    await settle();

    const notice = view().querySelector('[data-testid="change-notice"]') as HTMLElement;
    expect(notice.textContent).toContain(
      'Someone else recorded feedback a moment ago: “Phone screen”, reject, rated 1 of 4 by Sam Staff.',
    );
    expect(notice.textContent).toContain('The application’s status is now “Rejected”.');
    expect(notice.querySelector('blockquote')?.textContent).toBe('Thank you, it was a pleasure.');
    expect(document.activeElement).toBe(notice);
    // Rejected: nothing is current any more, so the form is gone.
    expect(view().querySelector('hb-feedback-form')).toBeNull();
  });

  it('says when the application cannot be loaded, and “Try again” asks again', async () => {
    await harness.navigateByUrl('/recruiter/applications/app-1');
    applicationRequest().flush(...apiErrorBody(404, ErrorCode.NotFound, 'This application does not exist.'));
    await settle();

    expect(view().querySelector('[role="alert"]')?.textContent).toContain('This application does not exist.');
    button('Try again')?.click();
    await settle();
    applicationRequest().flush(anApplication());
    await settle();
    expect(view().querySelector('h1')?.textContent?.trim()).toBe('Ana Silva');
  });

  it('sends the candidate an update and announces it, only while the application is open', async () => {
    await open();
    const message = view().querySelector('#candidate-message-text') as HTMLTextAreaElement;
    expect(view().querySelector('#send-update')?.textContent?.trim()).toBe('Send the candidate an update');
    message.value = 'The client decides on Friday.';
    message.dispatchEvent(new Event('input'));
    await settle();
    button('Send the update')?.click();
    await settle();
    const post = http.expectOne({ method: 'POST', url: '/api/applications/app-1/messages' });
    expect(post.request.body).toEqual({ text: 'The client decides on Friday.', version: 3 });
    post.flush(anApplication({ version: 4 }));
    await settle();
    expect(view().querySelector('.announcement')?.textContent).toContain(
      'Your message is sent: Ana Silva can read it now',
    );
  });

  it('offers no update form on a closed application', async () => {
    await open(anApplication({ status: ApplicationStatus.Withdrawn, currentStageId: null }));
    expect(view().querySelector('#send-update')).toBeNull();
  });

  it('quotes what the candidate was told, apart from the agency’s own history', async () => {
    await open(
      anApplication({
        timeline: [
          {
            at: '2026-11-10T08:00:00.000Z',
            type: TimelineEventType.Applied,
            stageId: null,
            text: 'You applied for Platform Engineer at Acme.',
            toCandidate: true,
          },
          {
            at: '2026-11-10T09:00:00.000Z',
            type: TimelineEventType.StageScheduled,
            stageId: null,
            text: 'Riley Recruiter scheduled Phone screen with Sam Client.',
            toCandidate: false,
          },
        ],
      }),
    );
    const entries = Array.from(view().querySelectorAll('.timeline__entry'));
    // Newest first: the agency's own line, then the candidate's, quoted and said to be theirs.
    expect(entries[0].querySelector('q')).toBeNull();
    expect(entries[0].textContent).toContain('Riley Recruiter scheduled Phone screen');
    expect(entries[1].querySelector('q')?.textContent).toBe('You applied for Platform Engineer at Acme.');
    // A space between the label and the quote (Angular drops whitespace-only text between elements).
    expect(entries[1].querySelector('.timeline__told')?.textContent).toBe(
      'Told the candidate: You applied for Platform Engineer at Acme.',
    );
  });

  it('lists older timeline entries a page at a time under the newest ones, quoted as before', async () => {
    await open(anApplication({ earlierTimelineCursor: 'c1' }));
    const entries = () => Array.from(view().querySelectorAll('.timeline__entry'));
    expect(entries()).toHaveLength(1);

    button('Load more earlier timeline entries')?.click();
    http.expectOne('/api/applications/app-1/timeline?cursor=c1').flush({
      items: [
        {
          at: '2026-11-01T08:00:00.000Z',
          type: TimelineEventType.Reassigned,
          stageId: null,
          text: 'Staff gave this application to Riley Recruiter.',
          toCandidate: false,
        },
      ],
      nextCursor: null,
    });
    await settle();
    expect(entries().map((entry) => entry.textContent?.trim())).toEqual([
      expect.stringContaining('You applied.'),
      expect.stringContaining('Staff gave this application to Riley Recruiter.'),
    ]);
    expect(document.activeElement).toBe(entries()[1]);
    expect(button('Load more earlier timeline entries')).toBeUndefined();
  });
});
