import { monthOf, ninetyDaysTo, periodProblem, presetPeriod } from './score-period';

describe('score periods', () => {
  // 3 December 2026, mid-morning, in the reader's own calendar.
  const today = new Date(2026, 11, 3, 10, 0);

  it('runs "this month" from its first day to today', () => {
    expect(presetPeriod('this-month', today)).toEqual({ from: '2026-12-01', to: '2026-12-03' });
  });

  it('takes the whole of last month, across the turn of the year too', () => {
    expect(presetPeriod('last-month', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('last-month', new Date(2027, 0, 15))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('counts the last 90 days with today as the 90th', () => {
    expect(presetPeriod('last-90-days', today)).toEqual({ from: '2026-09-05', to: '2026-12-03' });
  });

  it('offers the 90 days to a day, which for today are the last 90 days', () => {
    expect(ninetyDaysTo('2026-12-03')).toEqual(presetPeriod('last-90-days', today));
    expect(ninetyDaysTo('2026-03-01')).toEqual({ from: '2025-12-02', to: '2026-03-01' });
  });

  it('says what is wrong with a custom period before asking the API', () => {
    expect(periodProblem({ from: '', to: '2026-12-03' })).toBe('Enter the first day of the period.');
    expect(periodProblem({ from: '2026-12-04', to: '2026-12-03' })).toBe('The last day must not be before the first.');
    expect(periodProblem({ from: '2025-12-01', to: '2026-12-02' })).toBe('Choose a period of at most 366 days.');
    expect(periodProblem({ from: '2025-12-02', to: '2026-12-02' })).toBe('');
  });

  it('links a client report to the month the period ends in', () => {
    expect(monthOf({ from: '2026-10-15', to: '2026-11-14' })).toBe('2026-11');
  });
});
