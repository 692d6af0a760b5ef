import { INVITATION_LINK_DAYS } from '@heardback/contracts';
import { INVITATION_LINK_MS, invitationExpired, invitationPending } from './invitations';

describe('agency invitations', () => {
  const sent = new Date('2026-12-01T09:00:00.000Z');

  it('is pending only while invited and no password has proven the address', () => {
    expect(invitationPending({ invitedAt: sent, emailVerifiedAt: null })).toBe(true);
    // Accepted, or a reset link followed instead: a leftover link must not set another password.
    expect(invitationPending({ invitedAt: sent, emailVerifiedAt: new Date('2026-12-02T09:00:00.000Z') })).toBe(false);
    // Made before invitations (staff chose the password): never pending, whatever its address.
    expect(invitationPending({ invitedAt: null, emailVerifiedAt: null })).toBe(false);
  });

  it('expires the moment its days have passed, not before', () => {
    expect(INVITATION_LINK_MS).toBe(INVITATION_LINK_DAYS * 24 * 3_600_000);
    expect(invitationExpired(sent, new Date(sent.getTime() + INVITATION_LINK_MS))).toBe(false);
    expect(invitationExpired(sent, new Date(sent.getTime() + INVITATION_LINK_MS + 1))).toBe(true);
    expect(invitationExpired(sent, sent)).toBe(false);
  });
});
