import { ScoreRow } from '@heardback/contracts';
import { SCORE_COLUMNS, nextSort, sortRows } from './score-columns';
import { aScoreRow } from './score-testing';

describe('the score table’s columns', () => {
  const rows: ScoreRow[] = [
    aScoreRow({ id: 'a', name: 'Ada', median: 2 }),
    aScoreRow({ id: 'b', name: 'bo', median: null }),
    aScoreRow({ id: 'c', name: 'Cy', median: 0.5 }),
  ];

  it('sorts by a figure either way, rows without it always last', () => {
    const ascending = sortRows(rows, { column: 'median', direction: 'ascending' });
    expect(ascending.map((row) => row.id)).toEqual(['c', 'a', 'b']);
    const descending = sortRows(rows, { column: 'median', direction: 'descending' });
    expect(descending.map((row) => row.id)).toEqual(['a', 'c', 'b']);
  });

  it('sorts names without regard to case', () => {
    expect(sortRows(rows, { column: 'name', direction: 'descending' }).map((row) => row.name)).toEqual([
      'Cy',
      'bo',
      'Ada',
    ]);
  });

  it('turns the order round on a second click, and starts a figure largest first', () => {
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'name')).toEqual({
      column: 'name',
      direction: 'descending',
    });
    expect(nextSort({ column: 'name', direction: 'ascending' }, 'p90')).toEqual({
      column: 'p90',
      direction: 'descending',
    });
  });

  it('says satisfaction is hidden, with the count, when it is withheld', () => {
    const cnps = SCORE_COLUMNS.find((column) => column.id === 'cnps');
    const hidden = aScoreRow({
      id: 'h',
      name: 'Hidden',
      satisfaction: { responses: 4, cnps: null, feltGhostedPercent: null, withheld: true },
    });
    expect(cnps?.text(hidden)).toBe('Hidden (4)');
    expect(cnps?.value(hidden)).toBeNull();
  });

  it('writes no figure as a dash, never 0 or NaN', () => {
    const kept = SCORE_COLUMNS.find((column) => column.id === 'kept');
    expect(kept?.text(aScoreRow({ id: 'e', name: 'Empty', median: null }))).toBe('–');
  });
});
