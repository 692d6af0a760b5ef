import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApplicationView, ErrorCode, UserRole } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { CandidateMessageForm, messagePreview } from './candidate-message-form';
import { anApplication, apiErrorBody } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';

describe('messagePreview', () => {
  it('reads as the candidate will see it, trimmed', () => {
    expect(messagePreview('Riley Recruiter', '  Still waiting on the client.\n')).toBe(
      'Message from Riley Recruiter: Still waiting on the client.',
    );
  });
});

describe('CandidateMessageForm', () => {
  let fixture: ComponentFixture<CandidateMessageForm>;
  let http: HttpTestingController;
  let sent: ApplicationView[];

  beforeEach(async () => {
    http = setUpPortalTest();
    TestBed.inject(SessionStore).update({
      id: 'u1',
      email: 'riley@agency.test',
      fullName: 'Riley Recruiter',
      role: UserRole.Recruiter,
    } as never);
    fixture = TestBed.createComponent(CandidateMessageForm);
    fixture.componentRef.setInput('application', anApplication());
    sent = [];
    fixture.componentInstance.sent.subscribe((view) => sent.push(view));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const textarea = () => view().querySelector('textarea') as HTMLTextAreaElement;
  const error = () => view().querySelector('.field__error:not(.message-form__count)')?.textContent?.trim();
  async function type(text: string) {
    textarea().value = text;
    textarea().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }
  async function send() {
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('has a labelled message field', () => {
    const label = view().querySelector(`label[for="${textarea().id}"]`);
    expect(label?.textContent).toContain('Your message to Ana');
  });

  it('does not send an empty message, and says why at the field', async () => {
    await type('   ');
    await send();
    http.expectNone('/api/applications/app-1/messages');
    expect(textarea().getAttribute('aria-invalid')).toBe('true');
    expect(error()).toBe('Write the message Ana will read.');
  });

  it('does not send more than 4000 characters', async () => {
    await type('x'.repeat(4001));
    await send();
    http.expectNone('/api/applications/app-1/messages');
    expect(error()).toBe('Shorten the message to 4000 characters or fewer.');
  });

  it('previews the words the candidate will read, with the sender’s name', async () => {
    const preview = () => view().querySelector('[data-testid="message-preview"]')?.textContent?.trim();
    expect(preview()).toContain('Message from Riley Recruiter: your words will appear here.');
    await type('  The client decides on Friday. ');
    expect(preview()).toBe('Message from Riley Recruiter: The client decides on Friday.');
  });

  it('sends the trimmed message, emits the updated application and clears the field', async () => {
    await type('  The client decides on Friday. ');
    await send();
    const request = http.expectOne({ method: 'POST', url: '/api/applications/app-1/messages' });
    expect(request.request.body).toEqual({ text: 'The client decides on Friday.', version: 3 });
    const updated = anApplication({ version: 4 });
    request.flush(updated);
    await fixture.whenStable();
    expect(sent).toEqual([updated]);
    expect(textarea().value).toBe('');
    expect(textarea().getAttribute('aria-invalid')).toBe('false');
  });

  it('shows the API’s field error at the field', async () => {
    await type('Hello');
    await send();
    http
      .expectOne('/api/applications/app-1/messages')
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'invalid', [
          { field: 'text', reasons: ['must not be empty: these are the words the candidate will read'] },
        ]),
      );
    await fixture.whenStable();
    expect(error()).toBe('Must not be empty: these are the words the candidate will read.');
    expect(sent).toEqual([]);
  });

  it('shows a refusal without a field (a closed application) at the field too', async () => {
    await type('Hello');
    await send();
    http
      .expectOne('/api/applications/app-1/messages')
      .flush(...apiErrorBody(409, ErrorCode.InvalidTransition, 'This application is closed.'));
    await fixture.whenStable();
    expect(textarea().getAttribute('aria-invalid')).toBe('true');
    expect(error()).toContain('This application is closed.');
  });
});
