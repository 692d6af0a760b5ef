import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode, UserRole } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { apiErrorBody, aUserWithRole } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { AgencyMailForm } from './agency-mail-form';

describe('AgencyMailForm', () => {
  let fixture: ComponentFixture<AgencyMailForm>;
  let http: HttpTestingController;
  let session: SessionStore;
  const recruiter = aUserWithRole(UserRole.Recruiter);

  beforeEach(async () => {
    http = setUpPortalTest();
    session = TestBed.inject(SessionStore);
    session.update({ ...recruiter, agencyMail: 'hourly' });
    fixture = TestBed.createComponent(AgencyMailForm);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const radio = (label: string) =>
    Array.from(root().querySelectorAll<HTMLLabelElement>('label.choice'))
      .find((choice) => choice.textContent?.includes(label))
      ?.querySelector('input') as HTMLInputElement;
  const choose = async (label: string) => {
    radio(label).click();
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('asks one question, as a group of three named radio buttons, starting at the saved choice', () => {
    const fieldset = root().querySelector('fieldset');
    expect(fieldset?.querySelector('legend')?.textContent?.trim()).toBe('Email me about my work');
    const labels = Array.from(root().querySelectorAll('.choice__label')).map((label) => label.textContent?.trim());
    expect(labels).toEqual(['As it happens', 'Hourly digest', 'Daily digest']);
    expect(
      new Set(Array.from(root().querySelectorAll('input[type="radio"]')).map((input) => input.getAttribute('name')))
        .size,
    ).toBe(1);
    expect(radio('Hourly digest').checked).toBe(true);
    expect(root().textContent).toContain('Escalations always reach you at once');
  });

  it('saves the choice and says what it means', async () => {
    await choose('Daily digest');
    const request = http.expectOne({ method: 'PATCH', url: '/api/me/agency-mail' });
    expect(request.request.body).toEqual({ agencyMail: 'daily' });
    request.flush({ ...recruiter, agencyMail: 'daily' });
    await fixture.whenStable();

    expect(session.user()?.agencyMail).toBe('daily');
    expect(root().querySelector('[role="status"]')?.textContent).toBe(
      'Saved. We will gather your reminders into one email at the start of each working day.',
    );
  });

  it('shows the API’s reason at the question when it refuses the choice', async () => {
    await choose('As it happens');
    http
      .expectOne({ method: 'PATCH', url: '/api/me/agency-mail' })
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Check the highlighted fields.', [
          { field: 'agencyMail', reasons: ['must be one of immediate, hourly, daily'] },
        ]),
      );
    await fixture.whenStable();

    const error = root().querySelector('.field__error');
    expect(error?.textContent?.trim()).toBe('Must be one of immediate, hourly, daily.');
    expect(root().querySelector('fieldset')?.getAttribute('aria-describedby')).toBe(error?.id);
    expect(radio('As it happens').getAttribute('aria-invalid')).toBe('true');
    expect(session.user()?.agencyMail).toBe('hourly');
  });

  it('says so when the save fails for another reason, and keeps the saved choice', async () => {
    await choose('Daily digest');
    http
      .expectOne({ method: 'PATCH', url: '/api/me/agency-mail' })
      .flush(...apiErrorBody(403, ErrorCode.Forbidden, 'Only recruiters and staff choose this.'));
    await fixture.whenStable();

    expect(root().textContent).toContain('How we email you was not changed.');
    expect(session.user()?.agencyMail).toBe('hourly');
  });
});
