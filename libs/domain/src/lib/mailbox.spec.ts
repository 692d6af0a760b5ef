import { inboxOf } from './mailbox';

describe('inboxOf: the inbox an address reaches, for limits on what is mailed to it', () => {
  it('counts every +tag of an address as the same inbox', () => {
    expect(inboxOf('Ann+1@Example.com')).toBe('ann@example.com');
    expect(inboxOf('ann+jobs+more@example.com')).toBe('ann@example.com');
  });

  it('ignores dots only where the provider does', () => {
    expect(inboxOf('a.n.n@gmail.com')).toBe('ann@gmail.com');
    expect(inboxOf('a.n.n+x@googlemail.com')).toBe('ann@gmail.com');
    expect(inboxOf('a.n.n@example.com')).toBe('a.n.n@example.com');
  });

  it('leaves what is not an address as it was, lower-cased', () => {
    expect(inboxOf('  No-At-Sign ')).toBe('no-at-sign');
    expect(inboxOf('@example.com')).toBe('@example.com');
  });
});
