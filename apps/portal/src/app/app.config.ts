import { DOCUMENT } from '@angular/common';
import {
  ApplicationConfig,
  inject,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import {
  HttpXsrfTokenExtractor,
  provideHttpClient,
  withFetch,
  withInterceptors,
  withXsrfConfiguration,
} from '@angular/common/http';
import {
  NavigationEnd,
  Router,
  provideRouter,
  withComponentInputBinding,
  withNavigationErrorHandler,
} from '@angular/router';
import { filter, take } from 'rxjs';
import { appRoutes } from './app.routes';
import { EarlyReads } from './core/early-reads';
import { idempotencyKeyInterceptor } from './core/idempotency-key';
import { forgetReloadForNewCode, reloadForNewCode } from './core/reload-for-new-code';
import { SessionStore } from './core/session';
import { sessionExpiryInterceptor } from './core/session-expiry';
import { XsrfCookieExtractor } from './core/xsrf-cookie';
import { firstReadFor } from './jobs/jobs-api';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideHttpClient(
      withFetch(),
      // The API sets XSRF-TOKEN on every response and refuses a mutating /api request without
      // the same value in X-XSRF-TOKEN. Angular sends it for same-origin (relative) URLs only.
      withXsrfConfiguration({
        cookieName: 'XSRF-TOKEN',
        headerName: 'X-XSRF-TOKEN',
      }),
      // Commands marked idempotent() carry an Idempotency-Key, the same one when they are sent again.
      withInterceptors([sessionExpiryInterceptor, idempotencyKeyInterceptor]),
    ),
    // Over HTTPS the cookie is __Host-XSRF-TOKEN: read whichever of the two names the API set.
    { provide: HttpXsrfTokenExtractor, useClass: XsrfCookieExtractor },
    // Query parameters such as ?q= and route parameters such as :id arrive as component inputs; a page
    // whose code went with a deployment is loaded afresh.
    provideRouter(
      appRoutes,
      withComponentInputBinding(),
      withNavigationErrorHandler((error) => reloadForNewCode(error, window)),
    ),
    // Who is signed in decides the navigation and the guards. Asked at startup without holding
    // back the first page: the public board does not need it, and guards wait for the answer.
    provideAppInitializer(() => {
      void inject(SessionStore).load();
    }),
    // Once a page has loaded, a later deployment's missing code may load an address afresh again.
    provideAppInitializer(() => {
      inject(Router)
        .events.pipe(
          filter((event) => event instanceof NavigationEnd),
          take(1),
        )
        .subscribe(() => forgetReloadForNewCode(window));
    }),
    // A deep link's main read starts now, beside the page's code rather than after it.
    provideAppInitializer(() => {
      const url = firstReadFor(inject(DOCUMENT).location.pathname);
      if (url) {
        inject(EarlyReads).start(url, inject(Router));
      }
    }),
  ],
};
