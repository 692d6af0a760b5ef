import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  ApplicationStatus,
  EmploymentType,
  ErrorCode,
  JobDetail,
  JobStatus,
  ScreeningQuestionKind,
  UserRole,
  UserView,
  PayPeriod,
  WorkMode,
} from '@heardback/contracts';
import { JobDetailPage } from './job-detail-page';
import { setUpPortalTest, signedInAs } from '../testing/setup';
import { aDocument, apiErrorBody, aUserWithRole } from '../testing/factories';

@Component({
  selector: 'hb-blank',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Blank {}

const job: JobDetail = {
  id: 'job-1',
  title: 'Senior TypeScript Engineer',
  clientId: 'client-1',
  clientName: 'Northwind Logistics',
  location: 'Rotterdam',
  workMode: WorkMode.Hybrid,
  employmentType: EmploymentType.FullTime,
  salary: { min: 70000, max: 90000, currency: 'EUR', period: PayPeriod.Year },
  status: JobStatus.Open,
  publishedAt: '2026-05-01T09:00:00.000Z',
  description: 'Build the route planner.\n\nYou will hear back after every stage.',
  pipeline: ['Phone screen', 'Technical interview', 'Final interview'],
  answerWithinWorkingDays: 2,
  screeningWithinWorkingDays: 5,
  screeningQuestions: [],
};

const withQuestion: JobDetail = {
  ...job,
  screeningQuestions: [
    { id: 'q1', kind: ScreeningQuestionKind.YesNo, prompt: 'Can you work in the EU?', required: true, options: [] },
  ],
};

const notice = { version: 3, text: 'Who we are\nA recruitment agency.', publishedAt: '2026-12-01T09:00:00Z' };

describe('JobDetailPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    http = setUpPortalTest({
      routes: [
        { path: 'jobs/:id', component: JobDetailPage },
        { path: 'jobs', component: Blank },
        { path: 'me/applications/:id', component: Blank },
        { path: 'me', component: Blank },
      ],
    });
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => http.verify());

  async function openAs(user: UserView | null, answer: JobDetail = job) {
    await signedInAs(http, user);
    await harness.navigateByUrl(`/jobs/${answer.id}`);
    http.expectOne(`/api/jobs/${answer.id}`).flush(answer);
    await harness.fixture.whenStable();
    // A candidate about to apply is offered their CVs (the newest chosen); others are not asked.
    for (const cvs of http.match({ method: 'GET', url: '/api/me/documents' })) {
      cvs.flush({ items: [aDocument()], max: 20 });
    }
    await harness.fixture.whenStable();
  }

  const view = () => harness.routeNativeElement as HTMLElement;
  const text = () => view().textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
  const settle = () => harness.fixture.whenStable();
  /** Chooses a file in the CV upload box, as the browser's picker would, and returns the box. */
  async function chooseFile(name: string): Promise<HTMLInputElement> {
    const fileBox = view().querySelector<HTMLInputElement>('input[type="file"]') as HTMLInputElement;
    Object.defineProperty(fileBox, 'files', { value: [new File(['%PDF'], name)], configurable: true });
    fileBox.dispatchEvent(new Event('change'));
    await settle();
    return fileBox;
  }

  it('shows the job, its description and the interview stages with the promise of an answer', async () => {
    await openAs(null);

    expect(view().querySelector('h1')?.textContent).toBe('Senior TypeScript Engineer');
    expect(text()).toContain('Northwind Logistics');
    expect(text()).toContain('Rotterdam');
    expect(text()).toContain('€70,000 – €90,000 a year');
    expect(Array.from(view().querySelectorAll('p'), (p) => p.textContent)).toContain(
      'You will hear back after every stage.',
    );
    expect(Array.from(view().querySelectorAll('ol li .pipeline__name'), (li) => li.textContent)).toEqual([
      'Phone screen',
      'Technical interview',
      'Final interview',
    ]);
    expect(Array.from(view().querySelectorAll('.promise'), (p) => p.textContent?.trim())).toEqual([
      'We promise to tell you whether you move forward within 5 working days of applying.',
      'We promise an answer within 2 working days of each interview, in words, whatever the outcome.',
    ]);
  });

  it('says the job is not found when the API answers 404', async () => {
    await signedInAs(http, null);
    await harness.navigateByUrl('/jobs/gone');
    http.expectOne('/api/jobs/gone').flush(...apiErrorBody(404, ErrorCode.NotFound, 'Not found'));
    await settle();

    expect(view().querySelector('h1')?.textContent).toBe('Job not found');
    expect(button('Apply')).toBeUndefined();
  });

  it('shows an applicant the job they applied for once it closed, marked closed, with no way to apply', async () => {
    await openAs(aUserWithRole(UserRole.Candidate), {
      ...job,
      status: JobStatus.Closed,
      myApplication: {
        id: 'app-9',
        appliedAt: '2026-05-02T09:00:00.000Z',
        status: ApplicationStatus.JobClosed,
        withdrawnAt: null,
      },
    });

    expect(view().querySelector('h1')?.textContent).toBe('Senior TypeScript Engineer');
    expect(view().querySelector('.job__closed h2')?.textContent).toBe('This job is closed');
    expect(text()).toContain('It no longer takes applications.');
    expect(view().querySelector('.job__closed a')?.getAttribute('href')).toBe('/me/applications/app-9');
    expect(button('Review and apply')).toBeUndefined();
    expect(view().querySelector('hb-apply-panel')).toBeNull();
  });

  /** "Review and apply" → the notice loads → tick the consent box → "Send application". */
  async function reviewAndSend() {
    button('Review and apply')?.click();
    await settle();
    http.expectOne({ method: 'GET', url: '/api/privacy-notice' }).flush(notice);
    await settle();
    const consent = view().querySelector<HTMLInputElement>('#apply-consent') as HTMLInputElement;
    consent.click();
    await settle();
    button('Send application')?.click();
    await settle();
  }

  it('asks the job’s questions, shows what will be sent and to whom, and sends it only with consent', async () => {
    await openAs(aUserWithRole(UserRole.Candidate), withQuestion);

    expect(button('Apply')).toBeUndefined();
    button('Review and apply')?.click();
    await settle();
    expect(text()).toContain('Answer this question: it is required.');
    expect(document.activeElement?.id).toBe('apply-question-0');

    view().querySelector<HTMLInputElement>('input[type="radio"][value="yes"]')?.click();
    view().querySelector<HTMLInputElement>('#apply-talent-pool')?.click();
    await settle();
    button('Review and apply')?.click();
    await settle();
    http.expectOne({ method: 'GET', url: '/api/privacy-notice' }).flush(notice);
    await settle();

    expect(document.activeElement?.id).toBe('review-heading');
    expect(text()).toContain('Sent to Heardback recruiters for Senior TypeScript Engineer at Northwind Logistics.');
    expect(text()).toContain('Can you work in the EU?Yes');
    expect(text()).toContain('Consider me for other jobs: yes.');
    expect(text()).toContain('CVAna Silva CV.pdf');
    expect(view().querySelector('details summary')?.textContent).toContain('Read the privacy notice (version 3)');

    button('Send application')?.click();
    await settle();
    expect(text()).toContain('Tick the box to agree to the privacy notice');
    expect(document.activeElement?.id).toBe('apply-consent');

    view().querySelector<HTMLInputElement>('#apply-consent')?.click();
    await settle();
    button('Send application')?.click();
    const request = http.expectOne({ method: 'POST', url: '/api/jobs/job-1/applications' });
    expect(request.request.body).toEqual({
      privacyNoticeVersion: 3,
      answers: [{ questionId: 'q1', answer: 'yes' }],
      talentPool: true,
      cvDocumentId: 'doc-1',
      coverLetterText: null,
    });
    request.flush({ id: 'app-7' }, { status: 201, statusText: 'Created' });
    await settle();

    expect(TestBed.inject(Router).url).toBe('/me/applications/app-7');
  });

  it('goes back from the review to change what is sent, questions or none, and keeps the choices made', async () => {
    await openAs(aUserWithRole(UserRole.Candidate));
    view().querySelector<HTMLInputElement>('#apply-talent-pool')?.click();
    const letter = view().querySelector<HTMLTextAreaElement>('#apply-cover-letter') as HTMLTextAreaElement;
    letter.value = 'I have moved freight for ten years.';
    letter.dispatchEvent(new Event('input'));
    await settle();
    button('Review and apply')?.click();
    await settle();
    http.expectOne({ method: 'GET', url: '/api/privacy-notice' }).flush(notice);
    await settle();
    // This job asks no questions: the way back speaks of everything the review lists (the CV, the letter).
    expect(button('Change my answers')).toBeUndefined();
    button('Change what I send')?.click();
    await settle();
    // The form is shown again: the candidate's CVs are listed afresh (one may have been added meanwhile).
    http.expectOne({ method: 'GET', url: '/api/me/documents' }).flush({ items: [aDocument()], max: 20 });
    await settle();
    expect(button('Review and apply')).toBeDefined();
    expect(view().querySelector<HTMLInputElement>('#apply-talent-pool')?.checked).toBe(true);
    expect(view().querySelector<HTMLTextAreaElement>('#apply-cover-letter')?.value).toBe(
      'I have moved freight for ten years.',
    );
  });

  it('keeps the CV the candidate picked when they go back from the review, not the newest', async () => {
    await openAs(aUserWithRole(UserRole.Candidate));
    const cvs = {
      items: [
        aDocument(),
        aDocument({ id: 'doc-0', fileName: 'Finance CV.pdf', createdAt: '2026-10-01T09:00:00.000Z' }),
      ],
      max: 20,
    };
    // The first load in openAs had one CV; this candidate has two (newest first), and picks the older.
    button('Review and apply')?.click();
    await settle();
    http.expectOne({ method: 'GET', url: '/api/privacy-notice' }).flush(notice);
    await settle();
    button('Change what I send')?.click();
    await settle();
    http.expectOne({ method: 'GET', url: '/api/me/documents' }).flush(cvs);
    await settle();
    view().querySelector<HTMLInputElement>('input[type="radio"][value="doc-0"]')?.click();
    await settle();
    button('Review and apply')?.click();
    await settle();
    http.expectOne({ method: 'GET', url: '/api/privacy-notice' }).flush(notice);
    await settle();
    expect(text()).toContain('CVFinance CV.pdf');

    button('Change what I send')?.click();
    await settle();
    http.expectOne({ method: 'GET', url: '/api/me/documents' }).flush(cvs);
    await settle();
    expect(view().querySelector<HTMLInputElement>('input[type="radio"][value="doc-0"]')?.checked).toBe(true);
    button('Review and apply')?.click();
    await settle();
    http.expectOne({ method: 'GET', url: '/api/privacy-notice' }).flush(notice);
    await settle();
    expect(text()).toContain('CVFinance CV.pdf');
  });

  it('does not go on while a CV chosen in the file box is not uploaded: it would not go with the application', async () => {
    await openAs(aUserWithRole(UserRole.Candidate));
    const fileBox = await chooseFile('Newer CV.pdf');

    button('Review and apply')?.click();
    await settle();
    http.expectNone({ method: 'GET', url: '/api/privacy-notice' });
    expect(text()).toContain(
      'Newer CV.pdf is chosen but not uploaded yet: press “Upload CV” to include it, or “Leave out”.',
    );
    expect(document.activeElement).toBe(fileBox);

    button('Upload CV')?.click();
    http
      .expectOne({ method: 'POST', url: '/api/me/documents' })
      .flush(aDocument({ id: 'doc-2', fileName: 'Newer CV.pdf' }));
    await settle();
    await reviewAndSend();
    expect(http.expectOne('/api/jobs/job-1/applications').request.body.cvDocumentId).toBe('doc-2');
  });

  it('lets a file chosen by mistake be left out, and then goes on with the CV picked', async () => {
    await openAs(aUserWithRole(UserRole.Candidate));
    await chooseFile('Wrong.pdf');
    (view().querySelector('.document-upload button:nth-of-type(2)') as HTMLButtonElement).click();
    await settle();
    expect(text()).not.toContain('Wrong.pdf');
    await reviewAndSend();
    expect(http.expectOne('/api/jobs/job-1/applications').request.body.cvDocumentId).toBe('doc-1');
  });

  it('asks the candidate to read the notice again when it changed while they were reviewing', async () => {
    await openAs(aUserWithRole(UserRole.Candidate));

    await reviewAndSend();
    http
      .expectOne('/api/jobs/job-1/applications')
      .flush(...apiErrorBody(409, ErrorCode.PrivacyNoticeChanged, 'The privacy notice has changed'));
    await settle();
    http.expectOne({ method: 'GET', url: '/api/privacy-notice' }).flush({ ...notice, version: 4 });
    await settle();

    expect(text()).toContain('The privacy notice changed while you were reviewing.');
    expect(view().querySelector('details summary')?.textContent).toContain('version 4');
    expect(view().querySelector<HTMLInputElement>('#apply-consent')?.checked).toBe(false);
  });

  it('says when the candidate applied, with a link, instead of offering to apply', async () => {
    const appliedAt = '2026-05-02T09:00:00.000Z';
    await openAs(aUserWithRole(UserRole.Candidate), {
      ...job,
      myApplication: { id: 'app-3', appliedAt, status: ApplicationStatus.Screening, withdrawnAt: null },
    });

    expect(text()).toMatch(/You applied on .*May 2, 2026\. See your application/);
    expect(view().querySelector('.apply a')?.getAttribute('href')).toBe('/me/applications/app-3');
    expect(button('Review and apply')).toBeUndefined();
  });

  it('offers to apply again after the candidate withdrew', async () => {
    await openAs(aUserWithRole(UserRole.Candidate), {
      ...job,
      myApplication: {
        id: 'app-3',
        appliedAt: '2026-05-02T09:00:00.000Z',
        status: ApplicationStatus.Withdrawn,
        withdrawnAt: '2026-05-04T09:00:00.000Z',
      },
    });

    expect(text()).toMatch(/You withdrew on .*May 4, 2026\. You can apply again\./);
    expect(button('Review and apply')).toBeDefined();
  });

  it('links to the existing application when the candidate already applied', async () => {
    await openAs(aUserWithRole(UserRole.Candidate));

    await reviewAndSend();
    http
      .expectOne('/api/jobs/job-1/applications')
      .flush(...apiErrorBody(409, ErrorCode.AlreadyApplied, 'You have already applied'));
    // The job, read again, names the application made meanwhile (another tab, before signing in).
    http.expectOne({ method: 'GET', url: '/api/jobs/job-1' }).flush({
      ...job,
      myApplication: {
        id: 'app-3',
        status: ApplicationStatus.Applied,
        appliedAt: '2026-05-02T09:00:00.000Z',
        withdrawnAt: null,
      },
    });
    await settle();

    const alert = view().querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('You have already applied for this job.');
    expect(alert?.querySelector('a')?.getAttribute('href')).toBe('/me/applications/app-3');
  });

  it('lets a visitor ask for an account right on the job, to come back to it from the emailed link', async () => {
    await openAs(null);

    expect(button('Review and apply')).toBeUndefined();
    const tabs = Array.from(view().querySelectorAll('[role="tab"]'));
    expect(tabs.map((tab) => tab.textContent?.trim())).toEqual(["I'm new here", 'I have an account']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');

    const fill = (id: string, value: string) => {
      const input = view().querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    fill('apply-register-full-name', 'Robin Example');
    fill('apply-register-email', 'robin@example.com');
    fill('apply-register-password', 'a-long-password');
    button('Create account')?.click();
    await settle();

    const request = http.expectOne('/api/auth/register');
    expect(request.request.body.returnTo).toBe('/jobs/job-1');
    request.flush({ email: 'robin@example.com', checkEmail: true });
    await settle();

    // Registering signs no one in: the page says where the link went, and the form is gone.
    http.expectNone('/api/auth/session');
    expect(text()).toContain('We have sent a link to robin@example.com');
    expect(view().querySelector('#apply-register-email')).toBeNull();
    expect(document.activeElement?.id).toBe('apply-register-sent');
  });

  it('puts the keyboard on the application when the candidate arrives from the link that made their account', async () => {
    history.replaceState({ justRegistered: true }, '');
    try {
      await openAs(aUserWithRole(UserRole.Candidate));
    } finally {
      history.replaceState(null, '');
    }

    expect(document.activeElement?.id).toBe('apply-fill-heading');
  });

  it('leaves the keyboard where it is for a candidate who simply opens the job', async () => {
    await openAs(aUserWithRole(UserRole.Candidate));

    expect(document.activeElement?.id).not.toBe('apply-fill-heading');
  });

  it('moves between the two tabs with the arrow keys', async () => {
    await openAs(null);

    const tabs = Array.from(view().querySelectorAll<HTMLButtonElement>('[role="tab"]'));
    tabs[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await settle();

    expect(tabs[1].getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    expect(view().querySelector<HTMLElement>('#apply-panel-sign-in')?.hidden).toBe(false);
    expect(view().querySelector<HTMLElement>('#apply-panel-register')?.hidden).toBe(true);
  });

  it('offers agency users no Apply button', async () => {
    await openAs(aUserWithRole(UserRole.Recruiter));

    expect(button('Apply')).toBeUndefined();
    expect(view().querySelector('[role="tab"]')).toBeNull();
    expect(text()).toContain('You are signed in as a recruiter. Only candidates apply for jobs.');
  });
});
