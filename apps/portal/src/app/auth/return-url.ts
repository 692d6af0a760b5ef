import { UserView } from '@heardback/contracts';
import { ROLE_HOME } from '../core/session';

/**
 * Where to go after signing in: the page the person came from, but only a path on this site
 * (never `//evil.example` or `https://…`), otherwise their role's home.
 */
export function afterSignIn(returnUrl: string | undefined, user: UserView): string {
  if (
    returnUrl &&
    returnUrl.startsWith('/') &&
    !returnUrl.startsWith('//') &&
    !returnUrl.startsWith('/\\') &&
    !returnUrl.startsWith('/sign-in') &&
    !returnUrl.startsWith('/register')
  ) {
    return returnUrl;
  }
  return ROLE_HOME[user.role];
}
