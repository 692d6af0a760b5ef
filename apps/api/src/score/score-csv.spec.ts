import { ScoreTable } from '@heardback/contracts';
import { distributionCsv, scoreCsvFileName } from './score-csv';

describe('score CSV', () => {
  it('writes CRLF lines and leaves an empty cell for no bound', () => {
    expect(distributionCsv([{ label: '5+', fromWorkingDays: 5, toWorkingDays: null, count: 2 }])).toBe(
      'working days to feedback,from,to,interviews\r\n5+,5,,2\r\n',
    );
  });

  it('names the file after the table and the period', () => {
    const report = { by: 'client', from: '2026-11-01', to: '2026-11-30' } as Parameters<typeof scoreCsvFileName>[0];
    expect(scoreCsvFileName(report, ScoreTable.Groups)).toBe('heardback-score-by-client-2026-11-01-to-2026-11-30.csv');
    expect(scoreCsvFileName(report, ScoreTable.Trend)).toBe('heardback-score-trend-2026-11-01-to-2026-11-30.csv');
  });
});
