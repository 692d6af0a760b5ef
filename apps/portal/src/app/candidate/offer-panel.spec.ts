import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { ApplicationStatus, CandidateApplicationView, ErrorCode, OfferAnswer } from '@heardback/contracts';
import { OfferPanel } from './offer-panel';
import { aCandidateApplication, anOffer, apiErrorBody, TEST_NOW } from '../testing/factories';
import { setUpPortalTest } from '../testing/setup';

describe('OfferPanel', () => {
  let fixture: ComponentFixture<OfferPanel>;
  let http: HttpTestingController;
  let changed: CandidateApplicationView[];

  async function show(application: CandidateApplicationView) {
    fixture.componentRef.setInput('application', application);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    http = setUpPortalTest({ now: TEST_NOW });
    fixture = TestBed.createComponent(OfferPanel);
    changed = [];
    fixture.componentInstance.changed.subscribe((view) => changed.push(view));
    await show(aCandidateApplication({ status: ApplicationStatus.Offer, offer: anOffer(), version: 7 }));
  });

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const text = () => view().textContent?.replace(/\s+/g, ' ') ?? '';
  async function click(name: string) {
    const target = Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
    if (!target) throw new Error(`No button “${name}”`);
    target.click();
    await fixture.whenStable();
  }

  it('shows nothing before an offer is written', async () => {
    await show(aCandidateApplication({ status: ApplicationStatus.Offer, offer: null }));
    expect(view().querySelector('[data-testid="offer"]')).toBeNull();
  });

  it('shows the terms of the offer', () => {
    expect(text()).toContain('Backend Engineer');
    expect(text()).toContain('64,000 EUR a year');
    expect(text()).toMatch(/Wed,? (1 Jul|Jul 1),? 2026/);
    expect(text()).toContain('The team would love to have you.');
    expect(text()).toContain('Please reply by');
  });

  it('accepts only after the candidate confirms, and hands on the hired application', async () => {
    await click('Accept the offer');
    expect(text()).toContain('Accept the offer for Backend Engineer?');
    await click('Yes, accept the offer');
    const request = http.expectOne({ method: 'POST', url: '/api/applications/app-1/offer/accept' });
    expect(request.request.body).toEqual({ version: 7 });
    const hired = aCandidateApplication({
      status: ApplicationStatus.Hired,
      offer: anOffer({ answer: OfferAnswer.Accepted, answeredAt: TEST_NOW.toISOString() }),
    });
    request.flush(hired);
    await fixture.whenStable();
    expect(changed).toEqual([hired]);
  });

  it('declines with the reason the candidate gives, and says so when it fails', async () => {
    await click('Decline the offer');
    const reason = view().querySelector('#decline-reason') as HTMLTextAreaElement;
    expect(view().querySelector('label[for="decline-reason"]')?.textContent).toContain('(optional)');
    reason.value = '  I chose a role nearer home.  ';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    (view().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    const request = http.expectOne({ method: 'POST', url: '/api/applications/app-1/offer/decline' });
    expect(request.request.body).toEqual({ version: 7, reason: 'I chose a role nearer home.' });
    request.flush(
      ...apiErrorBody(409, ErrorCode.InvalidTransition, 'You have already answered this offer (accepted).'),
    );
    await fixture.whenStable();
    expect(text()).toContain('Your answer was not sent.');
    expect(changed).toEqual([]);
  });

  it('says what was answered, with the reason, and offers no buttons then', async () => {
    await show(
      aCandidateApplication({
        status: ApplicationStatus.Withdrawn,
        offer: anOffer({
          answer: OfferAnswer.Declined,
          answeredAt: '2026-06-02T09:00:00.000Z',
          declineReason: 'I chose a role nearer home.',
        }),
      }),
    );
    expect(text()).toContain('You declined this offer on');
    expect(text()).toContain('“I chose a role nearer home.”');
    expect(view().querySelectorAll('button')).toHaveLength(0);
  });
});
