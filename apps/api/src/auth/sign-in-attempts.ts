import { Injectable } from '@nestjs/common';

/**
 * The one place sign-in outcomes are reported. Throttling, lockout and security logging hook in
 * here (see issue 8, items 2 and 7); today it records nothing.
 */
@Injectable()
export class SignInAttempts {
  /** A wrong password, or an address with no account: called before the refusal is answered. */
  async failed(_email: string): Promise<void> {
    // Deliberately empty until throttling lands.
  }

  async succeeded(_userId: string): Promise<void> {
    // Deliberately empty until throttling lands.
  }
}
