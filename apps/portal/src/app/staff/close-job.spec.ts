import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, JobClosureView, JobDetail, JobStatus } from '@heardback/contracts';
import { CloseJob, closureProgressInWords } from './close-job';
import { aClosure, anAgencyJobDetail, anAgencyJob, apiErrorBody } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';

function aJob(overrides: Partial<JobDetail> = {}): JobDetail {
  return anAgencyJobDetail({
    title: 'Ward Nurse',
    description: 'Care.',
    pipeline: ['Screen'],
    answerWithinWorkingDays: 2,
    ...overrides,
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('closureProgressInWords', () => {
  it('says how far the closing has got', () => {
    expect(closureProgressInWords(aClosure())).toBe('Queued: 3 open applications to close.');
    expect(closureProgressInWords(aClosure({ status: 'running', done: 1 }))).toBe('1 of 3 candidates told…');
    expect(closureProgressInWords(aClosure({ status: 'done', done: 3 }))).toBe('Done: 3 candidates have your message.');
    // One of three withdrew while the closing waited: two were told.
    expect(closureProgressInWords(aClosure({ status: 'done', done: 2 }))).toBe('Done: 2 candidates have your message.');
    expect(closureProgressInWords(aClosure({ status: 'done', total: 0 }))).toBe(
      'Done: the job is closed. It had no open applications.',
    );
  });
});

describe('CloseJob', () => {
  let fixture: ComponentFixture<CloseJob>;
  let http: HttpTestingController;
  let finished: JobClosureView[];
  let alreadyClosed: number;

  beforeEach(async () => {
    http = setUpPortalTest();
    fixture = TestBed.createComponent(CloseJob);
    fixture.componentRef.setInput('job', aJob());
    fixture.componentRef.setInput('pollMs', 5);
    finished = [];
    alreadyClosed = 0;
    fixture.componentInstance.finished.subscribe((closure) => finished.push(closure));
    fixture.componentInstance.alreadyClosed.subscribe(() => alreadyClosed++);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const settle = () => fixture.whenStable();
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find(
      (b) => b.textContent?.replace(/\s+/g, ' ').trim() === name,
    ) as HTMLButtonElement;
  async function click(name: string) {
    button(name).click();
    await settle();
  }
  async function fill(outcome: JobStatus, message: string) {
    // "Filled" comes first, then "Closed".
    const radios = view().querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const radio = radios[outcome === JobStatus.Filled ? 0 : 1];
    radio.click();
    const textarea = view().querySelector('#close-job-message') as HTMLTextAreaElement;
    textarea.value = message;
    textarea.dispatchEvent(new Event('input'));
    await settle();
  }

  it('requires an outcome and a message before going on', async () => {
    await click('Close job…');
    await click('Continue');
    expect(view().textContent).toContain('Choose whether the job was filled or closed.');
    expect(view().textContent).toContain('Write the message every candidate on this job will read.');
    expect(view().querySelector('#close-job-message')?.getAttribute('aria-invalid')).toBe('true');
    http.expectNone('/api/agency/jobs/job-1');
  });

  it('confirms how many open applications it will close, then polls the progress until done', async () => {
    await click('Close job…');
    await fill(JobStatus.Filled, '  Thank you: the role is filled. ');
    await click('Continue');
    expect(view().textContent).toContain('Counting the open applications…');
    http.expectOne('/api/agency/jobs/job-1').flush(anAgencyJob({ id: 'job-1', openApplications: 3 }));
    await settle();
    expect(view().querySelector('.close-job__confirm')?.textContent?.replace(/\s+/g, ' ')).toContain(
      'This closes 3 open applications on “Ward Nurse”, marks the job filled',
    );

    await click('Close the job and tell the candidates');
    const post = http.expectOne({ method: 'POST', url: '/api/jobs/job-1/close' });
    expect(post.request.body).toEqual({ outcome: 'filled', candidateMessage: 'Thank you: the role is filled.' });
    post.flush(aClosure(), { status: 202, statusText: 'Accepted' });
    await settle();
    expect(view().querySelector('[role="status"]')?.textContent?.trim()).toBe('Queued: 3 open applications to close.');

    await pause(20);
    http.expectOne('/api/job-closures/closure-1').flush(aClosure({ status: 'running', done: 2 }));
    await settle();
    const progress = view().querySelector('progress') as HTMLProgressElement;
    expect(progress.value).toBe(67);
    expect(view().textContent).toContain('2 of 3 candidates told…');
    expect(finished).toEqual([]);

    await pause(20);
    http.expectOne('/api/job-closures/closure-1').flush(aClosure({ status: 'done', done: 3 }));
    await settle();
    expect(progress.value).toBe(100);
    expect(finished).toHaveLength(1);
    await pause(20);
    http.expectNone('/api/job-closures/closure-1');
  });

  it('says so when someone else already closed the job', async () => {
    await click('Close job…');
    await fill(JobStatus.Closed, 'Sorry, the client withdrew the role.');
    await click('Continue');
    http.expectOne('/api/agency/jobs/job-1').flush(anAgencyJob({ id: 'job-1', openApplications: 0 }));
    await settle();
    expect(view().textContent).toContain('has no open applications');
    await click('Close the job and tell the candidates');
    http
      .expectOne('/api/jobs/job-1/close')
      .flush(...apiErrorBody(409, ErrorCode.JobNotOpen, 'This job is already closed.'));
    await settle();
    expect(view().querySelector('[role="alert"]')?.textContent).toContain('already closed');
    expect(alreadyClosed).toBe(1);
  });

  it('names the interviews that wait for feedback, and leaves the job open', async () => {
    await click('Close job…');
    await fill(JobStatus.Filled, 'The client has filled the role.');
    await click('Continue');
    http.expectOne('/api/agency/jobs/job-1').flush(anAgencyJob({ id: 'job-1', openApplications: 1 }));
    await settle();
    await click('Close the job and tell the candidates');
    const words =
      'Record the feedback on this interview before closing the job: Ines Interviewed (Phone screen). ' +
      'Each candidate must hear how their interview went, not only that the job closed.';
    http.expectOne('/api/jobs/job-1/close').flush(...apiErrorBody(409, ErrorCode.FeedbackRequired, words));
    await settle();
    expect(view().querySelector('[role="alert"]')?.textContent).toContain(words);
    expect(alreadyClosed).toBe(0);
    expect(finished).toEqual([]);
  });

  it('goes back to the message without losing it', async () => {
    await click('Close job…');
    await fill(JobStatus.Closed, 'Sorry.');
    await click('Continue');
    http.expectOne('/api/agency/jobs/job-1').flush(anAgencyJob({ id: 'job-1', openApplications: 0 }));
    await click('Go back');
    expect((view().querySelector('#close-job-message') as HTMLTextAreaElement).value).toBe('Sorry.');
  });
});
