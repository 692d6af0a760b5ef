import { AGENCY_USER_CURSOR_MAX_LENGTH, FULL_NAME_MAX_LENGTH, UserRole } from '@heardback/contracts';
import { DomainError } from '@heardback/domain';
import { decodeNameCursor, encodeNameCursor } from '../database/keyset-cursor';
import { agencyUserPageSql, agencyUserTotalSql } from './agency-user-list';

const id = '0b9f0d57-8d8b-4f0b-9a53-5a0e5f1d2c3b';

describe('the cursor of the list of agency accounts', () => {
  it.each(['ann lee', '', 'zoë "quoted" \\ 100%', 'é'.repeat(FULL_NAME_MAX_LENGTH)])(
    'round-trips the name %j and the id',
    (name) => {
      expect(decodeNameCursor(encodeNameCursor({ name, id }))).toEqual({ name, id });
    },
  );

  it.each([
    'garbage',
    '',
    Buffer.from(JSON.stringify(['ann', 'not-an-id'])).toString('base64url'),
    Buffer.from(JSON.stringify([1, id])).toString('base64url'),
    Buffer.from(JSON.stringify(['ann', id, 'more'])).toString('base64url'),
    Buffer.from(JSON.stringify({ name: 'ann', id })).toString('base64url'),
    // PostgreSQL refuses a NUL in text outright: the cursor's 400, never the database's.
    Buffer.from(JSON.stringify(['a\u0000b', id])).toString('base64url'),
    Buffer.from(JSON.stringify(['a'.repeat(401), id])).toString('base64url'),
  ])('refuses a forged cursor %j, naming the field', (raw) => {
    expect(() => decodeNameCursor(raw)).toThrow(DomainError);
    expect(() => decodeNameCursor(raw)).toThrow(/^cursor: /);
  });

  it.each(['\u0001', '\u{1F600}', '"'])('fits the longest name of %j in AGENCY_USER_CURSOR_MAX_LENGTH', (letter) => {
    const name = letter.repeat(FULL_NAME_MAX_LENGTH);
    expect(encodeNameCursor({ name, id }).length).toBeLessThanOrEqual(AGENCY_USER_CURSOR_MAX_LENGTH);
  });
});

describe('the statements of the list of agency accounts', () => {
  it('always keeps to agency users, as the partial index says, and counts with the same filters', () => {
    const request = { q: ' 50%_ ', role: UserRole.Staff as const, active: false, ids: [id], cursor: null, limit: 10 };
    const page = agencyUserPageSql(request);
    const total = agencyUserTotalSql(request);
    expect(page.sql).toContain(`WHERE u.role <> 'candidate' AND`);
    expect(page.sql).toContain('u.disabled_at IS NOT NULL');
    expect(page.params).toEqual(['%50\\%\\_%', UserRole.Staff, [id], 11]);
    expect(total.params).toEqual(page.params.slice(0, -1));
    expect(total.sql).toContain(page.sql.slice(page.sql.indexOf('WHERE'), page.sql.indexOf('ORDER BY')).trim());
  });

  it('starts after the cursor, by name then id', () => {
    const page = agencyUserPageSql({ cursor: { name: 'ann', id }, limit: 2 });
    expect(page.sql).toContain(`lower(u.full_name) >= $1::text AND (lower(u.full_name), u.id) > ($1::text, $2::uuid)`);
    expect(page.params).toEqual(['ann', id, 3]);
    expect(agencyUserPageSql({ active: true, cursor: null, limit: 2 }).sql).toContain('u.disabled_at IS NULL');
  });
});
