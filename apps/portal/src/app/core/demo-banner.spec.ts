import { TestBed } from '@angular/core/testing';
import { renderComponent } from '../testing/setup';
import { DEMO_BANNER_TEXT, DemoBanner } from './demo-banner';

describe('DemoBanner', () => {
  async function bannerWhen(answer: (flush: (body: object | null, status?: number) => void) => void) {
    const { fixture, http } = await renderComponent(DemoBanner);
    const request = http.expectOne('/api/about');
    expect(request.request.method).toBe('GET');
    answer((body, status = 200) => request.flush(body, { status, statusText: status === 200 ? 'OK' : 'Error' }));
    await fixture.whenStable();
    http.verify();
    return fixture.nativeElement as HTMLElement;
  }

  afterEach(() => TestBed.resetTestingModule());

  it('shows the demo note, as a note, when the server runs with demo accounts', async () => {
    const root = await bannerWhen((flush) => flush({ demo: true }));
    const note = root.querySelector('[role="note"]');
    expect(note?.textContent?.trim()).toBe(DEMO_BANNER_TEXT);
    expect(DEMO_BANNER_TEXT).toBe('Demo: sample data and demo sign-ins; do not enter real personal data.');
  });

  it('shows nothing when demo mode is off', async () => {
    const root = await bannerWhen((flush) => flush({ demo: false }));
    expect(root.querySelector('[role="note"]')).toBeNull();
    expect(root.textContent?.trim()).toBe('');
  });

  it('shows nothing when the server cannot be asked', async () => {
    const root = await bannerWhen((flush) => flush(null, 503));
    expect(root.querySelector('[role="note"]')).toBeNull();
  });
});
