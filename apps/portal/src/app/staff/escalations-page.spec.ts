import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode, EscalationView } from '@heardback/contracts';
import { EscalationsPage, escalationRows } from './escalations-page';
import { apiErrorBody } from '../testing/factories';
import { renderComponent } from '../testing/setup';

const DAY = 86_400_000;
/** The page's "now", fixed so the words about lateness never depend on the wall clock. */
const NOW_AT = new Date('2026-11-30T12:00:00.000Z');

function anEscalation(overrides: Partial<EscalationView> = {}): EscalationView {
  return {
    applicationId: 'app-1',
    stageId: 'stage-1',
    stageName: 'Phone screen',
    candidateName: 'Ana Silva',
    jobTitle: 'Backend Engineer',
    clientName: 'Northwind Logistics',
    ownerId: 'user-7',
    ownerName: 'Riley Recruiter',
    feedbackDueAt: new Date(NOW_AT.getTime() - 2 * DAY).toISOString(),
    escalatedAt: new Date(NOW_AT.getTime() - DAY).toISOString(),
    ...overrides,
  };
}

describe('escalationRows', () => {
  it('puts the longest overdue first', () => {
    const now = NOW_AT;
    const rows = escalationRows(
      [
        anEscalation({ stageId: 'recent', feedbackDueAt: new Date(now.getTime() - 2 * DAY).toISOString() }),
        anEscalation({ stageId: 'oldest', feedbackDueAt: new Date(now.getTime() - 5 * DAY).toISOString() }),
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
  const status = () => view().querySelector('[role="status"]')?.textContent?.trim();

  it('lists each escalation with how late it is, linking to the feedback form', async () => {
    expect(status()).toBe('Loading escalations…');
    http.expectOne('/api/agency/escalations').flush([anEscalation({ applicationId: 'app-9' })]);
    await fixture.whenStable();
    expect(status()).toBe('1 overdue feedback escalated');
    const row = view().querySelector('li.staff-row') as HTMLElement;
    expect(row.textContent).toContain('Backend Engineer · Northwind Logistics');
    expect(row.textContent).toContain('Stage: Phone screen');
    expect(row.textContent).toContain('Chase: Riley Recruiter (owns the job)');
    expect(row.querySelector('.badge')?.textContent?.trim()).toBe('Overdue by 2 days');
    expect(row.querySelector('a')?.getAttribute('href')).toBe('/recruiter/applications/app-9#record-feedback');
  });

  it('says when nothing is escalated', async () => {
    http.expectOne('/api/agency/escalations').flush([]);
    await fixture.whenStable();
    expect(status()).toBe('No escalations');
    expect(view().textContent).toContain('Nothing is escalated');
  });

  it('says what went wrong', async () => {
    http.expectOne('/api/agency/escalations').flush(...apiErrorBody(500, ErrorCode.Internal, 'x'));
    await fixture.whenStable();
    expect(view().querySelector('[role="alert"]')?.textContent).toContain("We couldn't load the escalations");
  });
});
