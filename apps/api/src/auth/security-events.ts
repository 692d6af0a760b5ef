import { Logger } from '@nestjs/common';
import type { RateLimitName } from '../config/app-config';

/**
 * Security events, one structured log line each, under the `Security` context and with the request
 * id of the request that caused them (see logging/request-logging.ts). They name the account by its
 * id, or by the domain of the address typed in when there is no account to name: never a full
 * address, a password or a token.
 */
const securityLog = new Logger('Security');

export type SecurityEvent =
  | { event: 'sign_in_ok'; userId: string }
  | { event: 'sign_in_failed'; emailDomain: string }
  | { event: 'sign_in_refused_disabled'; userId: string }
  | { event: 'sign_in_locked'; emailDomain: string; userId: string | null }
  | { event: 'rate_limited'; limit: RateLimitName }
  | { event: 'password_reset_requested'; emailDomain: string; userId: string | null }
  | { event: 'password_reset_confirmed'; userId: string }
  | { event: 'password_changed'; userId: string }
  | { event: 'email_verified'; userId: string }
  | { event: 'registration_requested'; emailDomain: string }
  | { event: 'registration_confirmed'; userId: string }
  | { event: 'registration_confirmation_refused' }
  | { event: 'registration_restarted'; emailDomain: string }
  | { event: 'user_invited'; userId: string; byUserId: string }
  | { event: 'user_invitation_resent'; userId: string; byUserId: string }
  | { event: 'invitation_accepted'; userId: string }
  | { event: 'user_disabled'; userId: string; byUserId: string }
  | { event: 'user_enabled'; userId: string; byUserId: string }
  | { event: 'data_exported'; userId: string }
  | { event: 'account_erased'; userId: string }
  | { event: 'accounts_erased_by_retention'; count: number };

const WARNINGS: ReadonlySet<SecurityEvent['event']> = new Set([
  'sign_in_failed',
  'sign_in_refused_disabled',
  'sign_in_locked',
  'registration_confirmation_refused',
  'rate_limited',
  'user_disabled',
  'user_enabled',
]);

export function logSecurityEvent(event: SecurityEvent): void {
  if (WARNINGS.has(event.event)) securityLog.warn(event);
  else securityLog.log(event);
}

/** The part of an address after its last `@`, lower-cased; `(none)` when there is none. Never the full address. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  const domain =
    at >= 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : '';
  return domain.length > 0 && domain.length <= 253 ? domain : '(none)';
}
