import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { KeptDrafts } from './kept-drafts';
import { NoticeService } from './notice';
import { signInUrl } from './role-guard';
import { AUTH_URL, SessionStore } from './session';

/**
 * A 401 on anything but the sign-in calls means the session ended (expired, or signed out in
 * another tab): keep any words being written, forget the user and ask them to sign in again,
 * coming back to this page after.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  const notices = inject(NoticeService);
  const drafts = inject(KeptDrafts);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !request.url.startsWith(AUTH_URL) &&
        session.user() !== null
      ) {
        // Before the page goes: what was being written comes back after signing in again.
        drafts.keepAll(session.user()?.id ?? '');
        session.forget();
        notices.show('Your session has ended. Sign in again to carry on.', 'warning', {
          duringNavigation: true,
        });
        void router.navigateByUrl(signInUrl(router, router.url));
      }
      return throwError(() => error);
    }),
  );
};
