import { ScoreGroupSort, ScoreGrouping, SortDirection } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { decodeGroupsCursor, encodeGroupsCursor } from './score-groups';

describe('the score group table cursor', () => {
  const order = { grouping: ScoreGrouping.Job, sort: ScoreGroupSort.Median, direction: SortDirection.Desc };
  const at = { isNull: false, value: '1.25', id: '0b6f3d2e-8a43-4c1e-9f3a-2d5c7e9b1a00' };

  it('gives back the place the last page ended', () => {
    expect(decodeGroupsCursor(encodeGroupsCursor({ ...order, ...at }), order)).toEqual(at);
  });

  it('keeps a name with quotes and accents whole', () => {
    const byName = { ...order, sort: ScoreGroupSort.Name };
    const named = { ...at, value: 'zoë "core" – platform' };
    expect(decodeGroupsCursor(encodeGroupsCursor({ ...byName, ...named }), byName)).toEqual(named);
  });

  function refusal(raw: string, expected = order): DomainError {
    try {
      decodeGroupsCursor(raw, expected);
    } catch (error) {
      return error as DomainError;
    }
    throw new Error('the cursor was accepted');
  }

  it('refuses a cursor of another grouping, sort or direction, saying so', () => {
    const cursor = encodeGroupsCursor({ ...order, ...at });
    for (const other of [
      { ...order, grouping: ScoreGrouping.Client },
      { ...order, sort: ScoreGroupSort.P90 },
      { ...order, direction: SortDirection.Asc },
    ]) {
      expect(refusal(cursor, other).message).toBe(
        'cursor: belongs to another table or order (grouping, sort or direction changed); start again without it',
      );
    }
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    [
      'a number that is not one',
      Buffer.from(JSON.stringify(['job', 'median', 'desc', false, '1; --', at.id])).toString('base64url'),
    ],
    [
      'an id that is not a uuid',
      Buffer.from(JSON.stringify(['job', 'median', 'desc', false, '1', 'x'])).toString('base64url'),
    ],
    [
      'an unknown sort',
      Buffer.from(JSON.stringify(['job', 'salary', 'desc', false, '1', at.id])).toString('base64url'),
    ],
  ])('refuses %s, naming the cursor', (_what, raw) => {
    expect(refusal(raw).message).toBe('cursor: is not a cursor this API gave out; start again without it');
  });
});
