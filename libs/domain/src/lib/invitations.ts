import { INVITATION_LINK_DAYS } from '@heardback/contracts';

const DAY_MS = 86_400_000;

/**
 * Rule (ADR 0082): an agency account's invitation is pending while staff have invited it and its address is not
 * proven, that is, no password has been chosen yet (from the invitation's link, or a reset's, which proves the
 * address too). Only then may the invitation's link be used, or sent again; accounts made before invitations were
 * never invited. Disabling is a separate refusal: a disabled account's invitation stays pending, unusable.
 */
export function invitationPending(account: { invitedAt: Date | null; emailVerifiedAt: Date | null }): boolean {
  return account.invitedAt !== null && account.emailVerifiedAt === null;
}

/** The invitation's link works for INVITATION_LINK_DAYS from when it was sent (the token's own lifetime). */
export function invitationExpired(sentAt: Date, now: Date): boolean {
  return now.getTime() - sentAt.getTime() > INVITATION_LINK_DAYS * DAY_MS;
}

/** How long an invitation's link works, for the token that carries it. */
export const INVITATION_LINK_MS = INVITATION_LINK_DAYS * DAY_MS;
