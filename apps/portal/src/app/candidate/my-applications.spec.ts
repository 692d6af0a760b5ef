import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ApplicationStatus, StageState, WaitingFor } from '@heardback/contracts';
import { NOW } from '../core/date-time';
import { TEST_NOW, aSummary } from './candidate-fixtures';
import { MyApplications } from './my-applications';

describe('MyApplications', () => {
  let fixture: ComponentFixture<MyApplications>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: NOW, useValue: () => TEST_NOW },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyApplications);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const status = () => root().querySelector('[role="status"]')?.textContent?.trim();
  const cards = () => Array.from(root().querySelectorAll('article'));
  const text = (element: Element) => element.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  /** The value next to a label such as "Status" on a card. */
  const fact = (card: Element, term: string) =>
    text(
      Array.from(card.querySelectorAll('dt')).find((dt) => text(dt) === term)?.nextElementSibling ??
        document.createElement('dd'),
    );

  async function answer(body: object | string | null, init?: { status: number; statusText: string }) {
    http.expectOne('/api/me/applications').flush(body, init);
    await fixture.whenStable();
  }

  it('says it is loading until the applications arrive', async () => {
    expect(status()).toBe('Loading your applications…');

    await answer([aSummary()]);
    expect(status()).toBe('1 application');
  });

  it('shows each application’s job, client, status, stage, what it waits for and when the answer is due', async () => {
    await answer([aSummary()]);

    const card = text(cards()[0]);
    expect(card).toContain('Frontend Engineer (Angular)');
    expect(card).toContain('Bluefin Health');
    expect(fact(cards()[0], 'Status')).toBe('Screening');
    expect(fact(cards()[0], 'Current stage')).toBe('Phone screen: Scheduled');
    expect(fact(cards()[0], 'Waiting for')).toBe('Your next interview is booked.');
    expect(card).toMatch(/Answer expected by .*2026/);
    expect(cards()[0].querySelector('h3 a')?.getAttribute('href')).toBe('/me/applications/app-1');
  });

  it('says an overdue answer is late', async () => {
    await answer([
      aSummary({
        currentStage: {
          id: 's1',
          name: 'Phone screen',
          state: StageState.AwaitingFeedback,
          feedbackDueAt: '2026-05-29T11:00:00.000Z',
        },
        waitingFor: WaitingFor.Feedback,
      }),
    ]);

    const due = cards()[0].querySelector('.due');
    expect(due?.textContent).toMatch(/^Late since .*29.*2026/);
    expect(due?.classList).toContain('due--late');
  });

  it('lists open applications before closed ones, under their own headings', async () => {
    await answer([
      aSummary({
        id: 'closed',
        status: ApplicationStatus.Rejected,
        waitingFor: WaitingFor.Nothing,
        currentStage: null,
      }),
      aSummary({ id: 'open' }),
    ]);

    const headings = Array.from(root().querySelectorAll('h2'), (h) => text(h));
    expect(headings).toEqual(['In progress (1)', 'Closed (1)']);
    expect(fact(cards()[1], 'Status')).toBe('Not successful');
    expect(fact(cards()[1], 'Waiting for')).toBe('Nothing: this application is closed.');
    expect(cards()[1].querySelector('.due')).toBeNull();
  });

  it('invites a candidate with no applications to browse the jobs', async () => {
    await answer([]);

    expect(status()).toBe('0 applications');
    expect(text(root())).toContain('You have not applied for any jobs yet.');
    expect(
      Array.from(root().querySelectorAll('a')).find((a) => a.textContent?.trim() === 'Browse open jobs'),
    ).toBeDefined();
  });

  it('says what went wrong and loads again on “Try again”', async () => {
    await answer(null, { status: 500, statusText: 'Server Error' });

    expect(root().querySelector('[role="alert"]')?.textContent).toContain('Our server had a problem (error 500)');
    Array.from(root().querySelectorAll('button'))
      .find((b) => b.textContent?.trim() === 'Try again')
      ?.click();
    await answer([aSummary()]);
    expect(cards()).toHaveLength(1);
  });
});
