import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  ApplicationStatus,
  ApplicationView,
  CandidateApplicationView,
  ErrorCode,
  PromiseKind,
  StageState,
  TimelineEventType,
  WaitingFor,
} from '@heardback/contracts';
import { ApplicationPage } from './application-page';
import {
  aCandidateApplicationBetweenInterviews,
  apiErrorBody,
  aPromise,
  aStage,
  aUser,
  TEST_NOW,
} from '../testing/factories';
import { routeHarness, signedInAs } from '../testing/setup';
import { aSatisfactionView } from '../testing/satisfaction-factories';
import { formatDateTime, formatDateTimeRange } from '../core/date-time';
import { setViewerTimeZone } from '../core/viewer-time-zone';

describe('ApplicationPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({
        routes: [{ path: 'me/applications/:id', component: ApplicationPage }],
        now: TEST_NOW,
      })),
  );

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  const settle = () => harness.fixture.whenStable();
  const view = () => harness.routeNativeElement as HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const stages = () => Array.from(view().querySelectorAll('.stage'));
  const button = (name: string, root: ParentNode = view()) =>
    Array.from(root.querySelectorAll('button')).find((b) => text(b) === name);
  const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');

  /** A date as the page writes it, in this browser's language and zone; spaces as `text()` reads them. */
  const when = (iso: string) => formatDateTime(iso).replace(/\s+/g, ' ');

  /** Between interviews, waiting for the feedback on stage-1, due on 30 May 2026 at 11:00 UTC. */
  function aLateFeedbackApplication(overrides: Partial<ApplicationView> = {}): CandidateApplicationView {
    return aCandidateApplicationBetweenInterviews({
      waitingFor: WaitingFor.Feedback,
      currentStageId: 'stage-1',
      stages: [
        aStage({
          state: StageState.AwaitingFeedback,
          startsAt: '2026-05-28T10:00:00.000Z',
          endsAt: '2026-05-28T11:00:00.000Z',
          feedbackDueAt: '2026-05-30T11:00:00.000Z',
        }),
      ],
      promise: aPromise({ kind: PromiseKind.Answer, stageId: 'stage-1', dueAt: '2026-05-30T11:00:00.000Z' }),
      ...overrides,
    });
  }

  async function open(application: CandidateApplicationView = aCandidateApplicationBetweenInterviews()) {
    await harness.navigateByUrl(`/me/applications/${application.id}`);
    http.expectOne(`/api/applications/${application.id}`).flush(application);
    await settle();
  }

  it('shows each stage by name with its state: done with the feedback message, scheduled, and the one after it later', async () => {
    await open();

    expect(
      stages().map((stage) => [text(stage.querySelector('h3')), text(stage.querySelector('.stage__label'))]),
    ).toEqual([
      ['Phone screen', 'Done'],
      ['Technical interview', 'Scheduled'],
      ['Final interview', 'Later'],
    ]);
    expect(text(stages()[0].querySelector('blockquote'))).toBe(
      'You explained your product decisions clearly. We would like you to meet the engineering lead next.',
    );
    expect(text(stages()[1])).toMatch(/When: .*2026/);
    expect(stages()[1].querySelector('a')?.getAttribute('href')).toBe('https://meet.example.com/abc');
    expect(text(stages()[1])).toMatch(/Answer expected by /);
  });

  it('says, once the deadline has passed, that the answer is late', async () => {
    await open(aLateFeedbackApplication());

    expect(text(view().querySelector('.summary'))).toContain('The interviewers are writing your feedback.');
    expect(text(view().querySelector('.summary .due'))).toBe(
      `Our answer about Phone screen is late: it was due ${when('2026-05-30T11:00:00.000Z')}.`,
    );
    expect(view().querySelector('.summary .due')?.classList).toContain('due--late');
    expect(text(stages()[0])).toContain('Waiting for feedback');
  });

  it('lists what has happened, newest first', async () => {
    await open();

    const events = Array.from(view().querySelectorAll('.event__text'), text);
    expect(events).toEqual([
      'Feedback on your Phone screen is ready.',
      'You applied for E-commerce Product Manager at Orchard Retail.',
    ]);
  });

  it('says “Application not found” for a 404, and shows nothing of an application', async () => {
    await harness.navigateByUrl('/me/applications/someone-elses');
    http.expectOne('/api/applications/someone-elses').flush(...apiErrorBody(404, ErrorCode.NotFound, 'Not found'));
    await settle();

    expect(text(view().querySelector('h1'))).toBe('Application not found');
    expect(stages()).toHaveLength(0);
    expect(button('Withdraw application')).toBeUndefined();
  });

  it('asks for a reason before withdrawing, then withdraws and shows the application closed', async () => {
    await open();

    button('Withdraw application')?.click();
    await settle();
    const opened = dialog();
    expect(opened).not.toBeNull();
    expect(opened?.getAttribute('aria-modal')).toBe('true');
    expect(text(opened?.querySelector('#withdraw-title'))).toBe('Withdraw your application?');

    button('Withdraw application', opened as HTMLElement)?.click();
    await settle();
    expect(text(opened?.querySelector('#withdraw-reason-error'))).toBe('Tell the agency why, in a few words.');
    http.expectNone('/api/applications/app-1/withdraw');

    const reason = opened?.querySelector('textarea') as HTMLTextAreaElement;
    reason.value = '  I accepted another offer. ';
    reason.dispatchEvent(new Event('input'));
    button('Withdraw application', opened as HTMLElement)?.click();
    const request = http.expectOne({
      method: 'POST',
      url: '/api/applications/app-1/withdraw',
    });
    expect(request.request.body).toEqual({
      reason: 'I accepted another offer.',
      version: 3,
    });
    request.flush(
      aCandidateApplicationBetweenInterviews({
        status: ApplicationStatus.Withdrawn,
        currentStageId: null,
        waitingFor: WaitingFor.Nothing,
        timeline: [
          {
            at: '2026-06-01T12:00:00.000Z',
            type: TimelineEventType.Withdrawn,
            stageId: null,
            text: 'You withdrew your application: "I accepted another offer."',
          },
        ],
      }),
    );
    await settle();

    expect(dialog()).toBeNull();
    expect(text(view().querySelector('.summary'))).toContain('Withdrawn');
    expect(button('Withdraw application')).toBeUndefined();
  });

  it('keeps the application when the candidate cancels the dialog', async () => {
    await open();

    button('Withdraw application')?.click();
    await settle();
    button('Keep my application', dialog() as HTMLElement)?.click();
    await settle();

    expect(dialog()).toBeNull();
    expect(button('Withdraw application')).toBeDefined();
  });

  it('offers no withdraw button on a closed application', async () => {
    await open(
      aCandidateApplicationBetweenInterviews({
        status: ApplicationStatus.Rejected,
        currentStageId: null,
        waitingFor: WaitingFor.Nothing,
      }),
    );

    // A closed application asks how we did (application-satisfaction.spec covers it).
    http.expectOne('/api/me/applications/app-1/satisfaction').flush(aSatisfactionView());
    await settle();
    expect(button('Withdraw application')).toBeUndefined();
    expect(text(view().querySelector('.summary'))).toContain('Not successful');
  });

  it('says why a closed application was not successful in “Where you stand”, before anything else', async () => {
    await open(
      aCandidateApplicationBetweenInterviews({
        status: ApplicationStatus.Rejected,
        currentStageId: null,
        waitingFor: WaitingFor.Nothing,
        closingWords: 'Thank you, Ana. The client chose someone with more retail experience.',
      }),
    );
    http.expectOne('/api/me/applications/app-1/satisfaction').flush(aSatisfactionView());
    await settle();
    const summary = view().querySelector('.summary');
    expect(text(summary?.querySelector('.closing__label'))).toBe('What we told you');
    expect(text(summary?.querySelector('blockquote'))).toBe(
      'Thank you, Ana. The client chose someone with more retail experience.',
    );
    // Read before the survey and the stages.
    const closing = view().querySelector('[data-testid="closing-words"]') as Element;
    const stages = view().querySelector('section[aria-labelledby="stages-heading"]') as Element;
    expect(closing.compareDocumentPosition(stages) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('has a “Tell your recruiter” section on an open application, and none on a closed one', async () => {
    await open();
    const tell = view().querySelector('section[aria-labelledby="tell-heading-main"]');
    expect(text(tell?.querySelector('h2'))).toBe('Tell your recruiter');
    expect(Array.from(tell?.querySelectorAll('h3') ?? [], text)).toEqual([
      'Ask for an update',
      'Another offer, your availability, or something else',
      'Your decision date',
    ]);

    await harness.navigateByUrl('/me/applications/app-2');
    http.expectOne('/api/applications/app-2').flush(
      aCandidateApplicationBetweenInterviews({
        id: 'app-2',
        status: ApplicationStatus.JobClosed,
        currentStageId: null,
        waitingFor: WaitingFor.Nothing,
      }),
    );
    await settle();
    http.expectOne('/api/me/applications/app-2/satisfaction').flush(aSatisfactionView());
    await settle();
    expect(view().querySelector('section[aria-labelledby="tell-heading-main"]')).toBeNull();
    expect(button('Ask for an update')).toBeUndefined();
  });

  it('shows what the candidate sent on the timeline at once, from the application the API returns', async () => {
    await open();

    const box = view().querySelector('#tell-text') as HTMLTextAreaElement;
    box.value = 'An offer from Pine Labs.';
    box.dispatchEvent(new Event('input'));
    button('Send to your recruiter')?.click();
    http.expectOne('/api/applications/app-1/updates').flush(
      aCandidateApplicationBetweenInterviews({
        timeline: [
          ...aCandidateApplicationBetweenInterviews().timeline,
          {
            at: '2026-06-01T12:00:00.000Z',
            type: TimelineEventType.CandidateUpdate,
            stageId: null,
            text: 'Another offer: "An offer from Pine Labs."',
          },
        ],
      }),
    );
    await settle();

    expect(text(view().querySelector('.event__text'))).toBe('Another offer: "An offer from Pine Labs."');
  });

  it('lists older updates a page at a time under the newest ones, and starts again from a newer view', async () => {
    const entry = (day: number, words: string) => ({
      at: `2026-05-${String(day).padStart(2, '0')}T09:00:00.000Z`,
      type: TimelineEventType.RecruiterMessage,
      stageId: null,
      text: words,
    });
    const base = aCandidateApplicationBetweenInterviews();
    await open({ ...base, timeline: [entry(20, 'Third.'), entry(21, 'Fourth.')], earlierTimelineCursor: 'c1' });
    const shown = () => Array.from(view().querySelectorAll('.event__text'), text);
    expect(shown()).toEqual(['Fourth.', 'Third.']);

    button('Load more earlier updates')?.click();
    http
      .expectOne('/api/applications/app-1/timeline?cursor=c1')
      .flush({ items: [entry(10, 'Second.')], nextCursor: 'c2' });
    await settle();
    expect(shown()).toEqual(['Fourth.', 'Third.', 'Second.']);
    // Keyboard and screen reader users land on the first entry just added.
    expect(document.activeElement?.textContent).toContain('Second.');

    button('Load more earlier updates')?.click();
    http
      .expectOne('/api/applications/app-1/timeline?cursor=c2')
      .flush({ items: [entry(1, 'First.')], nextCursor: null });
    await settle();
    expect(shown()).toEqual(['Fourth.', 'Third.', 'Second.', 'First.']);
    expect(button('Load more earlier updates')).toBeUndefined();

    // Telling the recruiter something returns a newer view: the list starts again from its newest entries.
    const box = view().querySelector('#tell-text') as HTMLTextAreaElement;
    box.value = 'An offer from Pine Labs.';
    box.dispatchEvent(new Event('input'));
    button('Send to your recruiter')?.click();
    http.expectOne('/api/applications/app-1/updates').flush({
      ...base,
      timeline: [entry(21, 'Fourth.'), entry(22, 'Fifth.')],
      earlierTimelineCursor: 'c3',
    });
    await settle();
    expect(shown()).toEqual(['Fifth.', 'Fourth.']);
    expect(button('Load more earlier updates')).toBeDefined();
  });

  it('drops a page of older updates that arrives after a newer view, and can load again at once', async () => {
    const base = aCandidateApplicationBetweenInterviews();
    await open({ ...base, earlierTimelineCursor: 'c1' });
    button('Load more earlier updates')?.click();
    const late = http.expectOne('/api/applications/app-1/timeline?cursor=c1');
    await settle();
    expect(button('Loading more… earlier updates')).toBeDefined();

    // The candidate tells their recruiter something meanwhile: the answer is a newer view.
    const box = view().querySelector('#tell-text') as HTMLTextAreaElement;
    box.value = 'An offer from Pine Labs.';
    box.dispatchEvent(new Event('input'));
    button('Send to your recruiter')?.click();
    http.expectOne('/api/applications/app-1/updates').flush({ ...base, earlierTimelineCursor: 'c2' });
    await settle();
    late.flush({
      items: [
        { at: '2026-04-01T09:00:00.000Z', type: TimelineEventType.RecruiterMessage, stageId: null, text: 'Old.' },
      ],
      nextCursor: null,
    });
    await settle();

    expect(Array.from(view().querySelectorAll('.event__text'), text)).not.toContain('Old.');
    button('Load more earlier updates')?.click();
    http.expectOne('/api/applications/app-1/timeline?cursor=c2').flush({ items: [], nextCursor: null });
  });

  it('says plainly when older updates could not be loaded, and lets the candidate try again', async () => {
    await open({ ...aCandidateApplicationBetweenInterviews(), earlierTimelineCursor: 'c1' });
    button('Load more earlier updates')?.click();
    http
      .expectOne('/api/applications/app-1/timeline?cursor=c1')
      .flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(text(view().querySelector('hb-load-more [role="alert"]'))).toMatch(
      /^More earlier updates could not be loaded\. .+ Select “Load more” to try again\.$/,
    );
    button('Load more earlier updates')?.click();
    http.expectOne('/api/applications/app-1/timeline?cursor=c1').flush({ items: [], nextCursor: null });
    await settle();
    expect(view().querySelector('hb-load-more [role="alert"]')).toBeNull();
  });

  it('says in the summary and on the stage that a late answer has been chased', async () => {
    const late = aLateFeedbackApplication();
    // Chased is the API's fact about the whole timeline; the view's newest entries need not hold the chase.
    await open({ ...late, stages: [{ ...late.stages[0], chased: true }], timeline: [] });

    expect(text(view().querySelector('.summary .due'))).toMatch(
      /^Our answer about Phone screen is late: .+\. We have chased it\.$/,
    );
    expect(text(stages()[0].querySelector('.due'))).toMatch(/^Late since .+\. We have chased it\.$/);
  });

  describe('for a candidate in New York', () => {
    afterEach(() => setViewerTimeZone(null));

    it('shows the interview once, at one time in their zone, in both the stages and the history', async () => {
      await signedInAs(http, aUser({ timeZone: 'America/New_York' }));
      const base = aCandidateApplicationBetweenInterviews();
      await open({
        ...base,
        timeline: [
          ...base.timeline,
          {
            at: '2026-05-03T09:00:00.000Z',
            type: TimelineEventType.StageScheduled,
            stageId: 's2',
            // As the agency's history stores it: in London time.
            text: 'Technical interview scheduled for Wednesday, 10 June 2026, 14:00–15:00 BST (https://meet.example.com/abc).',
            interview: {
              stageName: 'Technical interview',
              startsAt: '2026-06-10T13:00:00.000Z',
              endsAt: '2026-06-10T14:00:00.000Z',
              location: 'https://meet.example.com/abc',
              was: null,
            },
          },
        ],
      });

      // The browser's own locale writes it; the zone is fixed. Spaces as `text()` reads them.
      const newYork = formatDateTimeRange('2026-06-10T13:00:00.000Z', '2026-06-10T14:00:00.000Z', {
        timeZone: 'America/New_York',
      }).replace(/\s+/g, ' ');
      expect(newYork).toMatch(/9:00/);
      expect(text(stages()[1])).toContain(`When: ${newYork}`);
      expect(text(view().querySelector('.events .event__text'))).toBe(
        `Technical interview scheduled for ${newYork} (https://meet.example.com/abc).`,
      );
      expect(text(view())).not.toContain('BST');
    });
  });
});
