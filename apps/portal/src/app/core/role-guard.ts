import { inject } from '@angular/core';
import { CanMatchFn, Router, UrlTree } from '@angular/router';
import { UserRole } from '@heardback/contracts';
import { NoticeService } from './notice';
import { ROLE_HOME, SessionStore } from './session';

/** The sign-in page, remembering where to come back to. */
export function signInUrl(router: Router, returnUrl: string): UrlTree {
  return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl } });
}

/**
 * Lets only these roles into an area. A canMatch guard, so a lazy area's code is not even
 * downloaded for someone who may not use it. The API refuses their requests anyway; this
 * guard is about sending people somewhere useful with a word of explanation.
 *
 * The first role names the page's audience in the message; later ones may use it too
 * (staff can work the recruiters' queue).
 */
export function requireRole(...roles: [UserRole, ...UserRole[]]): CanMatchFn {
  return async (_route, segments) => {
    const session = inject(SessionStore);
    const router = inject(Router);
    const notices = inject(NoticeService);
    await session.whenLoaded();

    const user = session.user();
    if (user === null) {
      const target =
        router.currentNavigation()?.extractedUrl.toString() ?? `/${segments.map((segment) => segment.path).join('/')}`;
      return signInUrl(router, target);
    }
    if (roles.includes(user.role)) {
      return true;
    }
    // The words for roles are in every area's chunk; loaded here only for a refusal, not with the first page.
    const { ROLE_AS_AUDIENCE, ROLE_AS_SUBJECT } = await import('../display-labels');
    notices.show(
      `That page is for ${ROLE_AS_AUDIENCE[roles[0]]}. You are signed in as ${ROLE_AS_SUBJECT[user.role]}.`,
      'warning',
      { duringNavigation: true },
    );
    return router.parseUrl(ROLE_HOME[user.role]);
  };
}
