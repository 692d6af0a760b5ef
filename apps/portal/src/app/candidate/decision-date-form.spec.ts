import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { CandidateApplicationView, ErrorCode } from '@heardback/contracts';
import { formatDateTime } from '../core/date-time';
import { DecisionDateForm } from './decision-date-form';
import { localDateTimeToIso } from '../core/local-date-time';
import { aCandidateApplicationBetweenInterviews, apiErrorBody, TEST_NOW } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';

describe('DecisionDateForm', () => {
  let fixture: ComponentFixture<DecisionDateForm>;
  let http: HttpTestingController;
  let emitted: CandidateApplicationView[];

  async function create(application: CandidateApplicationView) {
    fixture = TestBed.createComponent(DecisionDateForm);
    emitted = [];
    fixture.componentInstance.changed.subscribe((changed) => {
      emitted.push(changed);
      fixture.componentRef.setInput('application', changed);
    });
    fixture.componentRef.setInput('application', application);
    await fixture.whenStable();
  }

  beforeEach(() => {
    http = setUpPortalTest({ now: TEST_NOW });
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const byId = <T extends HTMLElement>(id: string) => root().querySelector<T>(`#${id}`);
  const button = (name: RegExp) => Array.from(root().querySelectorAll('button')).find((b) => name.test(text(b)));
  const status = () => root().querySelector('[role="status"]');

  async function fill(id: string, value: string) {
    const box = byId<HTMLInputElement>(id) as HTMLInputElement;
    box.value = value;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function click(name: RegExp) {
    button(name)?.click();
    await fixture.whenStable();
  }

  it('sets a decision date typed in the candidate’s time zone, then shows it with a Clear button', async () => {
    await create(aCandidateApplicationBetweenInterviews({ decisionDate: null }));
    expect(button(/^Clear/)).toBeUndefined();
    expect(text(root().querySelector('legend'))).toBe('I will move on after');

    await fill('decision-date', '2026-06-20');
    await fill('decision-time', '18:00');
    await click(/^Set decision date$/);

    const iso = localDateTimeToIso('2026-06-20', '18:00') as string;
    const request = http.expectOne({
      method: 'PUT',
      url: '/api/applications/app-1/decision-date',
    });
    expect(request.request.body).toEqual({ decisionDate: iso, version: 3 });
    request.flush(aCandidateApplicationBetweenInterviews({ decisionDate: iso }));
    await fixture.whenStable();

    expect(emitted).toHaveLength(1);
    expect(text(status())).toBe(`Saved. Your recruiter knows you will move on after ${formatDateTime(iso)}.`);
    expect(text(root().querySelector('.part__now'))).toBe(`You will move on after ${formatDateTime(iso)}.`);
    expect(root().querySelector('.part__now time')?.getAttribute('datetime')).toBe(iso);
    expect(button(/^Clear/)).toBeDefined();
    expect(button(/^Change decision date$/)).toBeDefined();
    expect(byId<HTMLInputElement>('decision-date')?.value).toBe('');
  });

  it('clears the decision date, naming what the Clear button clears for screen readers', async () => {
    await create(aCandidateApplicationBetweenInterviews({ decisionDate: '2026-06-20T17:00:00.000Z' }));
    expect(text(button(/^Clear/))).toBe('Clear your decision date');

    await click(/^Clear/);
    const request = http.expectOne({
      method: 'PUT',
      url: '/api/applications/app-1/decision-date',
    });
    expect(request.request.body).toEqual({ decisionDate: null, version: 3 });
    request.flush(aCandidateApplicationBetweenInterviews({ decisionDate: null }));
    await fixture.whenStable();

    expect(text(status())).toBe('Cleared. You have no decision date now.');
    expect(button(/^Clear/)).toBeUndefined();
    expect(root().querySelector('.part__now')).toBeNull();
    expect(document.activeElement).toBe(status());
  });

  it('needs a date and a time in the future before asking the API', async () => {
    await create(aCandidateApplicationBetweenInterviews());

    await click(/^Set decision date$/);
    expect(text(byId('decision-error'))).toBe('Choose a date and a time.');
    expect(document.activeElement).toBe(byId('decision-date'));

    await fill('decision-date', '2026-05-20');
    await fill('decision-time', '10:00');
    await click(/^Set decision date$/);
    expect(text(byId('decision-error'))).toBe('Choose a time in the future.');
    expect(byId('decision-date')?.getAttribute('aria-describedby')).toBe('decision-hint decision-error');
    http.expectNone('/api/applications/app-1/decision-date');

    await fill('decision-time', '11:00');
    expect(byId('decision-error')).toBeNull();
  });

  it('puts the API’s problem with the date at the date', async () => {
    await create(aCandidateApplicationBetweenInterviews());
    await fill('decision-date', '2026-06-02');
    await fill('decision-time', '09:00');
    await click(/^Set decision date$/);

    http
      .expectOne('/api/applications/app-1/decision-date')
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'decisionDate: must be in the future', [
          { field: 'decisionDate', reasons: ['must be in the future'] },
        ]),
      );
    await fixture.whenStable();

    expect(text(byId('decision-error'))).toBe('The date must be in the future.');
    expect(emitted).toEqual([]);
  });

  it('says when clearing failed, and keeps the date shown', async () => {
    await create(aCandidateApplicationBetweenInterviews({ decisionDate: '2026-06-20T17:00:00.000Z' }));
    await click(/^Clear/);
    http.expectOne('/api/applications/app-1/decision-date').flush(null, {
      status: 0,
      statusText: 'Unknown Error',
    });
    await fixture.whenStable();

    expect(text(root().querySelector('[role="alert"]'))).toBe(
      'Your decision date was not cleared. We could not reach Heardback. Check your internet connection.',
    );
    expect(button(/^Clear/)).toBeDefined();
  });
});
