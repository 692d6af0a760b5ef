import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode, EscalationView, ReassignmentResult, UserRole } from '@heardback/contracts';
import { EscalationsPage, escalationRows } from './escalations-page';
import { PICKER_OPTIONS, PICKER_PAUSE_MS } from '../core/search-picker';
import { apiErrorBody } from '../testing/factories';
import { aListPage, anAgencyUser } from '../testing/agency-factories';
import { renderComponent } from '../testing/setup';

const DAY = 86_400_000;
/** The page's "now", fixed so the words about lateness never depend on the wall clock. */
const NOW_AT = new Date('2026-11-30T12:00:00.000Z');

function anEscalation(overrides: Partial<EscalationView> = {}): EscalationView {
  return {
    applicationId: 'app-1',
    applicationVersion: 4,
    stageId: 'stage-1',
    stageName: 'Phone screen',
    candidateName: 'Ana Silva',
    jobTitle: 'Backend Engineer',
    clientName: 'Northwind Logistics',
    ownerId: 'user-7',
    ownerName: 'Riley Recruiter',
    feedbackDueAt: new Date(NOW_AT.getTime() - 2 * DAY).toISOString(),
    escalatedAt: new Date(NOW_AT.getTime() - DAY).toISOString(),
    secondEscalatedAt: null,
    ...overrides,
  };
}

describe('escalationRows', () => {
  it('keeps the API’s order (longest overdue first, as pages keep it) and says how late each is', () => {
    const now = NOW_AT;
    const rows = escalationRows(
      [
        anEscalation({ stageId: 'oldest', feedbackDueAt: new Date(now.getTime() - 5 * DAY).toISOString() }),
        anEscalation({ stageId: 'recent', feedbackDueAt: new Date(now.getTime() - 2 * DAY).toISOString() }),
      ],
      now,
    );
    expect(rows.map((row) => row.escalation.stageId)).toEqual(['oldest', 'recent']);
    expect(rows[0].late).toBe('Overdue by 5 days');
  });
});

