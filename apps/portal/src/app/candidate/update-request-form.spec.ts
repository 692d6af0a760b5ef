import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CandidateApplicationView, ErrorCode, TimelineEventType } from '@heardback/contracts';
import { DEFAULT_UPDATE_REQUEST_TEXT } from './candidate-updates';
import { UpdateRequestForm } from './update-request-form';
import { aCandidateApplicationBetweenInterviews, apiErrorBody, TEST_NOW } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';

const ASKED = aCandidateApplicationBetweenInterviews({
  updateRequestAllowedFrom: '2026-06-04T12:00:00.000Z',
  updateRequestAnswerDueAt: '2026-06-03T12:00:00.000Z',
  timeline: [
    ...aCandidateApplicationBetweenInterviews().timeline,
    {
      at: '2026-06-01T12:00:00.000Z',
      type: TimelineEventType.CandidateUpdate,
      stageId: null,
      text: 'Asked for an update: "Any news?" Your recruiter will answer by Wednesday 3 June 2026 at 13:00 BST.',
    },
  ],
});

describe('UpdateRequestForm', () => {
  let fixture: ComponentFixture<UpdateRequestForm>;
  let http: HttpTestingController;
  let emitted: CandidateApplicationView[];

  beforeEach(async () => {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(UpdateRequestForm);
    emitted = [];
    // Like the page: the application it receives back becomes the one shown.
    fixture.componentInstance.changed.subscribe((application) => {
      emitted.push(application);
      fixture.componentRef.setInput('application', application);
    });
    fixture.componentRef.setInput('application', aCandidateApplicationBetweenInterviews());
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const askButton = () =>
    Array.from(root().querySelectorAll('button')).find((b) => text(b).startsWith('Ask')) as HTMLButtonElement;
  const note = () => root().querySelector<HTMLTextAreaElement>('#ask-note');
  const status = () => root().querySelector('[role="status"]');
  const alert = () => root().querySelector('[role="alert"]');

  async function type(value: string) {
    const box = note() as HTMLTextAreaElement;
    box.value = value;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('asks for an update with the note, then says by when the recruiter will answer and waits to be asked again', async () => {
    await type('  Any news?  ');
    askButton().click();

    const request = http.expectOne({
      method: 'POST',
      url: '/api/applications/app-1/updates',
    });
    expect(request.request.body).toEqual({
      kind: 'request_update',
      text: 'Any news?',
      version: 3,
    });
    request.flush(ASKED, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(emitted).toEqual([ASKED]);
    // The deadline the API sent, written in the reader's own time zone.
    expect(text(status())).toMatch(/^Sent\. Your recruiter will answer by .*(3 Jun|Jun 3).*2026.*\.$/);
    expect(askButton().disabled).toBe(true);
    expect(text(root())).toMatch(/You can ask again from .*2026/);
    expect(askButton().getAttribute('aria-describedby')).toBe('ask-wait');
    expect(note()).toBeNull();
    // The button it was on is disabled: focus is on the answer instead.
    expect(document.activeElement).toBe(status());
  });

  it('asks in plain words when the candidate adds no note', async () => {
    askButton().click();

    const request = http.expectOne('/api/applications/app-1/updates');
    expect(request.request.body).toEqual({
      kind: 'request_update',
      text: DEFAULT_UPDATE_REQUEST_TEXT,
      version: 3,
    });
    request.flush(ASKED);
  });

  it('cannot be used while the last request is recent, and says from when it can', async () => {
    fixture.componentRef.setInput(
      'application',
      aCandidateApplicationBetweenInterviews({ updateRequestAllowedFrom: '2026-06-03T09:30:00.000Z' }),
    );
    await fixture.whenStable();

    expect(askButton().disabled).toBe(true);
    expect(text(root().querySelector('#ask-wait'))).toMatch(/^You can ask again from .*(3 Jun|Jun 3).*2026/);
    askButton().click();
    http.expectNone('/api/applications/app-1/updates');
  });

  it('can be used again once that date has passed', async () => {
    fixture.componentRef.setInput(
      'application',
      aCandidateApplicationBetweenInterviews({ updateRequestAllowedFrom: '2026-06-01T11:59:00.000Z' }),
    );
    await fixture.whenStable();

    expect(askButton().disabled).toBe(false);
    expect(root().querySelector('#ask-wait')).toBeNull();
  });

  it('shows the API’s words when it refuses because the candidate asked recently', async () => {
    askButton().click();
    http
      .expectOne('/api/applications/app-1/updates')
      .flush(
        ...apiErrorBody(
          429,
          ErrorCode.TooManyRequests,
          'You asked for an update on Monday 1 June 2026 at 09:00 BST; your recruiter is answering it. You can ask again from Thursday 4 June 2026 at 09:00 BST.',
        ),
      );
    await fixture.whenStable();

    expect(text(alert())).toBe(
      'Your request was not sent. You asked for an update on Monday 1 June 2026 at 09:00 BST; your recruiter is answering it. You can ask again from Thursday 4 June 2026 at 09:00 BST.',
    );
    expect(text(status())).toBe('');
    expect(emitted).toEqual([]);
  });

  it('puts the API’s problem with the note at the note', async () => {
    await type('Any news?');
    askButton().click();
    http.expectOne('/api/applications/app-1/updates').flush(
      ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Write at most 2,000 characters.', [
        {
          field: 'text',
          reasons: ['Write at most 2,000 characters.'],
        },
      ]),
    );
    await fixture.whenStable();

    expect(text(root().querySelector('#ask-note-error'))).toBe('Write at most 2,000 characters.');
    expect(note()?.getAttribute('aria-invalid')).toBe('true');
    expect(note()?.getAttribute('aria-describedby')).toBe('ask-note-error');
    expect(document.activeElement).toBe(note());
    expect(text(alert())).toBe('');
  });

  it('stops a note longer than the API allows before sending it', async () => {
    await type('x'.repeat(2001));
    askButton().click();
    await fixture.whenStable();

    http.expectNone('/api/applications/app-1/updates');
    expect(text(root().querySelector('#ask-note-error'))).toBe('Your note is 2001 characters; keep it to 2000.');
  });
});
