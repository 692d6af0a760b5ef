import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  AUDIT_TEXT_CHANGED,
  AuditAction,
  AuditEntityType,
  AuditEventPage,
  ErrorCode,
  UserRole,
} from '@heardback/contracts';
import { AuditTrailPage } from './audit-trail-page';
import { formatDateTime } from '../core/date-time';
import { anAgencyUser, anAuditEvent, anAuditPage, apiErrorBody } from '../testing/factories';
import { routeHarness } from '../testing/setup';
import { PICKER_OPTIONS, PICKER_PAUSE_MS } from '../core/search-picker';

const RILEY = anAgencyUser({
  id: '7d4c2a10-0000-4000-8000-000000000002',
  fullName: 'Riley Recruiter',
  role: UserRole.Recruiter,
});

const CLIENT_1 = '11111111-1111-4111-8111-111111111111';
const CLIENT_9 = '99999999-9999-4999-8999-999999999999';

describe('AuditTrailPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(
    async () =>
      ({ harness, http } = await routeHarness({ routes: [{ path: 'staff/audit', component: AuditTrailPage }] })),
  );

  afterEach(() => http.verify());

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url, AuditTrailPage);
    await harness.fixture.whenStable();
  }

  /** Answers the one request for the people the page names by id, checking it asks for exactly `ids`. */
  async function answerPeople(ids: string[], people: ReturnType<typeof anAgencyUser>[]) {
    const request = http.expectOne((each) => each.url === '/api/users');
    expect(request.request.params.get('ids')).toBe(ids.join(','));
    request.flush({ items: people, nextCursor: null, total: people.length });
    await harness.fixture.whenStable();
  }

  function eventsRequest(): TestRequest {
    return http.expectOne((request) => request.url === '/api/audit-events');
  }

  async function answer(page: AuditEventPage | Parameters<TestRequest['flush']>[0], options?: object) {
    eventsRequest().flush(page, options);
    await harness.fixture.whenStable();
  }

  const view = () => harness.routeNativeElement as HTMLElement;
  const status = () => view().querySelector('.status-line[role="status"]')?.textContent?.trim();
  const rows = () => Array.from(view().querySelectorAll<HTMLElement>('[data-testid="audit-event"]'));
  const control = <T extends HTMLElement>(id: string) => view().querySelector(`#${id}`) as T;
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === name);
  /** Each change as [label, "before → after"] or [label, value], as a sighted person reads it. */
  const changesOf = (row: HTMLElement) =>
    Array.from(row.querySelectorAll('.audit-changes__item'), (item) => {
      const text = (selector: string) => item.querySelector(selector)?.textContent?.trim();
      const shown = text('.audit-changes__before')
        ? `${text('.audit-changes__before')} → ${text('.audit-changes__after')}`
        : text('dd');
      return [text('dt'), shown];
    });

  it('sends the filters in the link to the API and shows them in the form', async () => {
    await open(`/staff/audit?actorId=${RILEY.id}&entityType=job&action=job.updated&from=2026-11-01&to=2026-11-30`);
    const request = eventsRequest();
    expect(
      Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)])),
    ).toEqual({
      actorId: RILEY.id,
      entityType: 'job',
      action: 'job.updated',
      from: '2026-11-01',
      to: '2026-11-30',
    });
    request.flush(anAuditPage([]));
    await harness.fixture.whenStable();

    // The person in the link is named once known: only they are asked for, by id.
    expect(control<HTMLInputElement>('audit-actor').value).toBe('The person in your link');
    await answerPeople([RILEY.id], [RILEY]);
    expect(control<HTMLInputElement>('audit-actor').value).toBe('Riley Recruiter');
    expect(control<HTMLSelectElement>('audit-action').selectedOptions[0].textContent?.trim()).toBe('Edited a job');
    expect(control<HTMLInputElement>('audit-from').value).toBe('2026-11-01');
    expect(status()).toBe('No changes match these filters');
  });

  it("shows who did what to which record, when in the agency's time zone, and each field before and after", async () => {
    await open('/staff/audit');
    expect(status()).toBe('Loading changes…');
    await answer(
      anAuditPage([
        anAuditEvent({
          changes: {
            title: { before: 'Backend Engineer', after: 'Senior Backend Engineer' },
            ownerId: { before: null, after: RILEY.id },
            clientId: { before: CLIENT_1, after: CLIENT_9 },
          },
        }),
        anAuditEvent({
          id: 'e2',
          occurredAt: '2026-11-19T16:05:00.000Z',
          actor: { id: RILEY.id, fullName: 'Riley Recruiter', role: UserRole.Recruiter },
          action: AuditAction.FeedbackRecorded,
          entity: { type: AuditEntityType.Application, id: 'app-1', label: 'Ana Lima – Senior Backend Engineer' },
          changes: {
            stage: { before: 'Technical', after: 'Technical' },
            rating: { before: null, after: 3 },
            candidateMessage: { after: AUDIT_TEXT_CHANGED },
            status: { before: 'interviewing', after: 'offer' },
          },
        }),
      ]),
    );

    // Only the people and clients the changes name are asked for, by id.
    await answerPeople([RILEY.id], [RILEY]);
    const clients = http.expectOne((request) => request.url === '/api/clients');
    expect(clients.request.params.get('ids')).toBe(`${CLIENT_1},${CLIENT_9}`);
    clients.flush({ items: [{ id: CLIENT_1, name: 'Northwind Logistics' }], nextCursor: null, total: 1 });
    await harness.fixture.whenStable();

    expect(status()).toBe('2 changes');
    expect(view().querySelector('.page-lead')?.textContent).toContain(
      'Times are in the agency’s time zone, Europe/London.',
    );
    const [edited, feedback] = rows();
    expect(edited.querySelector('h2')?.textContent?.trim()).toBe('Sam Staff edited a job');
    const when = formatDateTime('2026-11-20T09:30:00.000Z', { timeZone: 'Europe/London' });
    expect(when).toMatch(/GMT/);
    expect(edited.querySelector('time')?.textContent?.trim()).toBe(when);
    expect(edited.querySelector('a[href="/recruiter/jobs/job-1"]')?.textContent?.trim()).toBe(
      'Senior Backend Engineer',
    );
    expect(changesOf(edited)).toEqual([
      ['Title', 'Backend Engineer → Senior Backend Engineer'],
      ['Client', `Northwind Logistics → a client (${CLIENT_9})`],
      ['Owner', 'none → Riley Recruiter'],
    ]);
    // Heard as "Backend Engineer changed to Senior Backend Engineer": the arrow is hidden from screen readers.
    expect(edited.querySelector('dd')?.textContent).toBe('Backend Engineer changed to →Senior Backend Engineer');
    expect(edited.querySelector('.audit-changes__arrow')?.getAttribute('aria-hidden')).toBe('true');

    expect(feedback.querySelector('h2')?.textContent?.trim()).toBe('Riley Recruiter recorded feedback');
    expect(feedback.textContent).toContain('Recruiter account');
    expect(feedback.querySelector('a[href="/recruiter/applications/app-1"]')).not.toBeNull();
    expect(changesOf(feedback)).toEqual([
      ['Stage', 'Technical'],
      ['Rating', 'none → 3 of 4 (Good)'],
      ['Message to the candidate', 'Written or changed (the words are not copied to the audit trail)'],
      ['Status', 'Interviewing → Offer made'],
    ]);
    expect(feedback.querySelector('a[href="/staff/audit?entityId=app-1"]')?.textContent).toContain('History');
  });

  it('puts the chosen filters in the link, keeping the record, and refuses a From day after the To day', async () => {
    await open('/staff/audit?entityId=0b7e3c52-5d1c-4f44-9a55-3b8f0d9f1a10');
    await answer(anAuditPage([anAuditEvent()]));
    expect(view().textContent).toContain('Showing the history of one record only.');

    const action = control<HTMLSelectElement>('audit-action');
    action.value = AuditAction.JobClosed;
    action.dispatchEvent(new Event('change'));
    for (const [id, day] of [
      ['audit-from', '2026-11-30'],
      ['audit-to', '2026-11-01'],
    ]) {
      control<HTMLInputElement>(id).value = day;
      control<HTMLInputElement>(id).dispatchEvent(new Event('input'));
    }
    button('Show changes')?.click();
    await harness.fixture.whenStable();
    expect(view().querySelector('[role="alert"]')?.textContent).toContain(
      'The “From” day must be on or before the “To” day.',
    );
    http.expectNone((request) => request.url === '/api/audit-events');

    control<HTMLInputElement>('audit-to').value = '2026-12-05';
    control<HTMLInputElement>('audit-to').dispatchEvent(new Event('input'));
    button('Show changes')?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(
      '/staff/audit?entityId=0b7e3c52-5d1c-4f44-9a55-3b8f0d9f1a10&action=job.closed&from=2026-11-30&to=2026-12-05',
    );
    expect(eventsRequest().request.params.get('action')).toBe('job.closed');
  });

  it('finds the person to filter by by typing, and puts them in the link', async () => {
    await open('/staff/audit');
    await answer(anAuditPage([anAuditEvent()]));
    const box = control<HTMLInputElement>('audit-actor');
    box.value = 'riley';
    box.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    // Anyone who can appear in the trail, disabled accounts too.
    http.expectOne(`/api/users?q=riley&limit=${PICKER_OPTIONS}`).flush({ items: [RILEY], nextCursor: null, total: 1 });
    await harness.fixture.whenStable();
    expect(view().querySelector('[role="option"]')?.textContent).toContain('Riley Recruiter');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    button('Show changes')?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(`/staff/audit?actorId=${RILEY.id}`);
    expect(eventsRequest().request.params.get('actorId')).toBe(RILEY.id);
    await answerPeople([RILEY.id], [RILEY]);
    expect(box.value).toBe('Riley Recruiter');
  });

  it('refuses a name typed but not chosen from the list, and Clear filters empties it', async () => {
    await open('/staff/audit?entityType=job');
    await answer(anAuditPage([anAuditEvent()]));
    const box = control<HTMLInputElement>('audit-actor');
    box.value = 'Rile';
    box.dispatchEvent(new Event('input'));
    button('Show changes')?.click();
    await harness.fixture.whenStable();
    expect(view().querySelector('[role="alert"]')?.textContent).toContain(
      'Choose the person from the list as you type, or empty “Who” for anyone.',
    );
    expect(document.activeElement).toBe(box);
    expect(TestBed.inject(Router).url).toBe('/staff/audit?entityType=job');
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    http.expectOne((request) => request.url === '/api/users').flush({ items: [RILEY], nextCursor: null, total: 1 });

    button('Clear filters')?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/staff/audit');
    await answer(anAuditPage([]));
    expect(box.value).toBe('');
  });

  it('keeps the person picked after the filters in the link changed', async () => {
    await open('/staff/audit?entityType=job');
    await answer(anAuditPage([]));
    // The form follows the link in an effect: it must not re-run, and reset the box, as one types.
    await harness.navigateByUrl('/staff/audit?entityType=user');
    await answer(anAuditPage([]));
    const box = control<HTMLInputElement>('audit-actor');
    box.value = 'riley';
    box.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(box.value).toBe('riley');
    await new Promise((resolve) => setTimeout(resolve, PICKER_PAUSE_MS + 50));
    http.expectOne((request) => request.url === '/api/users').flush({ items: [RILEY], nextCursor: null, total: 1 });
    await harness.fixture.whenStable();
    (view().querySelector('[role="option"]') as HTMLElement).click();
    await harness.fixture.whenStable();
    expect(box.value).toBe('Riley Recruiter');
    button('Show changes')?.click();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(`/staff/audit?actorId=${RILEY.id}&entityType=user`);
    eventsRequest().flush(anAuditPage([]));
    await answerPeople([RILEY.id], [RILEY]);
    expect(box.value).toBe('Riley Recruiter');
  });

  it('keeps the names it knows while it asks about people newly named', async () => {
    const owner = (id: string) => anAuditEvent({ id, changes: { ownerId: { before: null, after: id } } });
    const SAM = anAgencyUser();
    await open('/staff/audit');
    await answer(anAuditPage([owner(RILEY.id)], 'cursor-1'));
    await answerPeople([RILEY.id], [RILEY]);
    button('Load more changes')?.click();
    await harness.fixture.whenStable();
    eventsRequest().flush(anAuditPage([owner(SAM.id)]));
    await harness.fixture.whenStable();
    // Only the newly named person is asked about; Riley stays named meanwhile.
    const request = http.expectOne((each) => each.url === '/api/users');
    expect(request.request.params.get('ids')).toBe(SAM.id);
    expect(changesOf(rows()[0])).toEqual([['Owner', 'none → Riley Recruiter']]);
    request.flush({ items: [SAM], nextCursor: null, total: 1 });
    await harness.fixture.whenStable();
    expect(changesOf(rows()[1])).toEqual([['Owner', 'none → Sam Staff']]);
  });

  it('loads older changes with the cursor and the same filters, after the ones shown', async () => {
    await open('/staff/audit?entityType=user');
    await answer(anAuditPage([anAuditEvent({ id: 'e1' }), anAuditEvent({ id: 'e2' })], 'cursor-1'));
    expect(status()).toBe('The 2 most recent changes; load more below');

    button('Load more changes')?.click();
    await harness.fixture.whenStable();
    const more = eventsRequest();
    expect(more.request.params.get('cursor')).toBe('cursor-1');
    expect(more.request.params.get('entityType')).toBe('user');
    more.flush(anAuditPage([anAuditEvent({ id: 'e3', action: AuditAction.UserDisabled })]));
    await harness.fixture.whenStable();

    expect(rows().map((row) => row.querySelector('h2')?.textContent?.trim())).toEqual([
      'Sam Staff edited a job',
      'Sam Staff edited a job',
      'Sam Staff disabled an account',
    ]);
    expect(button('Load more changes')).toBeUndefined();
    expect(status()).toBe('3 changes');
  });

  it('says why older changes did not load, and keeps the ones shown', async () => {
    await open('/staff/audit');
    await answer(anAuditPage([anAuditEvent()], 'cursor-1'));
    button('Load more changes')?.click();
    await harness.fixture.whenStable();
    await answer(...apiErrorBody(400, ErrorCode.ValidationFailed, 'cursor: is not a cursor this API gave out'));

    expect(view().querySelector('.audit-more [role="alert"]')?.textContent).toContain(
      'Older changes could not be loaded.',
    );
    expect(rows()).toHaveLength(1);
  });

  it('starts again from the most recent changes when the API no longer reads the cursor, and says so', async () => {
    const startedAgain = () => view().querySelector('.notice[role="status"]')?.textContent?.trim();
    await open('/staff/audit?entityType=user');
    await answer(anAuditPage([anAuditEvent({ id: 'e1' })], 'old-form'));
    button('Load more changes')?.click();
    await harness.fixture.whenStable();
    await answer(
      ...apiErrorBody(400, ErrorCode.ValidationFailed, 'Some fields are not valid.', [
        { field: 'cursor', reasons: ['is not a cursor this API gave out; start again without it'] },
      ]),
    );

    const again = eventsRequest();
    expect(again.request.params.has('cursor')).toBe(false);
    expect(again.request.params.get('entityType')).toBe('user');
    again.flush(anAuditPage([anAuditEvent({ id: 'e9', action: AuditAction.UserDisabled })], 'new-1'));
    await harness.fixture.whenStable();
    expect(rows().map((row) => row.querySelector('h2')?.textContent?.trim())).toEqual([
      'Sam Staff disabled an account',
    ]);
    expect(startedAgain()).toBe('The list changed since it was loaded, so it starts again from the top.');
    expect(view().querySelector('.audit-more [role="alert"]')).toBeNull();

    button('Load more changes')?.click();
    await harness.fixture.whenStable();
    const more = eventsRequest();
    expect(more.request.params.get('cursor')).toBe('new-1');
    more.flush(anAuditPage([anAuditEvent({ id: 'e10' })]));
    await harness.fixture.whenStable();
    expect(rows()).toHaveLength(2);
    expect(startedAgain()).toBeUndefined();
  });
});