describe('EscalationsPage', () => {
  let fixture: ComponentFixture<EscalationsPage>;
  let http: HttpTestingController;

  beforeEach(async () => ({ fixture, http } = await renderComponent(EscalationsPage, { now: NOW_AT })));

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const status = () => view().querySelector('.status-line[role="status"]')?.textContent?.trim();
  const people = [
    anAgencyUser({ id: 'user-7', fullName: 'Riley Recruiter', role: UserRole.Recruiter }),
    anAgencyUser({ id: 'user-8', fullName: 'Bo Recruiter', role: UserRole.Recruiter }),
    anAgencyUser({
      id: 'user-9',
      fullName: 'Gone Recruiter',
      role: UserRole.Recruiter,
      disabledAt: '2026-11-01T00:00:00Z',
    }),
    anAgencyUser({ id: 'user-1', fullName: 'Sam Staff' }),
  ];
  const result = (to: string, fullName: string): ReassignmentResult => ({ to: { id: to, fullName }, work: [] });

  async function loaded(escalations: EscalationView[]) {
    http.expectOne('/api/agency/escalations').flush(aListPage(escalations));
    await fixture.whenStable();
    // Nobody is listed up front: the pickers search the agency's accounts as one types.
    http.expectNone((request) => request.url === '/api/users');
  }

  /**
   * Types into a person picker, answers its search with `offered` (checking what it asked for), and
   * picks the `index`th offered with the keyboard. Returns the query the picker sent.
   */
  async function pick(box: HTMLInputElement, typed: string, offered: typeof people, index = 0) {
    box.value = typed;
    box.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    const request = http.expectOne((each) => each.url === '/api/users');
    const query = Object.fromEntries(
      request.request.params.keys().map((key) => [key, request.request.params.get(key)]),
    );
    request.flush({ items: offered, nextCursor: null, total: offered.length });
    await fixture.whenStable();
    for (let step = 0; step <= index; step++) box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await fixture.whenStable();
    return query;
  }

  it('lists each escalation with how late it is, linking to the feedback form', async () => {
    expect(status()).toBe('Loading escalations…');
    await loaded([anEscalation({ applicationId: 'app-9' })]);
    expect(status()).toBe('1 overdue feedback escalated');
    const row = view().querySelector('li.staff-row') as HTMLElement;
    expect(row.textContent).toContain('Backend Engineer · Northwind Logistics');
    expect(row.textContent).toContain('Stage: Phone screen');
    expect(row.textContent).toContain('Chase: Riley Recruiter (their work)');
    expect(row.querySelector('.badge')?.textContent?.trim()).toBe('Overdue by 2 days');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/recruiter/applications/app-9#record-feedback');
  });

  it('says the true total, and “Load more” adds the next page', async () => {
    http
      .expectOne('/api/agency/escalations')
      .flush(aListPage([anEscalation({ stageId: 's1', candidateName: 'Ana Silva' })], 'next-1', 120));
    await fixture.whenStable();
    expect(status()).toBe('120 overdue feedbacks escalated; the 1 longest overdue are shown');
    const more = () => Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.includes('Load more'));
    more()?.click();
    await fixture.whenStable();
    http
      .expectOne('/api/agency/escalations?cursor=next-1')
      .flush(aListPage([anEscalation({ stageId: 's2', candidateName: 'Ben Okafor' })], null, 2));
    await fixture.whenStable();
    expect(view().querySelectorAll('li.staff-row')).toHaveLength(2);
    expect(more()).toBeUndefined();
    expect(status()).toBe('2 overdue feedbacks escalated');
  });

  describe('when “Load more” is refused', () => {
    const more = () => Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.includes('Load more'));
    const startedAgain = () => view().querySelector('hb-load-more [role="status"]')?.textContent?.trim();
    const alert = () => view().querySelector('hb-load-more [role="alert"]')?.textContent;

    async function refusedMore(field: string, status = 400) {
      http
        .expectOne('/api/agency/escalations')
        .flush(aListPage([anEscalation({ stageId: 's1', candidateName: 'Ana Silva' })], 'old-form', 3));
      await fixture.whenStable();
      more()?.click();
      await fixture.whenStable();
      const details = [{ field, reasons: ['is not a cursor this API gave out; start again without it'] }];
      http
        .expectOne('/api/agency/escalations?cursor=old-form')
        .flush(...apiErrorBody(status, status === 400 ? ErrorCode.ValidationFailed : ErrorCode.Internal, 'x', details));
      await fixture.whenStable();
    }

    it('starts the list again from the top when the API no longer reads the cursor, and says so', async () => {
      await refusedMore('cursor');

      // The first page again, without a cursor; its rows replace those shown.
      http
        .expectOne('/api/agency/escalations')
        .flush(aListPage([anEscalation({ stageId: 's9', candidateName: 'Cy Newrow' })], 'new-1', 2));
      await fixture.whenStable();
      expect(view().querySelectorAll('li.staff-row')).toHaveLength(1);
      expect(view().querySelector('li.staff-row')?.textContent).toContain('Cy Newrow');
      expect(startedAgain()).toBe('The list changed since it was loaded, so it starts again from the top.');
      expect(alert()).toBeUndefined();

      // The next page it adds clears the words.
      more()?.click();
      await fixture.whenStable();
      http.expectOne('/api/agency/escalations?cursor=new-1').flush(aListPage([anEscalation({ stageId: 's10' })]));
      await fixture.whenStable();
      expect(view().querySelectorAll('li.staff-row')).toHaveLength(2);
      expect(startedAgain()).toBeUndefined();
    });

    it('says why, keeps the rows and asks nothing more, for a 400 naming another field', async () => {
      await refusedMore('limit');
      expect(alert()).toContain('More escalations could not be loaded.');
      expect(view().querySelector('li.staff-row')?.textContent).toContain('Ana Silva');
      expect(startedAgain()).toBeUndefined();
      http.expectNone('/api/agency/escalations');
    });

    it('says why, keeps the rows and asks nothing more, for a 500', async () => {
      await refusedMore('cursor', 500);
      expect(alert()).toContain('Our server had a problem (error 500).');
      expect(view().querySelector('li.staff-row')?.textContent).toContain('Ana Silva');
      expect(startedAgain()).toBeUndefined();
      http.expectNone('/api/agency/escalations');
    });
  });

  it('says when nothing is escalated', async () => {
    await loaded([]);
    expect(status()).toBe('No escalations');
    expect(view().textContent).toContain('Nothing is escalated');
  });

  it('says what went wrong', async () => {
    http.expectOne('/api/agency/escalations').flush(...apiErrorBody(500, ErrorCode.Internal, 'x'));
    await fixture.whenStable();
    expect(view().querySelector('hb-load-state [role="alert"]')?.textContent).toContain(
      "We couldn't load the escalations",
    );
  });

  it('reassigns an escalated stage to someone chosen, with the version it was loaded with, then shows the new owner', async () => {
    await loaded([anEscalation({ applicationId: 'app-9', stageId: 'stage-3' })]);
    const box = view().querySelector('li.staff-row [role="combobox"]') as HTMLInputElement;
    const label = view().querySelector(`label[for="${box.id}"]`);
    expect(label?.textContent?.trim()).toBe('Reassign to');
    // Active people only, and not the owner it is escalated against.
    expect(await pick(box, 'rec', [people[1]])).toEqual({
      q: 'rec',
      limit: String(PICKER_OPTIONS),
      active: 'true',
      except: 'user-7',
    });
    expect(box.value).toBe('Bo Recruiter');
    (view().querySelector('li.staff-row button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();

    const request = http.expectOne({ method: 'POST', url: '/api/agency/reassignments' });
    expect(request.request.body).toEqual({
      scope: 'stage',
      applicationId: 'app-9',
      stageId: 'stage-3',
      version: 4,
      toUserId: 'user-8',
    });
    request.flush(result('user-8', 'Bo Recruiter'));
    await fixture.whenStable();
    http
      .expectOne('/api/agency/escalations')
      .flush(
        aListPage([
          anEscalation({ applicationId: 'app-9', stageId: 'stage-3', ownerId: 'user-8', ownerName: 'Bo Recruiter' }),
        ]),
      );
    await fixture.whenStable();
    expect(view().querySelector('li.staff-row')?.textContent).toContain('Chase: Bo Recruiter (their work)');
  });

  it('asks whom to give the stage to before sending, and says why the API refused', async () => {
    await loaded([anEscalation()]);
    const button = view().querySelector('li.staff-row button[type="submit"]') as HTMLButtonElement;
    button.click();
    await fixture.whenStable();
    expect(view().querySelector('li.staff-row .field__error')?.textContent).toContain(
      'Choose whom to give this stage to.',
    );
    await pick(view().querySelector('li.staff-row [role="combobox"]') as HTMLInputElement, 'bo', [people[1]]);
    button.click();
    await fixture.whenStable();
    http
      .expectOne('/api/agency/reassignments')
      .flush(
        ...apiErrorBody(409, ErrorCode.StaleVersion, 'Someone else changed this application since you loaded it.'),
      );
    await fixture.whenStable();
    expect(view().querySelector('li.staff-row [role="alert"]')?.textContent).toContain('Someone else changed');
  });

  it('hands over all of one person’s open work in one step', async () => {
    await loaded([anEscalation()]);
    const from = view().querySelector('#reassign-all-from') as HTMLInputElement;
    const to = view().querySelector('#reassign-all-to') as HTMLInputElement;
    expect(view().querySelector('label[for="reassign-all-from"]')?.textContent?.trim()).toBe('Whose open work');
    // Anyone's work, a disabled account's too (said beside the name); then active people but them.
    expect(await pick(from, 'gone', [people[2]])).toEqual({ q: 'gone', limit: String(PICKER_OPTIONS) });
    expect(await pick(to, 'r', [people[1], people[0]])).toEqual({
      q: 'r',
      limit: String(PICKER_OPTIONS),
      active: 'true',
      except: 'user-9',
    });
    expect(to.value).toBe('Bo Recruiter');
    const submit = view().querySelector('.reassign-all button[type="submit"]') as HTMLButtonElement;
    expect(submit.textContent?.trim()).toBe('Reassign all of Gone Recruiter’s open work');
    submit.click();
    await fixture.whenStable();
    const request = http.expectOne({ method: 'POST', url: '/api/agency/reassignments' });
    expect(request.request.body).toEqual({ scope: 'recruiter', fromUserId: 'user-9', toUserId: 'user-8' });
    request.flush({
      ...result('user-8', 'Bo Recruiter'),
      work: [{ applicationId: 'a', applicationVersion: 2, candidateName: 'Ana', jobTitle: 'J', stages: [] }],
    });
    await fixture.whenStable();
    http.expectOne('/api/agency/escalations').flush(aListPage([]));
    await fixture.whenStable();
    expect(view().querySelector('.reassign-all > [role="status"]')?.textContent).toContain(
      'Gone Recruiter’s open work (1 application) is now Bo Recruiter’s.',
    );
    // The form starts again: both boxes are empty, ready for the next hand-over.
    expect([from.value, to.value]).toEqual(['', '']);
  });

  it('never hands work over to whose it is: choosing them as “whose” empties “give it to”', async () => {
    await loaded([]);
    const from = view().querySelector('#reassign-all-from') as HTMLInputElement;
    const to = view().querySelector('#reassign-all-to') as HTMLInputElement;
    await pick(to, 'bo', [people[1]]);
    expect(to.value).toBe('Bo Recruiter');
    await pick(from, 'bo', [people[1]]);
    expect([from.value, to.value]).toEqual(['Bo Recruiter', '']);
    (view().querySelector('.reassign-all button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    http.expectNone({ method: 'POST', url: '/api/agency/reassignments' });
    expect(view().querySelector('#reassign-all-to-error')?.textContent).toContain('Choose whom to give it to.');
  });

  it('says when a left escalation went up to the agency leads', async () => {
    await loaded([anEscalation({ secondEscalatedAt: NOW_AT.toISOString() })]);
    expect(view().querySelector('li.staff-row')?.textContent).toContain('To the agency leads');
  });
});
