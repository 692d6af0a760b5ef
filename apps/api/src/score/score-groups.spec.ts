import {
  CLIENT_NAME_MAX_LENGTH,
  JOB_TITLE_MAX_LENGTH,
  SCORE_GROUPS_CURSOR_MAX_LENGTH,
  ScoreGroupSort,
  ScoreGrouping,
  SortDirection,
} from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { GroupsTable, decodeGroupsCursor, encodeGroupsCursor } from './score-groups';

describe('the score group table cursor', () => {
  const order: GroupsTable = {
    grouping: ScoreGrouping.Job,
    sort: ScoreGroupSort.Median,
    direction: SortDirection.Desc,
    client: null,
  };
  const northwind = '5d0c1f7a-3b2e-4f6a-8c9d-0e1f2a3b4c5d';
  const at = {
    isNull: false,
    value: '1.25',
    name: 'platform engineer',
    detail: 'northwind',
    id: '0b6f3d2e-8a43-4c1e-9f3a-2d5c7e9b1a00',
  };

  it('gives back the place the last page ended, with the name and detail that break its ties', () => {
    expect(decodeGroupsCursor(encodeGroupsCursor({ ...order, ...at }), order)).toEqual(at);
  });

  it('keeps a name with quotes and accents whole', () => {
    const byName = { ...order, sort: ScoreGroupSort.Name };
    const named = { ...at, value: 'zoë "core" – platform', name: 'zoë "core" – platform', detail: '' };
    expect(decodeGroupsCursor(encodeGroupsCursor({ ...byName, ...named }), byName)).toEqual(named);
  });

  it('fits the longest job title and client name, four bytes a character, within the cursor’s limit', () => {
    const title = '😀'.repeat(JOB_TITLE_MAX_LENGTH);
    const client = '😀'.repeat(CLIENT_NAME_MAX_LENGTH);
    const byName = { ...order, sort: ScoreGroupSort.Name, client: northwind };
    const longest = { ...at, value: title, name: title, detail: client, id: 'ffffffff-ffff-4fff-bfff-ffffffffffff' };
    const cursor = encodeGroupsCursor({ ...byName, ...longest });
    expect(cursor.length).toBeLessThanOrEqual(SCORE_GROUPS_CURSOR_MAX_LENGTH);
    expect(decodeGroupsCursor(cursor, byName)).toEqual(longest);
  });

  function refusal(raw: string, expected = order): DomainError {
    try {
      decodeGroupsCursor(raw, expected);
    } catch (error) {
      return error as DomainError;
    }
    throw new Error('the cursor was accepted');
  }

  it('refuses a name PostgreSQL could not take, as the cursor’s 400', () => {
    const byName = { ...order, sort: ScoreGroupSort.Name };
    for (const text of ['a\u0000b', 'a'.repeat(401)]) {
      for (const place of [{ value: text }, { name: text }, { detail: text }]) {
        const error = refusal(encodeGroupsCursor({ ...byName, ...at, ...place }), byName);
        expect(error.details?.[0]?.field).toBe('cursor');
      }
    }
  });

  it('refuses a cursor of another grouping, sort, direction or client, saying so', () => {
    const cursor = encodeGroupsCursor({ ...order, ...at });
    const oneClients = encodeGroupsCursor({ ...order, client: northwind, ...at });
    for (const [raw, other] of [
      [cursor, { ...order, grouping: ScoreGrouping.Client }],
      [cursor, { ...order, sort: ScoreGroupSort.P90 }],
      [cursor, { ...order, direction: SortDirection.Asc }],
      // Every client's table, then one client's report; and one client's report, then another's.
      [cursor, { ...order, client: northwind }],
      [oneClients, { ...order, client: '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d' }],
      [oneClients, order],
    ] as [string, GroupsTable][]) {
      expect(refusal(raw, other).message).toBe(
        'cursor: belongs to another table or order (grouping, sort, direction or client changed); start again without it',
      );
    }
  });

  it('gives back the place in one client’s table', () => {
    const filtered = { ...order, client: northwind };
    expect(decodeGroupsCursor(encodeGroupsCursor({ ...filtered, ...at }), filtered)).toEqual(at);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    [
      'a number that is not one',
      Buffer.from(JSON.stringify(['job', 'median', 'desc', null, false, '1; --', 'a', '', at.id])).toString(
        'base64url',
      ),
    ],
    [
      'an id that is not a uuid',
      Buffer.from(JSON.stringify(['job', 'median', 'desc', null, false, '1', 'a', '', 'x'])).toString('base64url'),
    ],
    [
      'an unknown sort',
      Buffer.from(JSON.stringify(['job', 'salary', 'desc', null, false, '1', 'a', '', at.id])).toString('base64url'),
    ],
    [
      'a client that is not a uuid',
      Buffer.from(JSON.stringify(['job', 'median', 'desc', "x' OR 1=1", false, '1', 'a', '', at.id])).toString(
        'base64url',
      ),
    ],
    [
      'a cursor of the old form, without the client',
      Buffer.from(JSON.stringify(['job', 'median', 'desc', false, '1', at.id])).toString('base64url'),
    ],
    [
      'a cursor of the form before names broke ties',
      Buffer.from(JSON.stringify(['job', 'median', 'desc', null, false, '1', at.id])).toString('base64url'),
    ],
    [
      'a tie-breaking name that is not text',
      Buffer.from(JSON.stringify(['job', 'median', 'desc', null, false, '1', 7, '', at.id])).toString('base64url'),
    ],
  ])('refuses %s, naming the cursor', (_what, raw) => {
    expect(refusal(raw).message).toBe('cursor: is not a cursor this API gave out; start again without it');
  });
});
