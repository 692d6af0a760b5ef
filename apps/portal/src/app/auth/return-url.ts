import { computed, inject } from '@angular/core';
import { Router } from '@angular/router';
import { UserView, isReturnPath } from '@heardback/contracts';
import { ROLE_HOME, SessionStore } from '../core/session';

/**
 * Where to go after signing in or finishing a registration: the page the person came from, but only a
 * path on this site (the rule: `isReturnPath` in contracts), otherwise their role's home.
 */
export function afterSignIn(returnUrl: string | null | undefined, user: UserView): string {
  return returnUrl && isReturnPath(returnUrl) ? returnUrl : ROLE_HOME[user.role];
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

/** The navigation state /finish-registration leaves for the page it goes on to. */
export interface JustRegistered {
  justRegistered: true;
}

/** True when the page was opened by finishing a registration (read from the browser history's state). */
export function arrivedJustRegistered(): boolean {
  const state: unknown = globalThis.history?.state;
  return typeof state === 'object' && state !== null && (state as Partial<JustRegistered>).justRegistered === true;
}
