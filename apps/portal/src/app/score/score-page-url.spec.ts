import { ScoreGroupSort, ScoreGrouping, SortDirection } from '@heardback/contracts';
import { ScoreUrlQuery, ScoreView, scoreUrlOf, scoreViewFromUrl } from './score-page-url';

describe('the score page’s URL', () => {
  // 3 December 2026, mid-morning, in the reader's own calendar.
  const today = new Date(2026, 11, 3, 10, 0);
  const none: ScoreUrlQuery = { period: '', from: '', to: '', by: '', sort: '', direction: '' };
  const first: ScoreView = {
    choice: 'this-month',
    period: { from: '2026-12-01', to: '2026-12-03' },
    by: ScoreGrouping.Recruiter,
    sort: { column: ScoreGroupSort.Name, direction: SortDirection.Asc },
  };

  it('opens on this month, by recruiter for staff and by client for a recruiter, by name', () => {
    expect(scoreViewFromUrl(none, 'staff', today)).toEqual(first);
    expect(scoreViewFromUrl(none, 'recruiter', today)).toEqual({ ...first, by: ScoreGrouping.Client });
  });

  it('shows again the period, grouping and order it holds', () => {
    const shared = { ...none, period: 'last-month', by: 'job', sort: 'median', direction: 'desc' };
    expect(scoreViewFromUrl(shared, 'staff', today)).toEqual({
      choice: 'last-month',
      period: { from: '2026-11-01', to: '2026-11-30' },
      by: ScoreGrouping.Job,
      sort: { column: ScoreGroupSort.Median, direction: SortDirection.Desc },
    });
    const custom = { ...none, period: 'custom', from: '2026-10-05', to: '2026-11-20' };
    expect(scoreViewFromUrl(custom, 'staff', today).period).toEqual({ from: '2026-10-05', to: '2026-11-20' });
  });

  it('falls back, without a word, on whatever in it the page does not offer', () => {
    const hand = { period: 'next-year', from: '', to: '', by: 'team', sort: 'salary', direction: 'up' };
    expect(scoreViewFromUrl(hand, 'staff', today)).toEqual(first);
    // A recruiter has no recruiter table.
    expect(scoreViewFromUrl({ ...none, by: 'recruiter' }, 'recruiter', today).by).toBe(ScoreGrouping.Client);
    for (const [from, to] of [
      ['2026-02-30', '2026-03-10'],
      ['2026-11-20', '2026-11-01'],
      ['2025-01-01', '2026-12-01'],
      ['', '2026-12-01'],
      ['1 May', '2026-12-01'],
    ]) {
      expect(scoreViewFromUrl({ ...none, period: 'custom', from, to }, 'staff', today)).toEqual(first);
    }
    // A column without a direction goes the way a click first sorts it; a direction alone turns the names round.
    expect(scoreViewFromUrl({ ...none, sort: 'p90' }, 'staff', today).sort.direction).toBe(SortDirection.Desc);
    expect(scoreViewFromUrl({ ...none, direction: 'desc' }, 'staff', today).sort).toEqual({
      column: ScoreGroupSort.Name,
      direction: SortDirection.Desc,
    });
  });

  it('writes only what differs from the first view, and removes the rest', () => {
    expect(scoreUrlOf(first, 'staff')).toEqual({
      period: null,
      from: null,
      to: null,
      by: null,
      sort: null,
      direction: null,
    });
    const view: ScoreView = {
      choice: 'custom',
      period: { from: '2026-10-05', to: '2026-11-20' },
      by: ScoreGrouping.Recruiter,
      sort: { column: ScoreGroupSort.Name, direction: SortDirection.Desc },
    };
    expect(scoreUrlOf(view, 'recruiter')).toEqual({
      period: 'custom',
      from: '2026-10-05',
      to: '2026-11-20',
      by: 'recruiter',
      sort: 'name',
      direction: 'desc',
    });
  });

  it('reads back what it writes', () => {
    const view: ScoreView = {
      choice: 'last-90-days',
      period: { from: '2026-09-05', to: '2026-12-03' },
      by: ScoreGrouping.Interviewer,
      sort: { column: ScoreGroupSort.Kept, direction: SortDirection.Asc },
    };
    const written = Object.fromEntries(
      Object.entries(scoreUrlOf(view, 'staff')).map(([key, value]) => [key, value ?? '']),
    ) as unknown as ScoreUrlQuery;
    expect(scoreViewFromUrl(written, 'staff', today)).toEqual(view);
  });
});
