import { computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { UserView } from '@heardback/contracts';
import { ROLE_HOME, SessionStore } from '../core/session';

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

/**
 * What /sign-in and /register share: the `?returnUrl=` to pass on between them, the signed-in
 * person's home, and going on once they are in. Call it in a field initialiser.
 */
export function returnRoute(returnUrl: () => string | undefined) {
  const session = inject(SessionStore);
  const router = inject(Router);
  return {
    query: computed(() => (returnUrl() ? { returnUrl: returnUrl() } : {})),
    home: computed(() => {
      const role = session.role();
      return role ? ROLE_HOME[role] : '/jobs';
    }),
    /** Goes where the person was heading, or to their home. */
    continue: (user: UserView) => void router.navigateByUrl(afterSignIn(returnUrl(), user)),
  };
}
