import { ScoreGroupSort, SortDirection } from '@heardback/contracts';
import { SCORE_COLUMNS, nextSort } from './score-columns';
import { aScoreRow } from './score-testing';

describe('the score table’s columns', () => {
  it('turns the order round on a second click, and starts a figure largest first', () => {
    const byName = { column: ScoreGroupSort.Name, direction: SortDirection.Asc };
    expect(nextSort(byName, ScoreGroupSort.Name)).toEqual({
      column: ScoreGroupSort.Name,
      direction: SortDirection.Desc,
    });
    expect(nextSort(byName, ScoreGroupSort.P90)).toEqual({ column: ScoreGroupSort.P90, direction: SortDirection.Desc });
  });

  it('says satisfaction is hidden, and not how many answered, when it is withheld', () => {
    const cnps = SCORE_COLUMNS.find((column) => column.id === 'cnps');
    const hidden = aScoreRow({
      id: 'h',
      name: 'Hidden',
      satisfaction: { responses: null, cnps: null, feltGhostedPercent: null, withheld: true },
    });
    expect(cnps?.text(hidden)).toBe('Hidden');
  });

  it('writes no figure as a dash, never 0 or NaN', () => {
    const kept = SCORE_COLUMNS.find((column) => column.id === 'kept');
    expect(kept?.text(aScoreRow({ id: 'e', name: 'Empty', median: null }))).toBe('–');
  });
});
