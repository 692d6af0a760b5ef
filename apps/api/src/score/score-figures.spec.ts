import { distributionOf, isoWeekName, mondaysBetween, satisfactionFigures, silenceFigures } from './score-figures';

describe('score figures', () => {
  it('names ISO weeks by the year their Thursday falls in', () => {
    expect(isoWeekName('2026-01-05')).toBe('2026-W02');
    expect(isoWeekName('2025-12-29')).toBe('2026-W01');
    expect(isoWeekName('2026-12-28')).toBe('2026-W53');
  });

  it('lists the Monday of every week a period touches', () => {
    expect(mondaysBetween('2026-01-07', '2026-01-19')).toEqual(['2026-01-05', '2026-01-12', '2026-01-19']);
  });

  it('withholds satisfaction below the minimum only from those it is withheld from', () => {
    const row = { key: 'r', responses: 4, scored: 4, promoters: 3, detractors: 1, informed_answers: 4, ghosted: 1 };
    // Withheld, how many answered included: that is a clue too.
    expect(satisfactionFigures(row, { withholdBelow: 5 })).toEqual({
      responses: null,
      cnps: null,
      feltGhostedPercent: null,
      withheld: true,
    });
    expect(satisfactionFigures(row, { withholdBelow: null })).toEqual({
      responses: 4,
      cnps: 50,
      feltGhostedPercent: 25,
      withheld: false,
    });
    // None at all is withheld alike, or "hidden" beside "none" would say someone answered.
    expect(satisfactionFigures(undefined, { withholdBelow: 5 })).toEqual({
      responses: null,
      cnps: null,
      feltGhostedPercent: null,
      withheld: true,
    });
    expect(satisfactionFigures(undefined, { withholdBelow: null })).toEqual({
      responses: 0,
      cnps: null,
      feltGhostedPercent: null,
      withheld: false,
    });
    expect(satisfactionFigures({ ...row, responses: 6 }, { withholdBelow: 5 })).toMatchObject({
      responses: 6,
      withheld: false,
    });
  });

  it('gives no silence, not zero, when nothing is open', () => {
    expect(silenceFigures(undefined, new Date())).toEqual({
      openApplications: 0,
      longestDays: null,
      since: null,
      applicationId: null,
    });
  });

  it('fills every bucket, empty ones with 0', () => {
    expect(distributionOf(undefined).map((bucket) => bucket.count)).toEqual([0, 0, 0, 0, 0]);
  });
});
