import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture } from '@angular/core/testing';
import { ErrorCode } from '@heardback/contracts';
import { AttentionList, attentionRows } from './attention-list';
import { aCountedPage, anAttentionItem, apiErrorBody } from '../testing/factories';
import { renderComponent } from '../testing/setup';

describe('attentionRows', () => {
  it('keeps the API order and says each reason and deadline in words', () => {
    const rows = attentionRows(
      [
        anAttentionItem({ applicationId: 'late', reason: 'other_offer', overdue: true }),
        anAttentionItem({ applicationId: 'soon', reason: 'decision_date' }),
        anAttentionItem({ applicationId: 'quiet', reason: 'silent', dueAt: null }),
      ],
      { locale: 'en-GB', timeZone: 'Europe/London' },
    );
    expect(rows.map((row) => row.item.applicationId)).toEqual(['late', 'soon', 'quiet']);
    expect(rows.map((row) => row.reason)).toEqual(['Has another offer', 'Moving on soon', 'No news for a week']);
    expect(rows[0].due).toBe('Overdue since 20 Nov 2026, 09:30 GMT');
    expect(rows[1].due).toBe('Answer by 20 Nov 2026, 09:30 GMT');
    expect(rows[2].due).toBeNull();
  });
});

describe('AttentionList', () => {
  let fixture: ComponentFixture<AttentionList>;
  let http: HttpTestingController;

  beforeEach(async () => ({ fixture, http } = await renderComponent(AttentionList)));

  afterEach(() => http.verify());

  const view = () => fixture.nativeElement as HTMLElement;
  const status = () => view().querySelector('[role="status"]')?.textContent?.trim();
  const items = () => Array.from(view().querySelectorAll('article'));

  async function answer(body: object | string | null, options?: { status: number; statusText: string }) {
    http.expectOne('/api/agency/attention').flush(Array.isArray(body) ? aCountedPage(body) : body, options);
    await fixture.whenStable();
  }

  it('lists each waiting candidate with a reason badge, the detail and a link to send an update', async () => {
    expect(status()).toBe('Loading candidates waiting for words…');
    await answer([
      anAttentionItem({
        applicationId: 'app-7',
        candidateName: 'Ben Okafor',
        reason: 'other_offer',
        overdue: true,
        detail: 'Ben has an offer until Friday.',
      }),
      anAttentionItem(),
    ]);

    expect(status()).toBe('2 candidates are waiting, 1 overdue');
    const [first, second] = items();
    expect(first.querySelector('h3')?.textContent?.trim()).toBe('Ben Okafor');
    expect(first.querySelector('.badge')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Has another offer · overdue');
    expect(first.classList).toContain('attention-item--overdue');
    expect(first.textContent).toContain('Ben has an offer until Friday.');
    expect(first.textContent).toContain('Overdue since');
    const link = first.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/recruiter/applications/app-7#send-update');
    expect(link?.textContent).toContain('to Ben Okafor');
    expect(second.querySelector('.badge')?.textContent?.trim()).toBe('Asked for an update');
    expect(second.textContent).toContain('Answer by');
  });

  it('says how many of how many are shown, and loads the next page after the last card', async () => {
    http
      .expectOne('/api/agency/attention')
      .flush(aCountedPage([anAttentionItem({ applicationId: 'a1', candidateName: 'Ada' })], 'page-2', 1_204));
    await fixture.whenStable();
    expect(status()).toBe('1 of 1,204 candidates shown waiting for words, most urgent first');

    const more = Array.from(view().querySelectorAll('button')).find((b) => b.textContent?.includes('Load more'));
    (more as HTMLButtonElement).click();
    http
      .expectOne('/api/agency/attention?cursor=page-2')
      .flush(aCountedPage([anAttentionItem({ applicationId: 'a2', candidateName: 'Bo' })], null, 1_204));
    await fixture.whenStable();
    expect(items().map((item) => item.querySelector('h3')?.textContent?.trim())).toEqual(['Ada', 'Bo']);
    expect(status()).toBe('2 of 1,204 candidates shown waiting for words, most urgent first');
    expect(Array.from(view().querySelectorAll('button')).some((b) => b.textContent?.includes('Load more'))).toBe(false);
  });

  it('says when nobody is waiting', async () => {
    await answer([]);
    expect(items()).toHaveLength(0);
    expect(status()).toBe('No candidate is waiting for words.');
    expect(view().textContent).toContain('Nobody is waiting for words');
  });

  it('says what went wrong, and “Try again” asks once more', async () => {
    await answer(...apiErrorBody(503, ErrorCode.Internal, 'down'));
    expect(view().querySelector('[role="alert"]')?.textContent).toContain('error 503');
    (
      Array.from(view().querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === 'Try again',
      ) as HTMLButtonElement
    ).click();
    await fixture.whenStable();
    await answer([anAttentionItem()]);
    expect(items()).toHaveLength(1);
  });
});
