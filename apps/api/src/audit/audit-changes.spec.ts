import { AUDIT_TEXT_CHANGED } from '@heardback/contracts';
import { changedFields, contextFields, toAuditValue } from './audit-changes';

describe('changedFields', () => {
  it('keeps only the fields whose value changed, with before and after', () => {
    const before = { title: 'Engineer', location: 'Leeds', pipeline: ['Phone screen', 'Final'], ownerId: null };
    const after = { title: 'Senior Engineer', location: 'Leeds', pipeline: ['Phone screen', 'Final'], ownerId: 'u1' };
    expect(changedFields(before, after)).toEqual({
      title: { before: 'Engineer', after: 'Senior Engineer' },
      ownerId: { before: null, after: 'u1' },
    });
  });

  it('compares arrays and objects by value, and sees a reordered pipeline as a change', () => {
    const salary = { min: 40_000, max: 50_000, currency: 'EUR' };
    expect(changedFields({ salary, pipeline: ['A', 'B'] }, { salary: { ...salary }, pipeline: ['A', 'B'] })).toEqual(
      {},
    );
    expect(changedFields({ pipeline: ['A', 'B'] }, { pipeline: ['B', 'A'] })).toEqual({
      pipeline: { before: ['A', 'B'], after: ['B', 'A'] },
    });
  });

  it('records a creation as `after` only, leaving out fields without a value', () => {
    expect(changedFields(null, { name: 'Northwind', ownerId: null, notes: undefined })).toEqual({
      name: { after: 'Northwind' },
    });
  });

  it('writes times as ISO strings and treats equal instants as unchanged', () => {
    const at = new Date('2026-12-01T14:00:00Z');
    expect(changedFields({ startsAt: at }, { startsAt: new Date(at.getTime()) })).toEqual({});
    expect(changedFields({ startsAt: null }, { startsAt: at })).toEqual({
      startsAt: { before: null, after: '2026-12-01T14:00:00.000Z' },
    });
  });

  it('never records a password, hash or token, at any depth', () => {
    const changes = changedFields(null, {
      email: 'sam@agency.test',
      password: 'quiet harbour lantern morning',
      passwordHash: '$argon2id$v=19$secret',
      resetToken: 'abc',
      profile: { fullName: 'Sam', tokenHash: 'xyz' },
    });
    expect(changes).toEqual({ email: { after: 'sam@agency.test' }, profile: { after: { fullName: 'Sam' } } });
    expect(JSON.stringify(changes)).not.toMatch(/argon2|quiet harbour|abc|xyz/);
  });

  it("says that a candidate's words changed, never what they say", () => {
    const before = { candidateMessage: 'You were great.', internalNotes: null, rejectionMessage: 'Old words' };
    const after = { candidateMessage: 'You were brilliant.', internalNotes: 'Salary too high', rejectionMessage: null };
    const changes = changedFields(before, after);
    expect(changes).toEqual({
      candidateMessage: { after: AUDIT_TEXT_CHANGED },
      internalNotes: { after: AUDIT_TEXT_CHANGED },
      rejectionMessage: { before: AUDIT_TEXT_CHANGED, after: null },
    });
    expect(JSON.stringify(changes)).not.toMatch(/great|brilliant|Salary|Old words/);
    expect(changedFields(null, { message: 'See you Monday' })).toEqual({ message: { after: AUDIT_TEXT_CHANGED } });
  });

  it('records nothing for personal text that did not change', () => {
    expect(changedFields({ candidateMessage: 'Same', rating: 2 }, { candidateMessage: 'Same', rating: 3 })).toEqual({
      rating: { before: 2, after: 3 },
    });
  });
});

describe('contextFields', () => {
  it('records what a change concerns as an unchanged value, but never personal text or a secret', () => {
    expect(contextFields({ stage: 'Technical', message: 'words', token: 't' })).toEqual({
      stage: { before: 'Technical', after: 'Technical' },
    });
  });
});

describe('toAuditValue', () => {
  it('turns what JSON cannot hold into what it can', () => {
    expect(toAuditValue(undefined)).toBeNull();
    expect(toAuditValue(Number.NaN)).toBeNull();
    expect(toAuditValue([new Date('2026-01-02T03:04:05Z'), 1, 'a'])).toEqual(['2026-01-02T03:04:05.000Z', 1, 'a']);
  });
});
