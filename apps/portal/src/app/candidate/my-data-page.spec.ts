import { HttpTestingController } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ErrorCode } from '@heardback/contracts';
import { SessionStore } from '../core/session';
import { apiErrorBody, aUser } from '../testing/factories';
import { routeHarness } from '../testing/setup';
import { MyDataPage } from './my-data-page';

@Component({
  selector: 'hb-deleted-stub',
  template: '<h1>Deleted</h1>',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class DeletedStub {}

describe('MyDataPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let session: SessionStore;

  beforeEach(async () => {
    ({ harness, http } = await routeHarness({
      routes: [
        { path: 'me/data', component: MyDataPage },
        { path: 'account-deleted', component: DeletedStub },
      ],
    }));
    session = TestBed.inject(SessionStore);
    session.update(aUser());
    await harness.navigateByUrl('/me/data');
  });

  afterEach(() => http.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const button = (text: string) =>
    Array.from(root().querySelectorAll<HTMLButtonElement>('button')).find((candidate) =>
      candidate.textContent?.includes(text),
    ) as HTMLButtonElement;
  const typePassword = (value: string) => {
    const box = root().querySelector<HTMLInputElement>('#erase-password') as HTMLInputElement;
    box.value = value;
    box.dispatchEvent(new Event('input'));
  };
  const settle = () => harness.fixture.whenStable();

  it('offers the download as a plain link to the export, and says what deleting removes and keeps', () => {
    const link = root().querySelector<HTMLAnchorElement>('a[download]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/api/me/export');
    expect(link.textContent).toContain('Download your data');
    const text = root().textContent ?? '';
    expect(text).toContain('Every application still open is withdrawn');
    expect(text).toContain('The agency keeps, without your name or any words');
  });

  it('asks again before deleting: the confirmation needs the password, and can be backed out of', async () => {
    expect(root().querySelector('#erase-password')).toBeNull();
    button('Delete my account…').click();
    await settle();
    expect(root().querySelector('#erase-password')).not.toBeNull();
    expect(document.activeElement?.id).toBe('confirm-heading');

    button('Delete my account for good').click();
    await settle();
    expect(root().textContent).toContain('Type your password to confirm it is you.');
    expect(document.activeElement?.id).toBe('erase-password');

    button('Keep my account').click();
    await settle();
    expect(root().querySelector('#erase-password')).toBeNull();
  });

  it('deletes with the password, forgets the user and shows the confirmation page', async () => {
    button('Delete my account…').click();
    await settle();
    typePassword('quiet harbour lantern morning');
    button('Delete my account for good').click();
    const request = http.expectOne({ method: 'DELETE', url: '/api/me' });
    expect(request.request.body).toEqual({ password: 'quiet harbour lantern morning' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(session.user()).toBeNull();
    expect(TestBed.inject(Router).url).toBe('/account-deleted');
  });

  it('puts a wrong password beside the field and keeps the account', async () => {
    button('Delete my account…').click();
    await settle();
    typePassword('not it');
    button('Delete my account for good').click();
    http
      .expectOne({ method: 'DELETE', url: '/api/me' })
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Check the highlighted fields.', [
          { field: 'password', reasons: ['is not your current password'] },
        ]),
      );
    await settle();
    expect(root().querySelector('#erase-password-error')?.textContent).toContain(
      'Password is not your current password.',
    );
    expect(session.user()).not.toBeNull();
    expect(TestBed.inject(Router).url).toBe('/me/data');
  });

  it('says plainly when the deletion failed for another reason', async () => {
    button('Delete my account…').click();
    await settle();
    typePassword('quiet harbour lantern morning');
    button('Delete my account for good').click();
    http
      .expectOne({ method: 'DELETE', url: '/api/me' })
      .flush(...apiErrorBody(429, ErrorCode.TooManyRequests, 'Too many attempts. Try again in 15 minutes.'));
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Your account was not deleted.');
    expect(session.user()).not.toBeNull();
  });
});
