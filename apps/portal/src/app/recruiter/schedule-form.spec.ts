import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApplicationView, ErrorCode, INTERVIEWERS_MAX, StageState } from '@heardback/contracts';
import { ScheduleForm, interviewerNames } from './schedule-form';
import { TEST_NOW, anApplication, apiErrorBody, aStage } from '../testing/factories';
import { aClientContact, aClientDetail } from '../testing/client-factories';
import { setUpPortalTest } from '../testing/setup';

describe('interviewerNames', () => {
  it('splits names at commas and drops empty ones', () => {
    expect(interviewerNames(' Jo Hiring, ,Sam Lee ,')).toEqual(['Jo Hiring', 'Sam Lee']);
  });
});

describe('ScheduleForm', () => {
  let fixture: ComponentFixture<ScheduleForm>;
  let http: HttpTestingController;
  let scheduled: ApplicationView[];
  const application = anApplication({
    stages: [aStage({ id: 'stage-1', name: 'Phone screen', state: StageState.Pending })],
  });

  beforeEach(async () => {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(ScheduleForm);
    fixture.componentRef.setInput('application', application);
    fixture.componentRef.setInput('stage', application.stages[0]);
    scheduled = [];
    fixture.componentInstance.scheduled.subscribe((view) => scheduled.push(view));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const input = (label: string) => {
    const element = Array.from(view().querySelectorAll('label')).find((l) => l.textContent?.trim() === label);
    return view().querySelector(`#${element?.getAttribute('for')}`) as HTMLInputElement;
  };
  const errors = () => Array.from(view().querySelectorAll('.field__error')).map((e) => e.textContent?.trim());

  async function fill(values: Record<string, string>) {
    for (const [label, value] of Object.entries(values)) {
      const element = input(label);
      element.value = value;
      element.dispatchEvent(new Event('input'));
      element.dispatchEvent(new Event('blur'));
    }
    await fixture.whenStable();
  }

  async function submit() {
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('books the interview at the date and times typed, read in the user’s time zone', async () => {
    await fill({
      Date: '2026-06-15',
      'Starts at': '14:00',
      'Ends at': '15:30',
      'Place or video link': ' https://meet.example/abc ',
      'Interviewers (optional)': 'Jo Hiring, Sam Lee',
    });
    await submit();

    const request = http.expectOne('/api/applications/app-1/stages/stage-1/schedule');
    expect(request.request.body).toEqual({
      startsAt: new Date(2026, 5, 15, 14, 0).toISOString(),
      endsAt: new Date(2026, 5, 15, 15, 30).toISOString(),
      location: 'https://meet.example/abc',
      interviewers: ['Jo Hiring', 'Sam Lee'],
      clientInterviewerIds: [],
      version: 3,
    });
    const updated = anApplication({ version: 5 });
    request.flush(updated);
    await fixture.whenStable();
    expect(scheduled).toEqual([updated]);
  });

  it('names the time zone the times are read in', () => {
    expect(view().textContent).toContain(
      `Times are in your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone})`,
    );
  });

  it('refuses an interview that ends before it starts, and sends nothing', async () => {
    await fill({ Date: '2026-06-15', 'Starts at': '15:00', 'Ends at': '14:00', 'Place or video link': 'Office' });
    await submit();

    http.expectNone(() => true);
    expect(errors()).toEqual(['The interview must end after it starts.']);
  });

  it('refuses an interview longer than twelve hours, and books an assessment day of twelve', async () => {
    await fill({ Date: '2026-06-15', 'Starts at': '08:00', 'Ends at': '20:30', 'Place or video link': 'Office' });
    await submit();
    http.expectNone(() => true);
    expect(errors()).toEqual(['An interview lasts at most 12 hours.']);

    await fill({ 'Ends at': '20:00' });
    expect(errors()).toEqual([]);
    await submit();
    const request = http.expectOne('/api/applications/app-1/stages/stage-1/schedule');
    expect(request.request.body.endsAt).toBe(new Date(2026, 5, 15, 20, 0).toISOString());
    request.flush(anApplication());
  });

  it('asks to check the year of a day more than ninety days ahead, without refusing it', async () => {
    const farAhead = () => view().querySelector('[data-testid="schedule-far-ahead"]')?.textContent ?? null;
    // TEST_NOW is 1 June 2026: 29 August is 89 days on, 1 June 2027 a slip of the year.
    // The live region is in the page before the warning, so the warning is announced as it appears in it.
    const liveRegion = () => view().querySelector('[data-testid="schedule-date-warnings"]');
    expect(liveRegion()?.getAttribute('role')).toBe('status');
    await fill({ Date: '2026-08-29', 'Starts at': '10:00', 'Ends at': '11:00', 'Place or video link': 'Office' });
    expect(farAhead()).toBeNull();
    const regionBefore = liveRegion();
    await fill({ Date: '2027-06-01' });
    expect(farAhead()).toContain('This is more than 90 days from today. Check the year');
    expect(liveRegion()).toBe(regionBefore);
    expect(liveRegion()?.textContent).toContain('Check the year');
    await submit();
    const request = http.expectOne('/api/applications/app-1/stages/stage-1/schedule');
    expect(request.request.body.startsAt).toBe(new Date(2027, 5, 1, 10, 0).toISOString());
    request.flush(anApplication());
  });

  it('asks for the day, the times and the place when they are missing', async () => {
    await submit();
    http.expectNone(() => true);
    expect(errors()).toEqual([
      'Choose the day of the interview.',
      'Give the start time.',
      'Give the end time.',
      'Say where the interview is, or give the video link.',
    ]);
  });

  it('records a past time only once ticked as held then: a slip of the date does not tell the candidate it took place', async () => {
    await fill({ Date: '2020-01-06', 'Starts at': '10:00', 'Ends at': '11:00', 'Place or video link': 'Office' });
    expect(view().querySelector('.notice--warning')?.textContent).toContain('This time has already passed');
    const submitButton = view().querySelector('button[type="submit"]') as HTMLButtonElement;
    expect(submitButton.textContent?.trim()).toBe('Record as held');
    await submit();
    http.expectNone(() => true);
    expect(errors()).toEqual(['Tick “It was held at this time”, or choose a time still to come.']);
    const held = view().querySelector<HTMLInputElement>('#schedule-stage-1-held') as HTMLInputElement;
    expect(document.activeElement).toBe(held);
    expect(held.getAttribute('aria-invalid')).toBe('true');

    held.click();
    await fixture.whenStable();
    // Ticked for one time, then the time changed: asked again.
    await fill({ 'Starts at': '09:00' });
    expect(held.checked).toBe(false);
    await submit();
    http.expectNone(() => true);

    (view().querySelector('#schedule-stage-1-held') as HTMLInputElement).click();
    await fixture.whenStable();
    await submit();
    const request = http.expectOne('/api/applications/app-1/stages/stage-1/schedule');
    expect(request.request.body.startsAt).toBe(new Date(2020, 0, 6, 9, 0).toISOString());
  });

  it('warns when the past time chosen is before the candidate applied, and not when it is after', async () => {
    fixture.componentRef.setInput('application', { ...application, appliedAt: '2020-03-02T09:00:00.000Z' });
    await fill({ Date: '2020-01-06', 'Starts at': '10:00', 'Ends at': '11:00', 'Place or video link': 'Office' });
    const notice = () => view().querySelector('.notice--warning')?.textContent ?? '';
    expect(notice()).toContain(`This is before ${application.candidate.fullName} applied, on`);
    expect(notice()).toContain('2020');

    await fill({ Date: '2020-03-03' });
    expect(notice()).toContain('This time has already passed');
    expect(notice()).not.toContain('applied, on');
  });

  it('books a time still to come without asking whether it was held', async () => {
    await fill({ Date: '2026-06-15', 'Starts at': '14:00', 'Ends at': '15:00', 'Place or video link': 'Office' });
    expect(view().querySelector('#schedule-stage-1-held')).toBeNull();
    expect((view().querySelector('button[type="submit"]') as HTMLButtonElement).textContent?.trim()).toBe(
      'Schedule interview',
    );
  });

  it('shows the API’s reason next to the field it is about', async () => {
    await fill({ Date: '2026-06-15', 'Starts at': '14:00', 'Ends at': '15:00', 'Place or video link': 'Office' });
    await submit();
    http
      .expectOne('/api/applications/app-1/stages/stage-1/schedule')
      .flush(
        ...apiErrorBody(400, ErrorCode.ValidationFailed, 'endsAt: must be after startsAt', [
          { field: 'endsAt', reasons: ['must be after startsAt'] },
        ]),
      );
    await fixture.whenStable();

    expect(input('Ends at').getAttribute('aria-invalid')).toBe('true');
    expect(errors()).toEqual(['Must be after startsAt.']);
  });

  it('fills in the current booking, interviewers included, when the stage already has one', async () => {
    const startsAt = new Date(2026, 6, 1, 9, 0).toISOString();
    const endsAt = new Date(2026, 6, 1, 10, 0).toISOString();
    fixture.componentRef.setInput(
      'stage',
      aStage({
        id: 'stage-1',
        state: StageState.Scheduled,
        startsAt,
        endsAt,
        location: 'Leeds office',
        interviewers: ['Jo Hiring', 'Sam Lee'],
      }),
    );
    await fixture.whenStable();

    expect(input('Date').value).toBe('2026-07-01');
    expect(input('Starts at').value).toBe('09:00');
    expect(input('Ends at').value).toBe('10:00');
    expect(input('Place or video link').value).toBe('Leeds office');
    expect(input('Interviewers (optional)').value).toBe('Jo Hiring, Sam Lee');
    expect(view().querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Save new time');
  });

  it('shows what the candidate told us about their timing beside the date being chosen', async () => {
    expect(view().querySelector('[data-testid="schedule-candidate-said"]')).toBeNull();
    fixture.componentRef.setInput(
      'application',
      anApplication({
        stages: application.stages,
        candidateSaid: {
          otherOffer: { text: 'Offer from Acme', answerBy: null, at: '2026-11-18T09:00:00.000Z' },
          availability: { text: 'Not on Mondays', at: '2026-11-18T09:00:00.000Z' },
        },
      }),
    );
    await fixture.whenStable();

    const said = view().querySelector('[data-testid="schedule-candidate-said"]')?.textContent ?? '';
    expect(said).toContain('Other offer');
    expect(said).toContain('“Offer from Acme”');
    expect(said).toContain('Availability');
    expect(said).toContain('“Not on Mondays”');
  });

  describe('with the client’s contacts', () => {
    const grace = aClientContact();
    const alan = aClientContact({ id: 'contact-2', fullName: 'Alan Turing', role: '' });
    const ada = aClientContact({ id: 'contact-3', fullName: 'Ada Lovelace', archivedAt: '2026-11-01T10:00:00.000Z' });
    const withClient = anApplication({
      job: { id: 'job-1', title: 'Backend Engineer', clientName: 'Northwind Logistics', clientId: 'client-1' },
      stages: [aStage({ id: 'stage-1', name: 'Phone screen', state: StageState.Pending })],
    });
    const checkbox = (name: string) =>
      Array.from(view().querySelectorAll<HTMLLabelElement>('label.choice'))
        .find((label) => label.textContent?.trim() === name)
        ?.querySelector('input') as HTMLInputElement;

    async function showContacts(stage = withClient.stages[0]) {
      fixture.componentRef.setInput('application', withClient);
      fixture.componentRef.setInput('stage', stage);
      await fixture.whenStable();
      http
        .expectOne('/api/clients/client-1')
        .flush(aClientDetail({ contacts: [alan, grace, ada], archivedContactsTotal: 1 }));
      await fixture.whenStable();
    }

    const slot = { Date: '2026-06-15', 'Starts at': '14:00', 'Ends at': '15:00', 'Place or video link': 'Office' };

    it('offers the client’s live contacts by name and role, and sends the ones ticked with the names typed', async () => {
      await showContacts();
      expect(view().querySelector('legend')?.textContent?.trim()).toBe('Interviewers from Northwind Logistics');
      expect(Array.from(view().querySelectorAll('label.choice')).map((label) => label.textContent?.trim())).toEqual([
        'Alan Turing',
        'Grace Hopper, CTO',
      ]);
      checkbox('Grace Hopper, CTO').click();
      await fill({ ...slot, 'Other interviewers (optional)': 'Jo Hiring' });
      await submit();
      const request = http.expectOne('/api/applications/app-1/stages/stage-1/schedule');
      expect(request.request.body).toMatchObject({ interviewers: ['Jo Hiring'], clientInterviewerIds: ['contact-1'] });
      request.flush(withClient);
    });

    it('starts a reschedule from the contacts picked before, and says who is no longer a contact', async () => {
      await showContacts(
        aStage({
          id: 'stage-1',
          state: StageState.Scheduled,
          startsAt: new Date(2026, 6, 1, 9, 0).toISOString(),
          endsAt: new Date(2026, 6, 1, 10, 0).toISOString(),
          location: 'Leeds office',
          interviewers: [],
          clientInterviewers: [
            { id: grace.id, fullName: grace.fullName, email: grace.email, role: grace.role },
            { id: ada.id, fullName: ada.fullName, email: ada.email, role: ada.role },
          ],
        }),
      );
      expect(checkbox('Grace Hopper, CTO').checked).toBe(true);
      expect(checkbox('Alan Turing').checked).toBe(false);
      expect(view().textContent).toContain('No longer a contact of the client, so no longer picked: Ada Lovelace.');

      checkbox('Alan Turing').click();
      checkbox('Grace Hopper, CTO').click();
      await submit();
      const request = http.expectOne('/api/applications/app-1/stages/stage-1/schedule');
      expect(request.request.body.clientInterviewerIds).toEqual(['contact-2']);
      request.flush(withClient);
    });

    it('refuses more interviewers in all than a stage may have, and sends nothing', async () => {
      await showContacts();
      checkbox('Alan Turing').click();
      const names = Array.from({ length: INTERVIEWERS_MAX }, (_, index) => `Person ${index}`).join(', ');
      await fill({ ...slot, 'Other interviewers (optional)': names });
      await submit();
      http.expectNone('/api/applications/app-1/stages/stage-1/schedule');
      expect(view().querySelector('#schedule-stage-1-client-interviewers-error')?.textContent?.trim()).toBe(
        `Pick and name at most ${INTERVIEWERS_MAX} interviewers in all.`,
      );
    });

    it('shows the API’s reason at the picks, and loads the contacts again', async () => {
      await showContacts();
      checkbox('Alan Turing').click();
      await fill(slot);
      await submit();
      http
        .expectOne('/api/applications/app-1/stages/stage-1/schedule')
        .flush(
          ...apiErrorBody(400, ErrorCode.ValidationFailed, 'clientInterviewerIds: each must be a current contact', [
            { field: 'clientInterviewerIds', reasons: ['each must be a current contact of the job’s client'] },
          ]),
        );
      await fixture.whenStable();
      expect(view().querySelector('#schedule-stage-1-client-interviewers-error')?.textContent?.trim()).toBe(
        'Client interviewers each must be a current contact of the job’s client.',
      );
      http.expectOne('/api/clients/client-1').flush(aClientDetail({ contacts: [grace] }));
      await fixture.whenStable();
      expect(Array.from(view().querySelectorAll('label.choice')).map((label) => label.textContent?.trim())).toEqual([
        'Grace Hopper, CTO',
      ]);
    });

    it('still lets the interviewers be named when the contacts cannot be loaded', async () => {
      fixture.componentRef.setInput('application', withClient);
      await fixture.whenStable();
      http.expectOne('/api/clients/client-1').flush(...apiErrorBody(500, ErrorCode.Internal, 'boom'));
      await fixture.whenStable();
      expect(view().textContent).toContain('The client’s contacts could not be loaded');
      expect(input('Interviewers (optional)')).not.toBeNull();
    });
  });
});
