import { holidaysWarning } from './env-values';

describe('the public holidays warning', () => {
  it('warns when no holiday is set, or none falls within the coming year', () => {
    expect(holidaysWarning([], '2026-12-07')).toContain('No public holiday is set for the coming year');
    expect(holidaysWarning(['2025-12-25', '2026-12-01', '2027-12-08'], '2026-12-07')).toContain('PUBLIC_HOLIDAYS');
  });

  it('says nothing when one falls within the year ahead, its last day included', () => {
    expect(holidaysWarning(['2026-12-25'], '2026-12-07')).toBeNull();
    expect(holidaysWarning(['2026-12-07'], '2026-12-07')).toBeNull();
    expect(holidaysWarning(['2027-12-07'], '2026-12-07')).toBeNull();
  });
});
