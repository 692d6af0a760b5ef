import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode, RetentionSettingsView } from '@heardback/contracts';
import { apiErrorBody } from '../testing/factories';
import { renderComponent } from '../testing/setup';
import { DataRetentionPage } from './data-retention-page';

const twelveMonths: RetentionSettingsView = {
  retentionMonths: 12,
  noticeDays: 30,
  updatedAt: '2026-11-02T09:00:00.000Z',
  updatedBy: null,
};

describe('DataRetentionPage', () => {
  let fixture: ComponentFixture<DataRetentionPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    ({ fixture, http } = await renderComponent(DataRetentionPage));
    http.expectOne({ method: 'GET', url: '/api/agency/data-retention' }).flush(twelveMonths);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const box = () => root().querySelector<HTMLInputElement>('#retention-months') as HTMLInputElement;
  const submit = async (value: string) => {
    box().value = value;
    box().dispatchEvent(new Event('input'));
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await fixture.whenStable();
  };

  it('shows the period in force and when candidates are told', () => {
    expect(box().value).toBe('12');
    expect(root().textContent).toContain('emailed 30 days before');
  });

  it('refuses a period outside its bounds before sending, beside the field', async () => {
    for (const value of ['0', '121', '1.5', '']) {
      await submit(value);
      expect(root().querySelector('#retention-months-error')?.textContent).toContain(
        'Enter a whole number of months from 1 to 120.',
      );
    }
    expect(document.activeElement).toBe(box());
  });

  it('saves a new period and says so', async () => {
    await submit('6');
    const request = http.expectOne({ method: 'PUT', url: '/api/agency/data-retention' });
    expect(request.request.body).toEqual({ retentionMonths: 6 });
    request.flush({ ...twelveMonths, retentionMonths: 6, updatedBy: 'Sam Staff' });
    await fixture.whenStable();
    expect(root().textContent).toContain('Saved. Closed applications are now erased after 6 months.');
    expect(root().textContent).toContain('Last changed by Sam Staff');
  });

  it('shows the API’s reason when it refuses', async () => {
    await submit('24');
    http
      .expectOne({ method: 'PUT', url: '/api/agency/data-retention' })
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Check the highlighted fields.', [
          { field: 'retentionMonths', reasons: ['must be at most 120 months'] },
        ]),
      );
    await fixture.whenStable();
    expect(root().querySelector('#retention-months-error')?.textContent).toContain(
      'The period must be at most 120 months.',
    );
  });
});
