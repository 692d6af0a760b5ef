import { wholeWeeksOf } from './score-rollup-sql';

describe('wholeWeeksOf', () => {
  it('gives the Mondays that start and end the whole weeks inside a period of days, both days included', () => {
    // Thursday 2026-01-01 to Tuesday 2026-03-31: Monday 5 January to Monday 30 March (excluded).
    expect(wholeWeeksOf('2026-01-01', '2026-03-31')).toEqual({ from: '2026-01-05', to: '2026-03-30' });
  });

  it('keeps a period that is whole weeks already', () => {
    expect(wholeWeeksOf('2026-01-05', '2026-01-18')).toEqual({ from: '2026-01-05', to: '2026-01-19' });
  });

  it('has none in a period shorter than its first Monday to the next', () => {
    expect(wholeWeeksOf('2026-01-06', '2026-01-18')).toEqual({ from: '2026-01-12', to: '2026-01-19' });
    expect(wholeWeeksOf('2026-01-06', '2026-01-17')).toBeNull();
    expect(wholeWeeksOf('2026-01-05', '2026-01-05')).toBeNull();
  });
});
