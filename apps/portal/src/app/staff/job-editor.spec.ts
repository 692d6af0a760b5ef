import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { EmploymentType, ErrorCode, JobStatus, ScreeningQuestionKind, WorkMode } from '@heardback/contracts';
import { JobEditor } from './job-editor';
import { PICKER_OPTIONS, PICKER_PAUSE_MS } from '../core/search-picker';
import { anAgencyJobDetail, apiErrorBody } from '../testing/factories';
import { routeHarness } from '../testing/setup';

@Component({ selector: 'hb-jobs-stub', template: 'jobs', changeDetection: ChangeDetectionStrategy.OnPush })
class JobsStub {}

describe('JobEditor', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({
        routes: [
          { path: 'staff/jobs', component: JobsStub },
          { path: 'staff/jobs/new', component: JobEditor },
          { path: 'staff/jobs/:id/edit', component: JobEditor },
        ],
      })),
  );

  afterEach(() => http.verify());

  const view = () => harness.routeNativeElement as HTMLElement;
  const settle = () => harness.fixture.whenStable();
  const control = (id: string) =>
    view().querySelector(`#${id}`) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find(
      (b) => b.textContent?.replace(/\s+/g, ' ').trim() === name,
    ) as HTMLButtonElement;

  async function set(id: string, value: string) {
    const element = control(id);
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
    await settle();
  }

  async function openNew() {
    await harness.navigateByUrl('/staff/jobs/new');
    await settle();
  }

  /** Types part of a client's name, waits for the search, and picks the first match with the keyboard. */
  async function pickClient(typed: string, found: { id: string; name: string }[]) {
    await set('job-client', typed);
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    http
      .expectOne(`/api/clients?q=${typed}&limit=${PICKER_OPTIONS}`)
      .flush({ items: found, nextCursor: null, total: found.length });
    await settle();
    const box = control('job-client');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    await settle();
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
  }

  it('finds the client by typing part of its name, and picks it with the keyboard', async () => {
    await openNew();
    const box = control('job-client') as HTMLInputElement;
    expect(box.getAttribute('role')).toBe('combobox');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await set('job-client', 'health');
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    http.expectOne(`/api/clients?q=health&limit=${PICKER_OPTIONS}`).flush({
      items: [
        { id: 'client-2', name: 'Bluefin Health' },
        { id: 'client-3', name: 'Orchardth' },
      ],
      nextCursor: 'more',
      total: 14,
    });
    await settle();
    const options = () => Array.from(view().querySelectorAll('[role="option"]'));
    expect(options().map((option) => option.textContent?.trim())).toEqual(['Bluefin Health', 'Orchardth']);
    expect(view().querySelector('.picker__message')?.textContent?.trim()).toBe(
      '14 clients match; the first 2 are shown. Keep typing to narrow them down.',
    );
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    await settle();
    expect(box.getAttribute('aria-activedescendant')).toBe(options()[1].id);
    expect(options()[1].getAttribute('aria-selected')).toBe('true');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle();
    expect(box.value).toBe('Orchardth');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    // Typing again un-picks it: the job is not saved for a client nobody chose.
    await set('job-client', 'Orchard');
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    http.expectOne(`/api/clients?q=Orchard&limit=${PICKER_OPTIONS}`).flush({
      items: [],
      nextCursor: null,
      total: 0,
    });
    await settle();
    expect(view().querySelector('.picker__message')?.textContent?.trim()).toBe('No client’s name contains “Orchard”.');
    button('Publish as open').click();
    await settle();
    // What is typed is not a client until one is picked from the list: the problem says so.
    expect(view().querySelector('#job-client-error')?.textContent?.trim()).toBe(
      'Choose the client from the list as you type.',
    );
    http.expectNone({ method: 'POST', url: '/api/jobs' });
  });

  async function fillJob() {
    await pickClient('blue', [{ id: 'client-2', name: 'Bluefin Health' }]);
    await set('job-title', 'Ward Nurse');
    await set('job-location', 'York');
    await set('job-work-mode', WorkMode.Onsite);
    await set('job-employment-type', EmploymentType.PartTime);
    await set('job-description', 'Care for patients on the cardiology ward.');
  }

  it('creates a job with its three-stage pipeline, deadline and salary, and publishes it as open', async () => {
    await openNew();
    await fillJob();
    await set('job-salary-min', '30000');
    await set('job-salary-max', '36000');
    await set('job-salary-currency', 'gbp');
    await set('job-salary-period', 'hour');
    await set('pipeline-stage-1', 'Ward visit');
    await set('job-deadline', '3');
    await set('job-screening', '4');
    button('Publish as open').click();
    await settle();

    const request = http.expectOne({ method: 'POST', url: '/api/jobs' });
    expect(request.request.body).toEqual({
      clientId: 'client-2',
      title: 'Ward Nurse',
      description: 'Care for patients on the cardiology ward.',
      location: 'York',
      workMode: 'onsite',
      employmentType: 'part_time',
      salary: { min: 30000, max: 36000, currency: 'GBP', period: 'hour' },
      pipeline: ['Phone screen', 'Ward visit', 'Final interview'],
      answerWithinWorkingDays: 3,
      screeningWithinWorkingDays: 4,
      status: 'open',
      screeningQuestions: [],
    });
    request.flush(anAgencyJobDetail({ title: 'Ward Nurse', status: JobStatus.Open }));
    await settle();
    const router = TestBed.inject(Router);
    expect(router.url).toBe('/staff/jobs');
    expect(router.lastSuccessfulNavigation()?.extras.state).toEqual({
      savedMessage: '“Ward Nurse” is open: candidates can find it on the jobs board.',
    });
  });

  it('adds questions for applicants, checks a choice has options, and sends them with the job', async () => {
    await openNew();
    await fillJob();
    button('Add a question').click();
    await settle();
    expect(document.activeElement?.id).toBe('screening-question-0-prompt');
    await set('screening-question-0-prompt', 'Which shift suits you?');
    await set('screening-question-0-kind', 'choice');
    await set('screening-question-0-options', 'Early');
    button('Publish as open').click();
    await settle();
    http.expectNone({ method: 'POST', url: '/api/jobs' });
    expect(view().querySelector('#screening-question-0-options-error')?.textContent?.trim()).toBe(
      'Give from 2 to 10 options, one a line.',
    );

    await set('screening-question-0-options', 'Early\n Late \n\n');
    button('Add a question').click();
    await settle();
    await set('screening-question-1-prompt', 'Do you hold a nursing licence?');
    button('Publish as open').click();
    await settle();

    const request = http.expectOne({ method: 'POST', url: '/api/jobs' });
    expect(request.request.body.screeningQuestions).toEqual([
      { kind: 'choice', prompt: 'Which shift suits you?', required: true, options: ['Early', 'Late'] },
      { kind: 'yes_no', prompt: 'Do you hold a nursing licence?', required: true },
    ]);
    request.flush(anAgencyJobDetail({ status: JobStatus.Open }));
    await settle();
  });

  it('keeps a question’s id when editing it, so the API knows it is the same question', async () => {
    await harness.navigateByUrl('/staff/jobs/job-1/edit');
    http.expectOne('/api/jobs/job-1').flush(
      anAgencyJobDetail({
        clientId: 'client-1',
        status: JobStatus.Open,
        screeningQuestions: [
          { id: 'q-1', kind: ScreeningQuestionKind.ShortText, prompt: 'Notice period?', required: false, options: [] },
        ],
      }),
    );
    await settle();
    expect((control('screening-question-0-prompt') as HTMLInputElement).value).toBe('Notice period?');
    await set('screening-question-0-prompt', 'What is your notice period?');
    button('Save changes').click();
    await settle();

    const request = http.expectOne({ method: 'PATCH', url: '/api/jobs/job-1' });
    expect(request.request.body.screeningQuestions).toEqual([
      { id: 'q-1', kind: 'short_text', prompt: 'What is your notice period?', required: false },
    ]);
    request.flush(anAgencyJobDetail());
    await settle();
  });

  it('keeps a new job as a draft when asked', async () => {
    await openNew();
    await fillJob();
    button('Save as draft').click();
    await settle();

    const request = http.expectOne({ method: 'POST', url: '/api/jobs' });
    expect(request.request.body.status).toBe('draft');
    expect(request.request.body).not.toHaveProperty('salary');
    request.flush(anAgencyJobDetail({ status: JobStatus.Draft }));
    await settle();
  });

  it('asks how many working days candidates wait for an answer, 2 by default, and says how they are counted', async () => {
    await openNew();
    const field = control('job-deadline') as HTMLInputElement;
    expect(view().querySelector('label[for="job-deadline"]')?.textContent?.trim()).toBe(
      'Answer candidates within (working days)',
    );
    expect(field.value).toBe('2');
    expect([field.min, field.max, field.step]).toEqual(['1', '20', '1']);
    const hint = view().querySelector('#job-deadline-hint');
    expect(field.getAttribute('aria-describedby')).toContain('job-deadline-hint');
    expect(hint?.textContent).toContain(
      "Counted from the day after each interview; weekends and public holidays don't count.",
    );
    expect(hint?.textContent).toContain("the agency's default is 2 working days.");
    for (const bad of ['0', '21', '1.5']) {
      await set('job-deadline', bad);
      button('Publish as open').click();
      await settle();
      http.expectNone({ method: 'POST', url: '/api/jobs' });
      expect(view().querySelector('#job-deadline-error')?.textContent?.trim()).toBe(
        'Give a whole number of working days from 1 to 20.',
      );
    }
  });

  it('asks within how many working days applicants hear whether they move forward, 5 by default', async () => {
    await openNew();
    const field = control('job-screening') as HTMLInputElement;
    expect(view().querySelector('label[for="job-screening"]')?.textContent?.trim()).toBe(
      'Tell applicants whether they move forward within (working days)',
    );
    expect(field.value).toBe('5');
    expect([field.min, field.max, field.step]).toEqual(['1', '20', '1']);
    expect(field.getAttribute('aria-describedby')).toContain('job-screening-hint');
    const hint = view().querySelector('#job-screening-hint')?.textContent;
    expect(hint).toContain("Counted from the day after they apply; weekends and public holidays don't count.");
    expect(hint).toContain("the agency's default is 5 working days.");
    await fillJob();
    for (const bad of ['0', '21', '2.5', '']) {
      await set('job-screening', bad);
      button('Publish as open').click();
      await settle();
      http.expectNone({ method: 'POST', url: '/api/jobs' });
      expect(view().querySelector('#job-screening-error')?.textContent?.trim()).toBe(
        'Give a whole number of working days from 1 to 20.',
      );
    }
    await set('job-screening', '20');
    button('Publish as open').click();
    await settle();
    const request = http.expectOne({ method: 'POST', url: '/api/jobs' });
    expect(request.request.body.screeningWithinWorkingDays).toBe(20);
    request.flush(anAgencyJobDetail({ screeningWithinWorkingDays: 20 }));
    await settle();
  });

  it('shows the API’s refusal of the screening promise at its field', async () => {
    await openNew();
    await fillJob();
    button('Publish as open').click();
    await settle();
    http
      .expectOne({ method: 'POST', url: '/api/jobs' })
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'screeningWithinWorkingDays: must not be greater than 20', [
          { field: 'screeningWithinWorkingDays', reasons: ['must not be greater than 20'] },
        ]),
      );
    await settle();
    expect(view().querySelector('#job-screening-error')?.textContent?.trim()).toBe('Must not be greater than 20.');
  });

  it('sends nothing and points at each problem when required answers are missing', async () => {
    await openNew();
    await set('job-salary-min', '50000');
    await set('job-deadline', '21');
    button('Publish as open').click();
    await settle();

    http.expectNone({ method: 'POST', url: '/api/jobs' });
    const errors = Array.from(view().querySelectorAll('.field__error')).map((e) => e.textContent?.trim());
    expect(errors).toEqual([
      'Choose the client this job is for.',
      'Give the job a title.',
      'Say where the job is, such as a city, or “Remote”.',
      'Describe the job: candidates read this before they apply.',
      'Give the minimum, the maximum and the currency, or leave all three empty.',
      'Give a whole number of working days from 1 to 20.',
    ]);
    expect(document.activeElement?.id).toBe('job-client');
  });

  it('shows the API’s refusal of the pipeline under the stages', async () => {
    await openNew();
    await fillJob();
    button('Publish as open').click();
    await settle();

    http
      .expectOne({ method: 'POST', url: '/api/jobs' })
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'pipeline: stage 2 is longer than 80 characters', [
          { field: 'pipeline', reasons: ['stage 2 is longer than 80 characters'] },
        ]),
      );
    await settle();
    expect(view().querySelector('#pipeline-error')?.textContent?.trim()).toBe('Stage 2 is longer than 80 characters.');
    expect(view().querySelector('[role="alert"]')?.textContent?.trim()).toBe(
      'Some answers need changing: see the messages next to the fields.',
    );
  });

  it('loads a job to edit, and saves changes to an open job without changing its status', async () => {
    await harness.navigateByUrl('/staff/jobs/job-1/edit');
    http.expectOne('/api/jobs/job-1').flush(anAgencyJobDetail());
    await settle();

    expect((control('job-title') as HTMLInputElement).value).toBe('Backend Engineer');
    expect((control('pipeline-stage-2') as HTMLInputElement).value).toBe('Final');
    expect((control('job-deadline') as HTMLInputElement).value).toBe('3');
    expect((control('job-screening') as HTMLInputElement).value).toBe('5');
    expect(button('Publish as open')).toBeUndefined();

    await set('job-title', 'Senior Backend Engineer');
    button('Save changes').click();
    await settle();

    const request = http.expectOne({ method: 'PATCH', url: '/api/jobs/job-1' });
    expect(request.request.body.title).toBe('Senior Backend Engineer');
    expect(request.request.body.pipeline).toEqual(['Screen', 'Tech', 'Final']);
    expect(request.request.body).not.toHaveProperty('status');
    request.flush(anAgencyJobDetail({ title: 'Senior Backend Engineer' }));
    await settle();
  });

  it('says a closed job can no longer be edited, and offers no way to save it', async () => {
    await harness.navigateByUrl('/staff/jobs/job-1/edit');
    http.expectOne('/api/jobs/job-1').flush(anAgencyJobDetail({ status: JobStatus.Filled }));
    await settle();
    http.expectOne('/api/jobs/job-1/closure').flush({
      id: 'closure-1',
      jobId: 'job-1',
      outcome: JobStatus.Filled,
      status: 'done',
      total: 3,
      done: 3,
      createdAt: '2026-11-24T10:00:00.000Z',
      finishedAt: '2026-11-24T10:00:05.000Z',
    });
    await settle();

    const notice = view().querySelector('[data-testid="job-closed-notice"]');
    expect(notice?.querySelector('h2')?.textContent?.trim()).toMatch(/^Filled on .*2026$/);
    expect(notice?.textContent).toContain('This job is filled: it can no longer be edited.');
    expect(button('Save changes')).toBeUndefined();
    expect(button('Add a stage')).toBeUndefined();
    expect(view().querySelector('.pipeline__buttons')).toBeNull();
    expect((control('job-title') as HTMLInputElement).disabled).toBe(true);
    expect((control('pipeline-stage-0') as HTMLInputElement).disabled).toBe(true);
  });
});
