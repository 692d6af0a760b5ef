import { Injectable } from '@nestjs/common';
import { emailDomain, logSecurityEvent } from './security-events';

/**
 * The one place sign-in outcomes are reported. Each is logged as a security event (the failed
 * address by its domain only); throttling and lockout hook in here too (see issue 8, item 2).
 */
@Injectable()
export class SignInAttempts {
  /** A wrong password, or an address with no account: called before the refusal is answered. */
  async failed(email: string): Promise<void> {
    logSecurityEvent({ event: 'sign_in_failed', emailDomain: emailDomain(email) });
  }

  async succeeded(userId: string): Promise<void> {
    logSecurityEvent({ event: 'sign_in_ok', userId });
  }
}
