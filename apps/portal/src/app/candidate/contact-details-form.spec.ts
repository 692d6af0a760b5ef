import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { apiErrorBody, aUser } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';
import { ContactDetailsForm } from './contact-details-form';

describe('ContactDetailsForm', () => {
  let fixture: ComponentFixture<ContactDetailsForm>;
  let http: HttpTestingController;
  let session: SessionStore;

  async function render() {
    http = setUpPortalTest();
    session = TestBed.inject(SessionStore);
    session.update(aUser({ phone: '+447700900123', location: null, profileLink: null }));
    fixture = TestBed.createComponent(ContactDetailsForm);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const input = (id: string) => view().querySelector(`#${id}`) as HTMLInputElement;
  const type = (id: string, value: string) => {
    input(id).value = value;
    input(id).dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  };

  it('starts from what is saved and saves the three details with the name unchanged', async () => {
    await render();
    expect(input('contact-phone').value).toBe('+447700900123');
    expect(input('contact-phone').type).toBe('tel');
    type('contact-location', ' Leeds, UK ');
    type('contact-link', 'https://www.linkedin.com/in/casey');
    await submit();

    const request = http.expectOne({ method: 'PATCH', url: '/api/me/profile' });
    expect(request.request.body).toEqual({
      fullName: 'Casey Candidate',
      phone: '+447700900123',
      location: 'Leeds, UK',
      profileLink: 'https://www.linkedin.com/in/casey',
    });
    request.flush(
      aUser({ phone: '+447700900123', location: 'Leeds, UK', profileLink: 'https://www.linkedin.com/in/casey' }),
    );
    await fixture.whenStable();
    expect(session.user()?.location).toBe('Leeds, UK');
    expect(view().textContent).toContain('Saved. Recruiters see these details with your applications.');
  });

  it('puts the API’s reason beside the phone box and moves focus there', async () => {
    await render();
    type('contact-phone', '020 7946 0958');
    await submit();
    http
      .expectOne({ method: 'PATCH', url: '/api/me/profile' })
      .flush(
        ...apiErrorBody(
          400,
          ErrorCode.ValidationFailed,
          'Enter an international number: a + and the country code, then the number.',
          [{ field: 'phone', reasons: ['Enter an international number: a + and the country code, then the number.'] }],
        ),
      );
    await fixture.whenStable();

    expect(view().querySelector('#contact-phone-error')?.textContent).toContain(
      'Enter an international number: a + and the country code, then the number.',
    );
    expect(input('contact-phone').getAttribute('aria-invalid')).toBe('true');
    await new Promise((resolve) => setTimeout(resolve));
    expect(document.activeElement === input('contact-phone') || !fixture.nativeElement.isConnected).toBe(true);
  });
});
