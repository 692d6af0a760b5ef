import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode, WaitingFor } from '@heardback/contracts';
import { WaitingList, silenceInWords, waitingRows } from './waiting-list';
import { aCountedPage, apiErrorBody, aWaiting } from '../testing/factories';
import { renderComponent } from '../testing/setup';

describe('waitingRows', () => {
  it('keeps the API’s order, longest silence first page after page', () => {
    const rows = waitingRows([
      aWaiting({ id: 'b', daysSilent: 15, longSilence: true }),
      aWaiting({ id: 'a', daysSilent: 2 }),
      aWaiting({ id: 'c', daysSilent: 0 }),
    ]);
    expect(rows.map((row) => row.application.id)).toEqual(['b', 'a', 'c']);
    expect(rows.map((row) => row.long)).toEqual([true, false, false]);
  });

  it('marks the rows the API says have been silent too long, without counting days itself', () => {
    const rows = waitingRows([
      aWaiting({ id: 'a', daysSilent: 2, longSilence: true }),
      aWaiting({ id: 'b', daysSilent: 1 }),
    ]);
    expect(rows.map((row) => row.long)).toEqual([true, false]);
  });
});

describe('silenceInWords', () => {
  it('counts whole days without news', () => {
    expect(silenceInWords(0)).toBe('Heard from us within the last day');
    expect(silenceInWords(1)).toBe('1 day without news');
    expect(silenceInWords(12)).toBe('12 days without news');
  });
});

describe('WaitingList', () => {
  let fixture: ComponentFixture<WaitingList>;
  let http: HttpTestingController;

  beforeEach(async () => ({ fixture, http } = await renderComponent(WaitingList)));

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const status = () => view().querySelector('[role="status"]')?.textContent?.trim();

  it('lists each open application with its days of silence, linking to it', async () => {
    expect(status()).toBe('Loading who is waiting…');
    http.expectOne('/api/agency/waiting').flush(
      aCountedPage([
        aWaiting({
          id: 'app-9',
          daysSilent: 9,
          longSilence: true,
          candidate: { id: 'c', fullName: 'Chen Wei', email: 'c@x.test' },
          waitingFor: WaitingFor.Feedback,
        }),
        aWaiting({ id: 'app-2', daysSilent: 1 }),
      ]),
    );
    await fixture.whenStable();

    expect(status()).toBe('2 open applications, 1 without news for 7 days or more');
    const [first] = Array.from(view().querySelectorAll('.waiting-row'));
    expect(first.querySelector('a')?.textContent?.trim()).toBe('Chen Wei');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('/recruiter/applications/app-9?from=waiting');
    expect(first.querySelector('.badge')?.textContent?.trim()).toBe('Very late: 9 days without news');
    expect(first.querySelector('.badge')?.classList).toContain('badge--overdue');
    expect(first.textContent).toContain('Phone screen · Waiting for feedback');
  });

  it('paints today green, a few days neutral, late amber and a week red, each with its word', async () => {
    http
      .expectOne('/api/agency/waiting')
      .flush(
        aCountedPage([
          aWaiting({ id: 'long', daysSilent: 8, longSilence: true }),
          aWaiting({ id: 'late', daysSilent: 4 }),
          aWaiting({ id: 'quiet', daysSilent: 1 }),
          aWaiting({ id: 'today', daysSilent: 0 }),
        ]),
      );
    await fixture.whenStable();

    const badges = Array.from(view().querySelectorAll('.waiting-row .badge')).map((badge) => ({
      text: badge.textContent?.trim(),
      className: badge.className.replace('badge', '').trim(),
    }));
    expect(badges).toEqual([
      { text: 'Very late: 8 days without news', className: 'badge--overdue' },
      { text: 'Late: 4 days without news', className: 'badge--due' },
      { text: 'Quiet: 1 day without news', className: '' },
      { text: 'Up to date: Heard from us within the last day', className: 'badge--done' },
    ]);
  });

  it('says when no one is waiting', async () => {
    http.expectOne('/api/agency/waiting').flush(aCountedPage([]));
    await fixture.whenStable();
    expect(view().textContent).toContain('No one is waiting');
  });

  it('says what went wrong, and tries again on request', async () => {
    http.expectOne('/api/agency/waiting').flush(...apiErrorBody(403, ErrorCode.Forbidden, 'Staff only.'));
    await fixture.whenStable();
    expect(view().querySelector('[role="alert"]')?.textContent).toContain('not allowed');

    (
      Array.from(view().querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === 'Try again',
      ) as HTMLButtonElement
    ).click();
    await fixture.whenStable();
    http.expectOne('/api/agency/waiting').flush(aCountedPage([]));
  });

  it('shows the true total, and “Load more” adds the next page below, focusing its first row', async () => {
    http
      .expectOne('/api/agency/waiting')
      .flush(aCountedPage([aWaiting({ id: 'app-1', daysSilent: 30, longSilence: true })], 'page-2', 226_738));
    await fixture.whenStable();
    expect(status()).toBe('1 of 226,738 open applications shown, longest silence first');

    const more = Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.includes('Load more'));
    (more as HTMLButtonElement).click();
    http
      .expectOne('/api/agency/waiting?cursor=page-2')
      .flush(aCountedPage([aWaiting({ id: 'app-2', daysSilent: 29, longSilence: true })], 'page-3', 226_738));
    await fixture.whenStable();
    expect(status()).toBe('2 of 226,738 open applications shown, longest silence first');
    const links = Array.from(view().querySelectorAll('.waiting-row__name'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      '/recruiter/applications/app-1?from=waiting',
      '/recruiter/applications/app-2?from=waiting',
    ]);
    expect(links[1].getAttribute('data-index')).toBe('1');
  });
});
