import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApplicationStatus, CandidateApplicationView, ErrorCode } from '@heardback/contracts';
import { aCandidateApplication, apiErrorBody, TEST_NOW } from '../testing/factories';
import { aSatisfactionAnswer, aSatisfactionView } from '../testing/satisfaction-factories';
import { setUpPortalTest } from '../testing/setup';
import { ApplicationSatisfaction } from './application-satisfaction';

describe('ApplicationSatisfaction', () => {
  let fixture: ComponentFixture<ApplicationSatisfaction>;
  let http: HttpTestingController;

  async function show(application: CandidateApplicationView) {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(ApplicationSatisfaction);
    fixture.componentRef.setInput('application', application);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const text = () => view().textContent?.replace(/\s+/g, ' ') ?? '';
  const settle = () => fixture.whenStable();
  const radio = (name: string) =>
    Array.from(view().querySelectorAll<HTMLInputElement>('input[type="radio"]')).find(
      (input) => input.closest('label')?.textContent?.replace(/\s+/g, ' ').trim().endsWith(name) ?? false,
    );
  const button = (name: string) =>
    Array.from(view().querySelectorAll('button')).find((candidate) => candidate.textContent?.trim() === name);

  it.each([ApplicationStatus.Withdrawn, ApplicationStatus.Interviewing])(
    'asks nothing on a %s application',
    async (status) => {
      await show(aCandidateApplication({ status }));
      expect(view().querySelector('[data-testid="how-did-we-do"]')).toBeNull();
    },
  );

  it('asks both questions on a closed application not answered yet, and then shows the answer sent', async () => {
    await show(aCandidateApplication({ status: ApplicationStatus.Rejected }));
    http.expectOne({ method: 'GET', url: '/api/me/applications/app-1/satisfaction' }).flush(aSatisfactionView());
    await settle();
    expect(text()).toContain('How likely are you to recommend us?');
    expect(text()).toContain('Did you feel kept informed?');

    radio('9')?.click();
    radio('Yes')?.click();
    button('Send')?.click();
    await settle();
    const put = http.expectOne({ method: 'PUT', url: '/api/me/applications/app-1/satisfaction' });
    expect(put.request.body).toEqual({ recommendScore: 9, keptInformed: true, words: '' });
    put.flush(aSatisfactionView({ answer: aSatisfactionAnswer({ recommendScore: 9, keptInformed: true }) }));
    await settle();

    expect(view().querySelector('form')).toBeNull();
    expect(text()).toContain('Thank you. Your answer helps us keep every candidate informed.');
    expect(document.activeElement?.id).toBe('how-heading');
    expect(text()).toContain('How likely are you to recommend us? 9 out of 10');
    expect(text()).toContain('Did you feel kept informed? Yes');
  });

  it('shows an answer given by email, and lets the candidate change it while there is time', async () => {
    await show(aCandidateApplication({ status: ApplicationStatus.Hired }));
    http
      .expectOne('/api/me/applications/app-1/satisfaction')
      .flush(aSatisfactionView({ answer: aSatisfactionAnswer({ recommendScore: 6, words: 'Quick and kind.' }) }));
    await settle();
    expect(text()).toContain('How likely are you to recommend us? 6 out of 10');
    expect(text()).not.toContain('Did you feel kept informed?');
    expect(text()).toContain('“Quick and kind.”');

    button('Change my answer')?.click();
    await settle();
    expect(radio('6')?.checked).toBe(true);
    expect(document.activeElement).toBe(radio('6'));
    expect((view().querySelector('textarea') as HTMLTextAreaElement).value).toBe('Quick and kind.');
  });

  it('keeps the answer but offers no change once the time to answer has passed', async () => {
    await show(aCandidateApplication({ status: ApplicationStatus.JobClosed }));
    http
      .expectOne('/api/me/applications/app-1/satisfaction')
      .flush(aSatisfactionView({ answerable: false, answer: aSatisfactionAnswer({ recommendScore: 3 }) }));
    await settle();
    expect(text()).toContain('3 out of 10');
    expect(button('Change my answer')).toBeUndefined();
  });

  it('says the answer was not saved when the API refuses it', async () => {
    await show(aCandidateApplication({ status: ApplicationStatus.Rejected }));
    http.expectOne('/api/me/applications/app-1/satisfaction').flush(aSatisfactionView());
    await settle();
    radio('2')?.click();
    button('Send')?.click();
    await settle();
    http
      .expectOne({ method: 'PUT', url: '/api/me/applications/app-1/satisfaction' })
      .flush(
        ...apiErrorBody(410, ErrorCode.SatisfactionClosed, 'The time to answer about this application has passed.'),
      );
    await settle();
    expect(text()).toContain('Your answer was not saved. The time to answer about this application has passed.');
  });
});
