import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CandidateApplicationView, ErrorCode } from '@heardback/contracts';
import { TellRecruiterForm } from './tell-recruiter-form';
import { localDateTimeToIso } from '../core/local-date-time';
import { aCandidateApplicationBetweenInterviews, apiErrorBody, TEST_NOW } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';

describe('TellRecruiterForm', () => {
  let fixture: ComponentFixture<TellRecruiterForm>;
  let http: HttpTestingController;
  let emitted: CandidateApplicationView[];

  beforeEach(async () => {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(TellRecruiterForm);
    emitted = [];
    fixture.componentInstance.changed.subscribe((a) => emitted.push(a));
    fixture.componentRef.setInput('application', aCandidateApplicationBetweenInterviews());
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const byId = <T extends HTMLElement>(id: string) => root().querySelector<T>(`#${id}`);
  const labelFor = (id: string) => text(root().querySelector(`label[for="${id}"]`));
  const send = async () => {
    (
      Array.from(root().querySelectorAll('button')).find(
        (b) => text(b) === 'Send to your recruiter',
      ) as HTMLButtonElement
    ).click();
    await fixture.whenStable();
  };

  /** Expects the one request to the updates endpoint, with this body, and answers it. */
  function expectSent(body: object) {
    const request = http.expectOne('/api/applications/app-1/updates');
    expect(request.request.body).toEqual(body);
    request.flush(aCandidateApplicationBetweenInterviews());
  }

  async function fill(id: string, value: string) {
    const box = byId<HTMLInputElement | HTMLTextAreaElement>(id);
    if (!box) {
      throw new Error(`no #${id}`);
    }
    box.value = value;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function choose(option: string) {
    const radio = Array.from(root().querySelectorAll<HTMLLabelElement>('label.kinds__option'))
      .find((label) => text(label) === option)
      ?.querySelector('input');
    if (!radio) {
      throw new Error(`no option ${option}`);
    }
    radio.click();
    await fixture.whenStable();
  }

  it('offers another offer, availability and something else, starting with another offer', () => {
    const options = Array.from(root().querySelectorAll<HTMLLabelElement>('label.kinds__option')).map((label) => [
      text(label),
      label.querySelector('input')?.checked,
    ]);
    expect(options).toEqual([
      ['Another offer', true],
      ['Your availability', false],
      ['Something else', false],
    ]);
    expect(text(root().querySelector('legend'))).toBe('What is it about?');
    expect(labelFor('tell-text')).toBe('About the offer');
    expect(labelFor('offer-deadline-date')).toBe('Date');
    expect(labelFor('offer-deadline-time')).toBe('Time');
  });

  it('tells about another offer with its deadline, read in the candidate’s time zone', async () => {
    await fill('tell-text', ' An offer from Pine Labs. ');
    await fill('offer-deadline-date', '2026-06-05');
    await fill('offer-deadline-time', '17:00');
    await send();

    const request = http.expectOne({
      method: 'POST',
      url: '/api/applications/app-1/updates',
    });
    expect(request.request.body).toEqual({
      kind: 'other_offer',
      text: 'An offer from Pine Labs.',
      deadline: localDateTimeToIso('2026-06-05', '17:00'),
      version: 3,
    });
    const returned = aCandidateApplicationBetweenInterviews({ version: 4 });
    request.flush(returned, { status: 201, statusText: 'Created' });
    await fixture.whenStable();

    expect(emitted).toEqual([returned]);
    expect(text(root().querySelector('[role="status"]'))).toBe(
      'Sent. Your recruiter knows about your other offer. It is under “What has happened”.',
    );
    expect(byId<HTMLTextAreaElement>('tell-text')?.value).toBe('');
    expect(byId<HTMLInputElement>('offer-deadline-date')?.value).toBe('');
  });

  it('sends another offer without a deadline when none is given', async () => {
    await fill('tell-text', 'An offer, no deadline yet.');
    await send();

    expectSent({ kind: 'other_offer', text: 'An offer, no deadline yet.', version: 3 });
  });

  it('needs some words, and says so at the text box', async () => {
    await fill('tell-text', '   ');
    await send();

    http.expectNone('/api/applications/app-1/updates');
    const box = byId('tell-text');
    expect(text(byId('tell-text-error'))).toBe('Write a few words for your recruiter.');
    expect(box?.getAttribute('aria-invalid')).toBe('true');
    expect(box?.getAttribute('aria-describedby')).toBe('tell-text-hint tell-text-error');
    expect(document.activeElement).toBe(box);
  });

  it('needs the time as well when a deadline date is given, and one in the future', async () => {
    await fill('tell-text', 'An offer.');
    await fill('offer-deadline-date', '2026-06-05');
    await send();

    http.expectNone('/api/applications/app-1/updates');
    expect(text(byId('offer-deadline-error'))).toBe('Give the time as well.');
    expect(byId('offer-deadline-time')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(byId('offer-deadline-date'));

    await fill('offer-deadline-date', '2026-05-29');
    await fill('offer-deadline-time', '09:00');
    await send();
    http.expectNone('/api/applications/app-1/updates');
    expect(text(byId('offer-deadline-error'))).toBe('Choose a time in the future.');
  });

  it('tells about availability with no deadline, even one typed before switching', async () => {
    await fill('offer-deadline-date', '2026-06-05');
    await choose('Your availability');

    expect(labelFor('tell-text')).toBe('When you are available');
    expect(byId('offer-deadline-date')).toBeNull();

    await fill('tell-text', 'Away 8–12 June; one month’s notice.');
    await send();
    expectSent({ kind: 'availability', text: 'Away 8–12 June; one month’s notice.', version: 3 });
    await fixture.whenStable();
    expect(text(root().querySelector('[role="status"]'))).toMatch(
      /^Sent\. Your recruiter knows when you are available\./,
    );
  });

  it('sends a note', async () => {
    await choose('Something else');
    expect(labelFor('tell-text')).toBe('Your note');
    await fill('tell-text', 'I moved to Leeds.');
    await send();

    expectSent({ kind: 'note', text: 'I moved to Leeds.', version: 3 });
  });

  it('puts the API’s problems at the fields they are about', async () => {
    await fill('tell-text', 'An offer.');
    await send();
    http.expectOne('/api/applications/app-1/updates').flush(
      ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Enter a date and time such as 2026-12-04T17:00:00Z.', [
        {
          field: 'deadline',
          reasons: ['Enter a date and time such as 2026-12-04T17:00:00Z.'],
        },
      ]),
    );
    await fixture.whenStable();

    expect(text(byId('offer-deadline-error'))).toBe('Enter a date and time such as 2026-12-04T17:00:00Z.');
    expect(byId('tell-text-error')).toBeNull();
    expect(text(root().querySelector('[role="alert"]'))).toBe('');
    expect(emitted).toEqual([]);
  });

  it('says nothing was sent when the application has closed meanwhile', async () => {
    await fill('tell-text', 'An offer.');
    await send();
    http
      .expectOne('/api/applications/app-1/updates')
      .flush(...apiErrorBody(409, ErrorCode.InvalidTransition, 'This application is closed.'));
    await fixture.whenStable();

    expect(text(root().querySelector('[role="alert"]'))).toBe('Nothing was sent. This application is closed.');
    expect(byId<HTMLTextAreaElement>('tell-text')?.value).toBe('An offer.');
  });
});
